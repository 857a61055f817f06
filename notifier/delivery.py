"""Notice digests: what each subscription has not been told yet, planned into the ledger.

1. **Plan** (one transaction): for each due subscription, the changes it has not been sent are
   written to the ``delivery`` ledger with one ``digest_id`` derived from the subscription and the
   change ids. The ledger's unique key (subscription, channel, notice, change) makes a second plan
   of the same change impossible, so a concurrent or repeated ``notify`` cannot send it twice.
2. **Send**: `notifier.ledger` (the one exactly-once protocol, shared with ops alerts) claims each
   due digest — rows ``sending``, committed before the channel is called — sends it and records
   ``sent`` or ``failed`` with a backoff. This module only says what a notice digest is
   (`build_digest`: the ledger rows not sent yet, clustered into items).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, case, insert, or_, select, update
from sqlalchemy.orm import Session, load_only, sessionmaker

from notifier.admin import mask_target
from notifier.digest import Digest, DigestItem
from notifier.ledger import ChannelFactory, Outgoing, SendTally, due_digests, send_due
from notifier.subscriptions import CHINA, FilterIndex, FilterSpec, NoticeFacts, parse_schedule, sign_token
from store.db import transaction
from store.models import Change, Delivery, Notice, Subscriber, Subscription
from store.planning import change_facts, change_horizon, first_change_ids, in_chunks, keyword_hits, ledgered


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


# Changes read per round trip: bounds memory when a subscription has a long backlog to catch up on.
PLAN_CHUNK = 2000
LEDGER_BATCH = 5000  # ledger rows per INSERT executemany


@dataclass(frozen=True)
class _Due:
    """A due subscription that is behind the horizon: columns only, no ORM object."""

    id: int
    kind: str
    since: dt.datetime
    mark: int  # every change up to this id has been considered


# Ops subscriptions get health alerts (notifier.alerts), not notice digests: a filter nothing passes.
_NOTHING = FilterSpec(sources=frozenset())


def _spec(filters: Mapping[str, Any] | None, is_ops: bool) -> FilterSpec:
    filters = filters or {}
    if is_ops and not filters.get("ops_notices"):
        return _NOTHING
    return FilterSpec.parse(filters)


def _due_clauses(session: Session, now: dt.datetime) -> tuple[list[ColumnElement[bool]], list[ColumnElement[bool]]]:
    """SQL for "due now": (for every schedule, for daily/weekly ones only). A schedule is due when
    its last slot is after the subscription's last plan; the few distinct schedules are parsed here
    so that thousands of subscriptions are selected in SQL, not looped over in Python."""
    every: list[ColumnElement[bool]] = []
    slotted: list[ColumnElement[bool]] = []
    for text_ in session.scalars(select(Subscription.schedule).where(Subscription.active.is_(True)).distinct()):
        slot = parse_schedule(text_).last_slot(now)
        if slot is None:
            every.append(Subscription.schedule == text_)
            continue
        clause = and_(Subscription.schedule == text_,
                      or_(Subscription.last_planned_at.is_(None), Subscription.last_planned_at < slot))
        every.append(clause)
        slotted.append(clause)
    return every, slotted


def _behind(session: Session, due: list[ColumnElement[bool]], horizon: int) -> list[Any]:
    """Due subscriptions whose mark is below the horizon (idle: none)."""
    mark = Subscription.planned_through_change_id
    return list(session.execute(
        select(Subscription.id, Subscription.kind, Subscription.filters, Subscription.is_ops, Subscription.since,
               mark.label("mark"))
        .where(Subscription.active.is_(True), or_(*due), or_(mark.is_(None), mark < horizon))
        .order_by(Subscription.id)))


def _start_marks(session: Session, rows: list[Any], horizon: int) -> dict[int, int]:
    """Each subscription's mark; one without a mark yet starts below its first change at or after ``since``."""
    first = first_change_ids(session, [r.since for r in rows if r.mark is None])
    marks = {}
    for r in rows:
        if r.mark is not None:
            marks[r.id] = r.mark
        else:
            start = first[r.since]
            marks[r.id] = horizon if start is None else min(start - 1, horizon)
    return marks


def plan(session: Session, now: dt.datetime, sources: Mapping[str, tuple[str, str]],
         horizon: int | None) -> list[str]:
    """Write ledger rows for every due subscription's new matching changes; return new digest ids.

    Reads only the changes above the due subscriptions' marks, up to ``horizon``
    (`store.planning.change_horizon`; None: plan nothing new now), and moves their marks to it in
    this same transaction. A crash before the commit leaves marks and ledger as they were.
    """
    if horizon is None:
        return []
    due, slotted = _due_clauses(session, now)
    if not due:
        return []
    rows = _behind(session, due, horizon)
    touched = list(session.scalars(select(Subscription.id).where(Subscription.active.is_(True), or_(*slotted)))) \
        if slotted else []
    marks = _start_marks(session, rows, horizon)
    subs = [_Due(r.id, r.kind, r.since, marks[r.id]) for r in rows]
    index: FilterIndex[_Due] = FilterIndex((_spec(r.filters, r.is_ops), sub) for r, sub in zip(rows, subs, strict=True))
    found = _matching(session, index, min((s.mark for s in subs), default=horizon), horizon, sources)
    digests = _write_ledger(session, subs, found, now)
    _advance(session, [s.id for s in subs], horizon, now)
    # Daily/weekly subscriptions that were due but had nothing new: their slot is used up all the same.
    _touch(session, sorted(set(touched) - {s.id for s in subs}), now)
    session.flush()
    return digests


