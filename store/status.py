"""Per-channel health derived from the crawl_run history (``policywatch status``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import CrawlRun, Notice

FAILING_STREAK = 3  # one blip alerts nobody; three failed polls in a row do


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat(timespec="seconds")


def _state(runs: list[CrawlRun], streak: int) -> str:
    if not runs:
        return "never"
    last = runs[0]
    if last.status == "blocked":
        return "blocked"
    if last.status == "failed":
        return "failing" if streak >= FAILING_STREAK or not any(r.status in {"ok", "partial"} for r in runs) \
            or (last.reason or "").startswith(("channel ", "internal")) or "selector" in (last.reason or "") \
            else "degraded"
    if last.status == "partial":
        return "degraded"
    return "ok"


def channel_status(session: Session, sources: Iterable[Any], now: dt.datetime) -> list[dict[str, Any]]:
    rows = []
    for src in sources:
        for ch in src.channels:
            runs = list(session.scalars(select(CrawlRun).where(
                CrawlRun.source == src.id, CrawlRun.channel == ch.id)
                .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(30)))
            streak = 0
            for run in runs:
                if run.status in {"failed", "blocked"}:
                    streak += 1
                else:
                    break
            last_ok = next((r.finished_at for r in runs if r.status in {"ok", "partial"}), None)
            last_new = session.scalar(select(func.max(Notice.first_seen)).where(
                Notice.source == src.id, Notice.channel == ch.id))
            rows.append({
                "source": src.id, "channel": ch.id, "state": _state(runs, streak),
                "last_success": _iso(last_ok), "last_new": _iso(last_new),
                "items_last_run": runs[0].items_seen if runs else None, "error_streak": streak,
                "reason": runs[0].reason if runs and runs[0].status != "ok" else None,
            })
    return rows
