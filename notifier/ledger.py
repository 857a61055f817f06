"""The exactly-once send protocol, written once for every kind of message.

A ledger table has one row per thing a subscription must hear exactly once, grouped into messages
by ``digest_id``: ``delivery`` (one row per notice change, planned by `notifier.delivery`) and
``alert_delivery`` (one row per ops incident event, planned by `notifier.alerts`). Both share the
ledger columns (``digest_id``, ``status``, ``attempts``, ``last_error``, ``created_at``,
``next_attempt_at``, ``sent_at``, ``claimed_by``, ``lease_until``); what differs is only how a message
is built from its rows, which the caller passes in as a `MessageBuilder`.

Statuses: ``pending`` (planned) -> ``sending`` (claimed) -> ``sent``; or ``failed`` (retried after
`backoff`) and, once `LedgerPolicy` gives up or the error is not retryable, ``dead`` (kept for
``policywatch deliveries retry``, an ops alert and a ``status --check`` failure until then). Rows of a
subscription that is no longer active become ``cancelled`` and are never sent.

Per due message:

1. **claim** (one transaction): take every unsent row of the digest — only if all of them are free:
   waiting and due, or ``sending`` under a lease that has run out — and mark them ``sending`` with a
   fresh owner (``claimed_by``) and lease (``lease_until``), attempts + 1, *only if the subscription
   is still active*. The UPDATE re-checks that condition and its row count must match, so of two
   senders racing for a digest exactly one wins; on PostgreSQL the rows are first locked with
   ``FOR UPDATE SKIP LOCKED`` and a digest partly locked by another sender is left to it. Committed
   *before* the channel is called; the message is built from exactly the claimed rows.
2. **send** through the subscription's channel (`Channel.send`), whatever the message is;
3. **record** (one transaction, fenced by the owner): ``sent``; or ``failed`` with `backoff` (``dead``
   when the error is not retryable or the policy gives up), where the rows of the items a multi-part
   channel (WeCom) already delivered become ``sent`` so that the retry carries only the rest.

Only rows this sender claimed are ever written by it, so a ``sent`` row is never re-marked nor
re-sent, and a sender whose lease ran out cannot overwrite the one that took over. A crash between
2 and 3 leaves ``sending`` rows: the first run after their lease expires resends that message once,
with the same digest id (and e-mail ``Message-ID``) — the documented at-most-one resend, at most
``lease_seconds`` + one notify interval late. The lease must outlast the longest send (default 10
minutes against a 30 s SMTP timeout); a send that outlives it is logged, since another sender may
then have resent it.

Which messages go out in parallel, and which endpoints are skipped after repeated failures, is
`notifier.dispatch`'s business; this module hands it one job per due digest.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from notifier.channels.base import Channel, SendResult
from notifier.digest import Digest
from notifier.dispatch import Dispatcher
from store.db import transaction
from store.models import AlertDelivery, Delivery, Subscriber, Subscription

log = logging.getLogger("policywatch.ledger")

ChannelFactory = Callable[[Subscription], Channel]
EndpointOf = Callable[[Subscription], str]
# The tables with the ledger columns. A union rather than a base class: the models stay as they are.
LedgerTable = type[Delivery] | type[AlertDelivery]
WAITING = ("pending", "failed")
UNSENT = (*WAITING, "sending")
DEAD, CANCELLED = "dead", "cancelled"
BACKOFF_CAP_MINUTES = 360


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 ... minutes, capped at 6 hours."""
    return dt.timedelta(minutes=min(2 ** min(max(attempts - 1, 0), 16), BACKOFF_CAP_MINUTES))


