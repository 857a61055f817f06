"""The digest model: what one subscriber is told about in one delivery.

Pure data plus two pure helpers (`summarize_events`, `digest_subject`). Every
renderer and channel reads these frozen records and nothing else, so the store
and the transport never meet.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Re-exported for code that imports the formatters from here (the digest tests do).
from parsers.facts.amounts import format_ratio as format_ratio
from parsers.facts.amounts import format_yuan as format_yuan
from parsers.facts.events import spec_for
from store.reminders import CHANGE_KINDS as REMINDER_KINDS
from store.reminders import DEADLINE_MOVED, REMINDER

# The last two are a call's deadline reminder and its "deadline moved" line (store.reminders).
CHANGES = ("new", "revised", "withdrawn", "repealed", *REMINDER_KINDS)
# What the items of an ops digest (``Digest.kind == "ops"``, built by notifier.alerts) report: a health
# rule that started firing on a channel, or stopped. Not notice changes, so not in CHANGES.
ALERT_CHANGES = ("alert", "recovered")
DIGEST_KINDS = ("notices", "ops")

# Subject/summary wording for each change kind; "new" is the headline.
CHANGE_LABELS = {"new": "新通知", "revised": "修订", "withdrawn": "撤回", "repealed": "废止",
                 REMINDER: "截止提醒", DEADLINE_MOVED: "截止调整", "alert": "告警", "recovered": "恢复"}

SUBJECT_PREFIX = "【政策速递】"
OPS_PREFIX = "【policywatch 运维】"
_MAX_SUBJECT_SOURCES = 4


@dataclass(frozen=True)
class DigestItem:
    """One changed notice inside a digest."""

    notice_id: int
    change: str  # one of CHANGES, or of ALERT_CHANGES in an ops digest
    title: str
    url: str  # official URL
    source_id: str  # "most", "shenzhen", ...
    source_name: str  # "科技部", "深圳", ...
    city: str  # "全国" for MOST, else the city name
    issuers: tuple[str, ...]
    doc_number: str | None
    date: dt.date | None  # published date, falling back to the written date
    events: tuple[dict[str, Any], ...]
    diff: str | None = None  # short text diff for "revised"
    repealed_by: str | None = None  # for "repealed": title/文号 of the repealing notice
    also_from: tuple[str, ...] = ()  # other sources that published the same document (same 文号)
    deadline: str | None = None  # a call's end as readers write it ("2026-12-25 16:30", "…（暂定）")
    note: str | None = None  # a reminder's or a thread's line ("公示：对应您11月20日收到的申报通知")

    def __post_init__(self) -> None:
        if self.change not in CHANGES + ALERT_CHANGES:
            raise ValueError(f"DigestItem.change must be one of {CHANGES + ALERT_CHANGES}, got {self.change!r}")

    @property
    def change_label(self) -> str:
        """Chinese badge text for the change kind ("新通知", "修订", ...)."""
        return CHANGE_LABELS[self.change]

    @property
    def events_line(self) -> str:
        return summarize_events(self.events)

    def to_json(self) -> dict[str, Any]:
        """JSON-friendly form (the webhook schema in docs/channels.md)."""
        return {
            "notice_id": self.notice_id,
            "change": self.change,
            "title": self.title,
            "url": self.url,
            "source_id": self.source_id,
            "source_name": self.source_name,
            "city": self.city,
            "issuers": list(self.issuers),
            "doc_number": self.doc_number,
            "date": self.date.isoformat() if self.date else None,
            "events": [dict(e) for e in self.events],
            "events_summary": self.events_line,
            "diff": self.diff,
            "repealed_by": self.repealed_by,
            "also_from": list(self.also_from),
            "deadline": self.deadline,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DigestItem:
        """Inverse of `to_json` (used by the Atom feed's state file)."""
        date = data.get("date")
        return cls(
            notice_id=int(data["notice_id"]),
            change=str(data["change"]),
            title=str(data["title"]),
            url=str(data["url"]),
            source_id=str(data["source_id"]),
            source_name=str(data["source_name"]),
            city=str(data["city"]),
            issuers=tuple(data.get("issuers") or ()),
            doc_number=data.get("doc_number"),
            date=dt.date.fromisoformat(date) if date else None,
            events=tuple(dict(e) for e in data.get("events") or ()),
            diff=data.get("diff"),
            repealed_by=data.get("repealed_by"),
            also_from=tuple(data.get("also_from") or ()),
            deadline=data.get("deadline"),
            note=data.get("note"),
        )


@dataclass(frozen=True)
class Digest:
    """Everything one subscription receives in one delivery."""

    digest_id: str  # stable: a resend of the same digest carries the same id
    subscription_id: int
    subscription_name: str
    created_at: dt.datetime  # aware, Asia/Shanghai
    items: tuple[DigestItem, ...]
    unsubscribe_url: str | None = None  # https://…/u/TOKEN (policywatch web) when a public URL is configured
    unsubscribe_mailto: str | None = None  # mailto:…?subject=unsubscribe%20TOKEN otherwise
    preferences_url: str | None = None  # https://…/p/TOKEN: the subscriber changes filters and schedule there
    # "ops": health alerts for an ops subscription (notifier.alerts); channels mark such messages
    # (e-mail: X-Policywatch-Alert-Id instead of X-Policywatch-Digest-Id) but send them the same way.
    kind: str = "notices"
    title: str | None = None  # a subject chosen by the producer (ops digests); None: `digest_subject`'s

    def __post_init__(self) -> None:
        if not self.digest_id:
            raise ValueError("Digest.digest_id must not be empty")
        if self.kind not in DIGEST_KINDS:
            raise ValueError(f"Digest.kind must be one of {DIGEST_KINDS}, got {self.kind!r}")
        if self.created_at.tzinfo is None or self.created_at.utcoffset() is None:
            # Naive datetimes are a time bomb (style.md §10); refuse them at the boundary.
            raise ValueError("Digest.created_at must be timezone-aware")

    @property
    def subject(self) -> str:
        return digest_subject(self)

    def to_json(self) -> dict[str, Any]:
        """JSON-friendly form (the webhook schema in docs/channels.md)."""
        return {
            "schema": "policywatch.digest/1",
            "kind": self.kind,
            "digest_id": self.digest_id,
            "subscription_id": self.subscription_id,
            "subscription_name": self.subscription_name,
            "created_at": self.created_at.isoformat(),
            "subject": self.subject,
            "counts": dict(change_counts(self.items)),
            "unsubscribe_url": self.unsubscribe_url,
            "unsubscribe_mailto": self.unsubscribe_mailto,
            "preferences_url": self.preferences_url,
            "items": [item.to_json() for item in self.items],
        }


# ---------------------------------------------------------------------------
# Events


def summarize_events(events: Iterable[Mapping[str, Any]]) -> str:
    """One human line for an item's typed events, e.g. ``资金：最高2000万元，比例30%``.

    Each event's parts come from its type's spec (parsers/facts/events.py). Parts
    are joined with "；" and de-duplicated in order; unknown event types are
    skipped (they are data for the webhook, not noise for humans). Returns ""
    when nothing is worth a line.
    """
    seen: list[str] = []
    for event in events:
        for part in spec_for(event.get("type")).summary(event):
            if part not in seen:
                seen.append(part)
    return "；".join(seen)


# ---------------------------------------------------------------------------
# Subject


def change_counts(items: Iterable[DigestItem]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in items:
        counts[item.change] += 1
    return counts


def _source_counts(items: Iterable[DigestItem]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter(item.source_name for item in items)
    # Counter.most_common keeps first-seen order among ties, which keeps subjects stable.
    return counts.most_common()


def digest_prefix(digest: Digest) -> str:
    """The bracketed name a message starts with: notice digests and ops alerts must not look alike."""
    return OPS_PREFIX if digest.kind == "ops" else SUBJECT_PREFIX


def digest_subject(digest: Digest) -> str:
    """E.g. ``【政策速递】3 条新通知 · 科技部 2 · 深圳 1``.

    Revised/withdrawn/repealed counts are added after the headline when present
    (``2 条新通知、1 条修订``); at most four sources are named, the rest summed
    up as ``其他 N``. A digest that brings its own `title` (ops alerts) keeps it.
    """
    if digest.title:
        return digest.title
    if not digest.items:
        return SUBJECT_PREFIX + "暂无新变化"
    counts = change_counts(digest.items)
    headline = "、".join(f"{counts[c]} 条{CHANGE_LABELS[c]}" for c in CHANGES if counts[c])
    sources = _source_counts(digest.items)
    shown = [f"{name} {n}" for name, n in sources[:_MAX_SUBJECT_SOURCES]]
    rest = sum(n for _, n in sources[_MAX_SUBJECT_SOURCES:])
    if rest:
        shown.append(f"其他 {rest}")
    return SUBJECT_PREFIX + " · ".join([headline, *shown])
