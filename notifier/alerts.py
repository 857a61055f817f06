"""Ops alerts: is a channel silently broken? Tell the ops subscriptions, once per incident.

Four layers, each testable on its own:

1. **Evaluation** (``store.health``, shared with ``policywatch status``; its docstring lists the rules):
   findings for one channel from its recent ``crawl_run`` rows and the dates of its notices; plus
   ``store.deliveries``: dead letters in the ledgers are one more view, ``policywatch/delivery``;
   ``store.queues``: a crawl-worker queue with polls waiting and no live worker, ``policywatch/queue-NAME``.
2. **Incidents** (`sync_incidents`): one ``alert_incident`` row per (channel, rule) from the first
   poll the rule fires until the first poll it no longer does.
3. **Planning** (`plan_alerts`): the ``alert_delivery`` ledger has one row per (ops subscription,
   incident, open|resolved) under a unique key, so each incident is announced once and its "ok
   again" once — across restarts and repeated runs.
4. **The message** (`build_alert_digest`): an ordinary `Digest` of kind ``ops`` — its own subject,
   one item per alert line — which `notifier.ledger` sends like a notice digest: the same
   claim -> send -> record protocol, backoff and partial-delivery handling, through the
   subscription's own channel. Nothing in this module talks to a channel.

Only subscriptions with ``is_ops`` receive alerts. Ops subscriptions get no notice digests unless
created with ``--with-notices`` (``filters["ops_notices"]``, checked by ``notifier.delivery.plan``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from notifier.delivery import Unsubscribe, lock_planning
from notifier.digest import OPS_PREFIX, Digest, DigestItem
from notifier.dispatch import Dispatcher
from notifier.ledger import ChannelFactory, EndpointOf, LedgerPolicy, Outgoing, SendTally, send_due
from notifier.subscriptions import CHINA
from store.db import transaction
from store.deliveries import delivery_view
from store.health import ChannelView, load_all
from store.models import AlertDelivery, AlertIncident, Subscriber, Subscription
from store.queues import queue_views, unserved_after

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


# -- 3. planning ----------------------------------------------------------------------------

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
        where = f"{self.source}/{self.channel}"  # the display name is the item's source_name
        since = self.opened_at
        if self.event == "resolved":
            return f"[ok again] {where}: {self.rule} cleared (it began {since.astimezone(CHINA):%m-%d %H:%M} CST)"
        return f"[{self.severity}] {where}: {self.rule}: {self.reason}"


# -- 4. the message --------------------------------------------------------------------------

SourceMeta = dict[tuple[str, str], tuple[str, str]]  # (source, channel) -> (url, display name)


def source_meta(sources: Iterable[Any]) -> SourceMeta:
    return {(s.id, c.id): (c.url, f"{s.name} {c.name}") for s in sources for c in s.channels}


def alert_subject(entries: Iterable[AlertEntry]) -> str:
    """E.g. ``【policywatch 运维】1 条告警、1 条恢复：most/tztg``."""
    entries = list(entries)
    alerts = sum(e.event == "open" for e in entries)
    ok = len(entries) - alerts
    counts = "、".join(p for p in (f"{alerts} 条告警" if alerts else "", f"{ok} 条恢复" if ok else "") if p)
    where = sorted({f"{e.source}/{e.channel}" for e in entries})
    shown = ", ".join(where[:3]) + (f" +{len(where) - 3}" if len(where) > 3 else "")
    return f"{OPS_PREFIX}{counts}：{shown}"


def _entry(row: AlertDelivery, incident: AlertIncident, meta: SourceMeta) -> AlertEntry:
    url, name = meta.get((incident.source, incident.channel), ("", ""))
    return AlertEntry(row.event, incident.source, incident.channel, incident.rule, incident.severity,
                      incident.reason, incident.opened_at, incident.resolved_at, url, name)


def _item(row_id: int, entry: AlertEntry) -> DigestItem:
    # notice_id carries the ledger row id: unique per (subscription, incident, event), so feed
    # readers and webhook receivers see each alert as its own entry.
    return DigestItem(
        notice_id=row_id, change="alert" if entry.event == "open" else "recovered", title=entry.line(),
        url=entry.url, source_id=entry.source, source_name=entry.name or f"{entry.source}/{entry.channel}",
        city="", issuers=(), doc_number=None, date=entry.opened_at.astimezone(CHINA).date(), events=())


def build_alert_digest(session: Session, digest_id: str, row_ids: Sequence[int], meta: SourceMeta,
                       unsubscribe: Unsubscribe) -> Outgoing | None:
    """The ops digest of the given (claimed) alert rows: one item per row."""
    rows = list(session.execute(
        select(AlertDelivery, AlertIncident).join(AlertIncident, AlertIncident.id == AlertDelivery.incident_id)
        .where(AlertDelivery.digest_id == digest_id, AlertDelivery.id.in_(row_ids))
        .order_by(AlertDelivery.event.desc(), AlertIncident.source, AlertIncident.channel, AlertIncident.id)))
    if not rows:
        return None
    sub = session.get(Subscription, rows[0][0].subscription_id)
    assert sub is not None
    subscriber = session.get(Subscriber, sub.subscriber_id)
    entries = [_entry(d, i, meta) for d, i in rows]
    unsubscribe_url, mailto = unsubscribe.links(sub)
    digest = Digest(
        digest_id=digest_id, subscription_id=sub.id,
        subscription_name=subscriber.name if subscriber else f"ops subscription {sub.id}",
        created_at=rows[0][0].created_at.astimezone(CHINA),
        items=tuple(_item(d.id, e) for (d, _), e in zip(rows, entries, strict=True)),
        unsubscribe_url=unsubscribe_url, unsubscribe_mailto=mailto, kind="ops", title=alert_subject(entries))
    return Outgoing(digest, sub, tuple((d.id,) for d, _ in rows))


# -- running it ------------------------------------------------------------------------------

@dataclass
class AlertReport(SendTally):
    opened: int = 0
    resolved: int = 0
    planned: int = 0


def send_alerts(factory: sessionmaker[Session], make_channel: ChannelFactory, now: dt.datetime,
                meta: SourceMeta, unsubscribe: Unsubscribe, *, policy: LedgerPolicy, report: AlertReport,
                dispatcher: Dispatcher | None = None, endpoint_of: EndpointOf | None = None) -> None:
    """Hand every due alert digest to the one ledger (the same one notice digests go through)."""

    def build(session: Session, digest_id: str, row_ids: Sequence[int]) -> Outgoing | None:
        return build_alert_digest(session, digest_id, row_ids, meta, unsubscribe)

    send_due(factory, AlertDelivery, build, make_channel, now, policy=policy, tally=report,
             audience="ops subscription", dispatcher=dispatcher, endpoint_of=endpoint_of)


def run_alerts(app: Any, now: dt.datetime | None = None, options: dict[str, Any] | None = None) -> AlertReport:
    """Evaluate every channel, update incidents, plan and send what ops has not heard yet.

    ``options`` are channel options, as for ``App.notify`` (e.g. a WeCom gateway URL)."""
    now = now or app.clock()
    report = AlertReport()
    with transaction(app.factory) as session:
        lock_planning(session)  # two evaluators at once would open the same incident twice
        views = [*load_all(session, app.sources, now, app.settings.alerts), delivery_view(session),
                 *queue_views(session, now, unserved_after(app.settings.engine.stall_seconds))]
        report.opened, report.resolved = sync_incidents(session, views, now)
        report.planned = len(plan_alerts(session, now))
    unsubscribe = Unsubscribe(app.settings.notify.public_url, app.secret(), app.settings.smtp.sender)
    with app.sending(options) as opts:
        send_alerts(app.factory, app.channel_maker(opts), now, source_meta(app.sources), unsubscribe,
                    policy=app.ledger_policy(), report=report, dispatcher=app.dispatcher,
                    endpoint_of=app.endpoint_of(opts))
    return report


def make_ops(factory: sessionmaker[Session], subscription_id: int, *, with_notices: bool) -> None:
    """Turn a fresh subscription into an ops subscription (alerts; notice digests only if asked)."""
    with transaction(factory) as session:
        sub = session.get(Subscription, subscription_id)
        assert sub is not None
        sub.is_ops = True
        if with_notices:  # delivery.plan sends notice digests to ops subscriptions only when asked
            sub.filters = {**(sub.filters or {}), "ops_notices": True}
