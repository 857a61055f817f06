"""文号 (document number) detection and normalisation.

Tolerates ``〔〕 [] ［］ () 【】 ﹝﹞ 〖〗`` (full-width forms are folded before matching), ``〔2026〕第11号``, and
reposts that lost a bracket: ``国科函规〔2019184号`` and ``深府〔201929`` both normalise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = "〔[(【﹝［（〖"
_CLOSE = "〕])】﹞］）〗"

# The issuing-body prefix (京政发, 国科函规, 沪经信法, 工信部科...) must start right after a
# non-CJK character (line start, bracket, colon, space): that keeps the sentence around a
# number out of the prefix. Lookbehind also stops a match starting mid-word.
DOCNUM_RE = re.compile(
    r"(?<![\u4e00-\u9fff])"
    r"(?P<prefix>[\u4e00-\u9fff]{1,10}?)\s*"
    r"(?P<open>[" + re.escape(_OPEN) + r"])?\s*"
    r"(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[" + re.escape(_CLOSE) + r"])?\s*"
    r"(?P<di>第)?\s*"  # 宜科发〔2026〕第11号 (after a closing bracket only, see _valid)
    r"(?P<num>\d{1,4})(?!\d)\s*"
    r"(?P<hao>号)?"
)

# Words that show the "prefix" is prose, not an agency abbreviation.
_BAD_PREFIX_RE = re.compile(r"[的年月日为是在和于至到从第共约达]|关于|通知|计划|方案|办法|规划|意见|索引")
# …except a department's abbreviation inside an agency prefix of 4+ characters that ends in a number
# series (函, 发, 字, 办, 便函): 国卫规划函, 国卫规划发, 某计划发 (issue 15). Prose ends in the document
# type itself (…发展规划〔…〕) or goes on past it.
_DEPT_PREFIX_RE = re.compile(r"^[\u4e00-\u9fff]{1,4}(?:规划|计划|方案|办法)[\u4e00-\u9fff]{0,2}(?:便函|函|发|字|办)$")


def _bad_prefix(prefix: str) -> bool:
    if not _BAD_PREFIX_RE.search(prefix):
        return False
    if _DEPT_PREFIX_RE.match(prefix):
        rest = re.sub(r"规划|计划|方案|办法", "", prefix)
        return bool(_BAD_PREFIX_RE.search(rest))
    return True


# A number glued to the title it belongs to: "…的通知国科发规〔2019〕298号". The prose ends
# at one of these document-type words; what follows it is the issuing-body prefix.
_GLUE_END_RE = re.compile(r"(?:通知|的函|意见|批复|决定|公告|通告|办法|细则|方案|规划|计划|[》”\"])")
_GLUED_RE = re.compile(
    r"(?P<lead>[\u4e00-\u9fff》”\"]{3,16})\s*[" + re.escape(_OPEN) + r"]\s*(?P<year>(?:19|20)\d{2})\s*["
    + re.escape(_CLOSE) + r"]\s*(?P<num>\d{1,4})\s*号"
)


@dataclass(frozen=True)
class DocNumber:
    normalised: str
    span: tuple[int, int]
    glued: bool = False  # found right after prose without a separator


def _valid(m: re.Match[str]) -> bool:
    if _bad_prefix(m.group("prefix")):
        return False
    has_open, has_close, has_hao = bool(m.group("open")), bool(m.group("close")), bool(m.group("hao"))
    if m.group("di") and not (has_close and has_hao):
        return False
    if not (has_open or has_close):
        return False  # a bare "2019 35号" is too weak
    if not has_close and not has_hao:
        # "深府〔201929": accept only when nothing date-like follows
        tail = m.string[m.end() : m.end() + 1]
        if tail and tail in "年月日-/.":
            return False
    if has_open and has_close and not has_hao:
        tail = m.string[m.end() : m.end() + 1]
        if tail and tail in "年月日-/.%":
            return False
    return True


def iter_doc_numbers(text: str) -> list[DocNumber]:
    """All plausible document numbers in ``text`` (already normalised), in order."""
    found: list[DocNumber] = []
    for m in DOCNUM_RE.finditer(text):
        if _valid(m):
            norm = f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('num'))}号"
            found.append(DocNumber(norm, (m.start(), m.end())))
    if "号" in text:
        taken = [d.span for d in found]
        for g in _glued(text):
            if not any(a < g.span[1] and g.span[0] < b for a, b in taken):
                found.append(g)
        found.sort(key=lambda d: d.span)
    return found


def _glued(text: str) -> list[DocNumber]:
    """``的通知国科发规〔2019〕298号``: cut the prefix after the last document-type word.

    Only the complete form (both brackets and 号) is trusted when glued to prose.
    """
    out = []
    for m in _GLUED_RE.finditer(text):
        ends = list(_GLUE_END_RE.finditer(m["lead"]))
        if not ends:
            continue
        rest = m["lead"][ends[-1].end() :]
        if not 2 <= len(rest) <= 8 or _bad_prefix(rest):
            continue
        start = m.start("lead") + ends[-1].end()
        out.append(DocNumber(f"{rest}〔{m['year']}〕{int(m['num'])}号", (start, m.end()), glued=True))
    return out


def parse_doc_number(value: str) -> DocNumber | None:
    """The first document number in a labelled value (metadata)."""
    found = iter_doc_numbers(value)
    return found[0] if found else None


# A ministry order has no year bracket: 科学技术部令第19号 (kept as written, digits ASCII). Some ministries
# number their orders per year, printed between 令 and 第: 商务部令2025年第3号, 中国人民银行令〔2021〕第3号.
# An announcement is numbered the same way (国家知识产权局公告第六二三号, 海关总署公告2024年第1号), and so is
# read by the same rules: its heading, then the number on the next line.
_ORDER_KIND = r"(?:令|公告)"
# Words of prose, never of an issuing body's name, before 令 / 公告 ("特此公告", "现予公告", "关于…的公告").
_PROSE_PREFIX_RE = re.compile(r"的|关于|通知|特此|现予|予以|现将|如下")
_ORDER_NUM = r"\d{1,4}|[〇零一二三四五六七八九十百]{1,6}"
_ORDER_YEAR = r"(?P<year>(?:19|20)\d{2}[ \t]*年|[〔\[［(（][ \t]*(?:19|20)\d{2}[ \t]*[〕\]］)）])?"
_ORDER_RE = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<prefix>[\u4e00-\u9fff]{1,20}" + _ORDER_KIND + r")\s*" + _ORDER_YEAR
    + r"\s*[（(]?\s*第\s*(?P<num>" + _ORDER_NUM + r")\s*号"
)
# A whole value that is one order number: the parentheses of "《…》（住房和城乡建设部令第51号）同时废止", where a
# ministry name's 和 (refused in free text, where it joins two names) is part of the name.
_WHOLE_ORDER_RE = re.compile(
    r"^\s*(?:中华人民共和国)?(?P<prefix>[\u4e00-\u9fff]{1,20}?" + _ORDER_KIND + r")\s*" + _ORDER_YEAR
    + r"\s*[（(]?\s*第\s*(?P<num>" + _ORDER_NUM + r")\s*号\s*[)）]?\s*$"
)


def order_year(raw: str | None) -> str:
    """The year part of an order number as it is written in the normalised form: ``2025年`` or ``〔2021〕``."""
    digits = re.sub(r"\D", "", raw or "")
    if not digits:
        return ""
    return f"{digits}年" if "年" in (raw or "") else f"〔{digits}〕"


# An order or announcement number inside a sentence or a list item ("（2006年12月18日水利部令第30号发布）",
# "（国土资源部令第16号）"): the name starts after a non-Chinese character or a date's 年 / 日, never with
# them, and is no prose (_PROSE_PREFIX_RE, 根据 / 依据 …).
_ORDER_IN_TEXT_RE = re.compile(
    r"(?:(?<=[^\u4e00-\u9fff])|(?<=[年日])|^)(?![年月日])(?:中华人民共和国)?(?P<prefix>[\u4e00-\u9fff]{2,20}?"
    + _ORDER_KIND + r")[ \t]*" + _ORDER_YEAR + r"[ \t]*第[ \t]*(?P<num>" + _ORDER_NUM + r")[ \t]*号"
)


def iter_order_numbers(text: str) -> list[DocNumber]:
    """Every order / announcement number written in ``text`` (citations included: the caller knows
    whether the text lists what is repealed)."""
    out: list[DocNumber] = []
    for m in _ORDER_IN_TEXT_RE.finditer(text):
        if _PROSE_PREFIX_RE.search(m["prefix"]) or re.search(r"根据|依据|按照|公布|发布|印发", m["prefix"]):
            continue
        out.append(DocNumber(f"{m['prefix']}{order_year(m['year'])}第{_num(m['num'])}号", m.span()))
    return out


def _num(raw: str) -> str:
    """An order's number as the normalised form writes it: ASCII digits without zeros, numerals as printed."""
    return str(int(raw)) if raw.isdigit() else raw


