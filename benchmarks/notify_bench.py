"""Notify benchmark (issue 13): the cost of `notify` on a large archive with many subscriptions.

    .venv/bin/python benchmarks/notify_bench.py --quick          # what `make bench` runs (SQLite, 10k x 1k)
    .venv/bin/python benchmarks/notify_bench.py --notices 10000,100000,1000000 --subscriptions 1000,10000 \\
        --backend sqlite,postgresql --json benchmarks/notify_results.json        # the recorded run

For each backend and archive size, a fresh database is bulk-loaded (one ``new`` change per notice,
plus revisions; Core executemany on SQLite with the FTS triggers off, COPY on PostgreSQL), then for
each subscription count (subscriptions are added to the same archive, 1k first, then up to 10k):

  first notify   the first run after the subscriptions were created: marks start at ``since``
  idle notify    `notifier.delivery.notify` with nothing new: plan + look for due digests (median of 7)
  plan + render  100 new notices archived the crawler's way (one transaction each), then the plan,
                 the digests built (`build_digests`) and rendered (text + HTML, as e-mail sends them),
                 in a transaction rolled back afterwards; peak Python memory of that step (tracemalloc,
                 measured in a second, identical pass)
  send           (--send) the same plan committed and every digest sent through the ledger as e-mail
                 to an aiosmtpd relay on 127.0.0.1, connections pooled as `policywatch notify` does
  smtp rate      digests per second to a local aiosmtpd relay (plain and STARTTLS), one connection per
                 digest against one pooled connection for the batch, side by side in one run

Subscriptions have a realistic mix of filters (city, source, topic, event type, keywords,
min_amount, none) and all are ``immediate`` except 5 % daily ones whose slot is already used (the
worst case for planning: everyone is due). Each also has 10 ``sent`` ledger rows of history.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import platform
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, insert, select, text, update  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from notifier.channels.base import SendResult  # noqa: E402
from notifier.delivery import Unsubscribe, build_digests, notify, plan  # noqa: E402
from notifier.digest import Digest  # noqa: E402
from notifier.render import render_html, render_text  # noqa: E402
from parsers.model import NoticeRecord  # noqa: E402
from store.db import open_database, session_factory, transaction  # noqa: E402
from store.models import Change, Delivery, Notice, Subscriber, Subscription  # noqa: E402
from store.planning import change_horizon, in_chunks  # noqa: E402
from store.repository import Repository  # noqa: E402
from store.search import SQLITE_SYNC_TRIGGERS, begin_bulk_load  # noqa: E402

HERE = Path(__file__).resolve().parent
NOW = dt.datetime(2026, 12, 3, 2, 0, tzinfo=dt.UTC)  # 10:00 in China: the daily 08:00 slot is past
SOURCES = {"most": ("科技部", "全国"), "beijing": ("北京", "北京"), "shanghai": ("上海", "上海"),
           "tianjin": ("天津", "天津"), "shenzhen": ("深圳", "深圳"), "hangzhou": ("杭州", "杭州"),
           "hefei": ("合肥", "合肥")}
CITIES = ["全国", "北京", "上海", "天津", "深圳", "杭州", "合肥"]
TOPICS = ["ai", "pilot_zone", "funding", "healthcare", "data", "computing_power", "talent", "industry",
          "science_policy"]
FIELDS = ["人工智能", "集成电路", "生物医药", "智能制造", "新能源汽车", "工业互联网", "量子信息", "低空经济",
          "具身智能", "大模型", "智能网联汽车", "智慧医疗", "区块链", "云计算", "数据要素", "机器人"]
KEYWORDS = [*FIELDS, "算力券", "揭榜挂帅", "一事一议", "专精特新", "首版次", "流片", "孵化器", "人才", "试验区",
            "中试基地", "引导基金", "科技创新券"]
ACTIONS = ["关于印发", "关于组织申报", "关于开展", "关于发布", "关于征集", "关于公布", "关于做好"]
SUBJECTS = ["专项资金管理办法", "重点研发计划项目申报指南", "科技型中小企业创新资金项目", "新型研发机构认定工作",
            "算力券申领工作", "揭榜挂帅项目", "科技创新券管理办法", "高新技术企业认定管理工作", "典型应用场景",
            "创新发展若干措施", "专精特新企业培育", "科技成果转移转化示范区建设", "首版次软件产品应用推广",
            "科技企业孵化器考核评价", "集成电路设计企业流片补贴", "中试基地建设", "海外高层次人才引进"]
SENTENCES = ["为加快推进{f}高质量发展，现将有关事项通知如下。",
             "对{f}领域的企业，按照项目总投资的{p}%给予支持，单个项目最高不超过{a}万元。",
             "设立总规模{b}亿元的{f}产业引导基金，采用“母基金+直投”的方式支持早期项目。",
             "对实现重大突破的{f}团队，以“一事一议”方式给予最高{b}亿元资金支持。",
             "申报单位应为在本市注册、具有独立法人资格的{f}企业，近三年无严重失信行为。",
             "请于{m}月{d}日前通过项目申报系统完成网上申报，逾期不予受理。",
             "鼓励企业开放{f}应用场景，对入选的示范项目给予{a}万元一次性奖励。",
             "建立{f}人才培养体系，对引进的高层次人才团队给予最高{a}万元的综合资助。"]
BODY_POOL = 4000  # distinct bodies, reused: generating a million different ones would dominate the load


# -- synthetic archive ----------------------------------------------------------------------------

def _body(rng: random.Random) -> str:
    parts = ["各有关单位："]
    while sum(map(len, parts)) < 380:
        parts.append(rng.choice(SENTENCES).format(f=rng.choice(FIELDS), p=rng.choice([10, 20, 30, 50]),
                                                  a=rng.choice([50, 100, 300, 500, 1000, 2000]),
                                                  b=rng.choice([1, 5, 10, 20]), m=rng.randint(1, 12),
                                                  d=rng.randint(1, 28)))
    return "\n".join(parts)


def _facts(rng: random.Random) -> tuple[list[str], list[dict[str, Any]]]:
    topics = sorted(rng.sample(TOPICS, rng.choice([0, 1, 1, 2, 2, 3])))
    events: list[dict[str, Any]] = []
    if rng.random() < 0.3:
        events.append({"type": "funding_rule", "max_amount_yuan": rng.choice([500_000, 2_000_000, 5_000_000,
                                                                               20_000_000, 100_000_000]),
                       "ratio": None, "fund_size_yuan": None, "text": "最高", "span": [0, 2], "source": "body",
                       "rule": "bench"})
    if rng.random() < 0.05:
        events.append({"type": "pilot_zone_approved", "city": rng.choice(CITIES[1:]), "span": [0, 2],
                       "source": "body", "rule": "bench"})
    return topics, events


def _seen(i: int, end: int) -> dt.datetime:
    return NOW - dt.timedelta(days=2) - dt.timedelta(seconds=(end - i) * 30)


def notice_rows(n: int, seed: int, start: int = 0) -> Iterator[dict[str, Any]]:
    """``n`` notices, detected over the year before NOW, in id order."""
    rng = random.Random(seed)
    bodies = [_body(random.Random(i)) for i in range(BODY_POOL)]
    sources = list(SOURCES)
    for i in range(start, start + n):
        source = sources[i % len(sources)]
        title = f"{SOURCES[source][0]}{rng.choice(ACTIONS)}{rng.choice(FIELDS)}{rng.choice(SUBJECTS)}的通知"
        url = f"https://bench.invalid/{source}/{i}.html"
        seen = _seen(i, start + n)
        topics, events = _facts(rng)
        yield {"uid": hashlib.sha1(url.encode()).hexdigest(), "source": source, "channel": "bench", "url": url,
               "title": title, "doc_number": None, "doc_number_raw": None, "issuers": [SOURCES[source][0]],
               "written_date": seen.date(), "published_date": seen.date(), "body": rng.choice(bodies),
               "topics": topics, "events": events, "content_hash": hashlib.sha256(url.encode()).hexdigest(),
               "list_fingerprint": None, "version": 1, "status": "active", "first_seen": seen, "last_seen": seen,
               "last_checked": seen, "last_changed": seen}


def _changes_of(notice_id: int, seen: dt.datetime, rng: random.Random) -> list[dict[str, Any]]:
    out = [{"notice_id": notice_id, "kind": "new", "version": 1, "detected_at": seen, "diff": None, "detail": None}]
    if rng.random() < 0.05:  # a revision, detected a little later
        out.append({"notice_id": notice_id, "kind": "revised", "version": 2,
                    "detected_at": seen + dt.timedelta(seconds=10), "diff": "-旧\n+新", "detail": None})
    return out


def _change_rows(first_id: int, rows: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    return [c for offset, row in enumerate(rows) for c in _changes_of(first_id + offset, row["first_seen"], rng)]


def _sqlite_load(engine: Engine, n: int, batch: int) -> None:
    with engine.begin() as conn:
        begin_bulk_load(conn)
    rng = random.Random(3)
    with engine.begin() as conn:
        buf: list[dict[str, Any]] = []
        next_id = 1
        for row in notice_rows(n, seed=1):
            buf.append(row)
            if len(buf) >= batch:
                next_id = _flush_batch(conn, buf, next_id, rng)
        if buf:
            _flush_batch(conn, buf, next_id, rng)
    with engine.begin() as conn:
        # The triggers come back so that the new notices of the run are indexed the normal way; the
        # bulk part is not indexed (notify never searches), which saves a long FTS rebuild.
        for ddl in SQLITE_SYNC_TRIGGERS.values():
            conn.exec_driver_sql(ddl)


def _flush_batch(conn: Any, buf: list[dict[str, Any]], next_id: int, rng: random.Random) -> int:
    rows = [{"id": next_id + i, **r} for i, r in enumerate(buf)]
    conn.execute(insert(Notice), rows)
    conn.execute(insert(Change), _change_rows(next_id, buf, rng))
    next_id += len(buf)
    buf.clear()
    return next_id


def _pg_load(engine: Engine, n: int, batch: int) -> None:
    """COPY, with the trigram search indexes dropped during the load and built once afterwards."""
    cols = ["id", "uid", "source", "channel", "url", "title", "doc_number", "doc_number_raw", "issuers",
            "written_date", "published_date", "body", "topics", "events", "content_hash", "list_fingerprint",
            "version", "status", "first_seen", "last_seen", "last_checked", "last_changed"]
    change_cols = ["notice_id", "kind", "version", "detected_at", "diff", "detail"]
    rng = random.Random(3)
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("DROP INDEX IF EXISTS notice_fts_title_trgm")
        cur.execute("DROP INDEX IF EXISTS notice_fts_body_trgm")
        with cur.copy(f"COPY notice ({', '.join(cols)}) FROM STDIN") as notices:
            for i, row in enumerate(notice_rows(n, seed=1), 1):
                row = {**row, "id": i}
                notices.write_row([json.dumps(row[c], ensure_ascii=False) if c in ("issuers", "topics", "events")
                                   else row[c] for c in cols])
        with cur.copy(f"COPY change ({', '.join(change_cols)}) FROM STDIN") as copy:
            for i in range(n):  # the same changes as the SQLite load, regenerated instead of kept in memory
                for ch in _changes_of(i + 1, _seen(i, n), rng):
                    copy.write_row([ch[c] for c in change_cols])
        cur.execute("SELECT setval('notice_id_seq', (SELECT max(id) FROM notice))")
        cur.execute("CREATE INDEX notice_fts_title_trgm ON notice USING gin (title gin_trgm_ops)")
        cur.execute("CREATE INDEX notice_fts_body_trgm ON notice USING gin (body gin_trgm_ops)")
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def load_archive(engine: Engine, n: int, batch: int = 5000) -> float:
    """Bulk-load ``n`` notices with their changes; returns seconds."""
    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        _pg_load(engine, n, batch)
    else:
        _sqlite_load(engine, n, batch)
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - started


# -- subscriptions ----------------------------------------------------------------------------------

def subscription_filters(rng: random.Random) -> dict[str, Any]:
    """A realistic mix: most subscribers follow a city or two, many add a topic, some want keywords,
    event types or amounts; 5 % take everything. Each new notice matches about a fifth of them."""
    r = rng.random()
    city = {"city": rng.sample(CITIES, rng.choice([1, 1, 2]))}
    if r < 0.05:
        return {}
    if r < 0.30:
        return city
    if r < 0.40:
        return {"source": rng.sample(list(SOURCES), rng.choice([1, 2]))}
    if r < 0.60:
        return {**city, "topic": rng.sample(TOPICS, rng.choice([1, 2]))}
    if r < 0.70:
        return {"topic": rng.sample(TOPICS, 1)}
    if r < 0.78:
        return {"event": [rng.choice(["pilot_zone_approved", "funding_rule"])], **(city if rng.random() < 0.5 else {})}
    if r < 0.92:
        return {"keyword": rng.sample(KEYWORDS, rng.choice([1, 2, 3])), **(city if rng.random() < 0.5 else {})}
    return {"event": ["funding_rule"], "min_amount": rng.choice([1_000_000, 5_000_000, 20_000_000])}


def add_subscriptions(factory: sessionmaker[Session], first: int, count: int, since: dt.datetime,
                      history: int = 10) -> None:
    """Subscriptions ``first .. first+count-1`` (ids), each with ``history`` sent ledger rows."""
    rng = random.Random(first)
    subscribers = [{"id": first + i, "name": f"订阅者{first + i}", "created_at": since} for i in range(count)]
    subs = []
    for i in range(count):
        daily = rng.random() < 0.05
        subs.append({"id": first + i, "subscriber_id": first + i, "kind": "email",
                     "target": {"address": f"u{first + i}@example.org"}, "filters": subscription_filters(rng),
                     "schedule": "daily 08:00" if daily else "immediate", "active": True, "is_ops": False,
                     "token": f"bench-token-{first + i}", "created_at": since, "since": since,
                     "last_planned_at": NOW if daily else None, "planned_through_change_id": None})
    with transaction(factory) as session:
        top = int(session.scalar(select(func.max(Change.id))) or 0)
        session.execute(insert(Subscriber), subscribers)
        session.execute(insert(Subscription), subs)
        rows: list[dict[str, Any]] = []
        for sub in subs:
            for change_id in rng.sample(range(1, top + 1), min(history, top)):
                did = f"hist-{sub['id']}-{change_id}"
                rows.append({"subscription_id": sub["id"], "channel": "email", "change_id": change_id,
                             "digest_id": did, "status": "sent", "attempts": 1, "created_at": since,
                             "next_attempt_at": since, "sent_at": since})
        notice_of: dict[int, int] = {}
        for chunk in in_chunks(sorted({r["change_id"] for r in rows})):
            notice_of.update((cid, nid) for cid, nid in session.execute(
                select(Change.id, Change.notice_id).where(Change.id.in_(chunk))))
        for r in rows:
            r["notice_id"] = notice_of[r["change_id"]]
        for start in range(0, len(rows), 5000):
            session.execute(insert(Delivery), rows[start:start + 5000])


# -- measurements -------------------------------------------------------------------------------------

class AcceptAll:
    """A channel that takes every digest: the ledger's work is measured, not a network."""

    kind = "email"

    def send(self, digest: Digest) -> SendResult:
        return SendResult(ok=True, retryable=False, detail="ok", messages_sent=1)


