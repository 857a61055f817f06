"""What the crawler will fetch, and how much of it.

* Sources cannot make the crawler read local files: non-http(s) channel URLs are refused at load,
  ``file:``/``data:``/``ftp:`` links on list pages and in detail pages are dropped, and Scrapy's
  file/data/ftp/s3 download handlers are switched off as the last line of defence.
* Every download has a size cap: pages (``DOWNLOAD_MAXSIZE``) and attachments (``download_maxsize``
  per request); an oversized attachment costs the attachment, never the notice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.plan import ChannelPlan
from crawler.registry import context, select_sources
from crawler.runner import crawl
from crawler.settings import scrapy_settings
from crawler.sources import builtin_sources
from crawler.spider import PolicySpider
from crawler.user_sources import load_sources_text
from parsers.detail import attachments
from parsers.page import ListEntry, html_selector
from parsers.platforms import get_platform
from policywatch.config import load_settings
from policywatch.errors import ConfigError
from store.db import open_database, session_factory
from store.models import Notice
from tests.conftest import SNAPSHOTS

LOCAL = ["file:///etc/passwd", "FILE:///etc/passwd", "data:text/html,<h1>x</h1>", "ftp://127.0.0.1/x",
         "s3://bucket/key", "javascript:alert(1)", "http:/etc/passwd", "gopher://127.0.0.1:70/"]


@pytest.mark.parametrize("url", LOCAL)
def test_user_source_with_non_http_url_is_refused(url: str) -> None:
    text = (f'[[source]]\nid = "x"\nname = "X"\n[[source.channel]]\nid = "y"\nname = "Y"\nurl = "{url}"\n'
            'list_item = "li"\n')
    with pytest.raises(ConfigError, match="only http"):
        load_sources_text(text)


def _plan(platform: str = "trs") -> ChannelPlan:
    src = next(s for s in builtin_sources() if any(c.platform == platform for c in s.channels))
    ch = next(c for c in src.channels if c.platform == platform)
    now = dt.datetime.now(dt.UTC)
    return ChannelPlan(source=src, channel=ch, ctx=context(src, ch), platform=get_platform(platform), known={},
                       deferred=frozenset(), max_pages=1, recheck_before=now, max_rechecks=0, started_at=now)


@pytest.mark.parametrize("url", LOCAL)
def test_spider_never_requests_non_http_list_links(url: str) -> None:
    plan = _plan()
    spider = PolicySpider(plans=[plan])
    request, unknown = spider._entry_request(spider.polls[plan.key], ListEntry(url=url, title="关于file的通知"))
    assert request is None and unknown == 0


def test_trs_list_linking_a_local_file_yields_no_request() -> None:
    plan = _plan()
    html = ('<html><body><ul class="info_list2"><li><a href="file:///etc/passwd" title="x">x</a>'
            '<span class="date">2026-11-29</span></li></ul></body></html>')
    try:
        listing = plan.platform.parse_list(html, plan.ctx.url, plan.ctx)
    except Exception:  # a selector error is fine too: either way nothing is fetched
        return
    spider = PolicySpider(plans=[plan])
    assert all(spider._entry_request(spider.polls[plan.key], e)[0] is None for e in listing.entries)


def test_detail_attachment_links_to_local_files_are_dropped() -> None:
    page = html_selector('<div id="zoom"><a href="file:///etc/passwd.pdf">a</a><a href="data:,x.pdf">b</a>'
                         '<a href="ftp://127.0.0.1/x.docx">c</a><a href="./P1.pdf">ok</a></div>')
    found = attachments(page.css("#zoom"), "https://www.most.gov.cn/tztg/202611/t1.html")
    assert [a.url for a in found] == ["https://www.most.gov.cn/tztg/202611/P1.pdf"]


def test_only_http_download_handlers_and_size_caps_are_configured(tmp_path: Path) -> None:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
    opts: dict[str, Any] = scrapy_settings(settings)
    assert all(opts["DOWNLOAD_HANDLERS"][scheme] is None for scheme in ("file", "data", "ftp", "s3"))
    assert opts["DOWNLOAD_MAXSIZE"] == settings.crawl.max_page_bytes <= 10 * 1024 * 1024
    assert opts["PW_MAX_ATTACHMENT_BYTES"] == settings.crawl.max_attachment_bytes <= 50 * 1024 * 1024


def test_oversized_attachment_is_skipped_and_the_notice_kept(tmp_path: Path) -> None:
    root = tmp_path / "snap"
    shutil.copytree(SNAPSHOTS / "www.most.gov.cn", root / "www.most.gov.cn")
    big = root / "www.most.gov.cn" / "tztg" / "202611" / "P020261120390101123456.docx"
    big.write_bytes(b"PK\x03\x04" + b"\0" * 300_000)  # linked from t20261120_190101.html
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
                                      "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    from dataclasses import replace

    settings = replace(settings, crawl=replace(settings.crawl, max_attachment_bytes=64 * 1024))
    engine = open_database(settings.database_url)
    factory = session_factory(engine)
    try:
        with MirrorServer(root, record=True) as server:
            report = asyncio.run(crawl(select_sources(builtin_sources(), ["most/tztg"]), settings, factory,
                                       mirror=server.url, reactor=False, polite=False))
            assert server.requests is not None
            asked = [p for _, p, _, _ in server.requests if p.endswith(".docx")]
        with factory() as s:
            notice = s.scalar(select(Notice).where(Notice.url.like("%t20261120_190101%")))
    finally:
        engine.dispose()
    assert asked, "the attachment was never requested: the test proves nothing"
    assert report.results[0].status in {"ok", "partial"} and notice is not None


@pytest.mark.parametrize("ident", ["most", "shenzhen", "shanghai"])
def test_a_user_source_cannot_impersonate_a_built_in_one(ident: str, tmp_path: Path) -> None:
    from crawler.sources import all_sources
    from policywatch.app import App

    assert ident in {s.id for s in builtin_sources()}
    text = (f'[[source]]\nid = "{ident}"\nname = "科技部"\n[[source.channel]]\nid = "tztg"\nname = "通知"\n'
            'url = "http://127.0.0.1:8000/tztg/"\nlist_item = "li"\n')
    fake = load_sources_text(text)
    with pytest.raises(ConfigError, match=f"'{ident}' is a built-in source"):
        all_sources(fake)
    with pytest.raises(ConfigError, match="built-in source"):
        App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)}), fake)
    assert [s.id for s in all_sources(load_sources_text(text.replace(f'id = "{ident}"', 'id = "mine"')))][-1] == "mine"