def whole_order_number(value: str) -> DocNumber | None:
    """``住房和城乡建设部令第51号`` when ``value`` is that number and nothing else."""
    m = _WHOLE_ORDER_RE.match(value)
    if not m or re.search(r"的|关于|通知|根据|依据", m["prefix"]):
        return None
    return DocNumber(f"{m['prefix']}{order_year(m['year'])}第{_num(m['num'])}号", (m.start("prefix"), m.end()))


def parse_order_number(value: str) -> DocNumber | None:
    """``科学技术部令第19号`` in a labelled value (metadata only: in prose 令 is too common)."""
    m = _ORDER_RE.search(value)
    if not m or _BAD_PREFIX_RE.search(m["prefix"]):
        return None
    return DocNumber(f"{m['prefix']}{order_year(m['year'])}第{_num(m['num'])}号", (m.start(), m.end()))


# The head of a promulgated order: "中华人民共和国国务院令\n第812号", "中华人民共和国主席令（第四十三号）".
# Only as the body's first lines (a "…令第195号公布" in prose is a citation of another order).
_ORDER_HEAD_RE = re.compile(
    r"\A\s*(?:中华人民共和国)?(?P<prefix>[\u4e00-\u9fff]{1,20}?" + _ORDER_KIND + r")\s*" + _ORDER_YEAR
    + r"\s*[（(]?\s*第\s*"
    r"(?P<num>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})\s*号\s*[)）]?\s*(?:\n|\Z)"
)
_NATION = "中华人民共和国"