def _notify(factory: sessionmaker[Session], now: dt.datetime, make_channel: Any = None) -> Any:
    return notify(factory, make_channel or (lambda _sub: AcceptAll()), now, SOURCES, secret="b" * 32,
                  sender="bench@example.org")


class _Relay:
    """aiosmtpd handler that counts messages and sessions (keeps no message)."""

    def __init__(self) -> None:
        self.messages = 0
        # Keyed by id() with the session kept: a finished session's id would be reused by the next one.
        self.sessions: dict[int, Any] = {}

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        self.sessions[id(session)] = session
        return "250 OK"


def _relay(stack: Any, tls_dir: Path | None = None) -> tuple[_Relay, int, Any]:
    """A local aiosmtpd relay (STARTTLS when ``tls_dir`` is given): handler, port, client SSL context."""
    import ssl

    from aiosmtpd.controller import Controller

    from tests.notifier.smtp_servers import free_port, make_self_signed

    handler, port, kwargs, client = _Relay(), free_port(), {}, None
    if tls_dir is not None:
        cert, key = make_self_signed(tls_dir)
        server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_tls.load_cert_chain(cert, key)
        kwargs = {"tls_context": server_tls, "require_starttls": True}
        client = ssl.create_default_context(cafile=str(cert))
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    stack.callback(controller.stop)
    return handler, port, client


