"""The HTTP cache in the archive (issue 21): any crawl run that shares the database revalidates.

Two crawl runs with nothing in common but the database (different data directories, no cache folder,
the second in its own process on the production reactor) poll the same list page: the second sends the
first one's validators, gets a 304 and parses the stored page (no "no news" from an empty 304). A 521
never hands back the cached page (MonitorCachePolicy), a transaction killed mid-write leaves no entry,
two workers writing one URL both succeed, and neither cookies nor request headers are stored. On
SQLite and PostgreSQL (``db_url``).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings as ScrapySettings
from scrapy.utils.request import RequestFingerprinter
from sqlalchemy import select, text

from crawler.cache import ArchiveCacheStorage, bind_cache
from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from policywatch.config import load_settings
from store.db import open_database, session_factory, transaction
from store.httpcache import CachedPage, load_page, save_page
from store.models import CrawlRun, HttpCache, Notice
from tests.conftest import ROOT
from tests.ops import helpers as h

LIST = "/www.most.gov.cn/tztg/"


class Recorder:
    """The mirror's requests with the conditional headers each one carried."""

    def __init__(self, server: MirrorServer) -> None:
        self.seen: list[dict[str, str | None]] = []
        seen = self.seen
        base: type[BaseHTTPRequestHandler] = server.httpd.RequestHandlerClass  # type: ignore[assignment]

        class Handler(base):  # type: ignore[valid-type, misc]
            def _serve(self, body: bytes | None) -> None:
                seen.append({"path": self.path, "inm": self.headers.get("If-None-Match"),
                             "ims": self.headers.get("If-Modified-Since")})
                super()._serve(body)

        server.httpd.RequestHandlerClass = Handler


def _settings(data_dir: Path, url: str) -> Any:
    return load_settings(environ={"POLICYWATCH_DATA_DIR": str(data_dir), "POLICYWATCH_DATABASE_URL": url,
                                  "POLICYWATCH_DOWNLOAD_DELAY": "0", "POLICYWATCH_BROWSER_ENABLED": "false"})


def _poll_in_process(data_dir: Path, url: str, mirror: str) -> Any:
    engine = open_database(url)
    try:
        sources = select_sources(builtin_sources(), ["most/tztg"])
        return asyncio.run(crawl(sources, _settings(data_dir, url), session_factory(engine), mirror=mirror,
                                 reactor=False, polite=False))
    finally:
        engine.dispose()