@dataclass(frozen=True)
class LedgerPolicy:
    """When to give up on a message, and how long a claim holds (``[notify]`` settings)."""

    retry_days: float = 7.0
    max_attempts: int = 0  # 0: no limit by count
    lease_seconds: float = 600.0

    @property
    def lease(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.lease_seconds)

    def gives_up(self, attempt: int) -> bool:
        """After failed attempt ``attempt``: would the next one fall outside the retry window?

        The window is counted along the backoff schedule (1 + 2 + 4 ... minutes, then every 6 h),
        not the wall clock: time the notifier was not running does not use it up, and a requeued
        message (attempts back to 0) gets a whole new one. 7 days are 36 attempts."""
        if self.max_attempts and attempt >= self.max_attempts:
            return True
        elapsed = sum((backoff(n) for n in range(1, attempt + 1)), dt.timedelta())
        return elapsed > dt.timedelta(days=self.retry_days)


@dataclass(frozen=True)
class Outgoing:
    """One message ready to send: the digest, its subscription, and the ledger rows behind each item."""

    digest: Digest
    subscription: Subscription
    item_rows: tuple[tuple[int, ...], ...]  # per digest item (same order), the ids of its ledger rows

    @property
    def row_ids(self) -> list[int]:
        return [rid for rows in self.item_rows for rid in rows]


# Builds the message of one digest id from exactly the given (claimed) rows; None if they are gone.
MessageBuilder = Callable[[Session, str, Sequence[int]], Outgoing | None]


@dataclass
class SendTally:
    """What one pass over a ledger did (the notify and alert reports extend it)."""

    sent: int = 0
    failed: int = 0
    deferred: int = 0  # due, but skipped: their endpoint's circuit breaker was open
    cancelled: int = 0  # rows of subscriptions no longer active, never to be sent
    digests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# -- which rows may be claimed ---------------------------------------------------------------

def _free(table: LedgerTable, now: dt.datetime) -> ColumnElement[bool]:
    """Waiting and due, or claimed by a sender whose lease ran out (no lease: left by an old version)."""
    waiting = and_(table.status.in_(WAITING), table.next_attempt_at <= now)
    abandoned = and_(table.status == "sending", or_(table.lease_until.is_(None), table.lease_until <= now))
    return or_(waiting, abandoned)


def _active(table: LedgerTable) -> ColumnElement[bool]:
    """The row's subscription is active and its subscriber still exists."""
    live = select(Subscription.id).join(Subscriber, Subscriber.id == Subscription.subscriber_id).where(
        Subscription.active.is_(True))
    return table.subscription_id.in_(live)


def _is_free(status: str, next_at: dt.datetime, lease_until: dt.datetime | None, now: dt.datetime) -> bool:
    if status == "sending":
        return lease_until is None or lease_until <= now
    return next_at <= now


@dataclass(frozen=True)
class DueMessage:
    digest_id: str
    subscription: Subscription


def due_digests(session: Session, table: LedgerTable, now: dt.datetime) -> list[DueMessage]:
    """Digests of active subscriptions whose unsent rows are all free to claim, oldest first."""
    due: dict[str, bool] = {}
    owners: dict[str, int] = {}
    for did, sub_id, status, next_at, lease in session.execute(
            select(table.digest_id, table.subscription_id, table.status, table.next_attempt_at, table.lease_until)
            .where(table.status.in_(UNSENT), _active(table)).order_by(table.id)):
        due[did] = due.get(did, True) and _is_free(status, next_at, lease, now)
        owners[did] = sub_id
    ready = [did for did, ok in due.items() if ok]
    subs = {s.id: s for s in session.scalars(select(Subscription).where(
        Subscription.id.in_({owners[d] for d in ready})))} if ready else {}
    return [DueMessage(did, subs[owners[did]]) for did in ready if owners[did] in subs]


