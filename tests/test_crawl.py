"""Crawls against the local mirror of bundled snapshots (Scrapy reactorless mode, in-process)."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from store.models import CrawlRun, Notice
from tests.conftest import SNAPSHOTS


def poll(settings: Any, factory: Any, url: str, ids: list[str]) -> Any:
    sources = select_sources(builtin_sources(), ids)
    return asyncio.run(crawl(sources, settings, factory, mirror=url, reactor=False, polite=False))


def details(server: MirrorServer) -> list[str]:
    assert server.requests is not None
    return [p for _, p, _, _ in server.requests if "/t20" in p]


def test_most_crawl_stores_every_channel_and_second_poll_is_cheap(settings: Any, factory: Any,
                                                                   mirror: MirrorServer) -> None:
    report = poll(settings, factory, mirror.url, ["most"])
    assert {r.channel: r.status for r in report.results} == {
        "tztg": "ok", "gfxwj": "ok", "qtwj": "ok", "zcjd": "ok"}
    assert all(r.new >= 3 for r in report.results)
    assert mirror.requests is not None
    mirror.requests.clear()
    again = poll(settings, factory, mirror.url, ["most"])
    assert sum(r.new + r.changed for r in again.results) == 0
    assert details(mirror) == []  # nothing fetched but list page 1 of each channel (+ robots.txt)
    assert all(status == 304 for _, p, status, _ in mirror.requests if p.endswith("/"))
    with factory() as s:
        runs = s.scalars(select(CrawlRun)).all()
    assert len(runs) == 8 and all(r.status == "ok" for r in runs)


def test_gb2312_page_with_wrong_header_is_stored_correctly(settings: Any, factory: Any,
                                                            mirror: MirrorServer) -> None:
    poll(settings, factory, mirror.url, ["most/zcjd"])
    with factory() as s:
        old = s.scalar(select(Notice).where(Notice.url.like("%t20080214_59023.htm")))
    assert old is not None
    assert old.title == "《科技部关于加快建设国家科技创新中心的意见》解读"
    assert "按项目投资额的30%给予配套支持" in old.body and "二〇〇八年二月十四日" in old.body


def _copy_most(tmp_path: Path) -> Path:
    root = tmp_path / "snap"
    shutil.copytree(SNAPSHOTS / "www.most.gov.cn", root / "www.most.gov.cn")
    return root


def test_two_notices_added_to_a_list_are_the_only_new_ones(settings: Any, factory: Any, tmp_path: Path) -> None:
    root = _copy_most(tmp_path)
    with MirrorServer(root, record=True) as server:
        poll(settings, factory, server.url, ["most/tztg"])
        index = root / "www.most.gov.cn" / "tztg" / "index.html"
        detail = root / "www.most.gov.cn" / "tztg" / "202611" / "t20261120_190101.html"
        html = index.read_text("utf-8")
        rows = []
        for n in (1, 2):
            name = f"t2026112{n + 6}_19020{n}.html"
            (detail.parent / name).write_text(detail.read_text("utf-8").replace(
                "评估工作的通知", f"评估工作的补充通知（{n}）"), "utf-8")
            rows.append(f'<li><a href="./202611/{name}" title="补充通知{n}">补充通知{n}</a>'
                        f'<span class="date">2026-11-2{n + 6}</span></li>')
        index.write_text(html.replace('<ul class="info_list2">', '<ul class="info_list2">\n' + "\n".join(rows)),
                         "utf-8")
        assert server.requests is not None
        server.requests.clear()
        report = poll(settings, factory, server.url, ["most/tztg"])
    assert report.results[0].new == 2 and report.results[0].changed == 0
    assert sorted(details(server)) == sorted(
        f"/www.most.gov.cn/tztg/202611/t2026112{n + 6}_19020{n}.html" for n in (1, 2))


def test_selector_that_matches_nothing_fails_the_channel(settings: Any, factory: Any, tmp_path: Path) -> None:
    root = _copy_most(tmp_path)
    index = root / "www.most.gov.cn" / "tztg" / "index.html"
    index.write_text(index.read_text("utf-8").replace("info_list2", "news_list_v2"), "utf-8")
    with MirrorServer(root) as server:
        report = poll(settings, factory, server.url, ["most/tztg"])
    result = report.results[0]
    assert result.status == "failed"
    assert "most/tztg" in (result.reason or "") and "ul.info_list2 li" in (result.reason or "")
    assert result.reason_code == "selector_broken"
    assert report.failed


def test_missing_detail_page_is_an_error_with_backoff_not_a_notice(settings: Any, factory: Any,
                                                                    tmp_path: Path) -> None:
    root = _copy_most(tmp_path)
    (root / "www.most.gov.cn" / "tztg" / "202610" / "t20261015_189822.html").unlink()
    with MirrorServer(root, record=True) as server:
        first = poll(settings, factory, server.url, ["most/tztg"])
        assert first.results[0].status == "partial" and "404" in (first.results[0].reason or "")
        assert first.results[0].reason_code == "http_error"
        assert server.requests is not None
        server.requests.clear()
        poll(settings, factory, server.url, ["most/tztg"])
        assert details(server) == []  # in backoff: not retried on every poll
    with factory() as s:
        assert s.scalar(select(Notice).where(Notice.url.like("%t20261015_189822%"))) is None


def test_block_page_marks_channel_blocked(settings: Any, factory: Any, tmp_path: Path) -> None:
    root = _copy_most(tmp_path)
    index = root / "www.most.gov.cn" / "tztg" / "index.html"
    index.write_bytes(b"<html></html>")
    (index.parent / "index.html.headers.json").write_text('{"status": 403}')
    with MirrorServer(root) as server:
        report = poll(settings, factory, server.url, ["most"])
    status = {r.channel: r.status for r in report.results}
    assert status["tztg"] == "blocked" and status["qtwj"] == "ok"
    assert "13-byte" in (report.results[0].reason or "")
    assert [r.reason_code for r in report.results if r.channel == "tztg"] == ["blocked"]


def test_first_seen_is_recorded_in_utc(settings: Any, factory: Any, mirror: MirrorServer) -> None:
    poll(settings, factory, mirror.url, ["most/qtwj"])
    with factory() as s:
        n = s.scalars(select(Notice)).first()
    assert n is not None and abs((n.first_seen.replace(tzinfo=dt.UTC) - dt.datetime.now(dt.UTC)).total_seconds()) < 120


def test_amounts_only_in_an_attachment_are_extracted(settings: Any, factory: Any, tmp_path: Path) -> None:
    import docx

    root = _copy_most(tmp_path)
    document = docx.Document()
    document.add_paragraph("对评估优秀的试验区，单个项目最高支持3000万元。")
    document.save(str(root / "www.most.gov.cn" / "tztg" / "202611" / "P020261120390101123456.docx"))
    with MirrorServer(root) as server:
        poll(settings, factory, server.url, ["most/tztg"])
    with factory() as s:
        notice = s.scalar(select(Notice).where(Notice.url.like("%t20261120_190101%")))
    assert notice is not None
    rules = [e for e in notice.events if e["type"] == "funding_rule"]
    assert any(e["max_amount_yuan"] == 30_000_000 for e in rules), notice.events


def test_notice_removed_from_site_becomes_withdrawn(settings: Any, factory: Any, tmp_path: Path) -> None:
    root = _copy_most(tmp_path)
    tz = root / "www.most.gov.cn" / "tztg"
    with MirrorServer(root) as server:
        poll(settings, factory, server.url, ["most/tztg"])
        index = tz / "index.html"
        index.write_text(index.read_text("utf-8").replace(
            '<li><a href="./202611/t20261105_190011.html"', '<li class="x"><a href="./202611/t20261105_190011.htm"'),
            "utf-8")
        (tz / "202611" / "t20261105_190011.html").unlink()
        # The row now points elsewhere (a new, broken link) and the old page is gone.
        poll(settings, factory, server.url, ["most/tztg"])
    with factory() as s:
        gone = s.scalar(select(Notice).where(Notice.url.like("%t20261105_190011.html")))
        kept = s.scalar(select(Notice).where(Notice.url.like("%t20261015_189822.html")))
    assert gone is not None and gone.status == "withdrawn"
    assert kept is not None and kept.status == "active"


def test_a_second_poll_records_entries_seen_again_without_refetching(settings: Any, factory: Any,
                                                                      mirror: MirrorServer) -> None:
    """``last_seen`` is when a notice was last on a list, also when its detail page was not fetched."""
    first_at = dt.datetime(2026, 11, 29, 1, 0, tzinfo=dt.UTC)
    again_at = first_at + dt.timedelta(hours=2)  # within recheck_hours: nothing is refetched
    sources = select_sources(builtin_sources(), ["most/tztg"])
    asyncio.run(crawl(sources, settings, factory, mirror=mirror.url, reactor=False, polite=False,
                      clock=lambda: first_at))
    assert mirror.requests is not None
    mirror.requests.clear()
    report = asyncio.run(crawl(sources, settings, factory, mirror=mirror.url, reactor=False, polite=False,
                               clock=lambda: again_at))
    assert details(mirror) == [] and report.results[0].unchanged > 0
    with factory() as s:
        seen = {n.last_seen for n in s.scalars(select(Notice))}
        checked = {n.last_checked for n in s.scalars(select(Notice))}
    page_one = report.results[0].items_seen
    assert page_one > 0
    assert again_at.replace(tzinfo=None) in {t.replace(tzinfo=None) for t in seen}  # listed again: seen now
    assert {t.replace(tzinfo=None) for t in checked} == {first_at.replace(tzinfo=None)}  # but not refetched


def test_an_archive_write_that_fails_reaches_the_channel_health(settings: Any, factory: Any, mirror: MirrorServer,
                                                                monkeypatch: Any) -> None:
    """A database refusing a notice (disk full, lock, bug) makes the poll partial, never "no news"."""
    from store.repository import Repository

    real = Repository.record_notice
    refused: list[str] = []

    def flaky(self: Repository, record: Any, *args: Any) -> Any:
        if not refused:
            refused.append(record.url)
            raise OSError("database or disk is full")
        return real(self, record, *args)

    monkeypatch.setattr(Repository, "record_notice", flaky)
    report = poll(settings, factory, mirror.url, ["most/tztg"])
    result = report.results[0]
    assert result.status == "partial" and result.reason_code == "internal_error", result
    assert "database or disk is full" in (result.reason or "")
    with factory() as s:
        stored = {n.url for n in s.scalars(select(Notice))}
    assert refused and refused[0] not in stored and len(stored) == result.new  # the rest were kept
