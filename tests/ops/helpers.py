"""Helpers for the daemon tests: a private mirror, an SMTP sink, the daemon as a subprocess."""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from crawler.mirror_server import SNAPSHOTS
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "sources" / "fixtures"
TZTG = Path("www.most.gov.cn/tztg")
TZTG_DETAIL = TZTG / "202611" / "t20261120_190101.html"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Inbox:
    """aiosmtpd handler keeping every message, parsed."""

    messages: list[tuple[str, EmailMessage]] = field(default_factory=list)  # (recipient, message)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for rcpt in envelope.rcpt_tos:
            self.messages.append((rcpt, msg))
        return "250 OK"

    def to(self, rcpt: str) -> list[EmailMessage]:
        return [m for r, m in list(self.messages) if r == rcpt]


class SmtpSink:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def body(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    return part.get_content() if part is not None else ""


def copy_mirror(dest: Path, hosts: Iterable[str] | None = None) -> Path:
    if hosts is None:
        shutil.copytree(SNAPSHOTS, dest)
    else:
        for host in hosts:
            shutil.copytree(SNAPSHOTS / host, dest / host)
    return dest


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)  # the mirror never serves a half-written page


def publish(root: Path, n: int) -> str:
    """A new notice on MOST 通知通告 page 1 (a new detail page and a new top row); returns its title."""
    title = f"科技部关于第{n}批人工智能应用场景试点的补充通知"
    name = f"t202611{n:02d}_3{n:05d}.html"
    template = (root / TZTG_DETAIL).read_text("utf-8")
    old_title = "科技部关于组织开展2026年度国家新一代人工智能创新发展试验区评估工作的通知"
    (root / TZTG / "202611" / name).write_text(template.replace(old_title, title), "utf-8")
    index = root / TZTG / "index.html"
    row = f'<li><a href="./202611/{name}" title="{title}">{title}</a><span class="date">2026-11-29</span></li>'
    html = index.read_text("utf-8").replace('<ul class="info_list2">', '<ul class="info_list2">\n' + row, 1)
    _replace(index, html.encode("utf-8"))
    return title


def redesign(root: Path) -> bytes:
    """Replace the 通知通告 list with a redesigned page our selector does not know; returns the old page."""
    index = root / TZTG / "index.html"
    old = index.read_bytes()
    _replace(index, old.replace(b'<ul class="info_list2">', b'<ul class="news-list-v2">'))
    return old


def serve(root: Path, rel: Path, data: bytes, status: int = 200, headers: dict[str, str] | None = None) -> None:
    path = root / rel
    sidecar = path.with_name(path.name + ".headers.json")
    if status != 200 or headers:
        sidecar.write_text(json.dumps({"status": status, "headers": headers or {"Content-Type": "text/html"}}))
    else:
        sidecar.unlink(missing_ok=True)
    _replace(path, data)


def write_config(path: Path, smtp_port: int, poll_seconds: float, extra: str = "") -> Path:
    path.write_text(
        "[crawl]\ndownload_delay = 0\nautothrottle = false\n"
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nsender = "monitor@example.org"\n'
        "timeout = 10\n[schedule]\nnotify_seconds = 1\n"
        # These tests serve static block pages: the plain-HTTP block path is what they check
        # (a static challenge is never passable; the browser tier has tests/test_browser.py).
        "[browser]\nenabled = false\n"
        f"[sources.most]\npoll_seconds = {poll_seconds}\n" + extra, "utf-8")
    return path


def cli(config: Path, data: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policywatch", "--config", str(config), "--data-dir", str(data),
                           *args], capture_output=True, text=True, timeout=timeout)


def start_daemon(config: Path, data: Path, mirror: str, log: Path) -> subprocess.Popen[bytes]:
    handle = log.open("ab")
    return subprocess.Popen([sys.executable, "-m", "policywatch", "--config", str(config), "--data-dir",
                             str(data), "--log-format", "json", "run", "--mirror", mirror],
                            stdout=handle, stderr=handle, env={**os.environ})


def stop(proc: subprocess.Popen[bytes], timeout: float = 10) -> tuple[int, float]:
    """SIGTERM; returns (exit code, seconds it took)."""
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise
    return code, time.monotonic() - started


def wait_for(what: str, check: Callable[[], Any], timeout: float = 60, interval: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def status(config: Path, data: Path) -> dict[str, dict[str, Any]]:
    out = cli(config, data, "status", "--json")
    assert out.returncode == 0, out.stderr
    return {f"{r['source']}/{r['channel']}": r for r in json.loads(out.stdout)}
