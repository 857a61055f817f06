"""Crawl workers on PostgreSQL (issue 21): real worker processes, a real cluster, SIGKILLs mid-poll.

The CI version kills three times; the 20-kill soak runs with ``make test-all``. What is asserted is
listed in ``tests/workers/scenario.py``. Recovery times and gaps are printed (``-s`` / ``-rP``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.workers import scenario

pytestmark = pytest.mark.postgres


def _report(name: str, out: scenario.Outcome) -> None:
    rec = sorted(out.recoveries)
    print(f"{name}: {len(out.kills)} kills, recovery {rec[0]:.1f}-{rec[-1]:.1f} s (median {rec[len(rec) // 2]:.1f}), "
          f"max poll gap {out.max_poll_gap:.1f} s, min per-host request gap {out.min_host_gap:.2f} s, "
          f"{out.notices} notices, {out.digests} digests, {out.seconds:.0f} s")


@pytest.mark.timeout(240)
def test_a_poll_killed_with_its_worker_is_rerun_by_another(pg_cluster: Any, tmp_path: Path) -> None:
    out = scenario.run(pg_cluster, tmp_path, hosts=6, kills=3, seed=21)
    _report("ci", out)
    assert len(out.kills) == 3


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_twenty_random_kills(pg_cluster: Any, tmp_path: Path) -> None:
    out = scenario.run(pg_cluster, tmp_path, hosts=9, kills=20, seed=2121)
    _report("soak", out)
    assert len(out.kills) == 20
