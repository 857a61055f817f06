"""The signature block: issuer line(s) followed by a date line, e.g. ``科 技 部\\n2019年8月29日``.

It is usually at the end of the notice proper, which may be followed by the attached
document, so we take the first block whose date line has organisation lines right above it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import iter_dates, parse_compact
from .issuers import canonical

_LINE_RE = re.compile(r"[^\n]+")
_COMPACT_LINE_RE = re.compile(r"^\s*((?:19|20)\d{4,6})\s*$")
_MAX_ORG_LINES = 4


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Signature:
    orgs: tuple[tuple[str, Line], ...]  # (canonical name, line it came from)
    date: dt.date | None
    date_line: Line
    rule: str


def _lines(text: str) -> list[Line]:
    out = []
    for m in _LINE_RE.finditer(text):
        if m.group(0).strip():
            out.append(Line(m.group(0), m.start(), m.end()))
    return out


def _date_of_line(line: Line) -> tuple[dt.date | None, str] | None:
    """The date if the line holds a date and nothing else (a signature date line)."""
    stripped = line.text.strip()
    found = iter_dates(stripped)
    if len(found) == 1 and found[0].span == (0, len(stripped)):
        rule = "signature.date_cn_numeral" if found[0].rule == "date.cn_numeral" else "signature.date"
        return found[0].date, rule
    c = _COMPACT_LINE_RE.match(line.text)
    if c:
        return parse_compact(c.group(1)), "signature.date_compact"
    return None


def find_signature(text: str) -> Signature | None:
    lines = _lines(text)
    for i, line in enumerate(lines):
        got = _date_of_line(line)
        if got is None:
            continue
        orgs: list[tuple[str, Line]] = []
        j = i - 1
        while j >= 0 and len(orgs) < _MAX_ORG_LINES:
            name = canonical(lines[j].text)
            if not name or len(lines[j].text.strip()) > 40:
                break
            orgs.insert(0, (name, lines[j]))
            j -= 1
        if orgs:
            return Signature(tuple(orgs), got[0], line, got[1])
    return None
