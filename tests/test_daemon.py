"""The daemon as ops run it: a subprocess on the production reactor path."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.mirror_server import MirrorServer


def _start(data: Path, mirror: str, *extra: str) -> subprocess.Popen[str]:
    cfg = data.parent / "daemon.toml"
    cfg.write_text('[crawl]\ndownload_delay = 0\n[sources.most]\npoll_minutes = 0.02\n'
                   '[sources.beijing]\npoll_minutes = 0.02\n')
    return subprocess.Popen([sys.executable, "-m", "policywatch", "--config", str(cfg), "--data-dir", str(data),
                             "run", "--mirror", mirror, *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ})


def test_run_once_crawls_and_writes_digest(tmp_path: Path) -> None:
    with MirrorServer() as mirror:
        proc = _start(tmp_path / "d", mirror.url, "--once")
        _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert list((tmp_path / "d" / "outbox").glob("*.eml"))


def test_sigterm_exits_cleanly_and_second_daemon_refuses(tmp_path: Path) -> None:
    data = tmp_path / "d"
    with MirrorServer() as mirror:
        proc = _start(data, mirror.url)
        try:
            deadline = time.monotonic() + 120
            while not list((data / "outbox").glob("*.eml")) and time.monotonic() < deadline:
                time.sleep(0.5)
            assert list((data / "outbox").glob("*.eml")), "no digest within the first cycles"
            second = subprocess.run([sys.executable, "-m", "policywatch", "--data-dir", str(data), "run"],
                                    capture_output=True, text=True, timeout=60)
            assert second.returncode == 2 and "already running" in second.stderr
            started = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
            assert time.monotonic() - started < 10
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""


def test_run_once_exits_1_when_channels_fail_and_never_logs_no_news(tmp_path: Path) -> None:
    """The README's cron mode: a run where the sites answer nothing useful must not exit 0 as "0 new"."""
    empty = tmp_path / "nothing"
    empty.mkdir()
    with MirrorServer(empty) as mirror:  # every list page answers 404
        proc = _start(tmp_path / "d", mirror.url, "--once")
        _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err[-2000:]
    assert "polled most: all 4 channel(s) FAILED (tztg, gfxwj, qtwj, zcjd); nothing was read" in err, err[-2000:]
    assert "polled most: 0 new" not in err and "0 new, 0 changed on the others" not in err


def test_a_partly_failed_poll_counts_news_only_on_the_channels_read(caplog: pytest.LogCaptureFixture) -> None:
    from types import SimpleNamespace

    from scheduler import log_poll

    ok = SimpleNamespace(source="most", channel="tztg", status="ok", reason_code="", reason="", new=2, changed=1)
    bad = SimpleNamespace(source="most", channel="qtwj", status="failed", reason_code="network", reason="refused",
                          new=0, changed=0)
    with caplog.at_level("INFO", logger="policywatch.scheduler"):
        log_poll("most", SimpleNamespace(results=[ok, bad], failed=[bad]))
        log_poll("most", SimpleNamespace(results=[ok], failed=[]))
    lines = [r.getMessage() for r in caplog.records]
    assert lines == ["most/qtwj failed (network): refused",
                     "polled most: 1 of 2 channel(s) FAILED (qtwj); 2 new, 1 changed on the others",
                     "polled most: 2 new, 1 changed"]


def test_an_unreachable_run_logs_one_line_per_failed_channel_not_per_request(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nothing listens on: every request is refused at once
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    proc = _start(tmp_path / "d", f"http://127.0.0.1:{closed}", "--once")
    _out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err[-2000:]
    assert "Gave up retrying" not in err and "apscheduler" not in err, err[-3000:]
    failures = [line for line in err.splitlines() if " failed (network)" in line]
    from crawler.browser import unavailable
    from crawler.sources import builtin_sources

    tier = unavailable(True, "/usr/bin/chromium", True) is None  # the daemon runs on the asyncio reactor
    crawled = sum(1 for s in builtin_sources() for c in s.channels if tier or not c.needs_browser)
    assert len(failures) == crawled, (len(failures), crawled)  # every channel once, with its reason code
