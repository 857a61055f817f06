"""Funding rules: caps, ratios, fund sizes, tiers and 一事一议, one rule per clause item.

Work is per sentence (split on 。；! and newlines, so a table row is a sentence; a newline
inside a clause such as ``最高\n2000万元`` is joined first). Inside a sentence, amounts are
claimed in order of specificity: tiers, fund sizes, ranges, ratio+cap pairs, caps, then fixed
grants; an amount claimed once is never reused. ``per_year`` marks amounts qualified by
每年/年度 (an annual fund or a yearly cap); ``years`` is a duration (最多连续三年).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .amounts import AMOUNT_RE, AMOUNT_SCALE, amount_yuan

_SENTENCE_RE = re.compile(r"[^。；;!！?？\n]+")
_CAP_CUE_RE = re.compile(r"(?:最高|不超过|不高于|最多|上限为?|封顶|至多)[^\d，。,：:]{0,8}$")
# …and "每项支持50万元" (support of a fixed amount for each project)
_FIXED_BEFORE_RE = re.compile(
    r"(?:给予|奖励|补助|资助|补贴|资金支持|一次性|奖金|(?:奖励|补助|资助|补贴)资金|(?:每[项个家]|单个项目)(?:项目)?支持"
    r"|[一二三特]等奖(?:每项|每人)?|一次性支持|给予支持)\s*$"  # a prize list: "一等奖200万元，二等奖100万元"
)
_FIXED_AFTER_RE = re.compile(r"^\s*(?:的)?(?:一次性)?(?:奖励|补助|资助|补贴|资金支持|支持|扶持|经费支持)")
_FUND_AFTER_RE = re.compile(r"^[^，。,；、\d]{0,15}?基金")
_FUND_BEFORE_RE = re.compile(r"(?:基金(?:总)?规模|总规模|规模)(?:为|达到?|约)?\s*$")
# A budget total needs no 基金 after it: 国拨经费总概算8.6亿元, 资金总额10亿元.
# A bound on the total is still the total ("资金总额不超过5亿元": the pool, not a cap per project).
_BUDGET_BEFORE_RE = re.compile(
    r"(?:总概算|总预算|资金总额|经费总额|资金总规模)(?:为|达到?|约|不超过|不高于|控制在|不少于|不低于)?\s*$"
)
# 每年安排10亿元专项资金 / 设立5亿元专项资金: a pool, not a grant to one applicant.
# "每年安排不少于10亿元的人工智能产业发展专项资金": a floor on the pool is the pool's size.
_POOL_BEFORE_RE = re.compile(r"(?:安排|设立|统筹|筹集)(?:市级|区级|财政)?(?:不少于|不低于|约|共计|总计)?\s*$")
_POOL_AFTER_RE = re.compile(r"^[^，。,；、\d]{0,16}?(?:专项资金|资金池|引导资金)")
# 每年最高1000万元, 年度最高500万元, 每年安排10亿元 (not 2026年度).
# A budget allocated to a programme: "统筹安排5亿元", "州级财政安排2000万元", "安排专项资金3000万元" (the
# amount right after the verb and what is allocated). A grant to each recipient ("对…每家安排10万元奖励")
# is not a fund; targets (产值达到300亿元, 营业收入, 规模超过) never reach this verb.
_ALLOCATION_BEFORE_RE = re.compile(
    r"(?:安排|筹措)(?:省级|市级|州级|县级|区级|本级)?(?:财政)?(?:专项资金|专项经费|引导资金|资金|经费|预算)?"
    r"(?:共计|总计|合计|累计)?\s*$"
)
# The programme named between the verb and the amount: "省财政安排2026年省级数字经济发展专项资金3亿元",
# "每年统筹安排人工智能产业发展引导资金5000万元" (a year may lead the name; no other digits, no clause break).
_NAMED_ALLOCATION_BEFORE_RE = re.compile(
    r"(?:安排|筹措|下达)(?:20\d{2}年度?)?[^，。,；;、：:\d]{0,24}?(?:专项资金|引导资金|专项经费|发展资金|资金|经费)"
    r"(?:共计|总计|合计|累计)?\s*$"
)
# 每家 / 每个 / 每镇 / 每村 / 每园: for each recipient (每年 / 每季 / 每月 / 每期 is a period, not a recipient)
_PER_RECIPIENT_RE = re.compile(r"对|每(?!年|季|月|期|轮|次|半年)[\u4e00-\u9fff]|单个|单家|单项|给予")
_PER_RECIPIENT_AFTER_RE = re.compile(r"^\s*(?:的)?(?:一次性)?(?:奖励|补助|资助|补贴)")
_PER_YEAR_RE = re.compile(r"(?:每年度?|(?<![\d〇一二三四五六七八九十])年度)[^，。,；;\d]{0,8}$")
_YEARS_RE = re.compile(
    r"(?:(?:最多|最长)?连续(?:支持|资助|给予)?|(?:最多|最长)(?:支持|资助)?)(?P<n>[一二两三四五六七八九十\d]{1,2})\s*(?:个)?年"
)
_BARE_LOW_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:至|到|~|～|-|－|—{1,2})\s*$")
_RANGE_SEP_RE = re.compile(r"^\s*(?:至|到|~|～|-|－|—{1,2})\s*$")
_TIER_SEP_RE = re.compile(r"^\s*[、，,和及与或]\s*$")
_TIER_AFTER_RE = re.compile(r"^\s*(?:等)?\s*[一二两三四五六七八九十\d]+\s*(?:个)?(?:档|级|类|等次)")
_TIER_BEFORE_RE = re.compile(r"(?:分别|分为?|依次)[^，。,\d]{0,8}$")
_FUNDING_VERB_RE = re.compile(r"支持|补助|资助|奖励|补贴|扶持|资金|给予|予以|配套")
_RATIO_RE = re.compile(
    r"(?:(?:按|按照|不超过|不高于|给予|予以)[^。；;\n%，,]{0,30}?(?P<pct>\d+(?:\.\d+)?)\s*%)"
    r"|(?:(?P<pct2>\d+(?:\.\d+)?)\s*%\s*(?:的)?(?:比例)?\s*(?:给予|予以|进行)?\s*(?:支持|补助|资助|奖励|补贴|扶持))"
    r"|(?:按[^。；;\n，,]{0,30}?百分之(?P<cnpct>[一二三四五六七八九十]{1,3}))"
    # 按1:1比例配套 / 给予1:0.5配套: matching money per yuan of the reference amount
    r"|(?:(?<![\d.])(?P<ra>\d+(?:\.\d+)?)\s*[:：比]\s*(?P<rb>\d+(?:\.\d+)?)\s*(?:的)?\s*(?:比例)?\s*"
    r"(?:给予|予以|进行|安排)?\s*(?:资金)?配套)"
)
# Who matches: the applicant ("鼓励揭榜单位按不低于1:1比例配套", "建设主体应按…自筹配套资金"), not the funder.
_OWN_MATCHING_RE = re.compile(
    r"自筹|(?:申报|揭榜|项目|建设|承担)(?:单位|主体)|企业(?:应|须|需)|应按|须按|需按|鼓励[^，。；]{0,8}按"
)
_YISHI_RE = re.compile(r"一事一议")
_CN_PCT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PAIR_WINDOW = 40
# A newline inside a clause: the line before ends with a cue, or the next line starts with
# an amount, and the line before has no closing punctuation and is not a table row.
_SOFT_CUE_RE = re.compile(
    r"(?:最高|不超过|不高于|最多|上限为?|封顶|至多|给予|奖励|补助|资助|补贴|按照?|分别|为|达)\s*$"
)
_AMOUNT_START_RE = re.compile(r"^\s*\d[\d,.]*\s*(?:亿元|万元|元)")
_UNIT_START_RE = re.compile(r"^\s*(?:亿元|万元|元)")
_HARD_END = "。；;!！?？:：|\t"


@dataclass(frozen=True)
class FundingRule:
    max_amount_yuan: int | None
    ratio: float | None
    fund_size_yuan: int | None
    text: str
    span: tuple[int, int]
    rule: str
    per_year: bool = False
    years: int | None = None


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
        if m["ra"]:
            if _OWN_MATCHING_RE.search(sentence[max(0, m.start() - 24) : m.end() + 8]):
                continue  # the applicant's own matching (揭榜单位按1:1比例配套, 自筹配套): no money given
            ref, match = float(m["ra"]), float(m["rb"])
            if ref > 0 and 0 < match / ref <= 10:
                out.append((round(match / ref, 4), m.start(), m.end()))
            continue
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
    if _ALLOCATION_BEFORE_RE.search(s[max(0, a.start - 14) : a.start]) and not _per_recipient(s, a):
        return True
    if _NAMED_ALLOCATION_BEFORE_RE.search(s[max(0, a.start - 40) : a.start]) and not _per_recipient(s, a):
        return True
    before = s[max(0, a.start - 8) : a.start]
    if _BUDGET_BEFORE_RE.search(before):
        return True
    if _POOL_BEFORE_RE.search(before) and _POOL_AFTER_RE.match(s[a.end :]):
        return True
    return bool(_FUND_BEFORE_RE.search(before)) and "基金" in s[a.end : a.end + 25]


def _per_recipient(s: str, a: _Amt) -> bool:
    """The amount goes to each recipient: a per-recipient word in its clause, or a grant word after it."""
    clause = re.split(r"[，,；;：:]", s[: a.start])[-1]
    return bool(_PER_RECIPIENT_RE.search(clause) or _PER_RECIPIENT_AFTER_RE.match(s[a.end :]))


def _per_year(s: str, a: _Amt) -> bool:
    return bool(_PER_YEAR_RE.search(s[max(0, a.start - 14) : a.start]))


def _ranges(s: str, amts: list[_Amt]) -> list[tuple[_Amt, _Amt]]:
    """``500万元至1000万元`` / ``100-300万元``: the upper bound is the cap, the lower one is not a
    rule. A lower bound without its own unit is returned as a zero-width amount."""
    out = [(lo, hi) for lo, hi in itertools.pairwise(amts) if _RANGE_SEP_RE.match(s[lo.end : hi.start])]
    paired = {hi.start for _, hi in out}
    for hi in amts:
        m = _BARE_LOW_RE.search(s[max(0, hi.start - 16) : hi.start])
        if hi.start not in paired and m:
            lo_at = hi.start - (len(s[max(0, hi.start - 16) : hi.start]) - m.start())
            out.append((_Amt(0, lo_at, lo_at), hi))
    return out


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

    def add(mx: int | None, ratio: float | None, fund: int | None, st: int, en: int, rule: str,
            amt: _Amt | None = None) -> None:
        per_year = amt is not None and _per_year(s, amt)
        out.append(FundingRule(mx, ratio, fund, text, (base + st, base + en), rule, per_year))

    for run in _tiers(s, amts):
        for a in run:
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.tier")
    for a in amts:
        if a.start not in used and _is_fund(s, a):
            used.add(a.start)
            add(None, None, a.value, a.start, a.end, "funding.fund_size", a)
    if ratios or any(_is_cap(s, a) for a in amts) or _FUNDING_VERB_RE.search(s):
        for lo, hi in _ranges(s, amts):
            if lo.start not in used and hi.start not in used:
                used.update((lo.start, hi.start))
                add(hi.value, None, None, lo.start, hi.end, "funding.range", hi)
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
            add(cap.value, ratio, None, rs, cap.end, "funding.ratio_cap", cap)
        else:
            add(None, ratio, None, rs, re_, "funding.ratio")
    for a in amts:
        if a.start in used:
            continue
        if _is_cap(s, a):
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.cap", a)
        elif _is_fixed(s, a):
            used.add(a.start)
            add(a.value, None, None, a.start, a.end, "funding.fixed", a)
    if not out:
        m = _YISHI_RE.search(s)
        if m:
            add(None, None, None, m.start(), m.end(), "funding.case_by_case")
    return _with_years(s, base, out)


def _years_value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    raw = raw.replace("两", "二")
    n = _cn_pct(raw)
    return n or None


def _with_years(s: str, base: int, rules: list[FundingRule]) -> list[FundingRule]:
    """``最多连续三年``: the duration belongs to the nearest rule before it in the clause."""
    if not rules:
        return rules
    out = list(rules)
    for m in _YEARS_RE.finditer(s):
        n = _years_value(m["n"])
        if not n or n > 20:
            continue
        at = base + m.start()
        before = [i for i, r in enumerate(out) if r.span[1] <= at]
        i = max(before, key=lambda j: out[j].span[1]) if before else min(
            range(len(out)), key=lambda j: out[j].span[0]
        )
        out[i] = replace(out[i], years=n)
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


_HEADING_MAX = 60


def is_heading(text: str, span: tuple[int, int]) -> bool:
    """The span sits on a short line without sentence punctuation that is not a table row."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    line = text[start : end if end != -1 else len(text)].strip()
    if len(line) > _HEADING_MAX or "\t" in line or "|" in line:
        return False
    return not any(c in line for c in "。；;!！?？")


