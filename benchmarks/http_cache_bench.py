"""The HTTP cache's cost per page: the archive table (SQLite, PostgreSQL) against the folder.

A revalidated page costs the storage one read (``retrieve_response``, before the request) and one write
(``store_response``: a 304 stores the entry again with the refreshed headers). Pages are 60 kB of list
HTML built from the bundled snapshots (real lists are 20-100 kB; the snapshots are trimmed). Run:
``.venv/bin/python -m benchmarks.http_cache_bench [--pages N] [--postgres]``.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.utils.request import RequestFingerprinter

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--postgres", action="store_true", help="also on a private PostgreSQL cluster (tests/pg.py)")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["folder"] = _run(AtomicFilesystemCacheStorage(Settings({"HTTPCACHE_DIR": f"{tmp}/cache"})),
                                 args.pages)
        engine = open_database(f"sqlite:///{Path(tmp) / 'archive.sqlite3'}")
        results["archive, SQLite"] = _run(bind_cache(session_factory(engine))(Settings()), args.pages)
        size = (Path(tmp) / "archive.sqlite3").stat().st_size + (Path(tmp) / "archive.sqlite3-wal").stat().st_size
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
    print(f"SQLite file after {args.pages} pages: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
