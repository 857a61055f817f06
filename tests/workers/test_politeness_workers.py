"""Per-host politeness across crawl workers (issue 21), measured on the mirror's request log.

Several sources share each host, so one host's channels are polled by several jobs that any of three
workers may take. The host lock must keep them apart: no two polls of one host at once (crawl_run
intervals), and no two requests to a host closer than Scrapy's jitter floor of the download delay.
The full-size run (300 channels, 60 hosts) is ``benchmarks/workers_bench.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.workers import scenario

pytestmark = pytest.mark.postgres


@pytest.mark.timeout(240)
def test_one_host_is_polled_by_one_worker_at_a_time(pg_cluster: Any, tmp_path: Path) -> None:
    out = scenario.throughput(pg_cluster, tmp_path, hosts=6, channels=4, sources_per_host=2, workers=3,
                              concurrency=3, delay=0.4, poll_seconds=8, cycles=2, limit=150)
    print(out)
    assert out.overlaps == 0, out
    assert out.below_floor == 0 and out.min_gap >= 0.5 * 0.4, out
    assert len(out.per_worker) >= 2, out  # the work really was spread over workers