def _mailer(port: int, sessions: Any, context: Any = None) -> Callable[[Any], Any]:
    from notifier.channels.email import EmailChannel

    def make(sub: Any) -> Any:
        return EmailChannel("127.0.0.1", port, None, None, "starttls" if context else "none", "bench@example.org",
                            sub.target["address"], 10, ssl_context=context, sessions=sessions)
    return make


def smtp_rate(count: int, tmp: Path, rounds: int = 5) -> dict[str, Any]:
    """Digests per second to a local relay: a connection per digest vs one pooled for the batch,
    in alternating rounds of ``count`` digests (median per mode), so machine load hits both alike."""
    import contextlib
    from types import SimpleNamespace

    from notifier.channels.email import SmtpSessions
    from tests.notifier.notifier_builders import make_digest, make_item

    digests = [make_digest((make_item(i), make_item(i + 1)), digest_id=f"rate-{i}") for i in range(count)]
    subs = [SimpleNamespace(target={"address": f"u{i}@example.org"}) for i in range(count)]
    out: dict[str, Any] = {"digests": count, "rounds": rounds}
    (tmp / "tls").mkdir(exist_ok=True)
    for mode in ("plain", "starttls"):
        with contextlib.ExitStack() as stack:
            handler, port, context = _relay(stack, tmp / "tls" if mode == "starttls" else None)
            rates: dict[bool, list[float]] = {False: [], True: []}
            for _ in range(rounds):
                for pooled in (False, True):
                    sessions = SmtpSessions() if pooled else None
                    make = _mailer(port, sessions, context)
                    before = handler.messages
                    started = time.perf_counter()
                    ok = sum(make(sub).send(d).ok for sub, d in zip(subs, digests, strict=True))
                    if sessions is not None:
                        sessions.close()
                    elapsed = time.perf_counter() - started
                    assert ok == count == handler.messages - before, "the relay did not get every digest"
                    rates[pooled].append(count / elapsed)
            for pooled, values in rates.items():
                out[f"{mode} {'pooled' if pooled else 'per digest'}"] = round(statistics.median(values), 1)
    return out


