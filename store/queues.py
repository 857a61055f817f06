"""Crawl-worker queues as health views: polls waiting on a queue that no live worker takes (issue 21).

With ``[engine] kind = "procrastinate"`` the scheduler defers poll jobs to queues (``default``, ``cn``);
a queue whose last worker died (or was never started: the mainland machine is down) collects one
waiting job per host and nothing is polled. That is read here from procrastinate's own tables, in
the archive's database: a queue is *unserved* when a job has been waiting on it for longer than
``after`` seconds and no job of the queue started within that time. It is one more view for the
ops alerts (``notifier.alerts``) and one row per queue in ``policywatch status``, like the
``policywatch/delivery`` row. Without the engine's tables (SQLite, the local engine) there are none.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from store.health import ChannelView, Finding

SOURCE = "policywatch"
RULE = "unserved"  # the alert rule name (store.health's rules are per channel; this one is per queue)

_WAITING = text("""
SELECT j.queue_name, MIN(last_change.at) AS waiting_since, COUNT(*) AS waiting
  FROM procrastinate_jobs j
  JOIN LATERAL (SELECT MAX(e.at) AS at FROM procrastinate_events e WHERE e.job_id = j.id) last_change ON TRUE
 WHERE j.status = 'todo' AND (j.scheduled_at IS NULL OR j.scheduled_at <= now())
 GROUP BY j.queue_name
""")
_STARTED = text("""
SELECT j.queue_name, MAX(e.at) AS started
  FROM procrastinate_jobs j JOIN procrastinate_events e ON e.job_id = j.id AND e.type = 'started'
 GROUP BY j.queue_name
""")


def channel_name(queue: str) -> str:
    return f"queue-{queue}"


def _has_engine_tables(session: Session) -> bool:
    if session.get_bind().dialect.name != "postgresql":
        return False
    return bool(session.execute(text("SELECT to_regclass('procrastinate_jobs') IS NOT NULL")).scalar())


def queue_rows(session: Session, now: dt.datetime, after: float) -> list[dict[str, Any]]:
    """One dict per queue with waiting jobs: queue, waiting, waiting_since, last_start, unserved."""
    if not _has_engine_tables(session):
        return []
    started = {q: t for q, t in session.execute(_STARTED)}
    limit = now - dt.timedelta(seconds=after)
    out = []
    for queue, since, waiting in session.execute(_WAITING):
        last = started.get(queue)
        unserved = since is not None and since < limit and (last is None or last < limit)
        out.append({"queue": queue, "waiting": int(waiting), "waiting_since": since, "last_start": last,
                    "unserved": unserved})
    return out


def _finding(row: dict[str, Any]) -> Finding | None:
    if not row["unserved"]:
        return None
    last = row["last_start"].isoformat(timespec="seconds") if row["last_start"] else "never"
    return Finding(RULE, "failing", f"queue {row['queue']} has no live worker: {row['waiting']} job(s) waiting "
                                    f"since {row['waiting_since'].isoformat(timespec='seconds')}, last job "
                                    f"started {last} (start `policywatch worker --queue {row['queue']}`)")


def queue_views(session: Session, now: dt.datetime, after: float) -> list[ChannelView]:
    """Alert views: one per queue with waiting jobs (so an incident resolves once a worker is back)."""
    views = []
    for row in queue_rows(session, now, after):
        finding = _finding(row)
        views.append(ChannelView(SOURCE, channel_name(row["queue"]), (), None, None, (finding,) if finding else ()))
    return views


def queue_status(session: Session, now: dt.datetime, after: float) -> list[dict[str, Any]]:
    """``policywatch status`` rows, shaped like the channel rows."""
    out = []
    for row in queue_rows(session, now, after):
        finding = _finding(row)
        out.append({"source": SOURCE, "channel": channel_name(row["queue"]),
                    "state": "failing" if finding else "ok", "last_success": None, "last_new": None,
                    "items_last_run": None, "error_streak": 0, "reason": finding.reason if finding else None,
                    "reason_code": RULE if finding else None, "alerts": [RULE] if finding else [],
                    "queue": {"waiting": row["waiting"], "unserved": row["unserved"]}})
    return out


def unserved_after(stall_seconds: float) -> float:
    """How long polls may wait on a queue before it counts as unserved: three stall timeouts (a dead
    worker's poll is requeued after one; a busy fleet starts *some* job of the queue well within it)."""
    return 3 * stall_seconds
