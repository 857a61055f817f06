"""The signature block: issuer line(s) followed by a date line, e.g. ``科 技 部\\n2019年8月29日``.

It is usually at the end of the notice proper, which may be followed by the attached
document, so we take the first block whose date line has organisation lines right above it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from .dates import iter_dates, parse_compact
from .issuers import canonical, merged_alias, split_known_line

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


def find_signature(text: str, own: Collection[str] = ()) -> Signature | None:
    """The first signature block; with ``own`` (the page's issuers as its title or metadata name
    them), the first one signed by one of them, if any is: a forwarding notice may print the forwarded
    document, with its signature, before its own (``…转发给你们。`` / 江苏省科学技术厅 / 2026年4月2日 /
    扬州市人民政府办公室 / 2026年4月20日)."""
    first: Signature | None = None
    for sig in iter_signatures(text):
        if not own or {name for name, _ in sig.orgs} & set(own):
            return sig
        first = first or sig
    return first


def iter_signatures(text: str) -> Iterator[Signature]:
    lines = _lines(text)
    for i, line in enumerate(lines):
        got = _date_of_line(line)
        if got is None:
            same = _org_and_date(line)
            if same:
                yield same
            continue
        orgs = _org_lines(lines, i)
        if orgs:
            yield Signature(tuple(orgs), got[0], line, got[1])


def _org_and_date(line: Line) -> Signature | None:
    """A signature on one line: ``江陵市科学技术局　2026年3月6日`` (a right-aligned line in one <p>)."""
    found = iter_dates(line.text)
    if "\t" in line.text or len(found) != 1 or line.text[found[0].span[1]:].strip():
        return None  # a table row ("江陵市人民医院\t2026年3月6日") is not a signature
    head = line.text[: found[0].span[0]]
    if not head.strip() or head.rstrip() == head or len(head.strip()) > 40:
        return None  # the name and the date are set apart by spaces
    org_line = Line(head.strip(), line.start + len(head) - len(head.lstrip()), line.start + len(head.rstrip()))
    names = split_known_line(org_line.text)
    if names is None:
        name = canonical(org_line.text)
        names = [name] if name else None
    if not names:
        return None
    date_line = Line(line.text[found[0].span[0]:], line.start + found[0].span[0], line.end)
    rule = "signature.date_cn_numeral" if found[0].rule == "date.cn_numeral" else "signature.date"
    return Signature(tuple((n, org_line) for n in names), found[0].date, date_line, rule)


def _org_lines(lines: list[Line], i: int) -> list[tuple[str, Line]]:
    """Organisation lines right above line ``i`` (joint names split, double names merged)."""
    found: list[tuple[list[str], Line]] = []
    j = i - 1
    while j >= 0 and len(found) < _MAX_ORG_LINES:
        text = lines[j].text.strip()
        if "\t" in text:
            break  # a table row (依托单位 / 中心名称) above the signature, not a signing body
        names = split_known_line(text)
        if names is None:
            name = canonical(text)
            names = [name] if name else None
        if not names or len(text) > 40:
            break
        found.insert(0, (names, lines[j]))
        j -= 1
    out: list[tuple[str, Line]] = []
    k = 0
    while k < len(found):
        names, ln = found[k]
        if k + 1 < len(found):
            merged = merged_alias(ln.text, found[k + 1][1].text)
            if merged:
                out.append((merged, Line(ln.text, ln.start, found[k + 1][1].end)))
                k += 2
                continue
        out.extend((n, ln) for n in names if n not in [o for o, _ in out])
        k += 1
    return out


_ATTACHMENT_LINE_RE = re.compile(r"^\s*附件")


def find_undated_signature(text: str) -> tuple[tuple[str, Line], ...]:
    """Organisation lines that end the body (before 附件 lines) with no date after them:
    ``…回答了记者提问。\n科技部战略规划司``."""
    lines = [ln for ln in _lines(text) if not _ATTACHMENT_LINE_RE.match(ln.text)]
    if len(lines) < 2:
        return ()
    return tuple(_org_lines(lines, len(lines)))


# An order or a letter signed by a person: "总理 李强" / "主任：郑栅洁 2026年3月18日" (date on the
# same line or the next). The date under it is the 成文日期.
# the title may be spaced out ("部　长　黄润秋"), and so may a two-character name ("市长　李　明")
_PERSON_TITLES = ("总理", "主席", "委员长", "部长", "主任", "署长", "行长", "局长", "厅长", "省长", "市长", "区长",
                  "县长")
_PERSON_RE = re.compile(
    r"^\s*(?:中华人民共和国)?(?:国务院)?(?:" + "|".join(r"\s*".join(t) for t in _PERSON_TITLES) + r")"
    r"\s*[:：]?\s*[\u4e00-\u9fff·](?:[ \t\u3000]{0,3}[\u4e00-\u9fff·]){1,4}(?:\s+(?P<date>\S.*))?$"
)


def find_person_signature(text: str) -> tuple[dt.date, Line] | None:
    lines = _lines(text)
    for i, line in enumerate(lines):
        m = _PERSON_RE.match(line.text)
        if not m:
            continue
        if m["date"]:
            rest = Line(m["date"].strip(), line.start + m.start("date"), line.start + m.end("date"))
            got = _date_of_line(rest)
        else:
            rest = lines[i + 1] if i + 1 < len(lines) else line
            got = _date_of_line(rest) if i + 1 < len(lines) else None
        if got and got[0]:
            return got[0], rest
    return None