def cancel_inactive(session: Session, table: LedgerTable, now: dt.datetime) -> int:
    """Unsent rows of unsubscribed (inactive) subscriptions: ``cancelled``, never sent.

    A row another sender holds under a live lease is left to it: its claim re-checked the
    subscription a moment ago, and the next run cancels whatever it did not finish."""
    inactive = select(Subscription.id).where(Subscription.active.is_(False))
    holdable = or_(table.status.in_((*WAITING, DEAD)),
                   and_(table.status == "sending", or_(table.lease_until.is_(None), table.lease_until <= now)))
    result = session.execute(update(table).where(table.subscription_id.in_(inactive), holdable)
                             .values(status=CANCELLED, lease_until=None)
                             .execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def requeue_dead(session: Session, table: LedgerTable, now: dt.datetime,
                 subscription_id: int | None = None) -> int:
    """``dead`` rows (of active subscriptions) back to ``pending``, due now, with a fresh retry window."""
    where = [table.status == DEAD, _active(table)]
    if subscription_id is not None:
        where.append(table.subscription_id == subscription_id)
    result = session.execute(update(table).where(*where)
                             .values(status="pending", attempts=0, next_attempt_at=now, lease_until=None)
                             .execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


# -- claim -> send -> record -----------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    outgoing: Outgoing
    attempt: int
    owner: str


def _owner() -> str:
    """Who holds a claim: host and pid for the humans reading the table, a nonce to fence with."""
    return f"{socket.gethostname()[:48]}:{os.getpid()}:{secrets.token_hex(6)}"


def _unsent_rows(session: Session, table: LedgerTable, digest_id: str) -> list[Any] | None:
    """The digest's unsent rows; None when another sender holds some of them right now (PostgreSQL)."""
    query = (select(table.id, table.status, table.attempts, table.next_attempt_at, table.lease_until)
             .where(table.digest_id == digest_id, table.status.in_(UNSENT)).order_by(table.id))
    if session.get_bind().dialect.name != "postgresql":
        # SQLite has one writer at a time: the conditional UPDATE in `_claim` is the atomic step.
        return list(session.execute(query))
    locked = list(session.execute(query.with_for_update(skip_locked=True)))
    total = session.scalar(select(func.count()).select_from(table).where(
        table.digest_id == digest_id, table.status.in_(UNSENT)))
    return locked if len(locked) == total else None


def _claim(factory: sessionmaker[Session], table: LedgerTable, build: MessageBuilder, digest_id: str,
           now: dt.datetime, lease_until: dt.datetime) -> Claim | None:
    """Take the whole digest for this sender, or nothing (another sender has it, or it is not due)."""
    with transaction(factory) as session:
        rows = _unsent_rows(session, table, digest_id)
        if not rows or not all(_is_free(r.status, r.next_attempt_at, r.lease_until, now) for r in rows):
            return None
        ids = [r.id for r in rows]
        attempt, owner = max(r.attempts for r in rows) + 1, _owner()
        taken = session.execute(
            update(table).where(table.id.in_(ids), _free(table, now), _active(table))
            .values(status="sending", attempts=attempt, claimed_by=owner, lease_until=lease_until)
            .execution_options(synchronize_session=False))
        if getattr(taken, "rowcount", 0) != len(ids):
            session.rollback()  # another sender got there first, or the subscription just ended
            return None
        outgoing = build(session, digest_id, ids)
        if outgoing is None or sorted(outgoing.row_ids) != sorted(ids):
            log.error("digest %s: its claimed rows do not make one message; left for the next run", digest_id)
            session.rollback()
            return None
        return Claim(outgoing, attempt, owner)


def _send(make_channel: ChannelFactory, outgoing: Outgoing) -> SendResult:
    try:
        return make_channel(outgoing.subscription).send(outgoing.digest)
    except Exception as exc:  # a broken channel config must not stop the other subscriptions
        log.exception("channel for subscription %s failed", outgoing.subscription.id)
        return SendResult(ok=False, retryable=False, detail=f"{type(exc).__name__}: {exc}")


def _mark(session: Session, table: LedgerTable, row_ids: Sequence[int], owner: str, **values: Any) -> int:
    """Write rows this sender still holds (status ``sending``, its owner): the fence of `_record`."""
    if not row_ids:
        return 0
    result = session.execute(
        update(table).where(table.id.in_(row_ids), table.status == "sending", table.claimed_by == owner)
        .values(lease_until=None, **values).execution_options(synchronize_session=False))
    return int(getattr(result, "rowcount", 0) or 0)


def _record(session: Session, table: LedgerTable, claim: Claim, result: SendResult, *, now: dt.datetime,
            policy: LedgerPolicy) -> bool:
    """Write the outcome; False when the lease was lost meanwhile (another sender took the rows)."""
    outgoing, owner = claim.outgoing, claim.owner
    if result.ok:
        return _mark(session, table, outgoing.row_ids, owner, status="sent", sent_at=now,
                     last_error=None) == len(outgoing.row_ids)
    # Items a multi-part channel already delivered are done: the retry carries only the rest.
    done = [rid for i in result.delivered_items if 0 <= i < len(outgoing.item_rows)
            for rid in outgoing.item_rows[i]]
    written = _mark(session, table, done, owner, status="sent", sent_at=now, last_error=None)
    final = not result.retryable or policy.gives_up(claim.attempt)
    written += _mark(session, table, outgoing.row_ids, owner, status=DEAD if final else "failed",
                     last_error=result.detail, next_attempt_at=now + backoff(claim.attempt))
    return written == len(outgoing.row_ids)


def send_due(factory: sessionmaker[Session], table: LedgerTable, build: MessageBuilder,
             make_channel: ChannelFactory, now: dt.datetime, *, policy: LedgerPolicy, tally: SendTally,
             audience: str = "subscription", dispatcher: Dispatcher | None = None,
             endpoint_of: EndpointOf | None = None) -> None:
    """Send every due message of one ledger table, each through claim -> send -> record."""
    with transaction(factory) as session:
        tally.cancelled += cancel_inactive(session, table, now)
        due = due_digests(session, table, now)
    started = time.monotonic()

    def one(job: DueMessage) -> SendResult | None:
        # The lease runs from the claim, not from the start of the run (which may be minutes earlier).
        lease_until = now + dt.timedelta(seconds=time.monotonic() - started) + policy.lease
        try:
            claim = _claim(factory, table, build, job.digest_id, now, lease_until)
        except OperationalError as exc:  # a lock wait that timed out: the next run tries again
            log.warning("could not claim digest %s: %s", job.digest_id, exc.orig)
            return None
        if claim is None:
            return None
        sent_from = time.monotonic()
        result = _send(make_channel, claim.outgoing)
        if time.monotonic() - sent_from > policy.lease_seconds:
            log.warning("digest %s took longer than its lease (%.0f s): another sender may have resent it; "
                        "raise [notify] lease_seconds", job.digest_id, policy.lease_seconds)
        _record_safely(factory, table, claim, result, now=now, policy=policy)
        return result

    endpoint = endpoint_of or (lambda sub: sub.kind)
    outcomes = (dispatcher or Dispatcher()).run(due, lambda j: endpoint(j.subscription),
                                                lambda j: j.subscription.id, one)
    _tally(tally, outcomes, audience)


def _record_safely(factory: sessionmaker[Session], table: LedgerTable, claim: Claim, result: SendResult, *,
                   now: dt.datetime, policy: LedgerPolicy) -> None:
    did = claim.outgoing.digest.digest_id
    try:
        with transaction(factory) as session:
            if not _record(session, table, claim, result, now=now, policy=policy):
                log.warning("digest %s: lease lost before the outcome was recorded (another sender took it "
                            "over); its record stands", did)
    except OperationalError:
        # Sent (or not) but not recorded: the rows stay claimed and are resent once after the lease.
        log.exception("could not record the outcome of digest %s; it is resent once after its lease", did)


def _tally(tally: SendTally, outcomes: Sequence[Any], audience: str) -> None:
    deferred: dict[str, int] = {}
    for outcome in outcomes:
        job, result = outcome.job, outcome.result
        sub = job.subscription
        if result is None:
            deferred[outcome.endpoint] = deferred.get(outcome.endpoint, 0) + 1
        elif result.ok:
            tally.sent += 1
            tally.digests.append(job.digest_id)
        else:
            tally.failed += 1
            tally.errors.append(f"{audience} {sub.id} ({sub.kind}): {result.detail}")
    for endpoint, count in deferred.items():
        tally.deferred += count
        tally.errors.append(f"{endpoint}: circuit breaker open after repeated failures; {count} message(s) "
                            "left for a later run")
