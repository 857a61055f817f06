"""The exactly-once send protocol, written once for every kind of message.

A ledger table has one row per thing a subscription must hear exactly once, grouped into messages
by ``digest_id``: ``delivery`` (one row per notice change, planned by `notifier.delivery`) and
``alert_delivery`` (one row per ops incident event, planned by `notifier.alerts`). Both share the
ledger columns (``digest_id``, ``status``, ``attempts``, ``last_error``, ``created_at``,
``next_attempt_at``, ``sent_at``); what differs is only how a message is built from its rows, which
the caller passes in as a `MessageBuilder`.

Per due message:

1. **claim** (one transaction): build the digest from the rows not sent yet and mark exactly those
   rows ``sending`` (attempts + 1), committed *before* the channel is called;
2. **send** through the subscription's channel (`Channel.send`), whatever the message is;
3. **record** (one transaction): ``sent``; or ``failed`` with `backoff` (``dead`` when the error is
   not retryable or attempts are used up), where the rows of the items a multi-part channel
   (WeCom) already delivered become ``sent`` so that the retry carries only the rest.

Only rows read as unsent in the claim are ever written, so a ``sent`` row is never re-marked nor
re-sent. A crash between 2 and 3 leaves ``sending`` rows: the next run resends that message once,
with the same digest id (and e-mail ``Message-ID``) — the documented at-most-one resend.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from notifier.channels.base import Channel, SendResult
from notifier.digest import Digest
from store.db import transaction
from store.models import AlertDelivery, Delivery, Subscription

log = logging.getLogger("policywatch.ledger")

ChannelFactory = Callable[[Subscription], Channel]
# The tables with the ledger columns. A union rather than a base class: the models stay as they are.
LedgerTable = type[Delivery] | type[AlertDelivery]
UNSENT = ("pending", "failed", "sending")


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 ... minutes, capped at 6 hours."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


@dataclass(frozen=True)
class Outgoing:
    """One message ready to send: the digest, its subscription, and the ledger rows behind each item."""

    digest: Digest
    subscription: Subscription
    item_rows: tuple[tuple[int, ...], ...]  # per digest item (same order), the ids of its ledger rows

    @property
    def row_ids(self) -> list[int]:
        return [rid for rows in self.item_rows for rid in rows]


# Builds the message of one digest id from its unsent rows (None when nothing is left to send).
MessageBuilder = Callable[[Session, str], Outgoing | None]


@dataclass
class SendTally:
    """What one pass over a ledger did (the notify and alert reports extend it)."""

    sent: int = 0
    failed: int = 0
    digests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def due_digests(session: Session, table: LedgerTable, now: dt.datetime) -> list[str]:
    """Digest ids whose unsent rows are all due: new, past their backoff, or left ``sending`` by a crash."""
    due: dict[str, bool] = {}
    for did, status, next_at in session.execute(
            select(table.digest_id, table.status, table.next_attempt_at).where(table.status.in_(UNSENT))):
        ready = status == "sending" or next_at <= now
        due[did] = due.get(did, True) and ready
    return [d for d, ready in due.items() if ready]


def _mark(session: Session, table: LedgerTable, row_ids: Sequence[int], **values: Any) -> None:
    if not row_ids:
        return
    for row in session.scalars(select(table).where(table.id.in_(row_ids), table.status != "sent")):
        for key, value in values.items():
            setattr(row, key, value)


def _claim(session: Session, table: LedgerTable, build: MessageBuilder, digest_id: str
           ) -> tuple[Outgoing, int] | None:
    """Build the message and mark its rows ``sending``; returns it with the attempt number."""
    outgoing = build(session, digest_id)
    if outgoing is None or not outgoing.row_ids:
        return None  # another sender finished it since `due_digests`
    attempt = (session.scalar(select(func.max(table.attempts)).where(table.id.in_(outgoing.row_ids))) or 0) + 1
    _mark(session, table, outgoing.row_ids, status="sending", attempts=attempt)
    return outgoing, attempt


def _send(make_channel: ChannelFactory, outgoing: Outgoing) -> SendResult:
    try:
        return make_channel(outgoing.subscription).send(outgoing.digest)
    except Exception as exc:  # a broken channel config must not stop the other subscriptions
        log.exception("channel for subscription %s failed", outgoing.subscription.id)
        return SendResult(ok=False, retryable=False, detail=f"{type(exc).__name__}: {exc}")


def _record(session: Session, table: LedgerTable, outgoing: Outgoing, result: SendResult, attempt: int, *,
            now: dt.datetime, max_attempts: int) -> None:
    if result.ok:
        _mark(session, table, outgoing.row_ids, status="sent", sent_at=now, last_error=None)
        return
    final = not result.retryable or attempt >= max_attempts
    _mark(session, table, outgoing.row_ids, status="dead" if final else "failed", last_error=result.detail,
          next_attempt_at=now + backoff(attempt))
    # Items a multi-part channel already delivered are done: the retry carries only the rest.
    done = [rid for i in result.delivered_items if 0 <= i < len(outgoing.item_rows)
            for rid in outgoing.item_rows[i]]
    _mark(session, table, done, status="sent", sent_at=now)


def send_due(factory: sessionmaker[Session], table: LedgerTable, build: MessageBuilder,
             make_channel: ChannelFactory, now: dt.datetime, *, max_attempts: int, tally: SendTally,
             audience: str = "subscription") -> None:
    """Send every due message of one ledger table, each through claim -> send -> record."""
    with transaction(factory) as session:
        digests = due_digests(session, table, now)
    for did in digests:
        with transaction(factory) as session:
            claimed = _claim(session, table, build, did)
        if claimed is None:
            continue
        outgoing, attempt = claimed
        result = _send(make_channel, outgoing)
        with transaction(factory) as session:
            _record(session, table, outgoing, result, attempt, now=now, max_attempts=max_attempts)
        sub = outgoing.subscription
        if result.ok:
            tally.sent += 1
            tally.digests.append(did)
        else:
            tally.failed += 1
            tally.errors.append(f"{audience} {sub.id} ({sub.kind}): {result.detail}")
