"""Which stage of a grant call a notice is, and what it says about it.

A notice is at most one of: a call (申报/征集/揭榜… in the title), an extension (延长/延期/推迟
of a deadline), a shortlist (a 公示 of 拟立项/拟支持/… items, with its objection window) or a
final list (立项/认定/拟支持 名单 published, not put on 公示). The title decides the kind, because
the body of each kind quotes the others ("经专家评审和公示，现将立项项目予以下达"); the body gives
the values. Deadlines themselves are read by deadlines.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import cn_small
from .deadlines import WHEN_RE, End, When, find_ends, find_later_notice, iter_whens, parse_when
from .docnumber import iter_doc_numbers
from .vocab import LIST_KINDS

_EXTENSION_TITLE_RE = re.compile(r"延长|延期|推迟|顺延|调整[^，。]{0,20}(?:时间|日期)")
_SHORTLIST_TITLE_RE = re.compile(r"公示")
_SHORTLIST_ITEMS_RE = re.compile(r"拟(?:立项|支持|资助|认定|奖|入选|推荐|授予)|名单")
_FINAL_TITLE_RE = re.compile(
    r"(?P<kind>立项|认定|拟支持)(?:项目)?[^，。]{0,8}?名单|下达[^，。]*?(?P<kind2>立项)"
)
_CALL_TITLE_RE = re.compile(r"申报|征集|揭榜|遴选|申请")
# Titles with 申报 that open nothing: a survey, a meeting, an evaluation.
_NOT_CALL_TITLE_RE = re.compile(r"调研|座谈|会议|评估|培训|解读|公示|名单")

_CITED_RE = re.compile(r"《(?P<t>[^《》]{6,80}?(?:通知|指南|公告))》")
_CONNECTIVE_RE = re.compile(r"^(?:根据|按照|依据|依照|参照|经)")

_SYSTEM_RE = re.compile(r"[“\"「『](?P<s>[^”\"」』]{2,40}?(?:系统|平台|网站|管理平台))[”\"」』]")

_NEW_END_RE = re.compile(r"(?:延长|延期|推迟|顺延|调整)(?:至|到)\s*")
_OLD_FROM_RE = re.compile(r"由\s*$")
_OLD_LABEL_RE = re.compile(r"原定[^，。；\n]{0,12}?$")

_OBJECTION_DAYS_RE = re.compile(
    r"公示(?:期|时间)[^。；\n]{0,12}?(?<![月\d])(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*个?\s*"
    r"(?P<unit>工作日|天|日)(?!\s*[至到—\-])"
)
_OBJECTION_LABEL_RE = re.compile(r"公示(?:期|时间)")


@dataclass(frozen=True)
class Found:
    """One lifecycle value of a notice, with where it was read (``source`` "title" or "body")."""

    kind: str  # "call", "extension", "shortlist", "final"
    values: dict[str, object]
    source: str
    span: tuple[int, int]
    rule: str
    text: str


def notice_kind(title: str, body: str) -> str | None:
    """The lifecycle kind the title announces, or None for a notice outside any call."""
    if _EXTENSION_TITLE_RE.search(title) and re.search(r"申报|截止|受理", title):
        return "extension"
    if _SHORTLIST_TITLE_RE.search(title):
        return "shortlist" if _SHORTLIST_ITEMS_RE.search(title + body[:300]) else None
    if _FINAL_TITLE_RE.search(title):
        return "final"
    if _CALL_TITLE_RE.search(title) and not _NOT_CALL_TITLE_RE.search(title):
        return "call"
    return None


def cited_call(body: str) -> str | None:
    """The call a follow-up notice names: its first 《…通知》 title, else a 文号 in the text."""
    m = _CITED_RE.search(body)
    if m:
        return m["t"]
    for found in iter_doc_numbers(body):
        # "根据杭科高〔2026〕50号文件": the connective is not part of the number
        return _CONNECTIVE_RE.sub("", found.normalised)
    return None


def _system(body: str) -> str | None:
    m = _SYSTEM_RE.search(body)
    return m["s"] if m else None


def _call_values(end: End | None, ends: int, system: str | None) -> dict[str, object]:
    when = end.end if end else None
    return {
        "apply_start": end.start.value if end and end.start else None,
        "apply_end": when.value if when else None,
        "precision": end.precision if end else None,
        # A stage only means something when the call names more than one deadline.
        "stage": end.stage if end and ends > 1 else None,
        "year_inferred": when.year_inferred if when else None,
        "system": system,
    }


def find_call(body: str, pub: dt.date | None) -> list[Found]:
    """One value per deadline of a call (two for a two-stage call); one without an end if none."""
    ends = find_ends(body, pub)
    system = _system(body)
    if not ends:
        later = find_later_notice(body)
        if later is not None:
            return [Found("call", _call_values(later, 1, system), "body", later.span, later.rule, later.text)]
        return [Found("call", _call_values(None, 0, system), "body", (0, 0), "call.no_deadline", "")]
    # The same end stated twice (a heading and a sentence) is one deadline, not two.
    unique, seen = [], set()
    for e in ends:
        key = (e.end.value if e.end else None, e.precision, e.stage)
        if key not in seen:
            seen.add(key)
            unique.append(e)
    stages = {e.stage for e in unique}
    return [Found("call", _call_values(e, len(stages), system), "body", e.span, e.rule, e.text) for e in unique]


def _extension_ends(body: str, pub: dt.date | None) -> tuple[When, When | None, tuple[int, int]] | None:
    whens = iter_whens(body, pub)
    for i, (m, when) in enumerate(whens):
        lead = _NEW_END_RE.search(body, max(0, m.start() - 6), m.start())
        if lead is None or lead.end() != m.start():
            continue
        old = None
        for pm, prev in reversed(whens[:i]):
            before = body[max(0, pm.start() - 20) : pm.start()]
            if _OLD_FROM_RE.search(before) or _OLD_LABEL_RE.search(before):
                old = prev
                break
        new = when
        if old is not None and when.year_inferred and old.date > when.date:
            # 由12月20日延长至1月5日: the new end is in the next year, not before the old one.
            again = parse_when(m, None, old.date.year + 1)
            new = again or when
        return new, old, ((old.span[0] if old else lead.start()), new.span[1])
    return None


def find_extension(body: str, pub: dt.date | None) -> list[Found]:
    got = _extension_ends(body, pub)
    if got is None:
        return []
    new, old, span = got
    values: dict[str, object] = {"old_end": old.value if old else None, "new_end": new.value,
                                 "precision": new.precision, "year_inferred": new.year_inferred,
                                 "call_ref": cited_call(body)}
    return [Found("extension", values, "body", span, "extension.moved_to", body[span[0] : span[1]])]


def _objection_window(body: str, pub: dt.date | None) -> tuple[dict[str, object], tuple[int, int]] | None:
    label = _OBJECTION_LABEL_RE.search(body)
    if label is None:
        return None
    clause_end = re.compile(r"[。；\n]").search(body, label.end())
    stop = clause_end.start() if clause_end else len(body)
    values: dict[str, object] = {"objection_start": None, "objection_end": None, "objection_days": None,
                                 "working_days": False}
    days = _OBJECTION_DAYS_RE.search(body, label.start(), stop)
    if days:
        n = days["n"]
        values["objection_days"] = int(n) if n.isdigit() else cn_small(n)
        values["working_days"] = days["unit"] == "工作日"
    start_m = WHEN_RE.search(body, label.end(), stop)
    if start_m:
        start = parse_when(start_m, pub)
        sep = re.match(r"\s*(?:至|到|—|－|-|~|～|——)\s*", body[start_m.end() :])
        end_m = WHEN_RE.match(body, start_m.end() + sep.end()) if sep else None
        end = parse_when(end_m, pub, start.date.year) if end_m and start else None
        if start and end:
            values["objection_start"], values["objection_end"] = start.value, end.value
    return values, (label.start(), stop)


def find_shortlist(body: str, pub: dt.date | None) -> list[Found]:
    window = _objection_window(body, pub)
    values: dict[str, object] = dict(window[0]) if window else {
        "objection_start": None, "objection_end": None, "objection_days": None, "working_days": False}
    span = window[1] if window else (0, 0)
    values["call_ref"] = cited_call(body)
    rule = "shortlist.window" if window else "shortlist.title"
    return [Found("shortlist", values, "body", span, rule, body[span[0] : span[1]])]


def find_final_list(title: str, body: str) -> list[Found]:
    m = _FINAL_TITLE_RE.search(title)
    if m is None:
        return []
    kind = m["kind"] or m["kind2"]
    if kind not in LIST_KINDS:  # the pattern and the vocabulary must agree
        return []
    span = m.span("kind") if m["kind"] else m.span("kind2")
    return [Found("final", {"list_kind": kind, "call_ref": cited_call(body)}, "title", span,
                  "final.title", title)]


def find_lifecycle(title: str, body: str, pub: dt.date | None) -> list[Found]:
    """The lifecycle values of one notice (empty when it is no part of a call)."""
    kind = notice_kind(title, body)
    if kind == "call":
        return find_call(body, pub)
    if kind == "extension":
        return find_extension(body, pub)
    if kind == "shortlist":
        return find_shortlist(body, pub)
    if kind == "final":
        return find_final_list(title, body)
    return []


_TITLE_TOPIC_RE = re.compile(r"^(?:组织|开展|做好|预发布|预通知|预告|发布|公布|下达|公示|延长|调整|征集|申报|印发)+")
_KEY_CITY_RE = re.compile(r"(?:(?<=年度)|(?<=\d年))(?!度)[\u4e00-\u9fff]{2,3}?[市省](?!场)")
_TITLE_TAIL_RE = re.compile(r"项目|专项|申报|拟|立项|认定|名单|的通知|的公示|延期|截止|工作|指南|资金")


def programme_key(title: str) -> str | None:
    """What a call and its follow-ups share in their titles, e.g. ``2026年度杭州市人工智能重大科技创新``:
    the part after 关于, without the action (组织申报, 公示, 延长…) and the tail (项目…的通知).
    None when too little is left to tell two programmes apart."""
    core = title.rpartition("关于")[2] if "关于" in title else title
    core = _TITLE_TOPIC_RE.sub("", core.strip())
    core = _TITLE_TAIL_RE.split(core, maxsplit=1)[0].strip(" 　“”\"")
    # "2027年度天津市人工智能…" and "2027年度人工智能…": the issuer's city is often left out.
    core = _KEY_CITY_RE.sub("", core)
    return core if len(core) >= 8 else None