def order_in_head(head: str) -> DocNumber | None:
    """An order's own number from the lines that open its text: ``国务院令第812号``, ``主席令第四十三号``.

    ``中华人民共和国`` is dropped (the number is cited without it); Chinese numerals stay as printed."""
    m = _ORDER_HEAD_RE.match(head)
    # Anchored at the text's first line, so only prose words rule a prefix out (国家发展和改革委员会令
    # has the 和 that _BAD_PREFIX_RE refuses in free text).
    if not m or _PROSE_PREFIX_RE.search(m["prefix"]):
        return None
    num = str(int(m["num"])) if m["num"].isdigit() else m["num"]
    return DocNumber(f"{m['prefix']}{order_year(m['year'])}第{num}号", (m.start("prefix"), m.end("num") + 1))


# An order's number under a news head (a repost: byline, dateline, then the order): the heading
# ``中华人民共和国国务院令`` on its own line and ``第815号`` on the next, or ``国务院令第815号`` /
# ``（国务院令第815号）`` alone on a line. Only whole lines: an order cited in prose (``…令第51号公布的《…》``,
# ``《…》（国务院令第700号）``) never stands alone on its line.
_ORDER_LINES_RE = re.compile(
    r"^[ \t\u3000]*[（(]?[ \t]*(?:中华人民共和国)?(?P<prefix>[\u4e00-\u9fff]{1,20}?" + _ORDER_KIND + r")[ \t]*"
    r"(?:\n[ \t\u3000]*)?" + _ORDER_YEAR + r"[ \t]*[（(]?[ \t]*"
    r"第[ \t]*(?P<num>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})[ \t]*号[ \t]*[)）]?[ \t\u3000]*$",
    re.M,
)
# News phrasing of the same: "国务院总理李强日前签署第815号国务院令，公布《…》".
_SIGNED_ORDER_RE = re.compile(
    r"签署(?:了)?(?:中华人民共和国)?第(?P<num>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})号(?:中华人民共和国)?"
    r"(?P<prefix>[\u4e00-\u9fff]{1,12}?令)"
)
# A title that is the order's heading alone: "中华人民共和国国务院令" (its number then opens a body line).
_ORDER_TITLE_RE = re.compile(r"^\s*(?:中华人民共和国)?(?P<prefix>[\u4e00-\u9fff]{1,20}?" + _ORDER_KIND + r")\s*$")
_NUMBER_LINE_RE = re.compile(
    r"^[ \t\u3000]*[（(]?[ \t]*" + _ORDER_YEAR
    + r"[ \t]*第[ \t]*(?P<num>\d{1,4}|[〇零一二三四五六七八九十百]{1,6})[ \t]*号"
    r"[ \t]*[)）]?[ \t\u3000]*$",
    re.M,
)


