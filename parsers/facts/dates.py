"""Date parsing: ISO-ish, 年月日, Chinese numerals, datetimes, epoch seconds; China time.

Regex + a tiny numeral table, no dateparser (it mis-parses prefixed and year-less dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CST = dt.timezone(dt.timedelta(hours=8), "CST")

DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})(?!\d)(?:\s*日)?"
)
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
CN_DATE_RE = re.compile(
    r"(?P<y>[〇零○O一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
)
# "2019510" (年/月/日 lost in a repost): only trusted on a signature line, see signature.py.
COMPACT_RE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<md>\d{2,4})$")
_ISO_TZ_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")
_EPOCH_RE = re.compile(r"^\s*(?P<s>1\d{9})(?P<ms>\d{3})?\s*$")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    span: tuple[int, int]
    rule: str


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _cn_small(s: str) -> int:
    """一..三十一 → int (month/day numerals)."""
    if "十" not in s:
        return _CN_DIGIT.get(s, -1) if len(s) == 1 else -1
    head, _, tail = s.partition("十")
    tens = _CN_DIGIT.get(head, -1) if head else 1
    ones = _CN_DIGIT.get(tail, -1) if tail else 0
    return tens * 10 + ones


def _cn_year(s: str) -> int:
    return int("".join(str(_CN_DIGIT.get(c, 0)) for c in s))


def cn_small(s: str) -> int:
    """一..三十一 → int; -1 when ``s`` is not such a numeral."""
    return _cn_small(s)


def cn_year(s: str) -> int:
    """二〇二六 → 2026 (digit by digit)."""
    return _cn_year(s)


def iter_dates(text: str) -> list[FoundDate]:
    """All dates in ``text`` in order of position (ASCII-digit and Chinese-numeral forms)."""
    out: list[FoundDate] = []
    for m in DATE_RE.finditer(text):
        got = _mk(int(m["y"]), int(m["m"]), int(m["d"]))
        if got:
            rule = "date.cn_ymd" if "年" in m.group(0) else "date.iso"
            out.append(FoundDate(got, (m.start(), m.end()), rule))
    for m in CN_DATE_RE.finditer(text):
        got = _mk(_cn_year(m["y"]), _cn_small(m["m"]), _cn_small(m["d"]))
        if got:
            out.append(FoundDate(got, (m.start(), m.end()), "date.cn_numeral"))
    out.sort(key=lambda f: f.span)
    return out


def parse_compact(s: str) -> dt.date | None:
    """``2019510`` → 2019-05-10 when exactly one month/day split is a valid date."""
    m = COMPACT_RE.match(s.strip())
    if not m:
        return None
    y, md = int(m["y"]), m["md"]
    options = {_mk(y, int(md[:i]), int(md[i:])) for i in range(1, len(md)) if md[i] != "0"}
    options.discard(None)
    return options.pop() if len(options) == 1 else None


def parse_meta_date(value: str) -> FoundDate | None:
    """A labelled date value: first date wins (``2019-10-17 10:002019-10-18 09:00``)."""
    em = _EPOCH_RE.match(value)
    if em:
        when = dt.datetime.fromtimestamp(int(em["s"]), tz=CST)
        return FoundDate(when.date(), (em.start("s"), em.end()), "date.epoch")
    tz = _ISO_TZ_RE.search(value)
    if tz:
        try:
            when = dt.datetime.fromisoformat(tz.group(0).replace("Z", "+00:00"))
            return FoundDate(when.astimezone(CST).date(), (tz.start(), tz.end()), "date.iso_tz")
        except ValueError:
            pass
    found = iter_dates(value)
    return found[0] if found else None