def add_new_notices(factory: sessionmaker[Session], count: int, seed: int, now: dt.datetime) -> None:
    """Archived the way the crawler does it: Repository.upsert_notice, one transaction per notice."""
    for row in notice_rows(count, seed=seed, start=10_000_000 + seed * 1000):
        record = NoticeRecord(url=row["url"], source=row["source"], title=row["title"], doc_number=None,
                              issuers=tuple(row["issuers"]), written_date=row["written_date"],
                              published_date=row["published_date"], body=row["body"], topics=tuple(row["topics"]),
                              events=tuple(row["events"]))
        with transaction(factory) as session:
            Repository(session).upsert_notice(record, row["source"], "bench", now)


def plan_and_render(factory: sessionmaker[Session], now: dt.datetime) -> dict[str, Any]:
    """Plan, build and render every due digest; rolled back, so it can be repeated."""
    t0, cpu0 = time.perf_counter(), time.process_time()
    horizon = change_horizon(factory)
    session = factory()
    server = _ServerCpu(session)
    try:
        digests = plan(session, now, SOURCES, horizon)
        t1 = time.perf_counter()
        rows = session.scalar(select(func.count()).select_from(Delivery).where(Delivery.status == "pending"))
        built = build_digests(session, dict.fromkeys(digests), SOURCES,
                              Unsubscribe("https://pw.example.org", "b" * 32, "bench@example.org"))
        t2 = time.perf_counter()
        size = sum(len(render_text(o.digest)) + len(render_html(o.digest)) for o in built)
        t3 = time.perf_counter()
        server_s = server.used()
    finally:
        session.rollback()
        session.close()
    # CPU time of this process (Python and SQLite alike): what the step costs when it has a core to
    # itself; the wall time also shows what else ran on the machine.
    return {"plan_s": round(t1 - t0, 3), "build_s": round(t2 - t1, 3), "render_s": round(t3 - t2, 3),
            "total_s": round(t3 - t0, 3), "cpu_s": round(time.process_time() - cpu0, 3), "digests": len(digests),
            "ledger_rows": rows, "rendered_mb": round(size / 1e6, 1),
            **({"server_cpu_s": round(server_s, 3)} if server_s is not None else {})}


