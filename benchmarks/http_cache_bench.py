"""The HTTP cache's cost per page: the archive table (SQLite, PostgreSQL) against the folder.

A revalidated page costs the storage one read (``retrieve_response``, before the request) and one write
(``store_response``: a 304 stores the entry again with the refreshed headers). Pages are 60 kB of list
HTML built from the bundled snapshots (real lists are 20-100 kB; the snapshots are trimmed). ``--crawl``
also times whole polls of every bundled source through the local mirror (SQLite archive), three in a
row, with each storage. Run: ``.venv/bin/python -m benchmarks.http_cache_bench [--pages N] [--postgres]
[--crawl]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.utils.request import RequestFingerprinter
from sqlalchemy import text

from crawler.cache import AtomicFilesystemCacheStorage, bind_cache
from crawler.mirror_server import SNAPSHOTS
from store.db import open_database, session_factory

PAGE_BYTES = 60_000


def _body(n: int) -> bytes:
    pages = sorted(SNAPSHOTS.rglob("index.html"))
    out = b""
    while len(out) < PAGE_BYTES:
        out += pages[(n + len(out)) % len(pages)].read_bytes()
    return out[:PAGE_BYTES] + f"<!-- {n} -->".encode()


def _run(storage: Any, pages: int) -> dict[str, float]:
    spider: Any = SimpleNamespace(name="pw", crawler=SimpleNamespace(request_fingerprinter=RequestFingerprinter()))
    storage.open_spider(spider)
    urls = [f"https://www.most.gov.cn/tztg/index_{n}.html" for n in range(pages)]
    bodies = [_body(n) for n in range(pages)]
    timings: dict[str, list[float]] = {"first store": [], "retrieve": [], "store again": []}
    for url, body in zip(urls, bodies, strict=True):
        t = time.perf_counter()
        storage.store_response(spider, Request(url), HtmlResponse(url, body=body, headers={"ETag": '"x"'}))
        timings["first store"].append(time.perf_counter() - t)
    for url in urls:  # the next poll: read, 304, store again
        t = time.perf_counter()
        cached = storage.retrieve_response(spider, Request(url))
        timings["retrieve"].append(time.perf_counter() - t)
        t = time.perf_counter()
        storage.store_response(spider, Request(url), cached)
        timings["store again"].append(time.perf_counter() - t)
    storage.close_spider(spider)
    return {k: statistics.median(v) * 1000 for k, v in timings.items()}


def _polls(store: str) -> list[str]:
    from crawler.mirror_server import MirrorServer
    from crawler.runner import crawl
    from crawler.sources import builtin_sources
    from policywatch.config import load_settings
    from tests.conftest import as_rendered

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/archive.sqlite3"
        cfg = Path(tmp) / "pw.toml"
        cfg.write_text(f'[crawl]\nhttp_cache_store = "{store}"\n')
        settings = load_settings(cfg, environ={"POLICYWATCH_DATA_DIR": tmp, "POLICYWATCH_DATABASE_URL": url,
                                               "POLICYWATCH_DOWNLOAD_DELAY": "0", "POLICYWATCH_BROWSER_ENABLED": "0"})
        engine = open_database(url)
        with MirrorServer(record=True) as mirror:
            assert mirror.requests is not None
            for n in range(1, 4):
                mirror.requests.clear()
                t = time.perf_counter()
                asyncio.run(crawl(as_rendered(builtin_sources()), settings, session_factory(engine), mirror=mirror.url,
                                  reactor=False, polite=False))
                took = time.perf_counter() - t
                out.append(f"{store:8} poll {n}: {took:5.2f} s, {len(mirror.requests)} requests, "
                           f"{sum(r[2] == 304 for r in mirror.requests)} answered 304, "
                           f"{sum(r[3] for r in mirror.requests)} body bytes")
        engine.dispose()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--postgres", action="store_true", help="also on a private PostgreSQL cluster (tests/pg.py)")
    parser.add_argument("--crawl", action="store_true", help="also whole polls of the bundled sources")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["folder"] = _run(AtomicFilesystemCacheStorage(Settings({"HTTPCACHE_DIR": f"{tmp}/cache"})),
                                 args.pages)
        engine = open_database(f"sqlite:///{Path(tmp) / 'archive.sqlite3'}")
        results["archive, SQLite"] = _run(bind_cache(session_factory(engine))(Settings()), args.pages)
        with engine.connect() as conn:
            size = conn.execute(text("SELECT sum(length(body)) FROM http_cache")).scalar_one()
        engine.dispose()
        if args.postgres:
            from tests.pg import PgCluster

            with PgCluster() as cluster:
                engine = open_database(cluster.create_database())
                results["archive, PostgreSQL"] = _run(bind_cache(session_factory(engine))(Settings()), args.pages)
                engine.dispose()
    print(f"{args.pages} pages of {PAGE_BYTES // 1000} kB; median ms per page")
    print(f"{'storage':22} {'first store':>12} {'retrieve':>9} {'store again':>12} {'304 total':>10}")
    for name, r in results.items():
        print(f"{name:22} {r['first store']:12.2f} {r['retrieve']:9.2f} {r['store again']:12.2f} "
              f"{r['retrieve'] + r['store again']:10.2f}")
    print(f"compressed bodies: {size / args.pages / 1000:.1f} kB per {PAGE_BYTES // 1000} kB page")
    if args.crawl:
        for line in _polls("folder") + _polls("archive"):
            print(line)


if __name__ == "__main__":
    main()
