"""Typed records of the fact extractor: input text, evidence, and the extracted facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DocText:
    """One notice as the crawler saw it. ``meta`` holds labelled metadata, raw values."""

    title: str
    body: str
    url: str = ""
    meta: Mapping[str, str] = field(default_factory=dict)
    attachment_texts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Why a value was extracted: where (source + span), what was matched, and by which rule."""

    field: str
    value: str
    source: str
    span: tuple[int, int]
    text: str
    rule: str


@dataclass(frozen=True)
class Facts:
    doc_number: str | None
    doc_number_raw: str | None
    issuers: tuple[str, ...]
    written_date: dt.date | None
    published_date: dt.date | None
    topics: tuple[str, ...]
    events: tuple[dict[str, Any], ...]  # stored JSON form: `events.EventSpec.make(...).to_dict()`
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Source:
    """A text the rules run over.

    ``raw`` is what the caller gave us; ``text`` is the same string after char-for-char
    normalisation (full-width ASCII folded, Traditional converted to Simplified), so every
    span found in ``text`` is valid in ``raw`` too.
    """

    name: str
    raw: str
    text: str

    def evidence(self, fld: str, value: str, span: tuple[int, int], rule: str) -> Evidence:
        return Evidence(fld, value, self.name, span, self.raw[span[0] : span[1]], rule)
