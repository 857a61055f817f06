"""Exactly-once delivery.

1. **Plan** (one transaction): for each due subscription, the changes it has not been sent are
   written to the ``delivery`` ledger with one ``digest_id`` derived from the subscription and the
   change ids. The ledger's unique key (subscription, channel, notice, change) makes a second plan
   of the same change impossible, so a concurrent or repeated ``notify`` cannot send it twice.
2. **Send**: each pending digest is marked ``sending`` and committed *before* the channel is called,
   then ``sent`` (or ``failed`` with a backoff) after. A crash between the call and the record leaves
   ``sending`` rows; the next run resends that digest once, with the same digest id and therefore
   the same email ``Message-ID`` — the documented at-most-one resend.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from notifier.channels.base import Channel, SendResult
from notifier.digest import Digest, DigestItem
from notifier.subscriptions import CHINA, matches, parse_schedule, sign_token
from store.db import transaction
from store.models import Change, Delivery, Notice, Subscriber, Subscription

log = logging.getLogger(__name__)
ChannelFactory = Callable[[Subscription], Channel]


@dataclass
class NotifyReport:
    planned: int = 0
    sent: int = 0
    failed: int = 0
    digests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def digest_id_for(subscription_id: int, change_ids: list[int]) -> str:
    key = f"{subscription_id}:" + ",".join(str(i) for i in sorted(change_ids))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 ... minutes, capped at 6 hours."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def plan(session: Session, now: dt.datetime, sources: Mapping[str, tuple[str, str]]) -> list[str]:
    """Write ledger rows for every due subscription's unsent changes; return new digest ids."""
    digests = []
    for sub in session.scalars(select(Subscription).where(Subscription.active.is_(True))
                               .order_by(Subscription.id)):
        if sub.is_ops and not (sub.filters or {}).get("ops_notices"):
            continue  # ops subscriptions get health alerts (notifier.alerts), not notice digests
        if not parse_schedule(sub.schedule).is_due(now, sub.last_planned_at):
            continue
        rows = _unsent_changes(session, sub, sources)
        sub.last_planned_at = now
        if not rows:
            continue
        did = digest_id_for(sub.id, [c.id for c, _ in rows])
        for change, notice in rows:
            session.add(Delivery(subscription_id=sub.id, channel=sub.kind, notice_id=notice.id,
                                 change_id=change.id, digest_id=did, status="pending", attempts=0,
                                 created_at=now, next_attempt_at=now))
        digests.append(did)
    session.flush()
    return digests


def _unsent_changes(session: Session, sub: Subscription,
                    sources: Mapping[str, tuple[str, str]]) -> list[tuple[Change, Notice]]:
    planned = select(Delivery.change_id).where(Delivery.subscription_id == sub.id,
                                                Delivery.channel == sub.kind)
    query = (select(Change, Notice).join(Notice, Notice.id == Change.notice_id)
             .where(Change.detected_at >= sub.since, Change.id.not_in(planned))
             .order_by(Change.id))
    out = []
    for change, notice in session.execute(query):
        city = sources.get(notice.source, (notice.source, notice.source))[1]
        if matches(sub.filters or {}, notice, city):
            out.append((change, notice))
    return out


def _item(change: Change, notice: Notice, sources: Mapping[str, tuple[str, str]]) -> DigestItem:
    name, city = sources.get(notice.source, (notice.source, notice.source))
    return DigestItem(
        notice_id=notice.id, change=change.kind, title=notice.title, url=notice.url,
        source_id=notice.source, source_name=name, city=city, issuers=tuple(notice.issuers or ()),
        doc_number=notice.doc_number, date=notice.published_date or notice.written_date,
        events=tuple(notice.events or ()), diff=change.diff,
        repealed_by=change.detail if change.kind == "repealed" else None,
    )


def build_digest(session: Session, digest_id: str, sources: Mapping[str, tuple[str, str]],
                 public_url: str, secret: str, sender: str) -> tuple[Digest, Subscription, list[list[int]]]:
    """The digest of the ledger rows not yet sent, and for each item the ledger rows it carries."""
    rows = list(session.execute(
        select(Delivery, Change, Notice).join(Change, Change.id == Delivery.change_id)
        .join(Notice, Notice.id == Delivery.notice_id)
        .where(Delivery.digest_id == digest_id, Delivery.status != "sent")
        .order_by(Notice.source, Change.id)))
    sub = session.get(Subscription, rows[0][0].subscription_id)
    assert sub is not None
    token = sign_token(sub.token, secret)
    unsubscribe_url = f"{public_url.rstrip('/')}/unsubscribe/{token}" if public_url else None
    mailto = None if unsubscribe_url else f"mailto:{sender or 'policywatch@localhost'}?subject=unsubscribe%20{token}"
    created = rows[0][0].created_at.astimezone(CHINA)
    subscriber = session.get(Subscriber, sub.subscriber_id)
    name = subscriber.name if subscriber else f"subscription {sub.id}"
    items, row_ids = _clustered_items(rows, sources)
    digest = Digest(digest_id=digest_id, subscription_id=sub.id, subscription_name=name,
                    created_at=created, items=items, unsubscribe_url=unsubscribe_url, unsubscribe_mailto=mailto)
    return digest, sub, row_ids