def _matching(session: Session, index: FilterIndex[_Due], after: int, horizon: int,
              sources: Mapping[str, tuple[str, str]]) -> dict[int, list[tuple[int, int]]]:
    """Per subscription id, the (change id, notice id) it must be sent, oldest first."""
    found: dict[int, list[tuple[int, int]]] = {}
    while after < horizon:
        rows = change_facts(session, after, horizon, PLAN_CHUNK)
        if not rows:
            break
        after = rows[-1].id
        _match_chunk(session, index, rows, sources, found)
    return found


def _match_chunk(session: Session, index: FilterIndex[_Due], rows: list[Any],
                 sources: Mapping[str, tuple[str, str]], found: dict[int, list[tuple[int, int]]]) -> None:
    passed: list[tuple[Any, FilterSpec]] = []
    asks: dict[str, set[int]] = {}  # keyword -> notices whose other filters passed
    for row in rows:
        city = sources.get(row.source, (row.source, row.source))[1]
        facts = NoticeFacts.of(row.source, city, row.topics, row.events)
        for spec in index.candidates(row.source, city):
            if spec.passes_facts(facts):
                passed.append((row, spec))
                for keyword in spec.keywords or ():
                    asks.setdefault(keyword, set()).add(row.notice_id)
    if not passed:
        return
    hits = {k: keyword_hits(session, k, sorted(ids)) for k, ids in asks.items()}
    planned = ledgered(session, sorted({row.id for row, _ in passed}))
    for row, spec in passed:
        if spec.keywords is not None and not any(row.notice_id in hits[k] for k in spec.keywords):
            continue
        for sub in index.groups[spec]:
            if row.id > sub.mark and row.detected_at >= sub.since and (sub.id, sub.kind, row.id) not in planned:
                found.setdefault(sub.id, []).append((row.id, row.notice_id))


def _write_ledger(session: Session, subs: list[_Due], found: dict[int, list[tuple[int, int]]],
                  now: dt.datetime) -> list[str]:
    digests: list[str] = []
    values: list[dict[str, Any]] = []
    for sub in subs:  # in subscription id order, as before
        pairs = sorted(found.get(sub.id, ()))
        if not pairs:
            continue
        did = digest_id_for(sub.id, [c for c, _ in pairs])
        digests.append(did)
        values.extend({"subscription_id": sub.id, "channel": sub.kind, "notice_id": notice_id,
                       "change_id": change_id, "digest_id": did, "status": "pending", "attempts": 0,
                       "created_at": now, "next_attempt_at": now} for change_id, notice_id in pairs)
    for start in range(0, len(values), LEDGER_BATCH):
        session.execute(insert(Delivery), values[start:start + LEDGER_BATCH])
    return digests


def _advance(session: Session, ids: list[int], horizon: int, now: dt.datetime) -> None:
    """Marks to the horizon, never backwards (a slower concurrent plan may hold an older one)."""
    mark = Subscription.planned_through_change_id
    forward = case((or_(mark.is_(None), mark < horizon), horizon), else_=mark)
    for chunk in in_chunks(ids):
        session.execute(update(Subscription).where(Subscription.id.in_(chunk))
                        .values(planned_through_change_id=forward, last_planned_at=now))


def _touch(session: Session, ids: list[int], now: dt.datetime) -> None:
    for chunk in in_chunks(ids):
        session.execute(update(Subscription).where(Subscription.id.in_(chunk)).values(last_planned_at=now))


def _item(change: Change, notice: Notice, sources: Mapping[str, tuple[str, str]]) -> DigestItem:
    name, city = sources.get(notice.source, (notice.source, notice.source))
    return DigestItem(
        notice_id=notice.id, change=change.kind, title=notice.title, url=notice.url,
        source_id=notice.source, source_name=name, city=city, issuers=tuple(notice.issuers or ()),
        doc_number=notice.doc_number, date=notice.published_date or notice.written_date,
        events=tuple(notice.events or ()), diff=change.diff,
        repealed_by=change.detail if change.kind == "repealed" else None,
    )


# What a digest item shows of a notice: never the body, which can be large and is not rendered.
_ITEM_COLUMNS = load_only(Notice.id, Notice.source, Notice.title, Notice.url, Notice.issuers, Notice.doc_number,
                          Notice.published_date, Notice.written_date, Notice.events)


