"""What one poll of one channel needs to know, and the health it reports."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from crawler.registry import ChannelSpec, SourceSpec
from parsers.model import NoticeRecord
from parsers.page import ChannelContext, ListEntry, Platform
from store.reasons import Reason

Clock = Callable[[], dt.datetime]


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def fingerprint_hash(entry: ListEntry) -> str:
    return hashlib.sha1(entry.fingerprint.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class KnownNotice:
    list_fingerprint: str | None
    last_checked: dt.datetime
    status: str
    url: str = ""
    published: dt.date | None = None


@dataclass(frozen=True)
class Problem:
    """Why a poll was not simply ok: a code every reader decides on, and detail for humans."""

    code: Reason
    detail: str


@dataclass
class ChannelHealth:
    """Counters for one channel in one poll; becomes a crawl_run row."""

    started_at: dt.datetime
    pages: int = 0
    items_seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    details_fetched: int = 0
    errors: list[str] = field(default_factory=list)
    error_codes: Counter[str] = field(default_factory=Counter)
    http_codes: Counter[str] = field(default_factory=Counter)
    blocked: Problem | None = None
    failed: Problem | None = None
    partial: Problem | None = None
    total_pages: int | None = None

    def error(self, code: Reason, message: str) -> None:
        """A failure on one detail page or attachment: the poll goes on, the run is partial."""
        self.error_codes[code] += 1
        if len(self.errors) < 50:
            self.errors.append(message)

    @property
    def status(self) -> str:
        if self.blocked:
            return "blocked"
        if self.failed:
            return "failed"
        if self.partial or self.errors:
            return "partial"
        return "ok"

    @property
    def problem(self) -> Problem | None:
        """The one problem the run is reported by: block, then failure, then partial, then first error."""
        if self.blocked or self.failed or self.partial:
            return self.blocked or self.failed or self.partial
        if self.errors:
            code = next(iter(self.error_codes), Reason.UNKNOWN)
            return Problem(Reason(code), self.errors[0])
        return None

    @property
    def reason(self) -> str | None:
        return self.problem.detail if self.problem else None

    @property
    def reason_code(self) -> Reason | None:
        return self.problem.code if self.problem else None


@dataclass
class ChannelJob:
    source: SourceSpec
    channel: ChannelSpec
    ctx: ChannelContext
    platform: Platform
    known: dict[str, KnownNotice]
    deferred: set[str]  # uids whose permanent failure is still in backoff
    max_pages: int
    recheck_before: dt.datetime  # known notices last checked before this are re-fetched
    max_rechecks: int
    health: ChannelHealth
    rechecks_done: int = 0
    # No successful run recorded yet: read every list page up to max_pages even when a page holds
    # nothing unknown, so a first poll that was killed half-way cannot strand the deeper pages.
    backfill: bool = False
    seen_uids: set[str] = field(default_factory=set)

    @property
    def key(self) -> str:
        return f"{self.source.id}/{self.channel.id}"


class CrawlSink(Protocol):
    """Where the spider's results go (the store, in production)."""

    def store(self, job: ChannelJob, record: NoticeRecord, entry: ListEntry) -> str: ...

    def failed_permanently(self, job: ChannelJob, url: str, reason: str) -> None: ...

    def withdrawn(self, job: ChannelJob, url: str, reason: str) -> None: ...

    def seen(self, job: ChannelJob, uids: list[str]) -> None: ...
