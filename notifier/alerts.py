"""Ops alerts: is a channel silently broken? Tell the ops subscriptions, once per incident.

Three layers, each testable on its own:

1. **Evaluation** (``store.health``, shared with ``policywatch status``; its docstring lists the rules):
   findings for one channel from its recent ``crawl_run`` rows and the dates of its notices.
2. **Incidents** (`sync_incidents`): one ``alert_incident`` row per (channel, rule) from the first
   poll the rule fires until the first poll it no longer does.
3. **Delivery** (`plan_alerts`, `send_alerts`): the ``alert_delivery`` ledger has one row per
   (ops subscription, incident, open|resolved) under a unique key, so each incident is announced
   once and its "ok again" once — across restarts and repeated runs. Sending follows the notice
   ledger's protocol (mark ``sending`` and commit before the channel is called).

Only subscriptions with ``is_ops`` receive alerts. Ops subscriptions get no notice digests unless
created with ``--with-notices`` (``filters["ops_notices"]``, checked by ``notifier.delivery.plan``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from notifier.channels.base import Channel, SendResult, atomic_write
from notifier.channels.email import EmailChannel, message_id, sender_domain
from notifier.channels.outbox import OutboxChannel
from notifier.delivery import backoff
from notifier.digest import Digest, DigestItem
from notifier.subscriptions import CHINA
from store.db import transaction
from store.health import ChannelView, load_all
from store.models import AlertDelivery, AlertIncident, Subscription

log = logging.getLogger("policywatch.alerts")

# -- 2. incidents ----------------------------------------------------------------------------

def sync_incidents(session: Session, views: Iterable[ChannelView], now: dt.datetime) -> tuple[int, int]:
    """Open an incident for each new finding, resolve the ones whose rule stopped firing."""
    open_rows = {(i.source, i.channel, i.rule): i
                 for i in session.scalars(select(AlertIncident).where(AlertIncident.resolved_at.is_(None)))}
    opened = resolved = 0
    for view in views:
        firing = {f.rule: f for f in view.findings}
        for rule, finding in firing.items():
            incident = open_rows.get((view.source, view.channel, rule))
            if incident is None:
                session.add(AlertIncident(source=view.source, channel=view.channel, rule=rule,
                                          severity=finding.severity, reason=finding.reason, opened_at=now,
                                          last_seen_at=now))
                opened += 1
                log.warning("alert: %s/%s %s: %s", view.source, view.channel, finding.severity, finding.reason)
            else:
                incident.severity, incident.reason, incident.last_seen_at = finding.severity, finding.reason, now
        for (src, ch, rule), incident in open_rows.items():
            if (src, ch) == (view.source, view.channel) and rule not in firing:
                incident.resolved_at = now
                resolved += 1
                log.info("alert resolved: %s/%s %s", src, ch, rule)
    session.flush()
    return opened, resolved


# -- 3. the alert ledger ---------------------------------------------------------------------

def alert_digest_id(subscription_id: int, keys: Iterable[str]) -> str:
    key = f"alert:{subscription_id}:" + ",".join(sorted(keys))
    return "alert-" + hashlib.sha256(key.encode()).hexdigest()[:26]


def plan_alerts(session: Session, now: dt.datetime) -> list[str]:
    """Ledger rows for what each ops subscription has not been told yet; returns new digest ids.

    An ops subscription hears of every incident still open (also ones opened before it existed) and
    of the recovery of each incident it was told about, once the channel has no open incident left.
    """
    subs = list(session.scalars(select(Subscription).where(Subscription.active.is_(True),
                                                            Subscription.is_ops.is_(True))))
    if not subs:
        return []
    open_incidents = list(session.scalars(select(AlertIncident).where(AlertIncident.resolved_at.is_(None))))
    still_open = {(i.source, i.channel) for i in open_incidents}
    recent = now - dt.timedelta(days=30)
    recovered = [i for i in session.scalars(select(AlertIncident).where(AlertIncident.resolved_at >= recent))
                 if (i.source, i.channel) not in still_open]
    ids = [i.id for i in open_incidents + recovered]
    done = {(d.subscription_id, d.incident_id, d.event) for d in session.scalars(
        select(AlertDelivery).where(AlertDelivery.incident_id.in_(ids)))} if ids else set()
    digests = []
    for sub in subs:
        events = [(i, "open") for i in open_incidents if (sub.id, i.id, "open") not in done]
        events += [(i, "resolved") for i in recovered
                   if (sub.id, i.id, "open") in done and (sub.id, i.id, "resolved") not in done]
        if not events:
            continue
        did = alert_digest_id(sub.id, (f"{i.id}:{e}" for i, e in events))
        for incident, event in events:
            session.add(AlertDelivery(subscription_id=sub.id, incident_id=incident.id, event=event, digest_id=did,
                                      status="pending", attempts=0, created_at=now, next_attempt_at=now))
        digests.append(did)
    session.flush()
    return digests


@dataclass(frozen=True)
class AlertEntry:
    event: str  # open | resolved
    source: str
    channel: str
    rule: str
    severity: str
    reason: str
    opened_at: dt.datetime
    resolved_at: dt.datetime | None
    url: str = ""
    name: str = ""

    def line(self) -> str:
        where = f"{self.source}/{self.channel}" + (f" ({self.name})" if self.name else "")
        since = self.opened_at
        if self.event == "resolved":
            return f"[ok again] {where}: {self.rule} cleared (it began {since.astimezone(CHINA):%m-%d %H:%M} CST)"
        return f"[{self.severity}] {where}: {self.rule}: {self.reason}"


@dataclass(frozen=True)
class AlertDigest:
    digest_id: str
    subscription_id: int
    created_at: dt.datetime  # aware, China time
    entries: tuple[AlertEntry, ...]

    @property
    def subject(self) -> str:
        alerts = sum(e.event == "open" for e in self.entries)
        ok = len(self.entries) - alerts
        counts = "、".join(p for p in (f"{alerts} 条告警" if alerts else "", f"{ok} 条恢复" if ok else "") if p)
        where = sorted({f"{e.source}/{e.channel}" for e in self.entries})
        shown = ", ".join(where[:3]) + (f" +{len(where) - 3}" if len(where) > 3 else "")
        return f"【policywatch 运维】{counts}：{shown}"

    def text(self) -> str:
        lines = [self.subject, "", *(e.line() for e in self.entries), "",
                 "Details: policywatch status  (docs/ops.md explains each rule)"]
        return "\n".join(lines) + "\n"


def due_alert_digests(session: Session, now: dt.datetime) -> list[str]:
    due: dict[str, bool] = {}
    for did, status, next_at in session.execute(
            select(AlertDelivery.digest_id, AlertDelivery.status, AlertDelivery.next_attempt_at)
            .where(AlertDelivery.status.in_(["pending", "failed", "sending"]))):
        ready = status == "sending" or (next_at or now) <= now
        due[did] = due.get(did, True) and ready
    return [d for d, ready in due.items() if ready]


SourceMeta = dict[tuple[str, str], tuple[str, str]]  # (source, channel) -> (url, display name)


def source_meta(sources: Iterable[Any]) -> SourceMeta:
    return {(s.id, c.id): (c.url, f"{s.name} {c.name}") for s in sources for c in s.channels}


def build_alert_digest(session: Session, digest_id: str, meta: SourceMeta) -> tuple[AlertDigest, Subscription]:
    rows = list(session.execute(
        select(AlertDelivery, AlertIncident).join(AlertIncident, AlertIncident.id == AlertDelivery.incident_id)
        .where(AlertDelivery.digest_id == digest_id)
        .order_by(AlertDelivery.event.desc(), AlertIncident.source, AlertIncident.channel, AlertIncident.id)))
    sub = session.get(Subscription, rows[0][0].subscription_id)
    assert sub is not None
    entries = tuple(
        AlertEntry(d.event, i.source, i.channel, i.rule, i.severity, i.reason, i.opened_at, i.resolved_at,
                   *meta.get((i.source, i.channel), ("", "")))
        for d, i in rows)
    created = (rows[0][0].created_at or dt.datetime.now(dt.UTC)).astimezone(CHINA)
    return AlertDigest(digest_id, sub.id, created, entries), sub


def _mark(session: Session, digest_id: str, **values: Any) -> None:
    for row in session.scalars(select(AlertDelivery).where(AlertDelivery.digest_id == digest_id)):
        for key, value in values.items():
            setattr(row, key, value)


def alert_email(digest: AlertDigest, sender: str, recipient: str) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = " ".join(digest.subject.split())
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = format_datetime(digest.created_at)  # stable: a resend is byte-identical
    msg["Message-ID"] = message_id(digest.digest_id, sender_domain(sender))
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Policywatch-Alert-Id"] = digest.digest_id
    msg.set_content(digest.text(), charset="utf-8")
    return msg


def as_notice_digest(digest: AlertDigest) -> Digest:
    """For push channels, which only render notice digests: one synthetic item per alert line."""
    items = tuple(DigestItem(
        notice_id=i, change="new" if e.event == "open" else "revised", title=e.line(), url=e.url or "about:blank",
        source_id=e.source, source_name="policywatch 运维", city="ops", issuers=(), doc_number=None, date=None,
        events=()) for i, e in enumerate(digest.entries, 1))
    return Digest(digest.digest_id, digest.subscription_id, "policywatch 运维告警", digest.created_at, items)


def deliver(channel: Channel, digest: AlertDigest) -> SendResult:
    """Send through the subscription's own channel; e-mail and outbox get a proper alert message."""
    if isinstance(channel, EmailChannel):
        return channel.send_message(alert_email(digest, channel.sender, channel.recipient))
    if isinstance(channel, OutboxChannel):
        stem = f"{digest.created_at:%Y%m%dT%H%M%S}-{digest.digest_id}"
        msg = alert_email(digest, channel.sender, channel.recipient)
        try:
            atomic_write(channel.directory / f"{stem}.eml", msg.as_bytes())
            atomic_write(channel.directory / f"{stem}.md", digest.text().encode("utf-8"))
        except OSError as exc:
            return SendResult(False, True, f"outbox: cannot write alert: {exc.strerror or exc}")
        return SendResult(True, False, f"outbox: wrote alert {stem}.eml", 1)
    return channel.send(as_notice_digest(digest))


