"""Several notifiers on one database at once: the daemon plus a CLI ``notify``, or two cron'd
``notify`` runs that start together. Issue 12 item 2: each treated the other's ``sending`` rows as
crash leftovers and sent the same digest again (3/3 rounds on SQLite, 4/4 on PostgreSQL).

Five senders (each its own `App`, engine and connection pool, as five processes would have) start
on a barrier, twenty rounds, with a new notice for three e-mail subscriptions every round; in every
other round the digests were already planned (by a sender that has not sent them yet), so the five
race on the claim alone. Counted where it matters, at the SMTP server: every digest arrives exactly
once and no sender crashes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from smtp_servers import smtp_server
from sqlalchemy import select

from notifier.admin import subscribe
from notifier.channels.base import SendResult
from notifier.delivery import NotifyReport, plan
from notifier.ledger import Claim, LedgerPolicy, Outgoing, _record
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.models import Delivery
from store.planning import change_horizon
from store.repository import Repository

ROUNDS, SENDERS = 20, 5
RECIPIENTS = ("a@example.org", "b@example.org", "c@example.org")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        return ""  # the default SQLite file in the data directory
    return str(request.getfixturevalue("pg_cluster").create_database(prefix="senders"))


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                                schedule="immediate", name=None, backlog_days=1)
    base.update(kw)
    return argparse.Namespace(**base)


def _app(tmp_path: Path, smtp_port: int, database_url: str) -> App:
    return App.open(load_settings(environ={
        "POLICYWATCH_DATABASE_URL": database_url, "POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
        "POLICYWATCH_SMTP_HOST": "127.0.0.1", "POLICYWATCH_SMTP_PORT": str(smtp_port),
        "POLICYWATCH_SMTP_SECURITY": "none", "POLICYWATCH_SMTP_SENDER": "monitor@example.org",
        "POLICYWATCH_SECRET": "concurrent-senders-test-secret"}))


def _publish(app: App, n: int) -> None:
    record = NoticeRecord(url=f"https://www.most.gov.cn/tztg/202612/t20261201_{n:06d}.html", source="most",
                          title=f"关于第{n}批人工智能应用场景试点的通知", doc_number=None, issuers=("科技部",),
                          written_date=None, published_date=dt.date(2026, 12, 1), body="正文")
    with transaction(app.factory) as session:
        Repository(session).upsert_notice(record, "most", "tztg", dt.datetime.now(dt.UTC))


def digest_ids(envelopes: list[Any]) -> list[str]:
    """The digest id of every message the SMTP server accepted (one per copy received)."""
    return [str(email.message_from_bytes(e.content, policy=email.policy.default)["X-Policywatch-Digest-Id"])
            for e in envelopes]


def _round(apps: list[App]) -> tuple[list[NotifyReport], list[BaseException]]:
    """Every sender's notify at the same moment; their reports and whatever they raised."""
    barrier = threading.Barrier(len(apps))
    reports: list[NotifyReport] = []
    errors: list[BaseException] = []

    def run(app: App) -> None:
        barrier.wait()
        try:
            reports.append(app.notify())
        except BaseException as exc:  # a crashed sender is what this test looks for
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(app,)) for app in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return reports, errors


def test_five_concurrent_notifiers_send_every_digest_exactly_once(tmp_path: Path, database_url: str) -> None:
    with smtp_server() as server:
        apps = [_app(tmp_path, server.port, database_url) for _ in range(SENDERS)]
        try:
            for address in RECIPIENTS:
                subscribe(apps[0], _args(email=address))
            for n in range(ROUNDS):
                _publish(apps[0], n)
                if n % 2:  # planned by a sender that has not sent yet: the others race on its rows only
                    with transaction(apps[0].factory) as session:
                        plan(session, dt.datetime.now(dt.UTC), apps[0].source_names(), change_horizon(apps[0].factory))
                reports, errors = _round(apps)
                assert not errors, f"round {n}: a sender crashed: {errors[0]!r}"
                assert sum(r.sent for r in reports) == len(RECIPIENTS), f"round {n}: {reports}"
            with apps[0].factory() as session:
                ledger = list(session.scalars(select(Delivery)))
        finally:
            for app in apps:
                app.engine.dispose()
        received = Counter(digest_ids(server.mailbox.messages))
    doubles = {did: count for did, count in received.items() if count > 1}
    assert not doubles, f"digests delivered more than once: {doubles}"
    assert len(received) == ROUNDS * len(RECIPIENTS)
    assert {d.status for d in ledger} == {"sent"} and {d.digest_id for d in ledger} == set(received)


def test_a_live_claim_is_left_alone_until_its_lease_runs_out(tmp_path: Path) -> None:
    """Another sender's ``sending`` rows are not crash leftovers while its lease lasts; after it they
    are resent once, and that sender's late record cannot overwrite the new owner's."""
    t0 = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
    with smtp_server() as server:
        app = _app(tmp_path, server.port, "")
        try:
            subscribe(app, _args(email=RECIPIENTS[0]))
            _publish(app, 1)
            with transaction(app.factory) as session:
                plan(session, t0, app.source_names(), change_horizon(app.factory))
                for row in session.scalars(select(Delivery)):  # what a live sender's claim leaves
                    row.status, row.attempts = "sending", 1
                    row.claimed_by, row.lease_until = "other-host:4242:0123456789ab", t0 + dt.timedelta(minutes=10)
            early = _notify_at(app, t0 + dt.timedelta(minutes=9))
            assert (early.sent, len(server.mailbox.messages)) == (0, 0)
            late = _notify_at(app, t0 + dt.timedelta(minutes=10))
            again = _notify_at(app, t0 + dt.timedelta(minutes=11))
            assert (late.sent, again.sent, len(server.mailbox.messages)) == (1, 0, 1)
            with app.factory() as session:
                (row,) = session.scalars(select(Delivery))
            assert (row.status, row.attempts, row.lease_until) == ("sent", 2, None)
            assert row.claimed_by and row.claimed_by != "other-host:4242:0123456789ab"
            # The first sender wakes up and records a failure: fenced out, the row stays sent.
            # Only the row ids matter to the record.
            stale = Claim(Outgoing(None, None, ((row.id,),)), 1, "other-host:4242:0123456789ab")  # type: ignore[arg-type]
            with transaction(app.factory) as session:
                assert not _record(session, Delivery, stale, SendResult(False, True, "timed out"), now=t0,
                                   policy=LedgerPolicy())
            with app.factory() as session:
                assert session.get_one(Delivery, row.id).status == "sent"
        finally:
            app.engine.dispose()


def _notify_at(app: App, now: dt.datetime) -> NotifyReport:
    app.clock = lambda: now
    return app.notify()
