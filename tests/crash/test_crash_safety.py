"""Crash safety: the daemon's cycle (``run --once``: crawl every source + notify by e-mail) is
SIGKILLed at seeded random points at least 20 times, new notices being published in between.

After every kill the archive passes an audit (``PRAGMA integrity_check``, no duplicate uid, versions
1..n contiguous, every change has its notice, every notice its "new" change, every delivery its
change, one status per digest). At the end nothing is lost (the archive holds exactly what a clean
crawl of the final mirror finds, and every planned digest was delivered) and every extra copy of a
digest — with the same Message-ID — is explained by one kill that landed after the SMTP server had
accepted a copy while the ledger still said ``sending`` (killed between send and record): one resend
per such crash, no more. Messages go out in parallel, so one kill can catch several digests in that
window, and a digest being resent can be caught by the next kill. Such a digest is resent by the
first run after its claim's lease (``harness.LEASE_SECONDS``) ran out.

``run --once`` subprocesses are used instead of the long-running daemon because its notify job runs
once a minute; the cycle is the same code (``scheduler.Daemon.poll`` + ``notify``).
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import pytest

from crawler.browser import unavailable
from crawler.mirror_server import MirrorServer
from crawler.runner import crawl
from crawler.sources import builtin_sources
from notifier.admin import subscribe
from policywatch.app import App
from policywatch.config import load_settings
from store.db import open_database, session_factory
from tests.conftest import as_rendered
from tests.crash import harness

RECIPIENTS = ("all@example.org", "most@example.org")


def _subscribe(config: Path, data: Path) -> None:
    app = App.open(load_settings(config, environ={"POLICYWATCH_DATA_DIR": str(data)}))
    try:
        for address in RECIPIENTS:
            subscribe(app, argparse.Namespace(
                email=address, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                outbox=False, city=[], source=["most"] if address.startswith("most") else [], topic=[],
                event=[], keyword=[], min_amount=None, schedule="immediate", name=None, backlog_days=7))
    finally:
        app.engine.dispose()


def _reference_urls(root: Path, tmp: Path) -> set[str]:
    """What a clean, uninterrupted crawl of the final mirror archives."""
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp), "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    engine = open_database(settings.database_url)
    try:
        with MirrorServer(root) as mirror:
            # The harness crawls on the production path, where the browser tier renders the JS-built
            # list when Chromium is installed; without it that channel is skipped there too.
            sources = as_rendered(builtin_sources()) if unavailable(True, "/usr/bin/chromium", True) is None \
                else builtin_sources()
            asyncio.run(crawl(sources, settings, session_factory(engine), mirror=mirror.url,
                              reactor=False, polite=False))
    finally:
        engine.dispose()
    return harness.archived_urls(tmp / "policywatch.sqlite3")


def _settle(argv: list[str], mailbox: harness.KillingMailbox, db: Path, first_run: int) -> None:
    """Uninterrupted cycles until every planned digest is delivered (at most three), starting once the
    leases of the digests the last killed run had claimed have run out."""
    time.sleep(harness.LEASE_SECONDS + 0.5)
    for run in range(first_run, first_run + 3):
        harness.run_once(argv, mailbox, run=run, kill_after=None, kill_on_send=False)
        harness.audit(db)
        if set(harness.digest_statuses(db).values()) <= {"sent"}:
            return
    raise AssertionError(f"deliveries still pending: {harness.digest_statuses(db)}")


def _crash_and_recover(tmp_path: Path, *, seed: int, kills: int) -> None:
    root = harness.copy_snapshots(tmp_path / "snap")
    data = tmp_path / "data"
    db = data / "policywatch.sqlite3"
    with harness.SmtpSink() as smtp, MirrorServer(root) as mirror:
        config = harness.write_config(tmp_path / "policywatch.toml", smtp.port)
        _subscribe(config, data)
        argv = harness.daemon_argv(config, data, mirror.url)
        outcome = harness.kill_loop(argv, smtp.mailbox, root, db, seed=seed, kills=kills)
        _settle(argv, smtp.mailbox, db, outcome.runs)
        received = harness.copies(smtp.mailbox)

    doubles = sum(1 for count in received.values() if count == 2)
    print(f"seed {seed}: {outcome.runs} runs, {outcome.kills} kills ({outcome.on_send_kills} on send), "
          f"{len(received)} digests, {doubles} resent, {outcome.seconds:.0f} s")  # shown with -s / -rP
    assert outcome.kills >= kills, outcome
    assert harness.archived_urls(db) == _reference_urls(root, tmp_path / "reference")
    statuses = harness.digest_statuses(db)
    assert statuses and set(statuses.values()) == {"sent"}
    assert set(statuses) <= {did for did, _ in received}, "a digest recorded as sent never arrived"
    for (did, rcpt), count in received.items():
        crashes = outcome.resend_allowed[did]
        assert count <= 1 + crashes, f"{rcpt} got digest {did} {count} times after {crashes} send/record crash(es)"
    assert {rcpt for _, rcpt in received} == set(RECIPIENTS)


def test_twenty_sigkills_lose_nothing_and_never_double_send(tmp_path: Path) -> None:
    _crash_and_recover(tmp_path, seed=20261129, kills=20)


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sixty_sigkills_per_seed(tmp_path: Path, seed: int) -> None:
    _crash_and_recover(tmp_path, seed=seed, kills=60)
