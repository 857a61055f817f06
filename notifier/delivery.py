"""Notice digests: what each subscription has not been told yet, planned into the ledger.

1. **Plan** (one transaction): for each due subscription, the new changes that pass its filters are
   written to the ``delivery`` ledger with one ``digest_id`` derived from the subscription and the
   change ids, and its high-water mark moves to the horizon (`plan`; docs/ops.md, "Notify cost").
   Only changes above the marks are read, so the cost is the new work, not the archive. The ledger's
   unique key (subscription, channel, notice, change) makes a second plan of the same change
   impossible, so a concurrent or repeated ``notify`` cannot send it twice. Planners take the
   subscriptions' write lock first (`lock_planning`), so two ``notify`` runs starting together plan
   one after the other and the second sees the first one's rows.
2. **Send**: `notifier.ledger` (the one exactly-once protocol, shared with ops alerts) claims each
   due digest — rows ``sending`` under a lease, committed before the channel is called — sends it
   and records ``sent`` or ``failed`` with a backoff. This module only says what a notice digest is
   (`build_digest`: the claimed ledger rows, clustered into items).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, DateTime, and_, case, func, or_, select, type_coerce, update
from sqlalchemy.orm import Session, object_session, sessionmaker

from notifier.admin import mask_target
from notifier.digest import Digest, DigestItem
from notifier.dispatch import Dispatcher
from notifier.ledger import (
    UNSENT,
    ChannelFactory,
    EndpointOf,
    LedgerPolicy,
    Outgoing,
    SendTally,
    due_digests,
    send_due,
)
from notifier.subscriptions import (
    CHINA,
    PREFS_SCOPE,
    FilterIndex,
    FilterSpec,
    NoticeFacts,
    call_end,
    end_day,
    parse_schedule,
    sign_scoped,
    sign_token,
)
from parsers.facts.events import CALL_THREAD_TYPES, spec_for, when_text
from parsers.facts.vocab import TENTATIVE
from parsers.facts.zone_reference import place_key
from store.db import transaction
from store.models import CallLink, Change, Delivery, Notice, Subscriber, Subscription, as_utc
from store.planning import (
    change_facts,
    change_horizon,
    first_change_ids,
    in_chunks,
    insert_pending,
    keyword_hits,
    ledgered,
)
from store.reminders import DEADLINE_MOVED, REMINDER, parse_detail, write_reminders


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
            return f"{self.public_url.rstrip('/')}/u/{token}", None  # served by `policywatch web`
        return None, f"mailto:{self.sender or 'policywatch@localhost'}?subject=unsubscribe%20{token}"

    def preferences(self, sub: Subscription) -> str | None:
        """The subscriber's own preferences page (``/p/{token}``, a token scoped to it), if served."""
        if not self.public_url or sub.is_ops:
            return None
        return f"{self.public_url.rstrip('/')}/p/{sign_scoped(PREFS_SCOPE, sub.token, self.secret)}"


def digest_id_for(subscription_id: int, change_ids: list[int]) -> str:
    key = f"{subscription_id}:" + ",".join(str(i) for i in sorted(change_ids))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


# Any constant shared by every planner: the key of PostgreSQL's transaction-scoped advisory lock.
_PLANNING_LOCK = 0x706F6C77  # "polw"