class _ServerCpu:
    """CPU seconds the session's PostgreSQL backend process used (the cluster is local: /proc), so
    the step's cost is known apart from how long it waited for a core on a shared machine."""

    def __init__(self, session: Session) -> None:
        self.pid: int | None = None
        if session.get_bind().dialect.name == "postgresql":
            self.pid = int(session.scalar(select(func.pg_backend_pid())) or 0)
        self.start = self._ticks()

    def _ticks(self) -> int | None:
        if not self.pid:
            return None
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return int(fields[11]) + int(fields[12])  # utime + stime (fields 14 and 15 of stat)

    def used(self) -> float | None:
        end = self._ticks()
        if end is None or self.start is None:
            return None
        import os

        return (end - self.start) / os.sysconf("SC_CLK_TCK")


def plan_and_render_best(factory: sessionmaker[Session], now: dt.datetime, repeat: int) -> dict[str, Any]:
    """The fastest of ``repeat`` runs (by wall time), with every run's wall and CPU time."""
    runs = [plan_and_render(factory, now) for _ in range(repeat)]
    best = dict(min(runs, key=lambda r: r["total_s"]))
    best["all_total_s"] = [r["total_s"] for r in runs]
    best["all_cpu_s"] = [r["cpu_s"] for r in runs]
    if "server_cpu_s" in best:
        best["all_server_cpu_s"] = [r["server_cpu_s"] for r in runs]
    return best


