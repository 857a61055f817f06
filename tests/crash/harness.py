"""Kill-and-restart harness: ``policywatch run --once`` subprocesses against a local mirror and a
local SMTP server, SIGKILLed at seeded random points, with an archive audit after every kill.

Kill points come from a seeded ``random.Random``: either a delay after start (lands mid-start-up,
mid-crawl, mid-write or mid-notify) or *on send* — the SMTP server kills the daemon right after it
has accepted a message and before the daemon hears the 250, i.e. exactly between "sent" and
"recorded", the one window where the ledger documents a resend.
"""

from __future__ import annotations

import email
import email.policy
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from tests.conftest import SNAPSHOTS

_MSGID = re.compile(r"<([^@>]+)@")
TZTG = Path("www.most.gov.cn") / "tztg"
TEMPLATE_DETAIL = TZTG / "202611" / "t20261120_190101.html"


@dataclass
class Received:
    digest_id: str
    recipient: str
    run: int


@dataclass
class KillingMailbox:
    """aiosmtpd handler that records Message-IDs and can SIGKILL the sender on acceptance."""

    received: list[Received] = field(default_factory=list)
    run: int = 0
    pid: int | None = None
    kill_on_send: bool = False
    killed_on_send: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        match = _MSGID.search(str(msg["Message-ID"]))
        digest_id = match.group(1) if match else "?"
        with self.lock:
            first_copy = all(r.digest_id != digest_id for r in self.received)
            self.received.append(Received(digest_id, ",".join(envelope.rcpt_tos), self.run))
            if self.kill_on_send and first_copy and self.pid and not self.killed_on_send:
                # Accepted but never acknowledged: the daemon dies between send and record.
                os.kill(self.pid, signal.SIGKILL)
                self.killed_on_send = True
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SmtpSink:
    def __init__(self) -> None:
        self.mailbox = KillingMailbox()
        self.port = _free_port()  # aiosmtpd's Controller cannot start on port 0
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpSink:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def copy_snapshots(dest: Path) -> Path:
    shutil.copytree(SNAPSHOTS, dest)
    return dest


def add_notice(root: Path, n: int) -> str:
    """Publish notice ``n`` on MOST 通知通告 page 1 (a new detail page and a new top row)."""
    name = f"t202611{n:02d}_29{n:04d}.html"
    template = (root / TEMPLATE_DETAIL).read_text("utf-8")
    detail = root / TZTG / "202611" / name
    detail.write_text(template.replace("评估工作的通知", f"评估工作的第{n}次补充通知"), "utf-8")
    index = root / TZTG / "index.html"
    row = (f'<li><a href="./202611/{name}" title="第{n}次补充通知">第{n}次补充通知</a>'
           f'<span class="date">2026-11-{n % 28 + 1:02d}</span></li>')
    html = index.read_text("utf-8").replace('<ul class="info_list2">', '<ul class="info_list2">\n' + row, 1)
    tmp = index.with_suffix(".tmp")
    tmp.write_text(html, "utf-8")
    tmp.replace(index)  # the mirror never serves a half-written list
    return name


# A digest claimed by a killed run is resent once its lease has run out. Sends to the local SMTP
# server take milliseconds and the runs never overlap, so a short lease is safe here and keeps the
# test fast; production uses [notify] lease_seconds (600 s by default).
LEASE_SECONDS = 2.0


def write_config(path: Path, smtp_port: int) -> Path:
    path.write_text(
        "[crawl]\ndownload_delay = 0\nautothrottle = false\n"
        f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\nsender = "monitor@example.org"\n'
        f"timeout = 10\n[notify]\nlease_seconds = {LEASE_SECONDS}\n", "utf-8")
    return path


def daemon_argv(config: Path, data: Path, mirror: str) -> list[str]:
    return [sys.executable, "-m", "policywatch", "--config", str(config), "--data-dir", str(data),
            "run", "--once", "--mirror", mirror]


