"""Repeal / supersession events: ``原《…》（国科发规〔2019〕298号）同时废止``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docnumber import (
    DocNumber,
    iter_doc_numbers,
    iter_order_numbers,
    order_year,
    parse_order_number,
    whole_order_number,
)

# Anchor on the verb (rare), then read the words right before it: far cheaper than trying an
# all-optional pattern at every position of a long body.
_VERB_RE = re.compile(r"(?:同时|一并)?(?:予以)?(?:废止|停止执行|不再执行|失效)")
_BEFORE_RE = re.compile(
    r"(?:《(?P<title>[^》\n]{1,80})》)?\s*"
    r"(?:[(\[](?P<num1>[^)\]\n]{4,30})[)\]])?\s*"
    r"(?P<num2>[\u4e00-\u9fff]{1,10}[〔\[(【﹝]?\d{4}[〕\])】﹞]?\d{1,4}号?)?\s*(?:文件)?\s*$"
)
_LOOKBACK = 130


@dataclass(frozen=True)
class RepealEvent:
    doc_number: str | None
    title: str | None
    span: tuple[int, int]
    rule: str


def find_repeals(text: str) -> list[RepealEvent]:
    out: list[RepealEvent] = []
    for v in _VERB_RE.finditer(text):
        lo = max(0, v.start() - _LOOKBACK)
        m = _BEFORE_RE.search(text, lo, v.start())
        if not m:
            continue
        nums = iter_doc_numbers(m["num1"] or m["num2"] or "")
        number = nums[0].normalised if nums else None
        if number is None and m["num1"]:
            # 《…办法》（市政府令第98号）同时废止; （住房和城乡建设部令第51号）, the whole parentheses one number
            order = parse_order_number(m["num1"]) or whole_order_number(m["num1"])
            number = order.normalised if order else None
        if number is None and m["title"] is not None:
            number = _order_before(text, m.start())
        cited = m["title"] is not None and bool(_CITE_LEAD_RE.search(text[max(0, m.start() - 4) : m.start()]))
        if (number is None and m["title"] is None) or cited:
            # "依据《条例》废止《…》（…）": the law before the verb is the authority, not what is repealed
            out.extend(_repealed_after(text, v))
            continue
        rule = "repeal.doc" if number else "repeal.title"
        out.extend(_listed_before(text, m.start(), v.end()))
        out.append(RepealEvent(number, m["title"], (m.start(), v.end()), rule))
    return out


# The verb first, then the document and its number: "二、废止《地质资料管理条例实施办法》（国土资源部令第16号）。"
# (a 修改和废止…的决定's items). The number must close the clause: "废止《…》（…）的部分条款" is no repeal.
# Several documents may follow one verb, joined by 、 / 和 / 及:
# "废止《甲》（应急〔2021〕23号）、《乙》（…）和《丙》（…）。"
_AFTER_RE = re.compile(
    r"\s*《(?P<title>[^》\n]{1,80})》\s*[(\[](?P<num>[^)\]\n]{4,40})[)\]]\s*(?=[。；;，,、和及\n]|$)"
)
_AFTER_JOIN_RE = re.compile(r"\s*(?:、|和|及|以及)")


def _repealed_after(text: str, verb: re.Match[str]) -> list[RepealEvent]:
    clause = text[max(0, verb.start() - 30) : verb.start()]
    if _CITE_LEAD_RE.search(re.split(r"[。；;，,\n]", clause)[-1]):
        return []
    out: list[RepealEvent] = []
    pos = verb.end()
    while (a := _AFTER_RE.match(text, pos)) is not None:
        found = _numbers_in(a["num"])
        if not found:
            break
        out.append(RepealEvent(found[0].normalised, a["title"], (verb.start(), a.end()), "repeal.verb_first"))
        join = _AFTER_JOIN_RE.match(text, a.end())
        if not join:
            break
        pos = join.end()
    return out


# "2019年3月5日贵阳市人民政府令第51号公布的《…办法》同时废止": the order that promulgated the repealed
# rule names it (its number is the repeal, issue 15). The order's name starts after a date, a comma
# or a line start; a leading 原 / 以 / 由 is not part of it.
_ORDER_BEFORE_RE = re.compile(
    r"(?:^|(?<=[日，,。；;、\s]))(?:原|以|由)?(?P<prefix>[\u4e00-\u9fff]{2,20}?令)\s*"
    r"(?P<year>(?:19|20)\d{2}\s*年)?\s*第\s*(?P<num>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})\s*号"
    r"(?:公布|发布|印发|颁布)(?:施行)?的\s*$"
)


def _order_before(text: str, title_start: int) -> str | None:
    m = _ORDER_BEFORE_RE.search(text, max(0, title_start - 40), title_start)
    if not m or re.search(r"的|关于|通知|根据|依据", m["prefix"]):
        return None
    return f"{m['prefix']}{order_year(m['year'])}第{int(m['num']) if m['num'].isdigit() else m['num']}号"


# A 废止决定's list (issue 15): "决定废止以下规范性文件：" or a heading "一、废止的规范性文件", then one
# document per list item or table row ("1.《…》（潭政发〔2018〕12号）", "1\t…\t石政发〔2017〕21号"); or the
# list first and "上述文件同时废止" after it. Every number in the items is repealed. The list ends at
# the next heading (二、修改的规范性文件) or prose line.
_LIST_OPEN_RE = re.compile(
    r"废止[^。；;，,\n]{0,20}?(?:以下|下列|如下)|(?:以下|下列|如下)[^。\n]{0,24}?(?:予以|同时|一并)?废止"
    r"|^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])?\s*(?:决定)?(?:予以)?废止(?:的)?"
    r"[^\n。，,：:]{0,12}?(?:文件|规章|目录|清单)[^\n。，,：:]{0,8}$",
    re.M,
)
_LIST_CLOSE_RE = re.compile(r"^\s*(?:上述|以上)[^。\n]{0,30}?(?:同时|一并)?(?:予以)?废止", re.M)
_ITEM_RE = re.compile(r"^\s*(?:\d{1,3}\s*[.．、)）\t]|[（(]\d{1,3}[)）]|\d{1,3}\s+(?=\S))")
_HEADING_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")
# A table cell on a line of its own (a table laid out with whitespace between its tags): short, no
# sentence punctuation, not a lead-in ending in a colon.
_CELL_RE = re.compile(r"^[^。；;：:\n]{1,80}$")
_CITE_LEAD_RE = re.compile(r"根据|依据|按照|参照|对照|违反|贯彻|落实")
# "有下列情形之一的，予以废止：" lists conditions, not documents.
_CONDITION_RE = re.compile(r"情形|情况|条件|行为|之一")


def _list_items(lines: list[str]) -> list[str]:
    items: list[str] = []
    for line in lines[:80]:
        if not line.strip():
            continue
        if _ITEM_RE.match(line) or (_CELL_RE.match(line) and not _HEADING_RE.match(line)) or _numbered_item(line) \
                or _BARE_ITEM_RE.match(line):
            items.append(line)
            continue
        break  # a heading or a prose line: the list is over
    return items


def _numbered_item(line: str) -> bool:
    """``一、《…》（闵府发〔2019〕18号）；`` / ``（一）《…》（2006年…水利部令第30号发布）``: a Chinese-numbered line
    is an item of the list when it names a document by its number; ``二、修改的规范性文件`` or
    ``二、对《…》的部分条款予以修改`` is the next heading."""
    return bool(_HEADING_RE.match(line)) and not _AMEND_RE.search(line) and bool(_numbers_in(line))


_AMEND_RE = re.compile(r"修改|修订|修正")
# An unnumbered item: the document and its number, then the item's ；/ 。: "《…办法》（镇科规〔2019〕1号）；"
_BARE_ITEM_RE = re.compile(r"^\s*《[^》\n]{1,80}》\s*[(（\[][^)）\]\n]{4,40}[)）\]]\s*[；;。，,、]?\s*$")


def _numbers_in(text: str) -> list[DocNumber]:
    """文号 and order / announcement numbers in a list item, in order, each once."""
    found = sorted([*iter_doc_numbers(text), *iter_order_numbers(text)], key=lambda d: d.span[0])
    out: list[DocNumber] = []
    for d in found:
        if d.normalised not in [o.normalised for o in out]:
            out.append(d)
    return out


def _events_of_items(items: list[str], text: str, offset: int) -> list[RepealEvent]:
    out: list[RepealEvent] = []
    for line in items:
        if _CITE_LEAD_RE.search(line):
            continue
        title = re.search(r"《([^》\n]{1,80})》", line)
        for d in _numbers_in(line):
            start = text.find(line, offset)
            out.append(RepealEvent(d.normalised, title[1] if title else None, (start, start + len(line)),
                                   "repeal.list"))
    return out


def find_listed_repeals(text: str) -> list[RepealEvent]:
    """The documents a 废止决定 lists (see _LIST_OPEN_RE)."""
    out: list[RepealEvent] = []
    for m in _LIST_OPEN_RE.finditer(text):
        line_end = text.find("\n", m.end())
        if line_end < 0:
            continue
        if re.search(r"[。；;]", text[m.end() : line_end].rstrip("。")):
            continue  # the sentence goes on past the verb: no list follows it
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _CONDITION_RE.search(text[line_start:line_end]):
            continue
        items = _list_items(text[line_end + 1 :].split("\n"))
        out.extend(_events_of_items(items, text, line_end + 1))
    for m in _LIST_CLOSE_RE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[:line_start].rstrip("\n").split("\n")
        items = list(reversed(_list_items(list(reversed(before)))))
        out.extend(_events_of_items(items, text, max(0, line_start - sum(len(i) + 1 for i in items) - 1)))
    return out


_CITED_RE = re.compile(r"《(?P<title>[^》\n]{1,80})》\s*(?:[(\[](?P<num>[^)\]\n]{4,30})[)\]])?")
_LIST_SEP_RE = re.compile(r"^\s*(?:[、，,]|和|及|与|以及)\s*$")


def _listed_before(text: str, first: int, end: int) -> list[RepealEvent]:
    """``《A》（X〔2019〕3号）、《B》（X〔2020〕5号）同时废止``: the documents listed before the one
    next to the verb (read back while only a 、 / 和 joins them)."""
    clause_start = max(text.rfind(c, 0, first) for c in "。；;\n") + 1
    items = list(_CITED_RE.finditer(text, clause_start, first))
    out: list[RepealEvent] = []
    stop = first
    for m in reversed(items):
        if not _LIST_SEP_RE.match(text[m.end() : stop]):
            break
        nums = iter_doc_numbers(m["num"] or "")
        number = nums[0].normalised if nums else None
        out.insert(0, RepealEvent(number, m["title"], (m.start(), end), "repeal.doc" if number else "repeal.title"))
        stop = m.start()
    return out
