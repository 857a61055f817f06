"""Builders for the planner tests: a random archive, random subscriptions, and the planner's answer
computed the slow, obvious way (every change since ``since`` through `notifier.subscriptions.matches`)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from notifier.delivery import plan
from notifier.subscriptions import matches
from parsers.model import NoticeRecord
from store.db import transaction
from store.models import Change, Delivery, Notice, Subscriber, Subscription
from store.planning import change_horizon
from store.repository import Repository

NOW = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)  # 10:00 China time
SOURCES = {"most": ("科技部", "全国"), "beijing": ("北京", "北京"), "shanghai": ("上海", "上海"),
           "shenzhen": ("深圳", "深圳")}
WORDS = ["人工智能", "算力", "补贴", "试验区", "AI", "数据", "人才"]
TOPICS = ["ai", "funding", "data", "talent"]


def record(i: int, rng: random.Random, *, body_extra: str = "") -> NoticeRecord:
    source = rng.choice(list(SOURCES))
    events: tuple[dict[str, Any], ...] = rng.choice([
        (), ({"type": "funding_rule", "max_amount_yuan": rng.choice([1_000_000, 5_000_000, 20_000_000]),
              "text": "最高"},),
        ({"type": "pilot_zone_approved", "city": "合肥"},), ({"type": "repeal", "doc_number": "x"},)])
    return NoticeRecord(
        url=f"https://example.gov.cn/{source}/{i}.html", source=source,
        title=f"关于{rng.choice(WORDS)}的通知{i}", doc_number=None, issuers=(SOURCES[source][0],),
        written_date=None, published_date=dt.date(2026, 11, 1),
        body=f"正文{i} {rng.choice(WORDS)} {rng.choice(['ai', 'Ai', '无'])}{body_extra}",
        topics=tuple(rng.sample(TOPICS, rng.randint(0, 2))), events=events)


def archive(factory: sessionmaker[Session], rng: random.Random, ids: range, now: dt.datetime) -> None:
    """New notices ``ids``, one transaction each (as the crawler writes them)."""
    for i in ids:
        rec = record(i, rng)
        with transaction(factory) as s:
            Repository(s).upsert_notice(rec, rec.source or "most", "x", now)


def revise_and_withdraw(factory: sessionmaker[Session], rng: random.Random, now: dt.datetime) -> None:
    with transaction(factory) as s:
        repo = Repository(s)
        notices = list(s.scalars(select(Notice).order_by(Notice.id)))
        for notice in rng.sample(notices, 6):
            rec = replace(record(0, rng, body_extra=" 修订 算力"), url=notice.url, source=notice.source)
            repo.upsert_notice(rec, notice.source, notice.channel, now)
        for notice in rng.sample(notices, 3):
            repo.mark_withdrawn(notice, now, "404")


def random_filters(rng: random.Random) -> dict[str, Any]:
    choices: list[dict[str, Any]] = [
        {}, {"city": ["上海"]}, {"city": ["shenzhen", "北京"]}, {"city": ["全国"]}, {"source": ["most", "beijing"]},
        {"topic": ["ai"]}, {"topic": ["funding", "data"], "city": ["北京"]}, {"event": ["pilot_zone_approved"]},
        {"event": ["funding_rule"], "min_amount": 5_000_000}, {"min_amount": 2_000_000},
        {"keyword": ["算力"]}, {"keyword": ["ai"]}, {"keyword": ["AI", "人才"], "source": ["shanghai"]},
        {"keyword": ["修订"]}, {"keyword": ["不存在的词"]}, {"source": []}, {"keyword": []},
        {"city": ["上海"], "topic": ["talent"], "keyword": ["正文"]},
    ]
    return dict(rng.choice(choices))


def subscribe(factory: sessionmaker[Session], filters: dict[str, Any], since: dt.datetime, *,
              schedule: str = "immediate", kind: str = "outbox", is_ops: bool = False, active: bool = True,
              target: dict[str, Any] | None = None) -> int:
    with transaction(factory) as s:
        who = Subscriber(name=f"订阅{len(filters)}", created_at=since)
        s.add(who)
        s.flush()
        sub = Subscription(subscriber_id=who.id, kind=kind, target=target or {}, filters=filters,
                           schedule=schedule, active=active, is_ops=is_ops, token=f"t{random.random()}",
                           created_at=since, since=since)
        s.add(sub)
        s.flush()
        return sub.id


def run_plan(factory: sessionmaker[Session], now: dt.datetime) -> list[str]:
    horizon = change_horizon(factory)
    with transaction(factory) as s:
        return plan(s, now, SOURCES, horizon)


def ledger(factory: sessionmaker[Session]) -> set[tuple[int, int]]:
    with factory() as s:
        return {(sid, cid) for sid, cid in s.execute(select(Delivery.subscription_id, Delivery.change_id))}


def expected(factory: sessionmaker[Session], after: int = 0) -> set[tuple[int, int]]:
    """What a plan must write for the changes above ``after``: each one since ``since`` that passes
    the filters, the notice taken as it is now (a change is considered once, when it is new)."""
    out = set()
    with factory() as s:
        rows = list(s.execute(select(Change, Notice).join(Notice, Notice.id == Change.notice_id)
                              .where(Change.id > after)))
        for sub in s.scalars(select(Subscription).where(Subscription.active.is_(True))):
            if sub.is_ops and not (sub.filters or {}).get("ops_notices"):
                continue
            for change, notice in rows:
                city = SOURCES.get(notice.source, (notice.source, notice.source))[1]
                if change.detected_at >= sub.since and matches(sub.filters or {}, notice, city):
                    out.add((sub.id, change.id))
    return out


def top_change(factory: sessionmaker[Session]) -> int:
    with factory() as s:
        return int(s.scalar(select(func.coalesce(func.max(Change.id), 0))) or 0)


def snapshot(factory: sessionmaker[Session]) -> tuple[list[Any], list[Any]]:
    """Everything a plan may write: the ledger and the subscriptions' planning columns."""
    with factory() as s:
        deliveries = [tuple(r) for r in s.execute(select(Delivery.id, Delivery.status, Delivery.digest_id))]
        subs = [tuple(r) for r in s.execute(select(Subscription.id, Subscription.planned_through_change_id,
                                                   Subscription.last_planned_at).order_by(Subscription.id))]
    return deliveries, subs
