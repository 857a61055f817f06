"""Crawl workers at scale (issue 21): throughput and per-host politeness across worker processes.

    .venv/bin/python benchmarks/workers_bench.py                 # 300 channels on 60 hosts, 3 workers x 4
    .venv/bin/python benchmarks/workers_bench.py --hosts 12 --workers 2 --concurrency 2   # a quick look

A private PostgreSQL cluster (tests/pg.py), one local mirror serving made-up official hosts
(``hNN.example.gov.cn``: 5 list pages each, split between two sources, so each host is polled by two
jobs per cycle that any worker may take), the scheduler (``run --engine procrastinate``) and the
workers as processes (tests/workers/harness.py). It runs until every channel was polled twice (the
first poll backfills 2 notices per list; the second revalidates) and reads politeness from the
mirror's request log: the gaps between consecutive requests to each host, over all workers. Scrapy
jitters each delay to 0.5-1.5 x ``download_delay``, so 0.5 x the delay is the floor one worker alone
keeps; two workers on one host at once would show gaps near 0 and overlapping polls in crawl_run.
Results: benchmarks/README.md#workers and benchmarks/workers_results.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pg import PgCluster  # noqa: E402
from tests.workers.scenario import throughput  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hosts", type=int, default=60)
    parser.add_argument("--channels", type=int, default=5, help="list pages per host")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--delay", type=float, default=0.5, help="download_delay, seconds")
    parser.add_argument("--poll-seconds", type=float, default=90)
    parser.add_argument("--no-save", action="store_true", help="do not write benchmarks/workers_results.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pw-workers-bench-") as tmp, PgCluster() as pg:
        out = throughput(pg, Path(tmp), hosts=args.hosts, channels=args.channels, sources_per_host=2,
                         workers=args.workers, concurrency=args.concurrency, delay=args.delay,
                         poll_seconds=args.poll_seconds, cycles=2, limit=1200)
    row = {**dataclasses.asdict(out), "machine": f"{platform.machine()}, {os.cpu_count()} cores",
           "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}
    print(f"{out.channels} channels on {out.hosts} hosts ({out.jobs_per_cycle} jobs per cycle), "
          f"{out.workers} workers x {out.concurrency}: every channel polled twice in {out.seconds:.0f} s "
          f"({out.polls} channel polls, {out.polls / out.seconds:.1f}/s), {out.requests} requests")
    print(f"per-host gaps: min {out.min_gap:.3f} s, median {out.median_gap:.3f} s (delay {out.delay} s, floor "
          f"{0.5 * out.delay:.2f} s); below the floor: {out.below_floor}; overlapping polls of one host: "
          f"{out.overlaps}; polls per worker: {out.per_worker}")
    if not args.no_save:
        (HERE / "workers_results.json").write_text(json.dumps(row, indent=2) + "\n", "utf-8")
    return 0 if out.overlaps == 0 and out.below_floor == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