def join_soft_newlines(text: str) -> str:
    """Replace newlines that break a clause (``最高\n2000万元``) by spaces; same length."""
    if "\n" not in text:
        return text
    chars = list(text)
    for m in re.finditer(r"\n", text):
        i = m.start()
        prev_line = text[text.rfind("\n", 0, i) + 1 : i].rstrip()
        nxt_end = text.find("\n", i + 1)
        next_line = text[i + 1 : nxt_end if nxt_end != -1 else len(text)]
        if not prev_line or prev_line[-1] in _HARD_END or "\t" in prev_line or "|" in prev_line:
            continue
        if "\t" in next_line or "|" in next_line:
            continue
        cue_then_amount = _SOFT_CUE_RE.search(prev_line) and _AMOUNT_START_RE.match(next_line)
        number_then_unit = prev_line[-1].isdigit() and _UNIT_START_RE.match(next_line)
        if cue_then_amount or number_then_unit:
            chars[i] = " "
    return "".join(chars)


def find_funding(text: str) -> list[FundingRule]:
    table = table_rules(text)
    out: list[FundingRule] = []
    text = join_soft_newlines(text)
    for m in _SENTENCE_RE.finditer(text):
        for r in rules_in_sentence(m.group(0), m.start()):
            # a row "重大项目 | 2000 | 一事一议" already has its amount from the table header
            if r.rule == "funding.case_by_case" and any(m.start() <= t.span[0] < m.end() for t in table):
                continue
            out.append(r)
    out.extend(table)
    return out
