"""``pilot_zone_approved`` events for MOST's 国家新一代人工智能创新发展试验区 only.

MIIT's 人工智能创新应用先导区 and the 数字经济创新发展试验区 are other programmes and never
produce these events (see topics.py for their own topics).

City convention: the name as the text writes it, minus a trailing 市 (``深圳``), minus a
province prefix (``浙江省德清县`` → ``德清县``); counties and districts keep 县/区.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docnumber import DOCNUM_RE, iter_doc_numbers

PROGRAM = "国家新一代人工智能创新发展试验区"
APPROVER = "科技部"

# 实验区 is a typo seen in a repost; 人工智慧 is the big5 gateway's vocabulary rewrite.
_PROGRAM_RE = r"(?:国家)?新一代人工智[能慧]创新发展[试实]验区"
_PLACE = r"[\u4e00-\u9fff]{2,9}?"
_SEP = r"(?:、|，|,|和|及|与|以及)"
_LIST = _PLACE + r"(?:" + _SEP + _PLACE + r")*"
_COUNT = r"(?:等?[两二三四五六七八九十\d]+(?:个城市|地|市|个地区|省市|城市)|等地|等城市|等)?"
# the short form 试验区 counts only in a text that names the programme in full (gated below)
_SHORT = r"(?P<short>试验区)"

# 支持深圳建设… / 支持重庆、成都、西安、济南四地建设… / 推进…建设
_SUPPORT_RE = re.compile(
    r"支持(?:并将积极配合[^，。]{0,10}?推进)?(?P<list>"
    + _LIST
    + r")"
    + _COUNT
    + r"(?:建设|创建)(?:"
    + _PROGRAM_RE
    + r"|"
    + _SHORT
    + r")"
)
# 复函天津、杭州、深圳、合肥4个城市，支持其建设试验区
_REPLY_RE = re.compile(
    r"复函(?P<list>" + _LIST + r")" + _COUNT + r"[，,]?\s*支持其(?:建设|创建)(?:" + _PROGRAM_RE + r"|试验区)"
)
# 在科技部支持下，北京、上海分别启动试验区建设
_UNDER_RE = re.compile(r"在科技部(?:的)?支持下[，,]\s*(?P<list>" + _LIST + r")(?:分别)?启动(?:试验区)?建设")
# 北京、上海、…、德清县等已获批建设的国家新一代人工智能创新发展试验区
# Anchored on the verb (rare), then the list is read right before it: an unanchored list
# pattern would be tried at every position of a long body.
_APPROVED_VERB_RE = re.compile(r"(?:已经?|均已)?(?:获批|批复)(?:建设|创建)?(?:的)?" + _PROGRAM_RE)
# the list must start after punctuation (评估对象：北京、…), so no prose is read as a place
_APPROVED_LIST_RE = re.compile(r"(?<![\u4e00-\u9fff])(?P<list>" + _LIST + r")" + _COUNT + r"$")
_APPROVED_LOOKBACK = 100
# 北京市成为全国首个国家新一代人工智能创新发展试验区
_FIRST_RE = re.compile(r"(?P<list>" + _PLACE + r")成为(?:全国)?(?:首个|第一个)" + _PROGRAM_RE)
# 和 / 及 / 与 join two names only between two names of 2+ characters: 呼和浩特 is one name
_SPLIT_RE = re.compile(r"、|，|,|以及|(?<=[\u4e00-\u9fff]{2})(?<![和及与、].)(?:和|及|与)(?=[\u4e00-\u9fff]{2})")
_PROVINCE_RE = re.compile(r"^[\u4e00-\u9fff]{2,3}(?:省|自治区)(?=[\u4e00-\u9fff]{2,})")
_BAD_PLACE_RE = re.compile(r"[的其在了是将]|支持|企业|单位|高校|地方|城市|国家|试验区|人工智能")
_COUNT_SUFFIX_RE = re.compile(r"[两二三四五六七八九十\d]+(?:个城市|地|个地区|省市|城市)$")
_LETTER_TITLE_RE = re.compile(r"科技部关于支持" + _PLACE + r"(?:建设|创建)" + _PROGRAM_RE + r"的函")
_CITATION_AFTER_RE = re.compile(r"^[^。\n(（]{0,4}[》」]?\s*[(（]")


# 科技部（近日）批复同意东湖市建设… (a report of the approval; 科技部 must be in the sentence, below)
_CONSENT_RE = re.compile(
    r"(?:批复同意|同意|批准)(?!支持)(?P<list>" + _LIST + r")" + _COUNT + r"(?:建设|创建)" + _PROGRAM_RE
)

_RULES = (
    (_SUPPORT_RE, "pilot_zone.support"),
    (_CONSENT_RE, "pilot_zone.consent"),
    (_REPLY_RE, "pilot_zone.reply"),
    (_UNDER_RE, "pilot_zone.under"),
    (_FIRST_RE, "pilot_zone.first"),
)
_FULL_PROGRAM_RE = re.compile(_PROGRAM_RE)


@dataclass(frozen=True)
class PilotZoneEvent:
    city: str
    doc_number: str | None
    span: tuple[int, int]
    rule: str


def normalise_place(raw: str) -> str | None:
    p = _COUNT_SUFFIX_RE.sub("", raw.strip())
    p = _PROVINCE_RE.sub("", p)
    if len(p) > 2 and p.endswith("市"):
        p = p[:-1]
    if len(p) < 2 or len(p) > 6 or _BAD_PLACE_RE.search(p):
        return None
    return p


def is_approval_letter(title: str, body_head: str) -> bool:
    """A MOST reply letter itself (its own number is then the event's number)."""
    return bool(_LETTER_TITLE_RE.search(title) or _LETTER_TITLE_RE.search(body_head)) or (
        "函复如下" in body_head or "函覆如下" in body_head
    )


def _citation_after(text: str, end: int) -> str | None:
    """``《…的函》（国科函规〔2019〕185号）`` → the number in the parentheses right after."""
    tail = text[end : end + 40]
    if not _CITATION_AFTER_RE.match(tail):
        return None
    m = DOCNUM_RE.search(tail)
    if not m:
        return None
    found = iter_doc_numbers(tail)
    return found[0].normalised if found else None


# The largest batch MOST approved in one go was four cities (2019-10, 2020-03): a longer list is a
# list of existing zones (an overview, an evaluation), never one approval.
_MAX_BATCH = 4
# 已支持 / 已经支持 / 均已支持: zones that exist, not the approval being made or reported.
_EXISTING_BEFORE_RE = re.compile(r"(?:已|已经|均已|此前|以前|曾|先后)[，,]?[^，。,；;\n]{0,6}$")


def _in_cited_title(text: str, start: int) -> bool:
    """Inside 《…》: the title of a cited document (a request letter, the approval letter a plan
    implements), not a statement of this page."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return before.count("《") > before.count("》")


# Only MOST approves: outside MOST's own letter the sentence must name it (a city plan's "全力支持
# 东湖新区建设…试验区" is the city's wish). A sentence that asks (商请 / 恳请 / 争取 …), refers back
# (…以来 / 之后) or evaluates approves nobody.
_APPROVER_RE = re.compile(r"科技部|科学技术部")
_ASKING_RE = re.compile(r"商请|请求|申请|恳请|报请|提请|争取|力争|希望|建议|拟")
# "根据你省申请，科技部同意支持…": the request as the ground of an approval, not a request
_BASIS_RE = re.compile(
    r"(?:根据|按照|依据)(?:(?!商请|恳请|提请|报请)[^，。；;,\n]){0,10}(?<![商恳提报])(?:申请|请示)\s*[，,]"
)
_LOOKING_BACK_RE = re.compile(r"[^，。；;\n]{0,12}?(?:以来|之后|后[，,]|期间|的进展|的成效|的经验|的情况)")
_EVALUATING_RE = re.compile(r"评估|评价|考核|验收|总结")
_SENTENCE_END = "。；;！!？?\n"


_SENTENCE_MAX = 200  # a text without sentence ends is read this far around a match, not to its ends
_SENTENCE_END_RE = re.compile("[" + re.escape(_SENTENCE_END) + "]")


def _sentence_before(text: str, start: int) -> str:
    lo = max(0, start - _SENTENCE_MAX)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, start)]
    return text[ends[-1] if ends else lo : start]


def _sentence(text: str, start: int, end: int) -> str:
    m = _SENTENCE_END_RE.search(text, end, end + _SENTENCE_MAX)
    return _sentence_before(text, start) + text[start : m.start() if m else min(len(text), end + _SENTENCE_MAX)]


# "2019年10月，科技部复函支持…" in a page published in 2026: history, not news
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
_RECENT_RE = re.compile(r"近日|日前|近期|今天|今日|昨天|昨日")


def _told_as_history(sentence: str, year: int | None) -> bool:
    years = [int(y) for y in _YEAR_RE.findall(sentence)]
    return year is not None and bool(years) and max(years) < year and not _RECENT_RE.search(sentence)


def _not_an_approval(text: str, m: re.Match[str], places: list[str], by_approver: bool, year: int | None) -> bool:
    before = _sentence_before(text, m.start())
    return (
        _told_as_history(before + m.group(0), year)
        or _in_cited_title(text, m.start())
        or len(places) > _MAX_BATCH
        or bool(_EXISTING_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]))
        or not (by_approver or _APPROVER_RE.search(before + m.group(0)))
        or bool(_ASKING_RE.search(_BASIS_RE.sub("", before)))
        or bool(_LOOKING_BACK_RE.match(text, m.end()))
        or bool(_EVALUATING_RE.search(_sentence(text, m.start(), m.end())))
    )


def find_pilot_zone_events(
    text: str, own_doc_number: str | None, by_approver: bool = False, year: int | None = None
) -> list[PilotZoneEvent]:
    """Cities this text approves or reports approved: never a cited letter's title, a zone referred
    to as existing, a request, an evaluation or a list of zones (see ``_not_an_approval``).
    ``by_approver``: the page is MOST's own (its letter, or signed by it); ``year``: the year it was
    published (an approval dated in an earlier year is history). Precision over recall: a
    false "试验区获批" alert costs more than a late one."""
    out: list[PilotZoneEvent] = []
    names_program = _FULL_PROGRAM_RE.search(text) is not None
    for rx, rule in _RULES:
        for m in rx.finditer(text):
            if "short" in rx.groupindex and m["short"] and not names_program:
                continue
            places = [p for p in _SPLIT_RE.split(m.group("list")) if p]
            if _not_an_approval(text, m, places, by_approver, year):
                continue
            number = _citation_after(text, m.end()) or own_doc_number
            for part in places:
                city = normalise_place(part)
                if city:
                    out.append(PilotZoneEvent(city, number, (m.start(), m.end()), rule))
    return out


def _approved(text: str, own_doc_number: str | None) -> list[PilotZoneEvent]:
    """``北京、上海、…、德清县等已获批建设的国家新一代人工智能创新发展试验区``: zones that already
    exist. Not an approval (issue 15), so ``find_pilot_zone_events`` no longer reports it; kept for
    callers that want the zones a text refers to."""
    out: list[PilotZoneEvent] = []
    for v in _APPROVED_VERB_RE.finditer(text):
        lo = max(0, v.start() - _APPROVED_LOOKBACK)
        m = _APPROVED_LIST_RE.search(text[lo : v.start()])
        if not m:
            continue
        span = (lo + m.start(), v.end())
        number = _citation_after(text, v.end()) or own_doc_number
        for part in _SPLIT_RE.split(m.group("list")):
            city = normalise_place(part)
            if city:
                out.append(PilotZoneEvent(city, number, span, "pilot_zone.approved"))
    return out