def _clustered_items(rows: list[Any], sources: Mapping[str, tuple[str, str]]
                     ) -> tuple[tuple[DigestItem, ...], list[list[int]]]:
    """One entry per document: a MOST letter reposted by a city (same 文号, both new) is listed once,
    from the issuing source when it is in the digest, with "另见：<other sources>"."""
    groups: dict[Any, list[Any]] = {}
    for delivery, change, notice in rows:
        key = (change.kind, notice.doc_number) if notice.doc_number and change.kind == "new" else delivery.id
        groups.setdefault(key, []).append((delivery, change, notice))
    items, row_ids = [], []
    for members in groups.values():
        members.sort(key=lambda m: (m[2].source != "most", m[1].id))  # the ministry's copy first
        _, change, notice = members[0]
        others = [sources.get(n.source, (n.source, ""))[0] for _, _, n in members[1:] if n.source != notice.source]
        item = _item(change, notice, sources)
        if others:
            item = replace(item, also_from=tuple(dict.fromkeys(others)))
        items.append(item)
        row_ids.append([d.id for d, _, _ in members])
    return tuple(items), row_ids


def due_digests(session: Session, now: dt.datetime) -> list[str]:
    rows = session.execute(select(Delivery.digest_id, Delivery.status, Delivery.next_attempt_at)
                           .where(Delivery.status.in_(["pending", "failed", "sending"])))
    due: dict[str, bool] = {}
    for did, status, next_at in rows:
        ready = status == "sending" or next_at <= now
        due[did] = due.get(did, True) and ready
    return [d for d, ready in due.items() if ready]


def _mark(session: Session, digest_id: str, **values: Any) -> None:
    """Update the digest's rows that are not sent yet (sent rows stay sent)."""
    for row in session.scalars(select(Delivery).where(Delivery.digest_id == digest_id, Delivery.status != "sent")):
        for key, value in values.items():
            setattr(row, key, value)


def _mark_rows(session: Session, row_ids: list[int], **values: Any) -> None:
    for row in session.scalars(select(Delivery).where(Delivery.id.in_(row_ids))):
        for key, value in values.items():
            setattr(row, key, value)


def send_due(factory: sessionmaker[Session], make_channel: ChannelFactory, now: dt.datetime,
             sources: Mapping[str, tuple[str, str]], *, public_url: str, secret: str, sender: str,
             max_attempts: int, report: NotifyReport) -> None:
    with transaction(factory) as session:
        digests = due_digests(session, now)
    for did in digests:
        with transaction(factory) as session:
            digest, sub, row_ids = build_digest(session, did, sources, public_url, secret, sender)
            attempts = max(r.attempts for r in session.scalars(select(Delivery).where(Delivery.digest_id == did)))
            _mark(session, did, status="sending", attempts=attempts + 1)
        result = _send(make_channel, sub, digest)
        with transaction(factory) as session:
            if result.ok:
                _mark(session, did, status="sent", sent_at=now, last_error=None)
                report.sent += 1
                report.digests.append(did)
            else:
                final = not result.retryable or attempts + 1 >= max_attempts
                _mark(session, did, status="dead" if final else "failed", last_error=result.detail,
                      next_attempt_at=now + backoff(attempts + 1))
                # Items a chunked channel already delivered are done: the retry carries only the rest.
                done = [rid for i in result.delivered_items if i < len(row_ids) for rid in row_ids[i]]
                _mark_rows(session, done, status="sent", sent_at=now)
                report.failed += 1
                report.errors.append(f"subscription {sub.id} ({sub.kind}): {result.detail}")


def _send(make_channel: ChannelFactory, sub: Subscription, digest: Digest) -> SendResult:
    try:
        channel = make_channel(sub)
        return channel.send(digest)
    except Exception as exc:  # a broken channel config must not stop the other subscriptions
        log.exception("channel for subscription %s failed", sub.id)
        return SendResult(ok=False, retryable=False, detail=f"{type(exc).__name__}: {exc}")


def notify(factory: sessionmaker[Session], make_channel: ChannelFactory, now: dt.datetime,
           sources: Mapping[str, tuple[str, str]], *, public_url: str = "", secret: str,
           sender: str = "", max_attempts: int = 8) -> NotifyReport:
    """Plan and send every due digest. Calling it again right away sends nothing."""
    report = NotifyReport()
    with transaction(factory) as session:
        report.planned = len(plan(session, now, sources))
    send_due(factory, make_channel, now, sources, public_url=public_url, secret=secret, sender=sender,
             max_attempts=max_attempts, report=report)
    return report
