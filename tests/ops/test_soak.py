"""Stable over time: 60 poll cycles of one daemon process, memory and file descriptors stay flat."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path

from crawler.mirror_server import MirrorServer
from tests.ops import helpers as h

CYCLES = 60
POLL = 0.5


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def _fds(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def _cycles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            row = conn.execute("SELECT count(*) FROM crawl_run WHERE source = 'most' AND channel = 'tztg'").fetchone()
            return int(row[0])
    except sqlite3.OperationalError:  # the schema is still being created
        return 0


def test_memory_and_fds_stay_flat_over_60_poll_cycles(tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    data, log = tmp_path / "data", tmp_path / "daemon.log"
    samples: dict[int, tuple[int, int]] = {}  # cycle -> (RSS kB, open fds)
    with h.SmtpSink() as smtp, MirrorServer(root=root) as mirror:
        cfg = h.write_config(tmp_path / "pw.toml", smtp.port, POLL)
        proc = h.start_daemon(cfg, data, mirror.url, log)
        try:
            deadline = time.monotonic() + 150
            while len(samples) < CYCLES and time.monotonic() < deadline:
                assert proc.poll() is None, log.read_text()[-3000:]
                n = _cycles(data / "policywatch.sqlite3")
                if n and n not in samples:
                    samples[n] = (_rss_kb(proc.pid), _fds(proc.pid))
                time.sleep(0.05)
            code, took = h.stop(proc)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert code == 0 and took < 10
    cycles = sorted(samples)
    assert len(cycles) >= CYCLES * 0.9 and cycles[-1] >= CYCLES, cycles  # a sample may fall between polls
    base = [samples[c] for c in cycles if 10 <= c <= 20]
    last = [samples[c] for c in cycles[-10:]]
    base_rss = statistics.mean(r for r, _ in base)
    base_fds = statistics.median(f for _, f in base)
    last_rss = max(r for r, _ in last)
    report = (f"RSS cycle {cycles[0]} {samples[cycles[0]][0] / 1024:.1f} MB, cycles 10-20 mean "
              f"{base_rss / 1024:.1f} MB, last 10 max {last_rss / 1024:.1f} MB; "
              f"fds {base_fds} -> {[f for _, f in last]}")
    print(report)
    assert max(r for r, _ in last) <= base_rss * 1.10, report
    assert all(abs(f - base_fds) <= 5 for _, f in last), report
