"""What one poll of one channel needs to know, and the health it reports."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping
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

    def stored(self, outcome: str | None) -> None:
        """Count one stored notice by what the archive made of it."""
        if outcome == "inserted":
            self.new += 1
        elif outcome == "updated":
            self.changed += 1
        else:
            self.unchanged += 1

    def interrupt(self) -> None:
        """A shutdown stopped the poll: not a verdict on the site, so every health rule skips it."""
        if not (self.blocked or self.failed):
            self.partial = Problem(Reason.SHUTDOWN, "interrupted by shutdown")

    def close(self) -> None:
        """End of the poll: a poll that processed no list page at all cannot pass for "no news"."""
        if self.status == "ok" and self.items_seen == 0 and not self.pages:
            self.failed = Problem(Reason.NO_LIST_PAGE, "no list page was processed")

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


@dataclass(frozen=True)
class ChannelPlan:
    """What one poll of one channel knows before it starts: read from the archive, never changed.

    Plain data, keyed by ``key``; requests carry the key, not the plan, so a poll could be planned on
    one machine and crawled on another.
    """

    source: SourceSpec
    channel: ChannelSpec
    ctx: ChannelContext
    platform: Platform
    known: Mapping[str, KnownNotice]
    deferred: frozenset[str]  # uids whose permanent failure is still in backoff
    max_pages: int
    recheck_before: dt.datetime  # known notices last checked before this are re-fetched
    max_rechecks: int
    started_at: dt.datetime  # becomes crawl_run.started_at
    # No successful run recorded yet: read every list page up to max_pages even when a page holds
    # nothing unknown, so a first poll that was killed half-way cannot strand the deeper pages.
    backfill: bool = False
    proxy: str | None = None  # the channel's egress, credentials expanded (crawler/egress.py); None: direct

    @property
    def key(self) -> str:
        return f"{self.source.id}/{self.channel.id}"


@dataclass
class ChannelPoll:
    """The running state of one channel's poll. Written by the spider alone."""

    plan: ChannelPlan
    health: ChannelHealth
    seen_uids: set[str] = field(default_factory=set)
    rechecks_done: int = 0


# -- what a poll writes to the archive: items, through the pipeline, one transaction each ---------

@dataclass(frozen=True)
class NoticeFound:
    """A parsed notice; ``outcome`` (inserted | updated | unchanged) is set once it is stored."""

    source: str
    channel: str
    record: NoticeRecord
    list_fingerprint: str
    outcome: str | None = None


@dataclass(frozen=True)
class NoticeGone:
    """A known notice whose own URL answers 404/410: withdrawn."""

    source: str
    channel: str
    url: str
    reason: str


@dataclass(frozen=True)
class FetchFailed:
    """A new entry that failed for good (404, over the size cap): retried later with backoff."""

    source: str
    channel: str
    url: str
    reason: str


@dataclass(frozen=True)
class SeenOnList:
    """Known notices listed again on a list page (``notice.last_seen``), their details not refetched."""

    source: str
    channel: str
    uids: tuple[str, ...]


ArchiveItem = NoticeFound | NoticeGone | FetchFailed | SeenOnList
ARCHIVE_ITEMS = (NoticeFound, NoticeGone, FetchFailed, SeenOnList)


def item_key(item: ArchiveItem) -> str:
    return f"{item.source}/{item.channel}"


class ArchiveSink(Protocol):
    """Where a poll's items go (the repository, in production): the one write path of a crawl."""

    def write(self, item: ArchiveItem) -> ArchiveItem:
        """Store one item in its own transaction; returns it, a NoticeFound with its outcome set."""
        ...
