"""Delivery health: what the two ledger tables (``delivery``, ``alert_delivery``) say is stuck.

Read by ``policywatch status`` (a ``policywatch/delivery`` row; ``--check`` fails on dead letters),
``policywatch deliveries list``, and the ops alerts: `delivery_view` is evaluated with the channel
views, so dead letters open an ordinary incident (rule ``dead_letters``) that reaches the ops
subscriptions through the same ledger, once, and resolves when they are requeued or cancelled.

A dead alert *about* dead letters is not counted by the rule: the incident is already open, and
counting it would keep an incident alive on nothing but its own undeliverable announcement. It is
still listed and still fails ``status --check``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from store.health import ChannelView, Finding
from store.models import AlertDelivery, AlertIncident, Delivery, Subscription

SOURCE, CHANNEL = "policywatch", "delivery"  # how delivery health is named in status and alerts
RULE = "dead_letters"
TABLES: dict[str, type[Delivery] | type[AlertDelivery]] = {"notices": Delivery, "alerts": AlertDelivery}


@dataclass(frozen=True)
class StuckDigest:
    """One message the ledger holds unsent: its rows grouped by digest."""

    ledger: str  # notices | alerts
    digest_id: str
    subscription_id: int
    kind: str  # the subscription's channel kind
    status: str
    rows: int
    attempts: int
    created_at: dt.datetime
    last_error: str | None

    def to_json(self) -> dict[str, Any]:
        return {"ledger": self.ledger, "digest_id": self.digest_id, "subscription": self.subscription_id,
                "kind": self.kind, "status": self.status, "rows": self.rows, "attempts": self.attempts,
                "created_at": self.created_at.isoformat(timespec="seconds"), "last_error": self.last_error}


def _digests(session: Session, ledger: str, statuses: tuple[str, ...], subscription_id: int | None,
             extra: ColumnElement[bool] | None = None) -> list[StuckDigest]:
    table = TABLES[ledger]
    query = (select(table.digest_id, table.subscription_id, Subscription.kind, table.status, func.count(),
                    func.max(table.attempts), func.min(table.created_at), func.max(table.last_error))
             .join(Subscription, Subscription.id == table.subscription_id)
             .where(table.status.in_(statuses))
             .group_by(table.digest_id, table.subscription_id, Subscription.kind, table.status)
             .order_by(func.min(table.created_at), table.digest_id))
    if subscription_id is not None:
        query = query.where(table.subscription_id == subscription_id)
    if extra is not None:
        query = query.where(extra)
    return [StuckDigest(ledger, did, sid, kind, status, n, attempts or 0, _utc(created), error)
            for did, sid, kind, status, n, attempts, created, error in session.execute(query)]


def _utc(value: dt.datetime) -> dt.datetime:
    # func.min() bypasses the column type: SQLite hands the aggregate back naive.
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def stuck_digests(session: Session, *, statuses: tuple[str, ...] = ("dead",),
                  subscription_id: int | None = None) -> list[StuckDigest]:
    """Digests with rows in ``statuses`` (default: dead letters), notices first, oldest first."""
    return [d for ledger in TABLES for d in _digests(session, ledger, statuses, subscription_id)]


def _about_dead_letters() -> ColumnElement[bool]:
    return AlertDelivery.incident_id.in_(select(AlertIncident.id).where(AlertIncident.rule == RULE))


def alertable_dead_letters(session: Session) -> list[StuckDigest]:
    """The dead letters the ops alert is about (all but dead alerts about dead letters)."""
    return _digests(session, "notices", ("dead",), None) + _digests(
        session, "alerts", ("dead",), None, extra=~_about_dead_letters())


def dead_letter_finding(dead: list[StuckDigest]) -> Finding | None:
    if not dead:
        return None
    subs = sorted({(d.subscription_id, d.kind) for d in dead})
    shown = ", ".join(f"{sid} ({kind})" for sid, kind in subs[:5]) + (f" +{len(subs) - 5}" if len(subs) > 5 else "")
    newest = max(dead, key=lambda d: d.created_at)
    reason = (f"{len(dead)} digest(s) undeliverable after retries, subscription(s) {shown}; last error: "
              f"{(newest.last_error or '?')[:200]}; requeue with `policywatch deliveries retry --all`")
    return Finding(RULE, "failing", reason)


def delivery_view(session: Session) -> ChannelView:
    """Delivery health as one more view for the alert incidents (always returned, so they resolve)."""
    finding = dead_letter_finding(alertable_dead_letters(session))
    return ChannelView(SOURCE, CHANNEL, (), None, None, (finding,) if finding else ())


def delivery_status(session: Session) -> dict[str, Any]:
    """The ``policywatch/delivery`` row of ``policywatch status``: failing with dead letters, degraded
    while digests are being retried, else ok."""
    dead = stuck_digests(session)
    retrying = stuck_digests(session, statuses=("failed",))
    waiting = stuck_digests(session, statuses=("pending", "sending"))
    if dead:
        state, finding = "failing", dead_letter_finding(dead)
        reason = finding.reason if finding else None
    elif retrying:
        oldest = min(d.created_at for d in retrying)
        state, reason = "degraded", (f"{len(retrying)} digest(s) being retried since "
                                     f"{oldest.isoformat(timespec='minutes')}; last error: "
                                     f"{(retrying[-1].last_error or '?')[:200]}")
    else:
        state, reason = "ok", None
    return {"source": SOURCE, "channel": CHANNEL, "state": state, "last_success": None, "last_new": None,
            "items_last_run": None, "error_streak": 0, "reason": reason,
            "reason_code": RULE if dead else None, "alerts": [RULE] if dead else [],
            "deliveries": {"dead": len(dead), "retrying": len(retrying), "waiting": len(waiting)}}
