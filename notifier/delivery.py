"""Notice digests: what each subscription has not been told yet, planned into the ledger.

1. **Plan** (one transaction): for each due subscription, the changes it has not been sent are
   written to the ``delivery`` ledger with one ``digest_id`` derived from the subscription and the
   change ids. The ledger's unique key (subscription, channel, notice, change) makes a second plan
   of the same change impossible, so a concurrent or repeated ``notify`` cannot send it twice.
   Planners take the subscriptions' write lock first (`lock_planning`), so two ``notify`` runs
   starting together plan one after the other and the second sees the first one's rows.
2. **Send**: `notifier.ledger` (the one exactly-once protocol, shared with ops alerts) claims each
   due digest — rows ``sending`` under a lease, committed before the channel is called — sends it
   and records ``sent`` or ``failed`` with a backoff. This module only says what a notice digest is
   (`build_digest`: the claimed ledger rows, clustered into items).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from notifier.digest import Digest, DigestItem
from notifier.dispatch import Dispatcher
from notifier.ledger import ChannelFactory, EndpointOf, LedgerPolicy, Outgoing, SendTally, send_due
from notifier.subscriptions import CHINA, matches, parse_schedule, sign_token
from store.db import transaction
from store.models import Change, Delivery, Notice, Subscriber, Subscription


@dataclass
class NotifyReport(SendTally):
    planned: int = 0


@dataclass(frozen=True)
class Unsubscribe:
    """What every message needs to offer a one-click or mailto unsubscribe."""

    public_url: str
    secret: str
    sender: str

    def links(self, sub: Subscription) -> tuple[str | None, str | None]:
        """(https unsubscribe URL, mailto fallback): the URL when a public URL is configured."""
        token = sign_token(sub.token, self.secret)
        if self.public_url:
            return f"{self.public_url.rstrip('/')}/unsubscribe/{token}", None
        return None, f"mailto:{self.sender or 'policywatch@localhost'}?subject=unsubscribe%20{token}"


def digest_id_for(subscription_id: int, change_ids: list[int]) -> str:
    key = f"{subscription_id}:" + ",".join(str(i) for i in sorted(change_ids))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def lock_planning(session: Session) -> None:
    """Serialize planners: call first in a planning transaction, before anything is read.

    Two planners reading the same "not planned yet" changes would both insert them (a unique-key
    crash) or, worse, plan overlapping digests. PostgreSQL: lock the subscription rows. SQLite: any
    write takes the database's one write lock, and taking it before the first read means the reads
    see everything the previous planner committed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(Subscription.id).order_by(Subscription.id).with_for_update())
    else:
        session.execute(update(Subscription).where(Subscription.id == -1).values(active=Subscription.active))


def plan(session: Session, now: dt.datetime, sources: Mapping[str, tuple[str, str]]) -> list[str]:
    """Write ledger rows for every due subscription's unsent changes; return new digest ids."""
    lock_planning(session)
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


def build_digest(session: Session, digest_id: str, row_ids: Sequence[int], sources: Mapping[str, tuple[str, str]],
                 unsubscribe: Unsubscribe) -> Outgoing | None:
    """The digest of the given (claimed) ledger rows, and for each item the ledger rows it carries."""
    rows = list(session.execute(
        select(Delivery, Change, Notice).join(Change, Change.id == Delivery.change_id)
        .join(Notice, Notice.id == Delivery.notice_id)
        .where(Delivery.digest_id == digest_id, Delivery.id.in_(row_ids))
        .order_by(Notice.source, Change.id)))
    if not rows:
        return None
    sub = session.get(Subscription, rows[0][0].subscription_id)
    assert sub is not None
    unsubscribe_url, mailto = unsubscribe.links(sub)
    created = rows[0][0].created_at.astimezone(CHINA)
    subscriber = session.get(Subscriber, sub.subscriber_id)
    name = subscriber.name if subscriber else f"subscription {sub.id}"
    items, item_rows = _clustered_items(rows, sources)
    digest = Digest(digest_id=digest_id, subscription_id=sub.id, subscription_name=name,
                    created_at=created, items=items, unsubscribe_url=unsubscribe_url, unsubscribe_mailto=mailto)
    return Outgoing(digest, sub, tuple(tuple(ids) for ids in item_rows))


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


def notify(factory: sessionmaker[Session], make_channel: ChannelFactory, now: dt.datetime,
           sources: Mapping[str, tuple[str, str]], *, public_url: str = "", secret: str,
           sender: str = "", policy: LedgerPolicy | None = None, dispatcher: Dispatcher | None = None,
           endpoint_of: EndpointOf | None = None) -> NotifyReport:
    """Plan and send every due digest. Calling it again right away sends nothing."""
    report = NotifyReport()
    with transaction(factory) as session:
        report.planned = len(plan(session, now, sources))
    unsubscribe = Unsubscribe(public_url, secret, sender)

    def build(session: Session, digest_id: str, row_ids: Sequence[int]) -> Outgoing | None:
        return build_digest(session, digest_id, row_ids, sources, unsubscribe)

    send_due(factory, Delivery, build, make_channel, now, policy=policy or LedgerPolicy(), tally=report,
             dispatcher=dispatcher, endpoint_of=endpoint_of)
    return report
