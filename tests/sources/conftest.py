"""Helpers for the source tests: read snapshots as the mirror would serve them, and crawl them."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.mirror_server import SNAPSHOTS, MirrorServer, resolve
from crawler.registry import SourceSpec, context
from crawler.runner import CrawlReport, crawl
from crawler.sources import builtin_sources
from parsers.decode import decode_html
from parsers.page import ChannelContext, PageRequest, Platform
from parsers.platforms import get_platform
from policywatch.config import load_settings
from store.db import open_database, session_factory

TODAY = dt.date(2026, 11, 29)  # frozen "today" for every date invariant
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def snapshot_bytes(request: PageRequest, root: Path = SNAPSHOTS) -> bytes:
    """The bytes the mirror would answer ``request`` with (query / POST-body keyed files included)."""
    parts = urlsplit(request.url)
    found = resolve(root / parts.netloc, parts.path, parts.query, request.body)
    assert found is not None, f"no snapshot for {request.method} {request.url}"
    return found.read_bytes()


def snapshot_text(request: PageRequest) -> str:
    return decode_html(snapshot_bytes(request))[0]


def channel_parts(key: str) -> tuple[SourceSpec, ChannelContext, Platform]:
    sid, cid = key.split("/")
    src = next(s for s in builtin_sources() if s.id == sid)
    ch = src.channel(cid)
    return src, context(src, ch), get_platform(ch.platform)


def all_channel_keys() -> list[str]:
    return [f"{s.id}/{c.id}" for s in builtin_sources() for c in s.channels]


def copy_hosts(dest: Path, hosts: Iterable[str]) -> Path:
    """A private snapshot root holding only ``hosts``, so a test can overlay block pages."""
    for host in hosts:
        shutil.copytree(SNAPSHOTS / host, dest / host)
    return dest


def overlay(root: Path, url: str, fixture: str, status: int, headers: dict[str, str] | None = None) -> None:
    """Serve ``fixture`` with ``status`` at ``url`` (directory URLs map to index.html)."""
    import json

    parts = urlsplit(url)
    path = parts.path + ("index.html" if parts.path.endswith("/") else "")
    target = root / parts.netloc / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((FIXTURES / fixture).read_bytes())
    spec = {"status": status, "headers": headers or {"Content-Type": "text/html"}}
    target.with_name(target.name + ".headers.json").write_text(json.dumps(spec), "utf-8")


Crawler = Callable[..., CrawlReport]


@pytest.fixture
def run_crawl(tmp_path: Path) -> Crawler:
    """Crawl sources against a mirror of ``root``; each call is one poll on the same database."""
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data")})
    factory = session_factory(open_database(settings.database_url))

    def run(sources: tuple[SourceSpec, ...], root: Path = SNAPSHOTS) -> CrawlReport:
        with MirrorServer(root=root) as mirror:
            return asyncio.run(crawl(sources, settings, factory, mirror=mirror.url, reactor=False, polite=False))

    return run
