"""Funding rules: caps, ratios, fund sizes, tiers and 一事一议, one rule per clause item.

Work is per sentence (split on 。；! and newlines, so a table row is a sentence). Inside a
sentence, amounts are claimed in order of specificity: tiers, fund sizes, ratio+cap pairs,
caps, then fixed grants; an amount claimed once is never reused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .amounts import AMOUNT_RE, AMOUNT_SCALE, amount_yuan

_SENTENCE_RE = re.compile(r"[^。；;!！?？\n]+")
_CAP_CUE_RE = re.compile(r"(?:最高|不超过|不高于|最多|上限为?|封顶|至多)[^\d，。,：:]{0,8}$")
_FIXED_BEFORE_RE = re.compile(r"(?:给予|奖励|补助|资助|补贴|资金支持|一次性)\s*$")
_FIXED_AFTER_RE = re.compile(r"^\s*(?:的)?(?:一次性)?(?:奖励|补助|资助|补贴|资金支持|支持|扶持|经费支持)")
_FUND_AFTER_RE = re.compile(r"^[^，。,；、\d]{0,15}?基金")
_FUND_BEFORE_RE = re.compile(r"(?:基金(?:总)?规模|总规模|规模)(?:为|达到?|约)?\s*$")
_TIER_SEP_RE = re.compile(r"^\s*[、，,和及与或]\s*$")
_TIER_AFTER_RE = re.compile(r"^\s*(?:等)?\s*[一二两三四五六七八九十\d]+\s*(?:个)?(?:档|级|类|等次)")
_TIER_BEFORE_RE = re.compile(r"(?:分别|分为?|依次)[^，。,\d]{0,8}$")
_FUNDING_VERB_RE = re.compile(r"支持|补助|资助|奖励|补贴|扶持|资金|给予|予以")
_RATIO_RE = re.compile(
    r"(?:(?:按|按照|不超过|不高于|给予|予以)[^。；;\n%，,]{0,30}?(?P<pct>\d+(?:\.\d+)?)\s*%)"
    r"|(?:(?P<pct2>\d+(?:\.\d+)?)\s*%\s*(?:的)?(?:比例)?\s*(?:给予|予以|进行)?\s*(?:支持|补助|资助|奖励|补贴|扶持))"
    r"|(?:按[^。；;\n，,]{0,30}?百分之(?P<cnpct>[一二三四五六七八九十]{1,3}))"
)
_YISHI_RE = re.compile(r"一事一议")
_CN_PCT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PAIR_WINDOW = 40


@dataclass(frozen=True)
class FundingRule:
    max_amount_yuan: int | None
    ratio: float | None
    fund_size_yuan: int | None
    text: str
    span: tuple[int, int]
    rule: str


@dataclass(frozen=True)
class _Amt:
    value: int
    start: int
    end: int


def _cn_pct(s: str) -> int:
    if "十" not in s:
        return _CN_PCT.get(s, 0)
    head, _, tail = s.partition("十")
    return (_CN_PCT.get(head, 0) if head else 1) * 10 + (_CN_PCT.get(tail, 0) if tail else 0)


def _ratios(sentence: str, gate: bool) -> list[tuple[float, int, int]]:
    if not gate:
        return []
    out = []
    for m in _RATIO_RE.finditer(sentence):
        pct = float(_cn_pct(m["cnpct"])) if m["cnpct"] else float(m["pct"] or m["pct2"])
        if 0 < pct <= 100:
            out.append((round(pct / 100, 4), m.start(), m.end()))
    return out


def _amounts(sentence: str) -> list[_Amt]:
    out = []
    for m in AMOUNT_RE.finditer(sentence):
        v = amount_yuan(m["num"], m["unit"])
        if v is not None and v > 0:
            out.append(_Amt(v, m.start(), m.end()))
    return out


def _tiers(s: str, amts: list[_Amt]) -> list[list[_Amt]]:
    runs: list[list[_Amt]] = []
    run: list[_Amt] = []
    for a in amts:
        if run and _TIER_SEP_RE.match(s[run[-1].end : a.start]):
            run.append(a)
        else:
            if len(run) >= 2:
                runs.append(run)
            run = [a]
    if len(run) >= 2:
        runs.append(run)
    return [
        r
        for r in runs
        if _TIER_AFTER_RE.match(s[r[-1].end :])
        or _TIER_BEFORE_RE.search(s[max(0, r[0].start - 12) : r[0].start])
    ]


def _is_fund(s: str, a: _Amt) -> bool:
    if _FUND_AFTER_RE.match(s[a.end :]):
        return True
    return bool(_FUND_BEFORE_RE.search(s[max(0, a.start - 8) : a.start])) and "基金" in s[a.end : a.end + 25]


def _is_cap(s: str, a: _Amt) -> bool:
    return bool(_CAP_CUE_RE.search(s[max(0, a.start - 14) : a.start]))


def _is_fixed(s: str, a: _Amt) -> bool:
    return bool(
        _FIXED_BEFORE_RE.search(s[max(0, a.start - 6) : a.start]) or _FIXED_AFTER_RE.match(s[a.end :])
    )


def rules_in_sentence(s: str, base: int) -> list[FundingRule]:
    """Funding rules of one sentence ``s`` that starts at offset ``base`` of its source."""
    amts = _amounts(s)
    # a percentage is a support ratio only in a sentence about money
    ratios = _ratios(s, bool(_FUNDING_VERB_RE.search(s)) or any(_is_cap(s, a) for a in amts))
    text = s.strip()
    out: list[FundingRule] = []
    used: set[int] = set()

    def add(mx: int | None, ratio: float | None, fund: int | None, st: int, en: int, rule: str) -> None:
        out.append(FundingRule(mx, ratio, fund, text, (base + st, base + en), rule))

    for run in _tiers(s, amts):
        for a in run:
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.tier")
    for a in amts:
        if a.start not in used and _is_fund(s, a):
            used.add(a.start)
            add(None, None, a.value, a.start, a.end, "funding.fund_size")
    for i, (ratio, rs, re_) in enumerate(ratios):
        nxt = ratios[i + 1][1] if i + 1 < len(ratios) else len(s)
        cap = next(
            (
                a
                for a in amts
                if a.start not in used and re_ <= a.start < min(nxt, re_ + _PAIR_WINDOW) and _is_cap(s, a)
            ),
            None,
        )
        if cap:
            used.add(cap.start)
            add(cap.value, ratio, None, rs, cap.end, "funding.ratio_cap")
        else:
            add(None, ratio, None, rs, re_, "funding.ratio")
    for a in amts:
        if a.start in used:
            continue
        if _is_cap(s, a):
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.cap")
        elif _is_fixed(s, a):
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.fixed")
    if not out:
        m = _YISHI_RE.search(s)
        if m:
            add(None, None, None, m.start(), m.end(), "funding.case_by_case")
    return out


_CELL_SEP_RE = re.compile(r"\t| \| |\|")
_HEADER_UNIT_RE = re.compile(r"[(（](亿元|万元|元)[)）]")
_NUMBER_CELL_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
_LINE_RE = re.compile(r"[^\n]+")


def _cells(line: str, start: int) -> list[tuple[str, int]]:
    """Cells of a table row with their offsets; one cell means "not a table row"."""
    out, pos = [], 0
    for m in _CELL_SEP_RE.finditer(line):
        out.append((line[pos : m.start()], start + pos))
        pos = m.end()
    out.append((line[pos:], start + pos))
    return out


def table_rules(text: str) -> list[FundingRule]:
    """Bare numbers under a header cell that carries the unit, e.g. ``资助上限（万元）``."""
    out: list[FundingRule] = []
    columns: dict[int, int] = {}  # column index -> yuan per unit
    for lm in _LINE_RE.finditer(text):
        cells = _cells(lm.group(0), lm.start())
        if len(cells) < 2:
            columns = {}
            continue
        header = {i: _HEADER_UNIT_RE.search(c) for i, (c, _) in enumerate(cells)}
        if any(header.values()):
            columns = {i: AMOUNT_SCALE[h.group(1)] for i, h in header.items() if h}
            continue
        for i, scale in columns.items():
            if i < len(cells):
                cell, off = cells[i]
                nm = _NUMBER_CELL_RE.match(cell)
                if nm:
                    value = int(Decimal(nm.group(1)) * scale)
                    span = (off + nm.start(1), off + nm.end(1))
                    out.append(
                        FundingRule(value, None, None, lm.group(0).strip(), span, "funding.table_cell")
                    )
    return out


def find_funding(text: str) -> list[FundingRule]:
    table = table_rules(text)
    out: list[FundingRule] = []
    for m in _SENTENCE_RE.finditer(text):
        for r in rules_in_sentence(m.group(0), m.start()):
            # a row "重大项目 | 2000 | 一事一议" already has its amount from the table header
            if r.rule == "funding.case_by_case" and any(m.start() <= t.span[0] < m.end() for t in table):
                continue
            out.append(r)
    out.extend(table)
    return out