def lock_planning(session: Session) -> None:
    """Serialize planners: call first in a planning transaction, before anything is read.

    Two planners reading the same "not planned yet" changes would both insert them (a unique-key
    crash) or, worse, plan overlapping digests. PostgreSQL: a transaction-scoped advisory lock (not
    row locks on every subscription, which an idle notify of 10,000 subscriptions would pay each
    minute); each later statement sees what the previous planner committed. SQLite: any write takes
    the database's one write lock, and taking it before the first read means the reads see
    everything the previous planner committed."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_PLANNING_LOCK)))
    else:
        session.execute(update(Subscription).where(Subscription.id == -1).values(active=Subscription.active))


# A call whose end is at most this many days away is listed first in a digest.
CLOSING_DAYS = 7
# Changes read per round trip: bounds memory when a subscription has a long backlog to catch up on.
PLAN_CHUNK = 2000


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
        # Never planned: counted from its creation, so a new daily/weekly subscription gets its first
        # digest at its next slot, not at once.
        last = func.coalesce(Subscription.last_planned_at, Subscription.created_at)
        clause = and_(Subscription.schedule == text_, last < slot)
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
    lock_planning(session)
    due, slotted = _due_clauses(session, now)
    if not due:
        return []
    rows = _behind(session, due, horizon)
    touched = list(session.scalars(select(Subscription.id).where(Subscription.active.is_(True), or_(*slotted)))) \
        if slotted else []
    marks = _start_marks(session, rows, horizon)
    subs = [(_spec(r.filters, r.is_ops), _Due(r.id, r.kind, r.since, marks[r.id])) for r in rows]
    index: FilterIndex[_Due] = FilterIndex(subs)
    matched = _Matched()
    today = now.astimezone(CHINA).date()
    _matching(session, index, min((s.mark for _, s in subs), default=horizon), horizon, sources, matched, today)
    digests = _write_ledger(session, subs, matched, now)
    _advance(session, [s.id for _, s in subs], horizon, now)
    # Daily/weekly subscriptions that were due but had nothing new: their slot is used up all the same.
    _touch(session, sorted(set(touched) - {s.id for _, s in subs}), now)
    session.flush()
    return digests


@dataclass
class _Matched:
    """What the new changes matched: per filter group, the change rows passing it (id order), and
    the (subscription, channel, change) triples already in the ledger."""

    by_spec: dict[FilterSpec, list[Any]] = field(default_factory=dict)
    planned: set[tuple[int, str, int]] = field(default_factory=set)
    oldest: dict[FilterSpec, dt.datetime] = field(default_factory=dict)

    def rows_for(self, spec: FilterSpec, sub: _Due) -> list[Any]:
        rows = self.by_spec.get(spec, [])
        # Usually every row is new for every subscription of the group: the list as it is.
        if rows and (rows[0].id <= sub.mark or self.planned or self._oldest(spec) < sub.since):
            rows = [r for r in rows if r.id > sub.mark and r.detected_at >= sub.since
                    and (sub.id, sub.kind, r.id) not in self.planned]
        return rows

    def _oldest(self, spec: FilterSpec) -> dt.datetime:
        if spec not in self.oldest:
            self.oldest[spec] = min(r.detected_at for r in self.by_spec[spec])
        return self.oldest[spec]


def _matching(session: Session, index: FilterIndex[_Due], after: int, horizon: int,
              sources: Mapping[str, tuple[str, str]], matched: _Matched, today: dt.date) -> None:
    """Read the changes in (after, horizon] a chunk at a time and file each under the groups it passes."""
    while after < horizon:
        rows = change_facts(session, after, horizon, PLAN_CHUNK)
        if not rows:
            break
        after = rows[-1].id
        _match_chunk(session, index, rows, sources, matched, today)


def _match_chunk(session: Session, index: FilterIndex[_Due], rows: list[Any],
                 sources: Mapping[str, tuple[str, str]], matched: _Matched, today: dt.date) -> None:
    passed: list[tuple[Any, FilterSpec]] = []
    asks: dict[str, set[int]] = {}  # keyword -> notices whose other filters passed
    for row in rows:
        city = sources.get(row.source, (row.source, row.source))[1]
        facts = NoticeFacts.of(row.source, city, row.topics, row.events)
        for spec in index.candidates(row.source, city):
            if spec.passes_facts(facts) and spec.passes_change(row.kind, row.detail) \
                    and spec.passes_deadline(row.events, today):
                passed.append((row, spec))
                for keyword in spec.keywords or ():
                    asks.setdefault(keyword, set()).add(row.notice_id)
    if not passed:
        return
    hits = {k: keyword_hits(session, k, sorted(ids)) for k, ids in asks.items()}
    matched.planned |= ledgered(session, sorted({row.id for row, _ in passed}))
    for row, spec in passed:
        if spec.keywords is None or any(row.notice_id in hits[k] for k in spec.keywords):
            matched.by_spec.setdefault(spec, []).append(row)


def _write_ledger(session: Session, subs: list[tuple[FilterSpec, _Due]], matched: _Matched,
                  now: dt.datetime) -> list[str]:
    digests: list[str] = []
    rows: list[tuple[int, str, int, int, str]] = []
    for spec, sub in subs:  # in subscription id order, as before
        changes = matched.rows_for(spec, sub)
        if not changes:
            continue
        did = digest_id_for(sub.id, [c.id for c in changes])
        digests.append(did)
        rows.extend((sub.id, sub.kind, c.notice_id, c.id, did) for c in changes)
    insert_pending(session, rows, now)
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


def _item(fact: Any, sources: Mapping[str, tuple[str, str]]) -> DigestItem:
    """A digest item from one change's row (`_CHANGE_COLUMNS`)."""
    name, city = sources.get(fact.source, (fact.source, fact.source))
    return DigestItem(
        notice_id=fact.notice_id, change=fact.kind, title=fact.title, url=fact.url,
        source_id=fact.source, source_name=name, city=city, issuers=tuple(fact.issuers or ()),
        doc_number=fact.doc_number, date=fact.published_date or fact.written_date,
        events=tuple(fact.events or ()), diff=fact.diff,
        repealed_by=fact.detail if fact.kind == "repealed" else None,
        deadline=_deadline_text(fact), note=_reminder_note(fact),
    )


