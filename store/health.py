"""Channel health: the rules that turn a channel's recent ``crawl_run`` rows into a state.

Owned by the store because every reader uses them: ``policywatch status``, the ops alerts
(``notifier.alerts`` opens incidents from these findings) and the daemon. Pure evaluation
(``evaluate_channel``) over small views of the rows, plus the loaders that read those rows.

Rules decide on ``crawl_run.reason_code`` (``store.reasons``), never on the prose beside it.
Rules: blocked (at once), broken — a selector that matches nothing, an internal error, a channel we
cannot crawl (at once), errors persisting for ``error_streak`` polls (one blip alerts nobody),
0 items, far fewer items than usual, pagination stopped early, and a channel silent much longer
than its learned publishing cadence.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from policywatch.config import AlertSettings
from store.models import CrawlRun, Notice
from store.reasons import BROKEN, Reason

SEVERITY_RANK = {"degraded": 1, "failing": 2, "blocked": 3}
MIN_DROP_HISTORY = 3  # ok runs needed before "far fewer than usual" means anything
HISTORY_RUNS = 30


# -- 1. evaluation (pure) --------------------------------------------------------------------

@dataclass(frozen=True)
class RunView:
    """What the rules need from one crawl_run row (newest first in every sequence)."""

    status: str  # ok | partial | failed | blocked
    items_seen: int
    code: Reason | None  # what the rules decide on
    reason: str | None = None  # detail for humans, never parsed
    finished_at: dt.datetime | None = None
    worker: str | None = None  # the crawl worker and queue that ran it (policywatch/engine.py); None: local
    queue: str | None = None


@dataclass(frozen=True)
class Finding:
    rule: str  # blocked | broken | errors | empty | drop | pagination | silent
    severity: str  # blocked | failing | degraded
    reason: str


def is_broken(code: Reason | None) -> bool:
    """A failure that alerts at once: the next poll will fail the same way."""
    return code in BROKEN


def usable(runs: Iterable[RunView]) -> list[RunView]:
    """Runs that say something about the site: a crawl stopped by shutdown says nothing."""
    return [r for r in runs if r.code is not Reason.SHUTDOWN]


def failure_streak(runs: Sequence[RunView]) -> int:
    """How many of the newest runs failed or were blocked, in a row."""
    streak = 0
    for run in runs:
        if run.status not in {"failed", "blocked"}:
            break
        streak += 1
    return streak


def _leading(runs: Sequence[RunView], status: str) -> int:
    n = 0
    for run in runs:
        if run.status != status:
            break
        n += 1
    return n


def _drop(runs: Sequence[RunView], th: AlertSettings) -> Finding | None:
    last = runs[0]
    prior = [r.items_seen for r in runs[1:] if r.status == "ok"][: th.drop_window]
    if last.status != "ok" or len(prior) < MIN_DROP_HISTORY:
        return None
    median = statistics.median(prior)
    if last.items_seen >= th.drop_ratio * median:
        return None
    return Finding("drop", "degraded", f"only {last.items_seen} item(s) on the list pages; the median of the "
                                       f"last {len(prior)} ok polls is {median:g}")


def _silent(publish_dates: Sequence[dt.date], last_new: dt.datetime | None, now: dt.datetime,
            th: AlertSettings) -> Finding | None:
    # The cadence is learned from the sites' own publishing dates: first_seen collapses to one
    # instant for everything a first (backfill) poll finds, which would teach a cadence of zero.
    dates = sorted(set(publish_dates))
    if last_new is None or len(dates) < max(th.silent_min_notices, 2):
        return None
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)][-20:]
    usual = statistics.median(gaps)
    limit_days = max(th.silent_factor * usual, th.silent_min_days)
    idle = now - last_new
    if idle <= dt.timedelta(days=limit_days):
        return None
    return Finding("silent", "degraded", f"no new notice for {idle.days} days (usually one every {usual:g} "
                                         f"days; alert after {limit_days:g})")


def evaluate_channel(runs: Sequence[RunView], publish_dates: Sequence[dt.date], last_new: dt.datetime | None,
                     now: dt.datetime, th: AlertSettings) -> list[Finding]:
    """Every rule that fires for one channel right now; [] means healthy (or no history yet)."""
    runs = usable(runs)
    if not runs:
        return []
    last, out = runs[0], []
    reason = last.reason or last.status
    if last.status == "blocked":
        out.append(Finding("blocked", "blocked", reason))
    elif last.status == "failed":
        streak = failure_streak(runs)
        if is_broken(last.code):
            out.append(Finding("broken", "failing", reason))
        elif streak >= th.error_streak:
            out.append(Finding("errors", "failing", f"{streak} failed polls in a row; last: {reason}"))
    else:
        if last.items_seen == 0:
            out.append(Finding("empty", "failing", "the list pages yielded 0 items"))
        elif (drop := _drop(runs, th)) is not None:
            out.append(drop)
        if last.status == "partial" and last.code is Reason.PAGINATION_SHORT:
            out.append(Finding("pagination", "degraded", reason))
        elif last.status == "partial" and _leading(runs, "partial") >= th.error_streak:
            out.append(Finding("errors", "degraded",
                               f"errors in {_leading(runs, 'partial')} polls in a row; last: {reason}"))
        if (silent := _silent(publish_dates, last_new, now, th)) is not None:
            out.append(silent)
    return out


def channel_state(runs: Sequence[RunView], findings: Sequence[Finding]) -> str:
    """never | ok | degraded | failing | blocked, the worst finding winning."""
    runs = usable(runs)
    if not runs:
        return "never"
    if findings:
        return max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__)
    return "ok" if runs[0].status == "ok" else "degraded"  # a blip: visible, but nobody is paged


# -- loading ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ChannelView:
    source: str
    channel: str
    runs: tuple[RunView, ...]
    last_success: dt.datetime | None
    last_new: dt.datetime | None
    findings: tuple[Finding, ...]

    @property
    def state(self) -> str:
        return channel_state(self.runs, self.findings)


def load_channel(session: Session, source: str, channel: str, now: dt.datetime,
                 th: AlertSettings) -> ChannelView:
    rows = session.execute(
        select(CrawlRun.status, CrawlRun.items_seen, CrawlRun.reason_code, CrawlRun.reason, CrawlRun.finished_at,
               CrawlRun.worker, CrawlRun.queue)
        .where(CrawlRun.source == source, CrawlRun.channel == channel)
        .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(HISTORY_RUNS)).all()
    runs = tuple(RunView(s, n, Reason.parse(c), r, f, w, q) for s, n, c, r, f, w, q in rows)
    dates = [d for d in session.scalars(
        select(Notice.published_date).where(Notice.source == source, Notice.channel == channel,
                                            Notice.published_date.is_not(None))
        .order_by(Notice.published_date.desc()).limit(60)) if d is not None]
    last_new = session.scalar(select(func.max(Notice.first_seen)).where(
        Notice.source == source, Notice.channel == channel))
    last_ok = next((r.finished_at for r in usable(runs) if r.status in {"ok", "partial"}), None)
    findings = tuple(evaluate_channel(runs, dates, last_new, now, th))
    return ChannelView(source, channel, runs, last_ok, last_new, findings)


def load_all(session: Session, sources: Iterable[Any], now: dt.datetime, th: AlertSettings) -> list[ChannelView]:
    return [load_channel(session, src.id, ch.id, now, th) for src in sources for ch in src.channels]
