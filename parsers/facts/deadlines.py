"""Points in time as grant notices write them, and the deadline phrases around them.

A `When` is one date with what the text pins down (vocab.PRECISIONS): ``2026-12-31T17:00``
(exact), ``2026-12-31`` (day), ``2027-01`` (month: 1月底, 12月下旬). A date written without a
year takes it from a range's start or, failing that, from the publish date, and says so
(``year_inferred``); with neither, no date is returned rather than a guessed one.

The phrases (``find_ends``): a labelled end (``申报截止时间为…``, ``截止日期：…``, ``…前截止``),
a "by" clause (``请于…前``), and a range (``即日起至…止``, ``2026年11月25日至2027年1月8日``).
A clause that says the date may move (暂定, 另行通知, 原则上, 以…通知为准) makes it tentative.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import cn_small, cn_year
from .vocab import APPLICANT, DAY, EXACT, MONTH, RECOMMENDATION, TENTATIVE

_CN_SMALL = "[一二三四五六七八九十]{1,3}"
_NUM = rf"(?:\d{{1,2}}|{_CN_SMALL})"
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零○O一二三四五六七八九]{4})\s*年\s*"
# 1月底 / 1月末 / 12月下旬: only the month is certain.
_MONTH_TAIL = r"(?P<mt>底|末|下旬|中旬|上旬)"
_TIME = (
    r"(?:\s*(?P<ap>上午|下午|晚上|中午)?\s*"
    rf"(?:(?P<h>\d{{1,2}})\s*[:：]\s*(?P<mi>\d{{2}})|(?P<h2>{_NUM})\s*[时点](?:\s*(?P<mi2>{_NUM})\s*分|半)?))?"
)
_WEEKDAY = r"(?:\s*[（(](?:星期|周)[一二三四五六日天][)）])?"
WHEN_RE = re.compile(
    rf"(?<![\d〇零○一二三四五六七八九十])(?:"
    rf"(?:{_YEAR})?(?P<m>{_NUM})\s*月\s*(?:(?P<d>{_NUM})\s*[日号]|{_MONTH_TAIL})"
    r"|(?P<iy>20\d{2})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d)"
    rf"){_WEEKDAY}{_TIME}"
)
# Words that make a stated date provisional, within its clause.
_TENTATIVE_RE = re.compile(r"暂定|另行通知|另行公布|另行发布|原则上|以[^，。；\n]{0,8}通知为准")
# Where a clause starts: the end of the previous sentence, clause or list item.
_CLAUSE_START_RE = re.compile(r"[。；;\n]|[（(][一二三四五六七八九十\d]+[)）]")
_CLAUSE_END_RE = re.compile(r"[。；;\n]")
_CLAUSE_MAX = 300

# "申报截止时间为" / "截止日期：" / "受理截止时间" — a label, then the date (within a few chars).
_END_LABEL_RE = re.compile(r"(?:截止|截至)(?:时间|日期)\s*(?:暂定)?\s*(?:为|是|：|:|定于|于|在)?\s*")
# "于2026年12月20日前" / "在12月18日17:00前" / "请于2027年1月底前".
_BY_RE = re.compile(r"(?:于|在)\s*$")
_BEFORE_RE = re.compile(r"^\s*(?:之)?前")
# "…2026年12月31日截止" (原定于…截止的; 原则上于12月下旬截止).
_ENDS_AT_RE = re.compile(r"^\s*(?:24时)?\s*截止")
_RANGE_SEP = r"\s*(?:至|到|—|－|-|~|～|－－|——)\s*"
_FROM_NOW_RE = re.compile(rf"即日起{_RANGE_SEP}")
_RANGE_SEP_RE = re.compile(rf"^{_RANGE_SEP}")
# A range only counts as a call's window in a clause about applying, not e.g. a 公示期.
_RANGE_CONTEXT_RE = re.compile(r"申报|受理|征集|填报|提交|报送")
_RECOMMEND_RE = re.compile(r"推荐|审核")


@dataclass(frozen=True)
class When:
    value: str  # ISO: 2026-12-31T17:00 / 2026-12-31 / 2026-12
    precision: str  # EXACT / DAY / MONTH
    span: tuple[int, int]
    year_inferred: bool
    date: dt.date  # the last day it can mean (a month's last day): for sorting and reminders

    def with_precision(self, precision: str) -> When:
        return When(self.value, precision, self.span, self.year_inferred, self.date)


@dataclass(frozen=True)
class End:
    """One deadline found in a text: the end, its start when a range gives one, and its clause."""

    end: When | None  # None: the text says the deadline will be announced later
    precision: str
    start: When | None
    stage: str | None
    span: tuple[int, int]
    rule: str
    text: str


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    return int(s) if s.isdigit() else cn_small(s)


def _year(s: str) -> int:
    return int(s) if s.isdigit() else cn_year(s)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _infer_year(month: int, day: int, pub: dt.date) -> int:
    # A notice asks for things after it is published: a date well before the publish date
    # (January in a December notice) is next year's. A week of slack covers back-dated pages.
    try:
        candidate = dt.date(pub.year, month, day)
    except ValueError:
        return pub.year
    return pub.year + 1 if candidate < pub - dt.timedelta(days=7) else pub.year


def _hour(m: re.Match[str]) -> tuple[int, int] | None:
    if m["h"] is not None:
        hour, minute = int(m["h"]), int(m["mi"])
    elif m["h2"] is not None:
        hour, minute = _num(m["h2"]) or 0, _num(m["mi2"]) or 0
        if m.group(0).endswith("半"):
            minute = 30
    else:
        return None
    if m["ap"] in ("下午", "晚上") and hour < 12:
        hour += 12
    if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
        return None
    return hour, minute


def parse_when(m: re.Match[str], pub: dt.date | None, year: int | None = None) -> When | None:
    """The `When` of a ``WHEN_RE`` match; ``year`` (a range's start) before ``pub`` for a year-less date."""
    if m["iy"]:
        y, mo, d, inferred = int(m["iy"]), int(m["im"]), _num(m["id"]), False
    else:
        mo, d = _num(m["m"]) or 0, _num(m["d"])
        inferred = not m["y"] and year is None
        if m["y"]:
            y = _year(m["y"])
        elif year is not None:
            y = year
        elif pub is not None:
            y = _infer_year(mo, d or 1, pub)
        else:
            return None  # no year anywhere: no date rather than a guessed one
    if not 1 <= mo <= 12:
        return None
    span = (m.start(), m.end())
    if d is None:
        return When(f"{y:04d}-{mo:02d}", MONTH, span, inferred, _month_end(y, mo))
    try:
        date = dt.date(y, mo, d)
    except ValueError:
        return None
    hm = _hour(m)
    if hm is None:
        return When(date.isoformat(), DAY, span, inferred, date)
    return When(f"{date.isoformat()}T{hm[0]:02d}:{hm[1]:02d}", EXACT, span, inferred, date)


def _clause(text: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``, at most `_CLAUSE_MAX` chars each side: a page of dates stays linear."""
    lo = max(0, pos - _CLAUSE_MAX)
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(text, lo, pos)]
    start = starts[-1] if starts else lo
    end_m = _CLAUSE_END_RE.search(text, pos, pos + _CLAUSE_MAX)
    return start, end_m.start() if end_m else min(len(text), pos + _CLAUSE_MAX)


def _end_cue(text: str, m: re.Match[str]) -> str | None:
    """The rule that makes the date at ``m`` a deadline, or None when it is just a date."""
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 6]
    label = list(_END_LABEL_RE.finditer(before))
    if label and label[-1].end() == len(before):
        return "deadline.label"
    if _BY_RE.search(before) and _BEFORE_RE.match(after):
        return "deadline.by"
    if _ENDS_AT_RE.match(after):
        return "deadline.ends_at"
    return None


def iter_whens(text: str, pub: dt.date | None) -> list[tuple[re.Match[str], When]]:
    """Every date-like point in ``text`` that parses, in order."""
    out = []
    for m in WHEN_RE.finditer(text):
        when = parse_when(m, pub)
        if when is not None:
            out.append((m, when))
    return out


def _range_end(text: str, m: re.Match[str], start: When | None, pub: dt.date | None) -> When | None:
    sep = _RANGE_SEP_RE.match(text[m.end() :])
    if not sep:
        return None
    nxt = WHEN_RE.match(text, m.end() + sep.end())
    if not nxt:
        return None
    if start is None:
        return parse_when(nxt, pub)
    end = parse_when(nxt, pub, start.date.year)
    if end is not None and end.date < start.date:  # 2026年12月15日至1月15日: the end is next year
        end = parse_when(nxt, pub, start.date.year + 1)
    return end


def _stage(clause: str) -> str:
    return RECOMMENDATION if _RECOMMEND_RE.search(clause) else APPLICANT


def _tentative(text: str, clause: tuple[int, int]) -> bool:
    return bool(_TENTATIVE_RE.search(text, clause[0], clause[1]))


def _range_start_today(text: str, m: re.Match[str], pub: dt.date | None) -> When | None:
    lead = _FROM_NOW_RE.search(text, max(0, m.start() - 8), m.start())
    if lead is None or lead.end() != m.start() or pub is None:
        return None
    return When(pub.isoformat(), DAY, (lead.start(), lead.start() + 3), False, pub)


def _ranges(text: str, whens: list[tuple[re.Match[str], When]], pub: dt.date | None) -> list[End]:
    out: list[End] = []
    for m, first in whens:
        clause = _clause(text, m.start())
        today = _range_start_today(text, m, pub)
        if today is not None:  # 即日起至…: a window whatever the clause says
            out.append(_make_end(text, first, today, clause, today.span[0], "deadline.from_now"))
            continue
        if not _RANGE_CONTEXT_RE.search(text, clause[0], m.start()):
            continue
        end = _range_end(text, m, first, pub)
        if end is not None:
            out.append(_make_end(text, end, first, clause, m.start(), "deadline.range"))
    return out


def _make_end(text: str, end: When, start: When | None, clause: tuple[int, int], at: int, rule: str) -> End:
    precision = TENTATIVE if _tentative(text, clause) else end.precision
    span = (min(at, end.span[0]), end.span[1])
    return End(end, precision, start, _stage(text[clause[0] : clause[1]]), span, rule,
               text[clause[0] : clause[1]].strip())


def find_ends(text: str, pub: dt.date | None) -> list[End]:
    """Every deadline stated in ``text``, in order; at most one per date span."""
    whens = iter_whens(text, pub)
    found = _ranges(text, whens, pub)
    taken = {e.end.span for e in found if e.end is not None}
    for m, when in whens:
        if when.span in taken:
            continue
        rule = _end_cue(text, m)
        if rule is None:
            continue
        clause = _clause(text, m.start())
        found.append(_make_end(text, when, None, clause, m.start(), rule))
        taken.add(when.span)
    found.sort(key=lambda e: e.span)
    return found


_LATER_RE = re.compile(
    r"(?:截止|申报)(?:时间|日期)?[^。；\n]{0,12}另行通知|另行通知[^。；\n]{0,6}截止|申报时间另行通知"
)


def find_later_notice(text: str) -> End | None:
    """``申报截止时间另行通知``: a deadline the text promises but does not give."""
    m = _LATER_RE.search(text)
    if m is None:
        return None
    clause = _clause(text, m.start())
    return End(None, TENTATIVE, None, None, (m.start(), m.end()), "deadline.later_notice",
               text[clause[0] : clause[1]].strip())