def _deadline_text(fact: Any) -> str | None:
    """The call's end shown next to its title: a reminder's or a move's end, else the notice's own."""
    parts = parse_detail(fact.detail) if fact.kind in (REMINDER, DEADLINE_MOVED) else None
    if parts is not None:
        return when_text(parts[1])
    end = call_end(fact.events)
    if end is None:
        return None
    return when_text(end[0]) + ("（暂定）" if end[1] == TENTATIVE else "")


def _reminder_note(fact: Any) -> str | None:
    parts = parse_detail(fact.detail)
    if parts is None:
        return None
    left, right = parts
    if fact.kind == REMINDER:
        return "今天截止" if left == "0" else f"距申报截止还有{left}天（{when_text(right)}）"
    if fact.kind == DEADLINE_MOVED:
        return f"截止时间调整：{when_text(left) if left else '原截止时间'} → {when_text(right)}"
    return None


# What a digest item shows of a change and its notice: never the body, which is not rendered.
_CHANGE_COLUMNS = (Change.id, Change.kind, Change.diff, Change.detail, Notice.id.label("notice_id"), Notice.source,
                   Notice.title, Notice.url, Notice.issuers, Notice.doc_number, Notice.published_date,
                   Notice.written_date, Notice.events)


# One unsent ledger row of a digest: (ledger row id, the `_CHANGE_COLUMNS` row of its change).
_Row = tuple[int, Any]


def build_digest(session: Session, digest_id: str, row_ids: Sequence[int], sources: Mapping[str, tuple[str, str]],
                 unsubscribe: Unsubscribe) -> Outgoing | None:
    """The digest of the given (claimed) ledger rows, and for each item the ledger rows it carries."""
    built = build_digests(session, {digest_id: row_ids}, sources, unsubscribe)
    return built[0] if built else None


def build_digests(session: Session, digests: Mapping[str, Sequence[int] | None], sources: Mapping[str, tuple[str, str]],
                  unsubscribe: Unsubscribe) -> list[Outgoing]:
    """`build_digest` for many digests in a few queries; same order, empty ones left out.

    Each digest is built from the ledger rows given for it (a claim's), or with None from its unsent
    rows (dry runs, previews). The ledger rows are read as plain ids; each change's title, URL,
    events … is read once, however many digests carry it (a new notice goes to thousands of
    subscriptions)."""
    ledger: dict[str, list[tuple[int, int, int]]] = {did: [] for did in digests}  # (row, change, subscription)
    created: dict[str, dt.datetime] = {}
    # created_at read as the driver gives it and made UTC once per digest, not once per row: a plan
    # builds a few hundred thousand rows (benchmarks/README.md#notify).
    raw_created = type_coerce(Delivery.created_at, DateTime(timezone=True))
    columns = (Delivery.digest_id, Delivery.id, Delivery.change_id, Delivery.subscription_id, raw_created)
    for where in _ledger_queries(digests):
        for did, row_id, change_id, sub_id, at in session.execute(select(*columns).where(*where)):
            ledger[did].append((row_id, change_id, sub_id))
            created[did] = min(at, created.get(did, at))  # one plan writes a digest's rows with one timestamp
    created = {did: as_utc(at) for did, at in created.items()}
    facts = _change_facts(session, {cid for rows in ledger.values() for _, cid, _ in rows})
    subs = _by_id(session, Subscription, {rows[0][2] for rows in ledger.values() if rows})
    subscribers = _names(session, {s.subscriber_id for s in subs.values()})
    order = {cid: (fact.source, cid) for cid, fact in facts.items()}  # a digest lists by source, then change
    items: dict[int, DigestItem] = {}  # one item object per change, shared by every digest carrying it
    memo: _OrderMemo = {}
    out = []
    for did, rows in ledger.items():
        if rows:
            sub = subs[rows[0][2]]
            rows.sort(key=lambda r: order[r[1]])
            ordered = [(rid, facts[cid]) for rid, cid, _ in rows]
            out.append(_outgoing(did, ordered, created[did], sub, subscribers.get(sub.subscriber_id), sources,
                                 unsubscribe, items, memo))
    return out