def _poll_cli(tmp_path: Path, data_dir: Path, url: str, mirror: str) -> str:
    cfg = tmp_path / "pw.toml"
    cfg.write_text("[crawl]\ndownload_delay = 0\nautothrottle = false\n[browser]\nenabled = false\n")
    env = {**os.environ, "POLICYWATCH_DATABASE_URL": url}
    out = subprocess.run([sys.executable, "-m", "policywatch", "--config", str(cfg), "--data-dir", str(data_dir),
                          "crawl", "--source", "most/tztg", "--mirror", mirror],
                         capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def _notices(url: str) -> list[tuple[Any, ...]]:
    engine = open_database(url)
    try:
        with session_factory(engine)() as s:
            return [tuple(r) for r in s.execute(select(Notice.uid, Notice.content_hash, Notice.title, Notice.status)
                                               .order_by(Notice.uid))]
    finally:
        engine.dispose()


def test_a_second_run_sharing_only_the_database_revalidates(db_url: str, tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    with MirrorServer(root=root, record=True) as server:
        recorder = Recorder(server)
        assert server.requests is not None
        first = _poll_in_process(tmp_path / "worker-a", db_url, server.url)
        assert [r.status for r in first.results] == ["ok"] and first.results[0].new >= 3
        before = _notices(db_url)
        first_bytes = sum(n for _, _, _, n in server.requests)
        first_requests = len(server.requests)
        server.requests.clear()
        recorder.seen.clear()

        out = _poll_cli(tmp_path, tmp_path / "worker-b", db_url, server.url)  # another process, another data dir

        assert out.split()[1] == "ok", out
        lists = [r for r in recorder.seen if r["path"] == LIST]
        assert len(lists) == 1 and lists[0]["inm"] and lists[0]["ims"], recorder.seen
        assert [(p, status) for _, p, status, _ in server.requests if p == LIST] == [(LIST, 304)]
        assert not [p for _, p, _, _ in server.requests if "/t20" in p]  # no detail page refetched
        second_bytes = sum(n for _, _, _, n in server.requests)
        print(f"\nfirst run: {first_requests} requests, {first_bytes} B; "
              f"second run: {len(server.requests)} requests, {second_bytes} B")
    assert not (tmp_path / "worker-a" / "httpcache").exists() and not (tmp_path / "worker-b" / "httpcache").exists()
    assert _notices(db_url) == before  # the 304 handed over the stored list: nothing new, nothing gone
    engine = open_database(db_url)
    try:
        with session_factory(engine)() as s:
            runs = s.scalars(select(CrawlRun).order_by(CrawlRun.id)).all()
            entry = s.scalar(select(HttpCache).where(HttpCache.url.like(f"%{LIST}")))
    finally:
        engine.dispose()
    assert [r.status for r in runs] == ["ok", "ok"]
    print({k: getattr(runs[1], k) for k in ("pages", "items_seen", "new", "changed", "unchanged", "http_codes")})
    assert runs[1].items_seen == 3 and runs[1].new == runs[1].changed == 0  # list page 1, parsed from the cache
    assert entry is not None and entry.etag and entry.last_modified and entry.status == 200
    assert zlib.decompress(entry.body) == (root / "www.most.gov.cn/tztg/index.html").read_bytes()


def test_a_521_after_a_cached_poll_is_blocked_not_the_cached_page(db_url: str, tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    with MirrorServer(root=root) as server:
        assert [r.status for r in _poll_in_process(tmp_path / "a", db_url, server.url).results] == ["ok"]
        h.serve(root, h.TZTG / "index.html", (h.FIXTURES / "jiasule_challenge.html").read_bytes(), 521)
        assert [r.status for r in _poll_in_process(tmp_path / "b", db_url, server.url).results] == ["blocked"]
        h.serve(root, h.TZTG / "index.html", b"<html><body>Service Unavailable</body></html>", 503)
        assert [r.status for r in _poll_in_process(tmp_path / "c", db_url, server.url).results] == ["failed"]


def test_an_unreachable_site_after_a_cached_poll_fails_not_the_cached_page(db_url: str, tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    with MirrorServer(root=root) as server:
        assert [r.status for r in _poll_in_process(tmp_path / "a", db_url, server.url).results] == ["ok"]
    report = _poll_in_process(tmp_path / "b", db_url, server.url)  # the port now refuses connections
    assert [(r.status, r.items_seen) for r in report.results] == [("failed", 0)], report.results


URL = "https://kjj.hefei.gov.cn/zwgk/tzgg/index.html"


def _spider() -> Any:
    return SimpleNamespace(name="pw", crawler=SimpleNamespace(request_fingerprinter=RequestFingerprinter()))


def _storage(url: str, **settings: Any) -> tuple[ArchiveCacheStorage, Any]:
    storage = bind_cache(session_factory(open_database(url)))(ScrapySettings(settings))
    spider = _spider()
    storage.open_spider(spider)
    return storage, spider


def _page(n: int) -> bytes:
    return f"<ul><li>版本 {n}</li></ul>".encode() * (100 + n)


def _response(n: int, **headers: str) -> HtmlResponse:
    return HtmlResponse(URL, body=_page(n), headers={"ETag": f'"v{n}"', "Content-Type": "text/html; charset=utf-8",
                                                    **headers}, request=Request(URL))


KILLED_WRITER = """
import datetime as dt, sys, time
from store.db import open_database, session_factory, transaction
from store.httpcache import CachedPage, save_page
factory = session_factory(open_database(sys.argv[1]))
with transaction(factory) as s:
    for key in ("new-entry", sys.argv[2]):
        save_page(s, CachedPage(key, "https://x/", 200, {"ETag": ['"torn"']}, b"torn" * 1000,
                                dt.datetime.now(dt.UTC)))
    s.flush()
    print("written", flush=True)
    time.sleep(120)
"""


def test_a_write_killed_before_its_commit_leaves_the_old_entry_or_none(db_url: str) -> None:
    storage, spider = _storage(db_url)
    storage.store_response(spider, Request(URL), _response(1))
    key = RequestFingerprinter().fingerprint(Request(URL)).hex()
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, db_url, key], stdout=subprocess.PIPE, text=True,
                             cwd=ROOT)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    cached = storage.retrieve_response(spider, Request(URL))
    assert cached is not None and cached.body == _page(1) and cached.headers[b"ETag"] == b'"v1"'
    assert storage.factory is not None
    with storage.factory() as s:
        assert load_page(s, "new-entry") is None
    storage.store_response(spider, Request(URL), _response(2))  # the dead writer holds no lock
    cached = storage.retrieve_response(spider, Request(URL))
    assert cached is not None and cached.body == _page(2)


def test_two_workers_storing_one_url_both_succeed_and_the_entry_stays_whole(db_url: str) -> None:
    workers = [_storage(db_url) for _ in range(2)]  # two engines: two crawl workers
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def work(index: int) -> None:
        storage, spider = workers[index]
        barrier.wait()
        try:
            for n in range(index, 60, 2):
                storage.store_response(spider, Request(URL), _response(n))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    storage, spider = workers[0]
    cached = storage.retrieve_response(spider, Request(URL))
    assert cached is not None
    n = int((cached.headers[b"ETag"] or b"").strip(b'"v'))
    assert n in (58, 59) and cached.body == _page(n)  # one writer's last version, validators and body together


def test_no_cookie_and_no_request_header_is_stored(db_url: str) -> None:
    storage, spider = _storage(db_url)
    request = Request(URL, headers={"Cookie": "jsluid=REQSECRET", "Authorization": "Basic QUTHSECRET"})
    storage.store_response(spider, request, _response(1, **{"Set-Cookie": "__jsl_clearance=SETSECRET; path=/",
                                                            "Last-Modified": "Tue, 01 Dec 2026 08:00:00 GMT"}))
    assert storage.factory is not None
    with storage.factory() as s:
        row = s.scalars(select(HttpCache)).one()
        stored = json.dumps(row.headers) + row.url + zlib.decompress(row.body).decode()
    assert not any(secret in stored for secret in ("REQSECRET", "QUTHSECRET", "SETSECRET"))
    assert row.etag == '"v1"' and row.last_modified == "Tue, 01 Dec 2026 08:00:00 GMT"
    assert row.body_bytes == len(_page(1)) > len(row.body)


def test_a_database_error_is_a_cache_miss_and_logs_no_body_nor_header(db_url: str,
                                                                      caplog: pytest.LogCaptureFixture) -> None:
    storage, spider = _storage(db_url)
    assert storage.factory is not None
    with transaction(storage.factory) as s:
        s.execute(text("DROP TABLE http_cache"))
    response = _response(1, **{"Set-Cookie": "__jsl_clearance=SETSECRET"})
    storage.store_response(spider, Request(URL), response)  # no exception: the page still reaches the spider
    assert storage.retrieve_response(spider, Request(URL)) is None
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "could not write the entry" in logged and "could not read the entry" in logged
    assert "SETSECRET" not in logged and "版本" not in logged and "\\x" not in logged


def test_a_body_over_the_cap_is_not_cached_and_drops_the_older_entry(db_url: str) -> None:
    storage, spider = _storage(db_url, PW_HTTPCACHE_MAX_BODY=len(_page(1)))
    storage.store_response(spider, Request(URL), _response(1))
    assert storage.retrieve_response(spider, Request(URL)) is not None
    storage.store_response(spider, Request(URL), _response(2))  # one byte per <li> longer: over the cap
    assert storage.retrieve_response(spider, Request(URL)) is None


def test_save_page_is_an_upsert(db_url: str) -> None:
    import datetime as dt

    factory = session_factory(open_database(db_url))
    now = dt.datetime(2026, 12, 4, 1, 0, tzinfo=dt.UTC)
    for n in (1, 2):
        with transaction(factory) as s:
            save_page(s, CachedPage("k", f"https://x/{n}", 200, {"ETag": [f'"{n}"']}, _page(n), now))
    with factory() as s:
        page = load_page(s, "k")
        assert s.scalars(select(HttpCache.fingerprint)).all() == ["k"]
    assert page is not None and page.url == "https://x/2" and page.body == _page(2) and page.stored_at == now


@pytest.mark.parametrize("store", ["archive", "folder"])
def test_the_store_is_a_config_key(tmp_path: Path, store: str) -> None:
    from crawler.settings import scrapy_settings

    cfg = tmp_path / "pw.toml"
    cfg.write_text(f'[crawl]\nhttp_cache_store = "{store}"\n')
    settings = load_settings(cfg, environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
    expected = {"archive": "crawler.cache.ArchiveCacheStorage", "folder": "crawler.cache.AtomicFilesystemCacheStorage"}
    assert scrapy_settings(settings, reactor=False)["HTTPCACHE_STORAGE"] == expected[store]


def test_an_unknown_store_is_a_config_error(tmp_path: Path) -> None:
    from policywatch.config import ConfigError

    cfg = tmp_path / "pw.toml"
    cfg.write_text('[crawl]\nhttp_cache_store = "redis"\n')
    with pytest.raises(ConfigError, match="http_cache_store"):
        load_settings(cfg, environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})


def test_entries_not_written_for_keep_days_are_pruned_when_a_crawl_opens(db_url: str) -> None:
    import datetime as dt

    factory = session_factory(open_database(db_url))
    now = dt.datetime.now(dt.UTC)
    with transaction(factory) as s:
        save_page(s, CachedPage("old", "https://x/old", 200, {}, b"old", now - dt.timedelta(days=31)))
        save_page(s, CachedPage("young", "https://x/young", 200, {}, b"young", now - dt.timedelta(days=29)))
    _storage(db_url)
    with factory() as s:
        assert s.scalars(select(HttpCache.fingerprint)).all() == ["young"]