@dataclass
class AlertReport:
    opened: int = 0
    resolved: int = 0
    planned: int = 0
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def send_alerts(factory: sessionmaker[Session], make_channel: Callable[[Subscription], Channel],
                now: dt.datetime, meta: SourceMeta, max_attempts: int, report: AlertReport) -> None:
    with transaction(factory) as session:
        digests = due_alert_digests(session, now)
    for did in digests:
        with transaction(factory) as session:
            digest, sub = build_alert_digest(session, did, meta)
            attempts = max(r.attempts for r in session.scalars(
                select(AlertDelivery).where(AlertDelivery.digest_id == did)))
            _mark(session, did, status="sending", attempts=attempts + 1)
        try:
            result = deliver(make_channel(sub), digest)
        except Exception as exc:  # a broken ops channel must not stop the daemon
            log.exception("alert channel for subscription %s failed", sub.id)
            result = SendResult(False, False, f"{type(exc).__name__}: {exc}")
        with transaction(factory) as session:
            if result.ok:
                _mark(session, did, status="sent", sent_at=now, last_error=None)
                report.sent += 1
            else:
                final = not result.retryable or attempts + 1 >= max_attempts
                _mark(session, did, status="dead" if final else "failed", last_error=result.detail,
                      next_attempt_at=now + backoff(attempts + 1))
                report.failed += 1
                report.errors.append(f"ops subscription {sub.id} ({sub.kind}): {result.detail}")


def run_alerts(app: Any, now: dt.datetime | None = None) -> AlertReport:
    """Evaluate every channel, update incidents, plan and send what ops has not heard yet."""
    now = now or app.clock()
    report = AlertReport()
    with transaction(app.factory) as session:
        views = load_all(session, app.sources, now, app.settings.alerts)
        report.opened, report.resolved = sync_incidents(session, views, now)
        report.planned = len(plan_alerts(session, now))
    send_alerts(app.factory, app.channel_maker(), now, source_meta(app.sources),
                app.settings.notify.max_attempts, report)
    return report


def make_ops(factory: sessionmaker[Session], subscription_id: int, *, with_notices: bool) -> None:
    """Turn a fresh subscription into an ops subscription (alerts; notice digests only if asked)."""
    with transaction(factory) as session:
        sub = session.get(Subscription, subscription_id)
        assert sub is not None
        sub.is_ops = True
        if with_notices:  # delivery.plan sends notice digests to ops subscriptions only when asked
            sub.filters = {**(sub.filters or {}), "ops_notices": True}
