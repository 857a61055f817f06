"""Fault injection: a user source served by a misbehaving server, polled three times.

Proves, on both download paths (Scrapy's reactorless aiohttp handler in-process, and the production
Twisted reactor via the ``policywatch crawl`` subprocess): every valid notice is archived exactly once
(one row, one version, one "new" change) within three polls whatever the transient faults; permanent
faults (redirect loop, oversize page) never become notices and are reported with a reason; a notice
that later 404s is marked withdrawn; every channel's failure lands in ``crawl_run`` with a reason;
nothing crashes ("internal error" never appears).

Charset decision (documented here and in parsers/decode.py): ``<meta charset>`` beats the HTTP
header. With *no* meta and a wrong ``charset=utf-8`` header, GBK bytes are still decoded correctly
because the header's charset is only tried strictly and GBK text is virtually never valid UTF-8, so
the decoder falls through to GB18030. (A wrong header naming another *legacy* charset that happens
to decode the bytes, e.g. big5 on GBK text, would win and store mojibake; no site has been seen
doing that.)
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from crawler.runner import crawl
from crawler.user_sources import load_sources_file
from policywatch.config import load_settings
from store.db import open_database, session_factory
from store.models import Change, CrawlRun, FetchFailure, Notice, NoticeVersion
from tests.faults import site as fsite
from tests.faults.fault_server import FaultServer, FaultSite, status

Poll = Callable[[], None]


@pytest.fixture
def fault_site() -> Iterator[tuple[FaultSite, FaultServer]]:
    site = fsite.build_site()
    with FaultServer(site) as server:
        yield site, server


def _in_process(tmp_path: Path, sources_file: Path, config: Path) -> tuple[Poll, sessionmaker[Session]]:
    settings = load_settings(config, environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data")})
    factory = session_factory(open_database(settings.database_url))
    sources = load_sources_file(sources_file)

    def poll() -> None:
        asyncio.run(crawl(sources, settings, factory, reactor=False, polite=False))

    return poll, factory


def _subprocess(tmp_path: Path, sources_file: Path, config: Path) -> tuple[Poll, sessionmaker[Session]]:
    data = tmp_path / "data"
    argv = [sys.executable, "-m", "policywatch", "--config", str(config), "--data-dir", str(data),
            "crawl", "--sources", str(sources_file), "--source", fsite.SOURCE_ID]

    def poll() -> None:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=120, env={**os.environ})
        assert done.returncode in (0, 1), done.stderr  # 1 = some channel failed: expected here
        assert "Traceback" not in done.stderr, done.stderr

    settings = load_settings(config, environ={"POLICYWATCH_DATA_DIR": str(data)})
    return poll, session_factory(open_database(settings.database_url))


def _by_name(session: Session) -> dict[str, Notice]:
    out = {}
    for notice in session.scalars(select(Notice)):
        stem = notice.url.rsplit("/", 1)[-1].removesuffix(".html")
        out[f"flaky-{stem}" if "/flaky/" in notice.url else stem] = notice
    return out


def _runs(session: Session) -> list[CrawlRun]:
    return list(session.scalars(select(CrawlRun).order_by(CrawlRun.id)))


def _assert_after_first_poll(factory: sessionmaker[Session]) -> None:
    with factory() as s:
        runs = {r.channel: r for r in _runs(s)}
        archived = set(_by_name(s))
    assert runs["flaky"].status == "failed" and "HTTP 503 on list page 1" in (runs["flaky"].reason or "")
    assert runs["flaky"].reason_code == "http_error"
    tzgg = runs["tzgg"]
    assert tzgg.status == "partial"
    errors = "\n".join(tzgg.errors)
    assert "HTTP 503" in errors and "down503" in errors  # retries exhausted: reported, not lost
    assert "loop.html" in errors and "redirect" in errors.lower()
    assert "over the size cap on" in errors and "huge.html" in errors
    assert "reset.html" in errors
    assert "internal error" not in errors
    # Recovered within the poll by the retries, or never faulty:
    assert {"plain", "flaky503", "hang", "truncated", "gbkmeta", "gbknometa", "moved", "removed",
            "bad500"} <= archived
    assert not archived & {"down503", "reset", "loop", "huge"}


def _assert_exactly_once(factory: sessionmaker[Session]) -> None:
    with factory() as s:
        notices = _by_name(s)
        versions = Counter(s.scalars(select(NoticeVersion.notice_id)).all())
        changes = Counter((c.notice_id, c.kind) for c in s.scalars(select(Change)))
        uids = s.scalar(select(func.count(func.distinct(Notice.uid))))
        failures = {f.url.rsplit("/", 1)[-1]: f for f in s.scalars(select(FetchFailure))}
    assert sorted(notices) == fsite.VALID
    assert uids == len(notices)
    for name, notice in notices.items():
        assert notice.version == 1 and versions[notice.id] == 1, name
        assert changes[(notice.id, "new")] == 1, name
        assert changes[(notice.id, "revised")] == 0, name
    removed = notices["removed"]
    assert removed.status == "withdrawn" and changes[(removed.id, "withdrawn")] == 1
    assert all(n.status == "active" for k, n in notices.items() if k != "removed")
    assert notices["gbkmeta"].title == fsite.GBK_TITLE
    assert notices["gbknometa"].title == fsite.GBK_TITLE + "（无meta）"
    assert "moved的正文内容" in notices["moved"].body  # followed to /tzgg/new-home.html
    assert set(failures) == {"huge.html"} and failures["huge.html"].reason == "over the size cap"


@pytest.mark.parametrize("mode", ["reactorless", "reactor-subprocess"])
def test_three_polls_under_faults_archive_every_valid_notice_exactly_once(
        tmp_path: Path, fault_site: tuple[FaultSite, FaultServer], mode: str) -> None:
    site, server = fault_site
    sources_file = fsite.write_sources(tmp_path / "sources.toml", server.url)
    config = fsite.write_config(tmp_path / "policywatch.toml")
    make = _in_process if mode == "reactorless" else _subprocess
    poll, factory = make(tmp_path, sources_file, config)

    poll()
    _assert_after_first_poll(factory)
    site.script("/tzgg/removed.html", status(404))  # taken down after we archived it
    poll()
    poll()
    _assert_exactly_once(factory)

    with factory() as s:
        runs = _runs(s)
    assert len(runs) == 6 and all(r.reason for r in runs if r.status != "ok")
    assert [r.status for r in runs if r.channel == "flaky"] == ["failed", "ok", "ok"]
    assert all("internal error" not in "\n".join(r.errors) for r in runs)
    # Backoff: the oversize page is not re-downloaded on every poll.
    assert site.hits["/tzgg/huge.html"] == 1
    # The hostile file:// row never became a request or a notice.
    assert not any("passwd" in path for path, _ in site.log)