def peak_mb(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    finally:
        tracemalloc.stop()


def _ms(fn: Callable[[], Any], repeat: int) -> dict[str, float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def _now(step: int) -> dt.datetime:
    return NOW + dt.timedelta(minutes=10 * step)


def bench_subscriptions(factory: sessionmaker[Session], subs: int, new: int, step: int, send: bool) -> dict[str, Any]:
    now = _now(step)
    started = time.perf_counter()
    _notify(factory, now)
    out: dict[str, Any] = {"subscriptions": subs, "first_notify_s": round(time.perf_counter() - started, 2)}
    out["idle"] = _ms(lambda: _notify(factory, now), repeat=7)
    out["idle_peak_mb"] = peak_mb(lambda: _notify(factory, now))
    started = time.perf_counter()
    add_new_notices(factory, new, seed=step, now=now)
    out["archive_new_s"] = round(time.perf_counter() - started, 2)
    out["plan_render"] = plan_and_render_best(factory, now, repeat=3)
    out["plan_render_peak_mb"] = peak_mb(lambda: plan_and_render(factory, now))
    if send:
        import contextlib

        from notifier.channels.email import SmtpSessions

        with contextlib.ExitStack() as stack:
            relay, port, _ = _relay(stack)
            sessions = SmtpSessions()
            started = time.perf_counter()
            report = _notify(factory, now, _mailer(port, sessions))
            sessions.close()
            elapsed = time.perf_counter() - started
        out["send"] = {"s": round(elapsed, 2), "planned": report.planned, "sent": report.sent,
                       "relay_messages": relay.messages, "connections": sessions.opened,
                       "digests_per_s": round(report.sent / elapsed, 1) if elapsed else None}
        out["idle_after"] = _ms(lambda: _notify(factory, now), repeat=7)
    else:  # the plan is committed all the same, so that the next run starts from a caught-up archive
        _commit_plan(factory, now)
    return out


def _commit_plan(factory: sessionmaker[Session], now: dt.datetime) -> None:
    horizon = change_horizon(factory)
    with transaction(factory) as session:
        plan(session, now, SOURCES, horizon)
        session.execute(update(Delivery).where(Delivery.status == "pending").values(status="sent", sent_at=now))


def bench_archive(url: str, notices: int, sub_counts: list[int], new: int, send: bool
                  ) -> tuple[dict[str, Any], Engine]:
    """Load one archive and measure it at each subscription count; the engine stays open for
    `interleaved_idle`."""
    engine = open_database(url)
    factory = session_factory(engine)
    print(f"  loading {notices:,} notices ...", file=sys.stderr, flush=True)
    result: dict[str, Any] = {"notices": notices, "load_s": round(load_archive(engine, notices), 1), "runs": []}
    have = 0
    for step, subs in enumerate(sub_counts, 1):
        # Starting now: a new subscription is not sent the previous step's notices as a backlog.
        add_subscriptions(factory, have + 1, subs - have, since=_now(step))
        have = subs
        print(f"  {subs:,} subscriptions ...", file=sys.stderr, flush=True)
        result["runs"].append(bench_subscriptions(factory, subs, new, step, send))
        print(f"    {json.dumps(result['runs'][-1], ensure_ascii=False)}", file=sys.stderr, flush=True)
    if url.startswith("sqlite"):
        result["db_mb"] = round(Path(url.split("///", 1)[1]).stat().st_size / 1e6, 1)
    return result, engine


def wait_for_autovacuum(engines: Iterable[Engine], limit: float = 300.0) -> float:
    """Seconds until autovacuum has cleaned every archive's ledger (dead rows under migration 0012's
    threshold), as the daemon's notify sees it a minute after a large send."""
    started = time.perf_counter()
    pending = list(engines)
    while pending and time.perf_counter() - started < limit:
        time.sleep(2)
        left = []
        for engine in pending:
            with engine.connect() as conn:
                dead, live = conn.execute(text("SELECT n_dead_tup, n_live_tup FROM pg_stat_user_tables "
                                               "WHERE relname = 'delivery'")).one()
            if dead > 10_000 + 0.02 * live:
                left.append(engine)
        pending = left
    return round(time.perf_counter() - started, 1)


def interleaved_idle(engines: dict[int, Engine], now: dt.datetime, rounds: int = 21) -> dict[int, float]:
    """Median idle notify per archive size, the sizes taken in turn: a machine shared with other
    work slows every size alike, so the ratio between sizes is measured fairly."""
    factories = {n: session_factory(e) for n, e in engines.items()}
    times: dict[int, list[float]] = {n: [] for n in factories}
    for _ in range(rounds):
        for n, factory in factories.items():
            started = time.perf_counter()
            _notify(factory, now)
            times[n].append((time.perf_counter() - started) * 1000)
    return {n: round(statistics.median(t), 1) for n, t in times.items()}


def machine() -> dict[str, Any]:
    import os

    info: dict[str, Any] = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                            "cpus": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        info["mem_gb"] = round(int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def _pg_server(stack: Any) -> Any:
    from tests.pg import PgCluster, unavailable_reason

    reason = unavailable_reason()
    if reason:
        raise SystemExit(f"PostgreSQL benchmark: {reason}")
    return stack.enter_context(PgCluster())


def ratios(results: dict[str, Any]) -> dict[str, Any]:
    """idle notify at the largest archive / at the smallest, per backend and subscription count."""
    out: dict[str, Any] = {}
    for backend, archives in results["backends"].items():
        if len(archives) < 2:
            continue
        small, large = archives[0], archives[-1]
        for a, b in zip(small["runs"], large["runs"], strict=True):
            key = f"{backend} {b['subscriptions']} subs: idle {large['notices']:,} / {small['notices']:,}"
            out[key] = round(b["idle"]["median_ms"] / a["idle"]["median_ms"], 2)
    for backend, by_size in results.get("interleaved_idle_ms", {}).items():
        if len(by_size) >= 2:
            small, large = min(by_size), max(by_size)
            key = f"{backend} {results['subscriptions'][-1]} subs, sizes in turn: idle {large:,} / {small:,}"
            out[key] = round(by_size[large] / by_size[small], 2)
    return out


def table(results: dict[str, Any]) -> str:
    lines = [f"| backend | notices | subs | idle notify | plan+render {results['new']} new (best of 3) | CPU | "
             "of which plan | digests | ledger rows | peak MB (plan+render) | send (ledger) |", "|---" * 11 + "|"]
    for backend, archives in results["backends"].items():
        for a in archives:
            for r in a["runs"]:
                pr = r["plan_render"]
                lines.append(f"| {backend} | {a['notices']:,} | {r['subscriptions']:,} | {r['idle']['median_ms']} ms "
                             f"| {pr['total_s']} s | {pr['cpu_s']} s | {pr['plan_s']} s | {pr['digests']:,} | "
                             f"{pr['ledger_rows']:,} | "
                             f"{r['plan_render_peak_mb']} | {r['send']['s'] if 'send' in r else '-'} s |")
    for backend, by_size in results.get("interleaved_idle_ms", {}).items():
        lines.append("")
        lines.append(f"{backend}, {results['subscriptions'][-1]:,} subscriptions, idle notify with the sizes in turn: "
                     + ", ".join(f"{n:,} notices {ms} ms" for n, ms in by_size.items()))
    for backend, idle in results.get("idle_right_after_send_ms", {}).items():
        lines.append("")
        lines.append(f"{backend}, largest archive, idle notify right after its plan was sent: {idle['median_ms']} ms "
                     f"(max {idle['max_ms']} ms); autovacuum had cleaned every ledger "
                     f"{results['autovacuum_wait_s'][backend]} s later")
    lines += ["", *[f"{k}: {v}x" for k, v in results["ratios"].items()]]
    if "smtp_rate_per_s" in results:
        rate = results["smtp_rate_per_s"]
        lines += ["", f"digests per second to a local SMTP relay (median of {rate['rounds']} alternating rounds of "
                  f"{rate['digests']}): " + ", ".join(f"{k} {v}/s" for k, v in rate.items()
                                                     if k not in ("digests", "rounds"))]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    import contextlib
    import signal

    # SIGTERM ends the run through the ExitStack below: the private PostgreSQL cluster is stopped too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 notices x 1,000 subscriptions, SQLite")
    parser.add_argument("--notices", default="10000,100000", help="archive sizes, comma-separated")
    parser.add_argument("--subscriptions", default="1000,10000", help="subscription counts, ascending")
    parser.add_argument("--new", type=int, default=100, help="new notices per plan + render")
    parser.add_argument("--backend", default="sqlite", help="sqlite, postgresql or both (comma-separated)")
    parser.add_argument("--send", action="store_true",
                        help="also send every digest through the ledger (slow: the sending side's cost)")
    parser.add_argument("--smtp-rate", type=int, default=200, metavar="N",
                        help="digests per round of the SMTP rate measurement (0: skip it)")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    if args.quick:
        args.notices, args.subscriptions, args.backend = "10000", "1000", "sqlite"
    sizes = [int(x) for x in args.notices.split(",")]
    subs = [int(x) for x in args.subscriptions.split(",")]
    results: dict[str, Any] = {"machine": machine(), "new": args.new, "subscriptions": subs, "backends": {}}
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="pw-notify-bench-")))
        for backend in args.backend.split(","):
            cluster = _pg_server(stack) if backend == "postgresql" else None
            results["backends"][backend] = []
            engines, urls = {}, []
            for n in sizes:
                url = cluster.create_database(prefix="bench") if cluster else f"sqlite:///{tmp / f'n{n}.sqlite3'}"
                print(f"{backend}, {n:,} notices", file=sys.stderr, flush=True)
                result, engines[n] = bench_archive(url, n, subs, args.new, args.send)
                results["backends"][backend].append(result)
                urls.append(url)
            if cluster:
                # The last archive's plan was sent a moment ago: its ledger holds ~200,000 dead index
                # entries until autovacuum (migration 0012) passes. What the daemon sees meanwhile:
                last = session_factory(engines[sizes[-1]])
                results.setdefault("idle_right_after_send_ms", {})[backend] = _ms(
                    lambda: _notify(last, _now(len(subs))), repeat=7)  # noqa: B023 (called here, at once)
                results.setdefault("autovacuum_wait_s", {})[backend] = wait_for_autovacuum(engines.values())
            print(f"{backend}: idle notify, sizes in turn", file=sys.stderr, flush=True)
            results.setdefault("interleaved_idle_ms", {})[backend] = interleaved_idle(engines, _now(len(subs)))
            for engine in engines.values():
                engine.dispose()
            for url in urls:
                if cluster:
                    cluster.drop_database(url)
                else:
                    Path(url.split("///", 1)[1]).unlink()
        if args.smtp_rate:
            print(f"smtp rate, {args.smtp_rate} digests", file=sys.stderr, flush=True)
            results["smtp_rate_per_s"] = smtp_rate(args.smtp_rate, tmp)
    results["ratios"] = ratios(results)
    results["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    buf = io.StringIO()
    json.dump(results, buf, ensure_ascii=False, indent=2)
    if args.json:
        Path(args.json).write_text(buf.getvalue(), encoding="utf-8")
    print(table(results))
    return results


if __name__ == "__main__":
    main()
