"""The records parsers return. Frozen, typed, JSON-friendly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Attachment:
    name: str
    url: str


@dataclass(frozen=True)
class NoticeRecord:
    """One normalised notice, as `policywatch parse --json` prints it."""

    url: str
    source: str | None
    title: str
    doc_number: str | None
    issuers: tuple[str, ...]
    written_date: dt.date | None
    published_date: dt.date | None
    body: str
    attachments: tuple[Attachment, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    doc_number_raw: str | None = None
    channel: str | None = None
    evidence: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "doc_number": self.doc_number,
            "doc_number_raw": self.doc_number_raw,
            "issuers": list(self.issuers),
            "written_date": self.written_date.isoformat() if self.written_date else None,
            "published_date": self.published_date.isoformat() if self.published_date else None,
            "body": self.body,
            "attachments": [{"name": a.name, "url": a.url} for a in self.attachments],
            "topics": list(self.topics),
            "events": [dict(e) for e in self.events],
        }
