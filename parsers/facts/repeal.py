"""Repeal / supersession events: ``原《…》（国科发规〔2019〕298号）同时废止``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docnumber import iter_doc_numbers

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
        if number is None and m["title"] is None:
            continue
        rule = "repeal.doc" if number else "repeal.title"
        out.extend(_listed_before(text, m.start(), v.end()))
        out.append(RepealEvent(number, m["title"], (m.start(), v.end()), rule))
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