def build_digest(session: Session, digest_id: str, sources: Mapping[str, tuple[str, str]],
                 unsubscribe: Unsubscribe) -> Outgoing | None:
    """The digest of the ledger rows not yet sent, and for each item the ledger rows it carries."""
    built = build_digests(session, [digest_id], sources, unsubscribe)
    return built[0] if built else None


def build_digests(session: Session, digest_ids: Sequence[str], sources: Mapping[str, tuple[str, str]],
                  unsubscribe: Unsubscribe) -> list[Outgoing]:
    """`build_digest` for many digests in a few queries (dry runs, previews); same order, empty ones left out."""
    rows: dict[str, list[Any]] = {did: [] for did in digest_ids}
    for chunk in in_chunks(list(rows)):
        for row in session.execute(
                select(Delivery, Change, Notice).join(Change, Change.id == Delivery.change_id)
                .join(Notice, Notice.id == Delivery.notice_id).options(_ITEM_COLUMNS)
                .where(Delivery.digest_id.in_(chunk), Delivery.status != "sent")
                .order_by(Delivery.digest_id, Notice.source, Change.id)):
            rows[row[0].digest_id].append(row)
    subs = _by_id(session, Subscription, {r[0][0].subscription_id for r in rows.values() if r})
    subscribers = _by_id(session, Subscriber, {s.subscriber_id for s in subs.values()})
    out = []
    for did, digest_rows in rows.items():
        if digest_rows:
            sub = subs[digest_rows[0][0].subscription_id]
            out.append(_outgoing(did, digest_rows, sub, subscribers.get(sub.subscriber_id), sources, unsubscribe))
    return out


def _by_id(session: Session, model: Any, ids: set[int]) -> dict[int, Any]:  # Subscription or Subscriber
    found: dict[int, Any] = {}
    for chunk in in_chunks(sorted(ids)):
        found.update((row.id, row) for row in session.scalars(select(model).where(model.id.in_(chunk))))
    return found


def _outgoing(digest_id: str, rows: list[Any], sub: Subscription, subscriber: Subscriber | None,
              sources: Mapping[str, tuple[str, str]], unsubscribe: Unsubscribe) -> Outgoing:
    unsubscribe_url, mailto = unsubscribe.links(sub)
    created = rows[0][0].created_at.astimezone(CHINA)
    name = subscriber.name if subscriber else f"subscription {sub.id}"
    items, row_ids = _clustered_items(rows, sources)
    digest = Digest(digest_id=digest_id, subscription_id=sub.id, subscription_name=name,
                    created_at=created, items=items, unsubscribe_url=unsubscribe_url, unsubscribe_mailto=mailto)
    return Outgoing(digest, sub, tuple(tuple(ids) for ids in row_ids))


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
           sender: str = "", max_attempts: int = 8) -> NotifyReport:
    """Plan and send every due digest. Calling it again right away sends nothing."""
    report = NotifyReport()
    horizon = change_horizon(factory)  # its own short transaction: see store.planning
    with transaction(factory) as session:
        report.planned = len(plan(session, now, sources, horizon))
    unsubscribe = Unsubscribe(public_url, secret, sender)

    def build(session: Session, digest_id: str) -> Outgoing | None:
        return build_digest(session, digest_id, sources, unsubscribe)

    send_due(factory, Delivery, build, make_channel, now, max_attempts=max_attempts, tally=report)
    return report


@dataclass(frozen=True)
class Preview:
    """One message `notify` would send now (`notify --dry-run`)."""

    digest: Digest
    channel: str
    recipient: str  # masked like `subscriptions list`: keys and tokens are never printed whole
    state: str  # "new": planned by this run; "retry": already in the ledger and due again

    def to_json(self) -> dict[str, Any]:
        return {"subscription_id": self.digest.subscription_id, "subscriber": self.digest.subscription_name,
                "channel": self.channel, "recipient": self.recipient, "state": self.state,
                "digest": self.digest.to_json()}


def _preview(outgoing: Outgoing, state: str) -> Preview:
    sub = outgoing.subscription
    return Preview(outgoing.digest, sub.kind, mask_target(sub.kind, sub.target or {}), state)


def dry_run(factory: sessionmaker[Session], now: dt.datetime, sources: Mapping[str, tuple[str, str]], *,
            public_url: str = "", secret: str, sender: str = "") -> list[Preview]:
    """What `notify` would send now and to whom, with nothing sent or recorded: the same plan is
    made in a transaction that is rolled back, then the due digests are built from it."""
    horizon = change_horizon(factory)
    unsubscribe = Unsubscribe(public_url, secret, sender)
    session = factory()
    try:
        new = set(plan(session, now, sources, horizon))
        due = due_digests(session, Delivery, now)
        previews = [_preview(o, "new" if o.digest.digest_id in new else "retry")
                    for o in build_digests(session, due, sources, unsubscribe)]
    finally:
        session.rollback()
        session.close()
    return sorted(previews, key=lambda p: (p.digest.subscription_id, p.digest.digest_id))