def run_once(argv: list[str], mailbox: KillingMailbox, *, run: int, kill_after: float | None,
             kill_on_send: bool, limit: float = 120.0) -> bool:
    """Start one cycle; return True if it was killed (by us) rather than finishing."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - a file, not a pipe: a chatty child must never block
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=log, env={**os.environ})
    with mailbox.lock:
        mailbox.run, mailbox.pid = run, proc.pid
        mailbox.kill_on_send, mailbox.killed_on_send = kill_on_send, False
    try:
        proc.wait(timeout=kill_after if kill_after is not None else limit)
    except subprocess.TimeoutExpired:
        if kill_after is None:
            proc.kill()
            raise AssertionError(f"run {run} did not finish within {limit} s") from None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        with mailbox.lock:
            mailbox.pid, mailbox.kill_on_send = None, False
        log.seek(0)
        err = log.read().decode("utf-8", "replace")
        log.close()
    killed = proc.returncode == -signal.SIGKILL
    if not killed:
        assert proc.returncode in (0, 1), f"run {run} exited {proc.returncode}: {err[-3000:]}"
        # A SIGKILL can leave a half-written Scrapy HTTP-cache entry; Scrapy logs it with its
        # traceback and treats it as a miss (a refetch, nothing lost). Any other traceback fails.
        assert "Traceback" not in _without_cache_misses(err), err[-3000:]
    return killed


# -- audit ----------------------------------------------------------------------------------

def _one(db: sqlite3.Connection, sql: str) -> Any:
    return db.execute(sql).fetchone()[0]


def audit(db_path: Path) -> None:
    """The archive is consistent whatever moment the last process died at."""
    if not db_path.exists():
        return
    db = sqlite3.connect(db_path, timeout=30)
    try:
        assert _one(db, "PRAGMA integrity_check") == "ok"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "notice" not in tables:
            return  # killed before the first migration committed
        assert _one(db, "SELECT COUNT(*) - COUNT(DISTINCT uid) FROM notice") == 0, "duplicate notice uid"
        gaps = db.execute(
            "SELECT n.id FROM notice n LEFT JOIN (SELECT notice_id, COUNT(*) c, MIN(version) lo, MAX(version) hi "
            "FROM notice_version GROUP BY notice_id) v ON v.notice_id = n.id "
            "WHERE v.c IS NULL OR v.lo != 1 OR v.hi != n.version OR v.c != n.version").fetchall()
        assert not gaps, f"versions not contiguous for notices {gaps}"
        assert _one(db, "SELECT COUNT(*) FROM change c LEFT JOIN notice n ON n.id = c.notice_id "
                        "WHERE n.id IS NULL") == 0, "change without its notice"
        assert _one(db, "SELECT COUNT(*) FROM notice n WHERE NOT EXISTS (SELECT 1 FROM change c "
                        "WHERE c.notice_id = n.id AND c.kind = 'new')") == 0, "notice without its 'new' change"
        assert _one(db, "SELECT COUNT(*) FROM delivery d LEFT JOIN change c ON c.id = d.change_id "
                        "WHERE c.id IS NULL") == 0, "delivery without its change"
        assert _one(db, "SELECT COUNT(*) FROM (SELECT digest_id FROM delivery GROUP BY digest_id "
                        "HAVING COUNT(DISTINCT status) > 1)") == 0, "a digest's rows disagree on status"
    finally:
        db.close()


def digest_statuses(db_path: Path) -> dict[str, str]:
    if not db_path.exists():
        return {}
    db = sqlite3.connect(db_path, timeout=30)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'delivery'").fetchone():
            return {}
        return dict(db.execute("SELECT digest_id, MIN(status) FROM delivery GROUP BY digest_id").fetchall())
    finally:
        db.close()


def archived_urls(db_path: Path) -> set[str]:
    db = sqlite3.connect(db_path, timeout=30)
    try:
        return {r[0] for r in db.execute("SELECT url FROM notice")}
    finally:
        db.close()


@dataclass
class Outcome:
    kills: int = 0
    on_send_kills: int = 0
    runs: int = 0
    # digest id -> kills that landed between its send and its record: each allows one more copy.
    # Messages go out in parallel, so one kill can catch several digests, and a digest resent after
    # one kill can be caught by the next.
    resend_allowed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def kill_loop(argv: list[str], mailbox: KillingMailbox, root: Path, db_path: Path, *, seed: int,
              kills: int, max_delay: float = 3.5) -> Outcome:
    """Start/kill cycles until ``kills`` SIGKILLs have landed; audit after every cycle."""
    rng = random.Random(seed)
    out = Outcome()
    started = time.monotonic()
    published = 0
    while out.kills < kills and out.runs < kills * 3:
        if rng.random() < 0.6:  # something new to crawl and to send most cycles
            published += 1
            add_notice(root, published)
        on_send = rng.random() < 0.35
        delay = None if on_send else rng.uniform(0.2, max_delay)
        before = len(mailbox.received)
        killed = run_once(argv, mailbox, run=out.runs, kill_after=delay if not on_send else 60.0,
                          kill_on_send=on_send)
        out.runs += 1
        if killed:
            out.kills += 1
            out.on_send_kills += on_send and mailbox.killed_on_send
            statuses = digest_statuses(db_path)
            for did in {rec.digest_id for rec in mailbox.received[before:]}:
                if statuses.get(did) == "sending":  # sent, not recorded: one resend is due
                    out.resend_allowed[did] += 1
        audit(db_path)
    out.seconds = time.monotonic() - started
    return out


def copies(mailbox: KillingMailbox) -> Counter[tuple[str, str]]:
    return Counter((r.digest_id, r.recipient) for r in mailbox.received)


def _without_cache_misses(err: str) -> str:
    """stderr without Scrapy's handled "Could not read the cache entry" warnings and their tracebacks."""
    kept, skipping = [], False
    for line in err.splitlines():
        if "Could not read the cache entry" in line:
            skipping = True
            continue
        if skipping and (line.startswith((" ", "Traceback")) or line.startswith(("EOFError", "pickle."))):
            continue
        skipping = False
        kept.append(line)
    return "\n".join(kept)
