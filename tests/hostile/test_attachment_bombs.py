"""Attachment bombs: a small file that costs a parser minutes or gigabytes (crawler/sandbox.py).

A table-heavy .docx makes python-docx superlinear (8 KB: ~4 s here; 333 KB: minutes and GBs). The
text is extracted in a child process under CPU/memory/wall limits, awaited off the event loop; a
limit hit costs only that attachment's text, never the notice, the crawl or a shutdown.
"""

from __future__ import annotations

import asyncio
import io
import shutil
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sandbox import Limits, extract_off_reactor, extract_sandboxed
from crawler.sources import builtin_sources
from policywatch.config import load_settings
from policywatch.errors import ParseError
from store.db import open_database, session_factory
from store.models import Notice
from tests.conftest import SNAPSHOTS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(body_xml: str) -> bytes:
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
             '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
             '"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
             'document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body_xml}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
    return buf.getvalue()


def table_bomb(rows: int = 300, cols: int = 200) -> bytes:
    cell = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"
    grid = "<w:tblGrid>" + "<w:gridCol/>" * cols + "</w:tblGrid>"
    return docx("<w:tbl>" + grid + ("<w:tr>" + cell * cols + "</w:tr>") * rows + "</w:tbl>")


GOOD = docx("<w:p><w:r><w:t>单个项目最高资助500万元。</w:t></w:r></w:p>")


def test_a_normal_attachment_reads_the_same_in_the_sandbox() -> None:
    assert extract_sandboxed(GOOD, "a.docx", None, Limits()) == "单个项目最高资助500万元。"
    with pytest.raises(ParseError, match="unsupported attachment type"):
        extract_sandboxed(b"not a document", "a.bin", None, Limits())


def test_cpu_bomb_is_stopped_at_the_cpu_limit() -> None:
    bomb = table_bomb()
    assert len(bomb) < 64 * 1024  # small on the wire
    started = time.monotonic()
    with pytest.raises(ParseError, match="CPU limit"):
        extract_sandboxed(bomb, "bomb.docx", None, Limits(cpu_seconds=1, wall_seconds=30))
    assert time.monotonic() - started < 15


def test_memory_and_wall_limits_apply() -> None:
    with pytest.raises(ParseError, match=r"memory limit|died|cannot read"):
        extract_sandboxed(table_bomb(), "m.docx", None, Limits(memory_bytes=64 * 2**20))
    with pytest.raises(ParseError, match="longer than"):
        extract_sandboxed(table_bomb(), "w.docx", None, Limits(cpu_seconds=60, wall_seconds=0.5))


def test_text_sent_back_is_capped() -> None:
    many = docx("".join(f"<w:p><w:r><w:t>第{i}段</w:t></w:r></w:p>" for i in range(5000)))
    assert len(extract_sandboxed(many, "p.docx", None, Limits(max_chars=1000))) == 1000


def test_the_event_loop_keeps_running_while_a_bomb_is_parsed() -> None:
    async def scenario() -> int:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.05)

        task = asyncio.ensure_future(ticker())
        with pytest.raises(ParseError):
            # Three times the default bomb (~6 CPU-s here): the 2 s limit stops it on a fast machine too
            # (the default one takes about 2 s, so it sometimes finished just inside the limit).
            await extract_off_reactor(table_bomb(rows=900), "bomb.docx", None, Limits(cpu_seconds=2, wall_seconds=30))
        task.cancel()
        return ticks

    assert asyncio.run(scenario()) >= 15  # ~2 s of parsing: the loop ticked all along


def test_a_crawl_keeps_the_notice_when_its_attachment_is_a_bomb(tmp_path: Path) -> None:
    root = tmp_path / "snap"
    shutil.copytree(SNAPSHOTS / "www.most.gov.cn", root / "www.most.gov.cn")
    attachment = root / "www.most.gov.cn" / "tztg" / "202611" / "P020261120390101123456.docx"
    attachment.write_bytes(table_bomb())  # linked from t20261120_190101.html
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
                                      "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    settings = replace(settings, crawl=replace(settings.crawl, attachment_cpu_seconds=1))
    engine = open_database(settings.database_url)
    try:
        with MirrorServer(root, record=True) as server:
            started = time.monotonic()
            report = asyncio.run(crawl(select_sources(builtin_sources(), ["most/tztg"]), settings,
                                       session_factory(engine), mirror=server.url, reactor=False, polite=False))
            took = time.monotonic() - started
            assert server.requests is not None
            assert any(p.endswith(".docx") for _, p, _, _ in server.requests)
        with session_factory(engine)() as s:
            notice = s.scalar(select(Notice).where(Notice.url.like("%t20261120_190101%")))
    finally:
        engine.dispose()
    assert notice is not None and "试验区" in notice.title
    assert report.results[0].status == "ok" and took < 60, (report.results[0], took)