def _order(prefix: str, num: str, span: tuple[int, int], year: str | None = None) -> DocNumber | None:
    if _PROSE_PREFIX_RE.search(prefix) or re.search(r"公布|签署", prefix):
        return None
    return DocNumber(f"{prefix}{order_year(year)}第{str(int(num)) if num.isdigit() else num}号", span)


def order_in_lines(head: str, title: str = "") -> DocNumber | None:
    """An order's own number on a line of its own in the first lines of a repost (see _ORDER_LINES_RE),
    under a title that is the order's heading, or in a news lead's ``签署第815号国务院令``."""
    m = _ORDER_LINES_RE.search(head)
    if m:
        return _order(m["prefix"], m["num"], m.span(), m["year"])
    t = _ORDER_TITLE_RE.match(title)
    n = _NUMBER_LINE_RE.search(head) if t else None
    if t and n:
        return _order(t["prefix"], n["num"], n.span(), n["year"])
    s = _SIGNED_ORDER_RE.search(head)
    if s:
        return _order(s["prefix"], s["num"], s.span())
    return None


# A normalised order number: 国务院令第812号, 商务部令2025年第3号, 中国人民银行令〔2021〕第3号.
ORDER_NUMBER_RE = re.compile(r"^(?:中华人民共和国)?(?P<org>[\u4e00-\u9fff]{2,20}?)(?:令|公告)(?:\d{4}年|〔\d{4}〕)?第")


def order_issuer(number: str) -> str | None:
    """The body an order number names: 国务院令 → 国务院, 主席令 → 中华人民共和国主席."""
    m = ORDER_NUMBER_RE.match(number)
    if not m:
        return None
    return _NATION + "主席" if m["org"] == "主席" else m["org"]


def normalise_doc_number(value: str) -> str | None:
    """Normalised form of a raw number string, or None if it is not one."""
    from .script import normalise

    got = parse_doc_number(normalise(value))
    return got.normalised if got else None


_CITATION_BEFORE = set("(（《》〈〉“\"'‘、,，及和与")


def is_own_number_position(text: str, start: int) -> bool:
    """True when a number stands alone (line start, after a label or space), not as a citation.

    Citations look like ``《…》（国发〔2017〕35号）``; the document's own number sits on its
    own line in the head or follows a label such as ``发文字号：``.
    """
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n\r|":
        return True
    if text[i] in _CITATION_BEFORE:
        return False
    if text[i] in ":：":
        return True
    # Wikisource-style head: "…的函 国科函规〔2019〕183号 2019年10月17日"
    return i < start - 1
