"""Per-channel health for ``policywatch status``, judged by the same rules as the ops alerts.

State per channel: ``never`` (no poll yet), ``ok``, ``degraded`` (a blip, fewer items than usual,
pagination stopped early, a silent source), ``failing`` (a selector that matches nothing, 0 items,
errors for ``[alerts] error_streak`` polls in a row) or ``blocked`` (a block page on the last poll).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from policywatch.config import AlertSettings
from store.health import failure_streak, load_all, usable

CHINA = ZoneInfo("Asia/Shanghai")


def _iso(value: dt.datetime | None) -> str | None:
    """China time with its offset: what ops compare against the sites' own publishing hours."""
    if value is None:
        return None
    return value.astimezone(CHINA).isoformat(timespec="seconds")


def channel_status(session: Session, sources: Iterable[Any], now: dt.datetime,
                   thresholds: AlertSettings | None = None) -> list[dict[str, Any]]:
    rows = []
    for view in load_all(session, sources, now, thresholds or AlertSettings()):
        runs = usable(view.runs)
        last = runs[0] if runs else None
        worst = max(view.findings, key=lambda f: ("degraded", "failing", "blocked").index(f.severity), default=None)
        reason = worst.reason if worst else (last.reason if last and last.status != "ok" else None)
        code = last.code if last and last.status != "ok" else None
        rows.append({
            "source": view.source, "channel": view.channel, "state": view.state,
            "last_success": _iso(view.last_success), "last_new": _iso(view.last_new),
            "items_last_run": last.items_seen if last else None, "error_streak": failure_streak(runs),
            "reason": reason, "reason_code": code.value if code else None,
            "alerts": [f.rule for f in view.findings],
            "worker": last.worker if last else None, "queue": last.queue if last else None,
        })
    return rows