def _ledger_queries(digests: Mapping[str, Sequence[int] | None]) -> list[tuple[ColumnElement[bool], ...]]:
    """WHERE clauses, a bounded IN list each: the given rows of a digest, or the unsent rows of many."""
    queries: list[tuple[ColumnElement[bool], ...]] = []
    for did, row_ids in digests.items():
        if row_ids is not None:
            queries.extend((Delivery.digest_id == did, Delivery.id.in_(chunk)) for chunk in in_chunks(list(row_ids)))
    unsent = [did for did, row_ids in digests.items() if row_ids is None]
    queries.extend((Delivery.digest_id.in_(chunk), Delivery.status.in_(UNSENT)) for chunk in in_chunks(unsent))
    return queries


def _change_facts(session: Session, change_ids: set[int]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for chunk in in_chunks(sorted(change_ids)):
        found.update((row.id, row) for row in session.execute(
            select(*_CHANGE_COLUMNS).join(Notice, Notice.id == Change.notice_id).where(Change.id.in_(chunk))))
    return found


def _by_id(session: Session, model: Any, ids: set[int]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for chunk in in_chunks(sorted(ids)):
        found.update((row.id, row) for row in session.scalars(select(model).where(model.id.in_(chunk))))
    return found


def _names(session: Session, subscriber_ids: set[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in in_chunks(sorted(subscriber_ids)):
        found.update((sid, name) for sid, name in session.execute(
            select(Subscriber.id, Subscriber.name).where(Subscriber.id.in_(chunk))))
    return found


# Per build: each shared item's place in the order, for the day its digests were planned on.
_OrderMemo = dict[tuple[int, dt.date], tuple[DigestItem, tuple[int, dt.date, tuple[int, str, int, str]]]]


def _closing_first(items: tuple[DigestItem, ...], row_ids: list[list[int]], now: dt.datetime,
                   memo: _OrderMemo | None = None) -> tuple[tuple[DigestItem, ...], list[list[int]]]:
    """Calls closing within `CLOSING_DAYS` first, soonest first; the rest grouped by province > city
    (``place_key``: national, then each province's departments before its cities), else in order.

    ``memo`` keeps each item's key across the digests of one build: a new notice is an item of
    thousands of digests, and its key depends only on the item and the day (the entry holds the item,
    so its id is not reused while cached)."""
    today = now.astimezone(CHINA).date()
    memo = {} if memo is None else memo

    def key(i: int) -> tuple[int, dt.date, tuple[int, str, int, str], int]:
        item = items[i]
        hit = memo.get((id(item), today))
        if hit is None or hit[0] is not item:
            hit = memo[(id(item), today)] = (item, _order_key(item, today))
        return (*hit[1], i)

    order = sorted(range(len(items)), key=key)
    return tuple(items[i] for i in order), [row_ids[i] for i in order]


def _order_key(item: DigestItem, today: dt.date) -> tuple[int, dt.date, tuple[int, str, int, str]]:
    nowhere = place_key("全国")
    if item.change == REMINDER:
        return (0, today, nowhere)
    end = call_end(item.events)
    if end is not None and end[1] != TENTATIVE:
        day = end_day(end[0])
        if today <= day <= today + dt.timedelta(days=CLOSING_DAYS):
            return (0, day, nowhere)
    return (1, today, place_key(item.city))


def _thread_notes(session: Session, subscription_id: int, items: tuple[DigestItem, ...]) -> tuple[DigestItem, ...]:
    """A follow-up (公示, final list, extension) says which call it concludes, when this subscription
    was sent that call: "公示：对应您11月20日收到的申报通知"."""
    follow_ids = [it.notice_id for it in items if any(e.get("type") in CALL_THREAD_TYPES for e in it.events)]
    if not follow_ids:
        return items
    calls: dict[int, int] = {f: c for f, c in session.execute(
        select(CallLink.follow_id, CallLink.call_id).where(CallLink.follow_id.in_(follow_ids)))}
    if not calls:
        return items
    sent: dict[int, dt.datetime] = {n: at for n, at in session.execute(
        select(Delivery.notice_id, func.min(Delivery.sent_at))
        .where(Delivery.subscription_id == subscription_id, Delivery.notice_id.in_(set(calls.values())),
               Delivery.status == "sent").group_by(Delivery.notice_id)) if at is not None}
    out = []
    for it in items:
        when = sent.get(calls.get(it.notice_id, -1))
        if when is not None and it.note is None:
            label = next(spec_for(e.get("type")).label for e in it.events if e.get("type") in CALL_THREAD_TYPES)
            local = when.astimezone(CHINA)
            it = replace(it, note=f"{label}：对应您{local.month}月{local.day}日收到的申报通知")
        out.append(it)
    return tuple(out)


def _outgoing(digest_id: str, rows: list[_Row], created_at: dt.datetime, sub: Subscription,
              subscriber: str | None, sources: Mapping[str, tuple[str, str]], unsubscribe: Unsubscribe,
              items: dict[int, DigestItem], memo: _OrderMemo | None = None) -> Outgoing:
    session = object_session(sub)
    assert session is not None  # subscriptions are loaded by build_digests' session
    unsubscribe_url, mailto = unsubscribe.links(sub)
    name = subscriber if subscriber is not None else f"subscription {sub.id}"
    clustered, row_ids = _clustered_items(rows, sources, items)
    clustered, row_ids = _closing_first(_thread_notes(session, sub.id, clustered), row_ids, created_at, memo)
    digest = Digest(digest_id=digest_id, subscription_id=sub.id, subscription_name=name,
                    created_at=created_at.astimezone(CHINA), items=clustered, unsubscribe_url=unsubscribe_url,
                    unsubscribe_mailto=mailto, preferences_url=unsubscribe.preferences(sub))
    return Outgoing(digest, sub, tuple(tuple(ids) for ids in row_ids))


def _clustered_items(rows: list[_Row], sources: Mapping[str, tuple[str, str]], items: dict[int, DigestItem]
                     ) -> tuple[tuple[DigestItem, ...], list[list[int]]]:
    """One entry per document: a MOST letter reposted by a city (same 文号, both new) is listed once,
    from the issuing source when it is in the digest, with "另见：<other sources>"."""
    if not any(fact.doc_number and fact.kind == "new" for _, fact in rows):  # nothing to cluster
        for _, fact in rows:
            if fact.id not in items:
                items[fact.id] = _item(fact, sources)
        return tuple(items[fact.id] for _, fact in rows), [[row_id] for row_id, _ in rows]
    groups: dict[Any, list[_Row]] = {}
    for row in rows:
        fact = row[1]
        key = (fact.kind, fact.doc_number) if fact.doc_number and fact.kind == "new" else ("row", row[0])
        groups.setdefault(key, []).append(row)
    out, row_ids = [], []
    for members in groups.values():
        if len(members) > 1:
            members.sort(key=lambda m: (m[1].source != "most", m[1].id))  # the ministry's copy first
        first = members[0][1]
        if first.id not in items:
            items[first.id] = _item(first, sources)
        item = items[first.id]
        others = [sources.get(m[1].source, (m[1].source, ""))[0] for m in members[1:] if m[1].source != first.source]
        if others:
            item = replace(item, also_from=tuple(dict.fromkeys(others)))
        out.append(item)
        row_ids.append([m[0] for m in members])
    return tuple(out), row_ids


def notify(factory: sessionmaker[Session], make_channel: ChannelFactory, now: dt.datetime,
           sources: Mapping[str, tuple[str, str]], *, public_url: str = "", secret: str,
           sender: str = "", policy: LedgerPolicy | None = None, dispatcher: Dispatcher | None = None,
           endpoint_of: EndpointOf | None = None) -> NotifyReport:
    """Plan and send every due digest. Calling it again right away sends nothing."""
    report = NotifyReport()
    with transaction(factory) as session:
        write_reminders(session, now)  # reminders due now become changes, planned like any other
    horizon = change_horizon(factory)  # its own short transaction: see store.planning
    with transaction(factory) as session:
        report.planned = len(plan(session, now, sources, horizon))
    unsubscribe = Unsubscribe(public_url, secret, sender)

    def build(session: Session, digest_id: str, row_ids: Sequence[int]) -> Outgoing | None:
        return build_digest(session, digest_id, row_ids, sources, unsubscribe)

    send_due(factory, Delivery, build, make_channel, now, policy=policy or LedgerPolicy(), tally=report,
             dispatcher=dispatcher, endpoint_of=endpoint_of)
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
        due = {message.digest_id: None for message in due_digests(session, Delivery, now)}
        previews = [_preview(o, "new" if o.digest.digest_id in new else "retry")
                    for o in build_digests(session, due, sources, unsubscribe)]
    finally:
        session.rollback()
        session.close()
    return sorted(previews, key=lambda p: (p.digest.subscription_id, p.digest.digest_id))
