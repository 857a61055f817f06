"""The document's own title on a page of an unknown template (issue 15).

Candidates, best first: the ArticleTitle / og:title / title metas and the metadata table's title cell
(each without a site name glued to it), a heading that agrees with ``<title>``, ``<title>`` without
its site and column names, the first heading, the last short block before the main text, and
``<title>`` as served. A candidate that is only a name (the site's, or any organisation's: a logo
heading), a date or a truncated ``<title>`` never wins. ``TitleChoice.candidates`` says why each
one lost: ``parse --explain`` prints it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from parsel import Selector

from parsers.generic import BLOCKS, SKIP_TAGS, TITLE_CLASS_RE, classes, inside_chrome_or_link, is_chrome
from parsers.page import clean

# Separators between a title and its site / column names: " - ", "_", "｜", "－", "--", " > " (a
# breadcrumb), ":::"; a hyphen without spaces is part of the title ("2026-2030年").
_SEP_RE = re.compile(r"\s+[-–—|｜:：]+\s+|\s*(?:[_｜|－—–>»›]|--|:::)\s*")
_ORG_END_RE = re.compile(
    r"(?:网|网站|门户|政府|人民政府|局|厅|委员会|委|部|办公室|办公厅|中心|管委会|管理委员会|在线|资讯)$"
)
_DOC_WORD_RE = re.compile(r"关于|通知|公告|通告|意见|办法|方案|规划|决定|批复|的|[《》]")
_TRUNCATED_RE = re.compile(r"(?:\.{3}|…+|。。。)\s*$")
_DATE_ONLY_RE = re.compile(
    r"^[\[【(（]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]?$"
)
_TITLE_LABEL_RE = re.compile(r"^\s*(?:标\s*题|名\s*称|文件名称|公文名称|文件标题)\s*[:：]?\s*$")
_NOT_TITLE_RE = re.compile(r"^(?:当前位置|您的位置|首页|发布时间|发布日期|来源|信息来源|日期|索引号|\[)|[:：]\s*$")
# A metadata cell or byline line, "索引号：…", "有效性：有效", "来源：…", "发布时间：…": a label of a few
# characters and its value. Only a title label (名称 / 标题 / 文件名称) introduces a title.
_LABELLED_RE = re.compile(
    r"^\s*[【\[]?\s*(?P<label>[\u4e00-\u9fff](?:[\u4e00-\u9fff\s]{0,10}[\u4e00-\u9fff])?)\s*(?:[】\]]\s*[:：]?|[:：])"
)
_TITLE_LABEL_WORD_RE = re.compile(r"^(?:标题|名称|文件名称|公文名称|文件标题|题目)$")
# What a metadata / byline label reads like: a headline's speaker ("科技部：支持…") is not one.
_META_LABEL_RE = re.compile(
    r"(?:号|日期|时间|日|机构|机关|部门|分类|类别|来源|出处|方式|范围|时限|性|状态|次数|点击|单位|作者|编辑|责编|撰稿|摄影|"
    r"关键词|主题词|字号|字体|浏览|阅读|访问量)$"
)
# A line that is only a document number (洪科字〔2026〕15号, 第125号): the number under a heading. An
# order's whole number (国务院令第812号) is its title, so it is not one of these.
_NUMBER_LINE_RE = re.compile(
    r"^[（(]?\s*(?:[\u4e00-\u9fff]{1,12}\s*[〔\[(（【﹝［]\s*(?:19|20)\d{2}\s*[〕\])）】﹞］]\s*第?\s*\d{1,4}\s*号"
    r"|第\s*[\d〇零一二三四五六七八九十百]{1,6}\s*号)\s*[)）]?$"
)
# Under a heading that is not the order's (the rule's name), the order's heading and number on one line is
# the page's number: 中国民用航空局令（第十二号）. (As a title candidate it is a title: an order's own page.)
_ORDER_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,20}(?:令|公告)\s*[（(]?\s*第\s*[\d〇零一二三四五六七八九十百]{1,6}\s*号\s*[)）]?$"
)
_ORDER_HEADING_RE = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{1,20}令$")
# "第182号", "（第五十一号）", and with the year some ministries number by: "〔2025〕第5号", "2025年第3号"
_ORDER_NUMBER_RE = re.compile(
    r"^[（(]?\s*(?:(?:19|20)\d{2}\s*年|[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）])?\s*第\s*[\d〇零一二三四五六七八九十百]{1,6}\s*号"
    r"\s*[)）]?$"
)
# A site's column (栏目) as <title> shows it beside the site name: never the document's title.
_COLUMN_RE = re.compile(r"(?:公开|信息|动态|要闻|新闻|公告|文件|专栏|专题|目录|资讯|概况|频道)$")
_HEAD_NAME_RE = re.compile(r"(?:^|[-_\s])(?:head|header|top|bar)(?:$|[-_\s\d])", re.I)
# a line break of the HTML source inside a heading, between two Chinese characters: not a space
_WRAPPED_RE = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]*\n\s*(?=[\u4e00-\u9fff])")
_TITLE_METAS = ("title", "Title", "dc.title", "DC.Title", "twitter:title")


@dataclass(frozen=True)
class TitleChoice:
    title: str
    rule: str
    # every candidate looked at, with why it lost: what ``parse --explain`` shows
    candidates: tuple[tuple[str, str, str], ...]  # (rule, text, verdict)


def site_names(sel: Selector, meta: dict[str, str]) -> set[str]:
    """What the page says its site is called: SiteName / og:site_name, the footer's 主办 / 版权所有,
    and a ``<title>`` that is nothing but an organisation's name."""
    names = {meta.get("SiteName", "")}
    og = sel.xpath("//meta[@property='og:site_name']/@content").get()
    names.add(clean(og))
    for text in sel.xpath("//body//text()").getall():
        for m in re.finditer(r"(?:主办单位|主办|版权所有|Copyright)\s*(?:©|\(c\)|（c）)?\s*[:：]?\s*(?:©|\(c\))?\s*"
                             r"(?:(?:19|20)\d{2}(?:\s*-\s*(?:19|20)\d{2})?\s*)?([\u4e00-\u9fff]{3,30})", text, re.I):
            names.add(m.group(1))
    raw = clean(sel.css("title::text").get())
    if is_org_name(raw):
        names.add(raw)
    return {n for n in names if n}


def is_org_name(text: str) -> bool:
    """A short name ending like an organisation or a site (某某市科技局, 某某市人民政府门户网站),
    with no word a document title has."""
    return 3 <= len(text) <= 20 and bool(_ORG_END_RE.search(text)) and not _DOC_WORD_RE.search(text) \
        and not _SEP_RE.search(text)


def strip_site(title: str, sites: set[str]) -> str:
    """``<title>`` without the site name (and column) glued to either end by a separator."""
    for site in sorted(sites, key=len, reverse=True):
        # "某某市科学技术局 关于…的通知", "某某市科学技术局-关于…": the exact site name set off by a
        # space or a bare hyphen (which inside a title is a range, "2026-2030年")
        glued = re.match(re.escape(site) + r"\s*[-–]?\s*", title) if len(site) >= 4 else None
        if glued and glued.end() > len(site) and len(title) > 2 * len(site) \
                and not _joint_issuers(site, title[glued.end():], title[len(site):glued.end()]):
            title = title[glued.end():]
        tail = re.search(r"\s*[-–]?\s*" + re.escape(site) + "$", title) if len(site) >= 4 else None
        if tail and tail.start() < len(title) - len(site) and len(title) > 2 * len(site):
            title = title[: tail.start()]
    title = title.strip(" -–—|｜_:：>»")
    # "——" (a pair) opens a subtitle inside the title, never a site name
    parts = [p.replace("\0", "——") for p in _SEP_RE.split(title.replace("——", "\0")) if p.strip()]
    if len(parts) < 2:
        return title
    # The document's own title is the longest part that is not a site or organisation name; a part
    # is site chrome when it is (in) a site name or reads like an organisation / column name and is
    # much shorter than the title part.
    own = [p for p in parts if not any(p.strip() in s for s in sites) and not is_org_name(p.strip())]
    longest = max(own or parts, key=len)
    if len(parts) >= 3 and own:
        return longest.strip()  # title, column, site: one part is the document's
    keep = [p for p in parts if p is longest or not _is_site_part(p, sites, len(longest))]
    return " ".join(keep) if len(keep) < len(parts) else title


# The first of a joint title's issuers ("广东省科学技术厅 广东省财政厅关于…"): another body's name, then
# (more names and) 关于 / 联合.
_NEXT_ISSUER_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,24}?(?:人民政府|政府|管理委员会|委员会|管委会|办公厅|办公室|局|厅|委|部|署|院|中心))"
    r"(?=[\s、]|关于|联合)"
)


def _joint_issuers(site: str, rest: str, separator: str) -> bool:
    """The site's own name opens a joint title, set off by a space from the next issuer: it is the
    first issuer, not the site name glued in front (which a hyphen, or the same name again, shows)."""
    nxt = _NEXT_ISSUER_RE.match(rest)
    return not separator.strip() and nxt is not None and nxt.group(1) != site and "关于" in rest[:80]


def _is_site_part(part: str, sites: set[str], longest: int) -> bool:
    p = part.strip()
    if any(p == s or p in s or s in p for s in sites) or is_org_name(p):
        return True
    return len(p) <= 16 and len(p) * 2 < longest and (bool(_ORG_END_RE.search(p)) or len(p) <= 8)


def _title_cell(sel: Selector) -> str:
    for el in sel.root.iter("td", "th", "span", "label", "dt", "b", "strong"):
        if _TITLE_LABEL_RE.match(clean("".join(el.itertext()))):
            nxt = el.getnext()
            if el.tag in ("b", "strong") and el.getparent() is not None:
                nxt = el.getparent().getnext()
            if nxt is not None:
                value = clean("".join(nxt.itertext()))
                if len(value) >= 4:
                    return value
    return ""


def _headings(sel: Selector, main: Any | None) -> list[str]:
    """Heading-like elements (h1-h4, title-ish classes) in document order, before the main text; those
    in a block named like the page's head ("detail-top", "m-head") come after the others."""
    out: list[str] = []
    in_head: list[str] = []
    for el in sel.root.iter():
        if el is main:
            break
        if not isinstance(el.tag, str):
            continue
        named = el.tag not in ("h1", "h2", "h3", "h4") and TITLE_CLASS_RE.search(classes(el))
        if named and any(isinstance(d.tag, str) and d.tag in BLOCKS and d.tag != "br" for d in el.iterdescendants()):
            continue  # a "title" box around the heading and its byline: the heading inside is the title
        if el.tag not in ("h1", "h2", "h3", "h4") and not named:
            continue
        where = _placement(el)
        text = clean(_WRAPPED_RE.sub("", "".join(el.itertext())))
        if where != "out" and 4 <= len(text) <= 200 and not _NOT_TITLE_RE.search(text) and not _is_line_under(text) \
                and not _heads_a_list(el, main):
            (in_head if where == "head" else out).append(text)
    return out + in_head


def _heads_a_list(el: Any, main: Any | None) -> bool:
    """The heading of a link list (a sidebar's 最新动态): its block holds mostly links, not the text."""
    parent = el.getparent()
    if parent is None or (main is not None and any(x is parent for x in main.iterancestors())):
        return False
    links = [a for a in parent.iter("a") if not any(x is el for x in a.iterancestors())]
    if len(links) < 3:
        return False
    # what is not link text is a date or a bullet per item, not paragraphs
    return len(_link_free_text(parent)) - len(clean("".join(el.itertext()))) < 25 * len(links)


def _placement(el: Any) -> str:
    """"out" inside a link or chrome, "head" inside a block only named like a page head, else "in"."""
    where = "in"
    node = el
    while node is not None:
        if node.tag == "a" or node.tag in ("nav", "footer"):
            return "out"
        if isinstance(node.tag, str) and is_chrome(node):
            if not _HEAD_NAME_RE.search(classes(node)):
                return "out"
            where = "head"
        node = node.getparent()
    return where


def _link_free_text(el: Any) -> str:
    return clean("".join(t for t in el.xpath(".//text()[not(ancestor::a)]") if isinstance(t, str)))


def _preceding_block(sel: Selector, main: Any | None) -> str:
    """The last short, non-label block before the main text: a title in an unnamed <font> or <td>."""
    last = ""
    around = set(main.iterancestors()) if main is not None else set()  # the text's wrappers hold it
    for el in sel.root.iter():
        if el is main:
            break
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or el.tag in ("html", "body", "table", "tr") \
                or el in around or inside_chrome_or_link(el):
            continue
        text = _link_free_text(el)
        if 6 <= len(text) <= 150 and not _NOT_TITLE_RE.search(text) and not re.search(r"[:：]", text[:8]) \
                and not _is_date(text) and not any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el) \
                and not _is_line_under(text) and _CJK_RE.search(text) and not _is_grid_value(el):
            last = text
    return last


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


# A news story's lead, never its headline: the 电头 (新华社北京9月5日电), "记者从科技部获悉，", or any
# whole sentence (a headline never ends in 。).
# 电 ends the 电头 only before a space, a bracket, a dash or 记者 (a title's "7月1日电价调整" goes on).
_LEAD_RE = re.compile(r"^[^，。]{0,16}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*电(?:\s|[（(—-]|记者|$)|获悉\s*[，,]|。\s*$")


def is_lead_sentence(text: str) -> bool:
    return bool(_LEAD_RE.search(text))


# A byline opening with its date: "2026年9月23日  来源：…", "2026-09-23 10:00 来源：…", "[2026/09/23]"
_LEADING_DATE_RE = re.compile(
    r"^\s*[\[【(（]?\s*(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?\s*[\]】)）]?[\s|｜/]*"
)


def is_byline(text: str) -> bool:
    """A line made only of dates / times and ``label：value`` segments (来源 / 作者 / 发布 / 浏览 /
    字号…), opening with a date: ``2026年9月23日　来源：某区融媒体中心``. Never a title."""
    t = unicodedata.normalize("NFKC", text)
    m = _LEADING_DATE_RE.match(t)
    if not m or m.end() == 0:
        return False
    rest = t[m.end():].strip()
    return not rest or is_labelled_line(rest)


def _is_line_under(text: str) -> bool:
    """A line set under a heading that is never the title: a labelled metadata cell or byline
    (``有效性：有效``, ``来源：…``, ``2026-09-23 来源：…``), a document number alone, a news lead."""
    return is_labelled_line(text) or is_byline(text) \
        or bool(_NUMBER_LINE_RE.match(unicodedata.normalize("NFKC", text))) or is_lead_sentence(text)


def _is_label(text: str) -> bool:
    """A metadata label alone: ``有效性：``, ``主题分类``, ``发 布 机 构`` (not a title label)."""
    bare = re.sub(r"\s+", "", text).rstrip(":：")
    return 1 < len(bare) <= 8 and bool(_META_LABEL_RE.search(bare)) and not _TITLE_LABEL_WORD_RE.match(bare) \
        and (text.rstrip()[-1:] in ":：" or len(bare) <= 6)


def _is_grid_value(el: Any) -> bool:
    """A value cell of a metadata grid: the element before it is its label (``<td>有效性：</td><td>有效</td>``,
    ``<span>主题分类</span><em>科技</em>``), or its row holds a label (``<tr><th>主题词</th><td>…</td>…``).
    Only the row: an old layout's title row shares its table with a byline row."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and _is_label(clean("".join(prev.itertext()))):
        return True
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is not None and not clean(el.text) and _is_label(clean("".join(first.itertext()))):
        return True  # the whole cell, label and value: <li><span>主题分类</span><em>科技</em></li>
    row = next((a for a in el.iterancestors() if a.tag in ("tr", "li", "dl")), None)
    return row is not None and _has_label(row, el)


def _has_label(row: Any, el: Any) -> bool:
    """Whether a cell of ``row`` other than ``el`` is a metadata label (bounded: a row is small)."""
    for cell in islice(row.iter("td", "th", "dt", "span", "label", "b", "strong"), 40):
        if cell is el or any(a is cell for a in el.iterancestors()):
            continue
        text = clean("".join(cell.itertext()))
        if len(text) <= 60 and (_is_label(text) or is_labelled_line(text)):
            return True
    return False


_EMPHASIS_RE = re.compile(r"text-align\s*:\s*center|font-weight\s*:\s*(?:bold|[6-9]00)|font-size", re.I)


def _emphasised_first_line(main: Any | None) -> str:
    """The text's first paragraph when it is set as a heading (bold, centred): the title inside the body.
    Lines set above it (a red-head 文号, a byline, a date) are passed over."""
    if main is None:
        return ""
    lines = (c for c in main if isinstance(c.tag, str) and c.tag not in SKIP_TAGS and clean("".join(c.itertext())))
    first = next((c for c in islice(lines, 4) if not _above_heading(clean("".join(c.itertext())))), None)
    if first is None:
        return ""
    text = clean("".join(first.itertext()))
    # a heading element (h1-h4, a title class) opening the text's own container: the grid before it is metadata
    emphasised = first.tag in ("center", "strong", "b", "h1", "h2", "h3", "h4") \
        or bool(TITLE_CLASS_RE.search(classes(first))) or _EMPHASIS_RE.search(first.get("style") or "") \
        or first.get("align") == "center" or any(d.tag in ("strong", "b") and clean("".join(d.itertext())) == text
                                                 for d in first.iterdescendants() if isinstance(d.tag, str))
    return text if emphasised and 6 <= len(text) <= 100 and not text.endswith(("：", ":")) \
        and not _is_line_under(text) else ""


def _above_heading(text: str) -> bool:
    """A line a text may open with before its heading: a byline, a document number, a date."""
    return (_is_line_under(text) and not is_lead_sentence(text)) or _is_date(text)


def _heading_atop_text(main: Any | None) -> str:
    """A heading element (h1-h4, a title class) opening the main text's own container: the page's
    heading when a metadata grid stands before the container (the grid's cells are not titles)."""
    if main is None:
        return ""
    # a bar of links ([打印] [关闭]) above the heading is no line of the text
    first = next((c for c in main if isinstance(c.tag, str) and c.tag not in SKIP_TAGS
                  and clean("".join(c.itertext())) and not _links_only(c)), None)
    if first is None or not (first.tag in ("h1", "h2", "h3", "h4") or TITLE_CLASS_RE.search(classes(first))):
        return ""
    text = clean(_WRAPPED_RE.sub("", "".join(first.itertext())))
    return text if 6 <= len(text) <= 200 and not _is_line_under(text) else ""


def _links_only(el: Any) -> bool:
    """Every word of ``el`` is inside a link (a tool bar, a breadcrumb of links)."""
    outside = [clean(el.text)] + [clean(d.tail) for d in el.iterdescendants()] + [
        clean(d.text) for d in el.iterdescendants() if isinstance(d.tag, str) and d.tag != "a"
        and not any(a.tag == "a" for a in d.iterancestors())]
    return not "".join(outside).strip("[]【】|｜ ")


def _order_number_after(sel: Selector, heading: str) -> str:
    """``第五十一号`` / ``（第125号）`` on the line after an order's heading (``中华人民共和国主席令``)."""
    found = False
    for el in sel.root.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        if not found:
            found = clean("".join(el.itertext())) == heading
            continue
        # the heading's own inline children come first; then the next line
        line = clean(el.text) if any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el) \
            else clean("".join(el.itertext()))
        if line and line != heading:
            return line if _ORDER_NUMBER_RE.match(unicodedata.normalize("NFKC", line)) else ""
    return ""


def number_under_heading(sel: Selector, main: Any | None, title: str) -> str:
    """A document number standing alone on the line after the document's heading (``洪科字〔2026〕15号``
    under a red heading, outside the text): the page's own 文号, as a labelled one would be."""
    found = False
    bylines = 0
    byline: Any | None = None
    for el in sel.root.iter():
        if el is main:
            return ""
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or inside_chrome_or_link(el):
            continue
        if not found:
            found = bool(title) and clean("".join(el.itertext())) == title
            continue
        if byline is not None and any(a is byline for a in el.iterancestors()):
            continue  # inside the byline just read (its date's <span>s)
        line = _visible_text(el)
        if line and line != title and not any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el):
            if (is_byline(line) or is_labelled_line(line)) and bylines < _BYLINES_OVER_NUMBER:
                bylines += 1  # "2025-07-08 来源：… 【字号 大 中 小】" between the heading and its number
                byline = el
                continue
            nfkc = unicodedata.normalize("NFKC", line)
            return line if _NUMBER_LINE_RE.match(nfkc) or _ORDER_LINE_RE.match(nfkc) else ""
    return ""


_BYLINES_OVER_NUMBER = 2


def _visible_text(el: Any) -> str:
    """``el``'s text without its scripts (a byline's ``浏览：<script>document.write(…)</script>``)."""
    parts = [el.text or ""]
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and d.tag not in SKIP_TAGS and not any(
                isinstance(a.tag, str) and a.tag in SKIP_TAGS for a in d.iterancestors() if a is not el):
            parts.append(d.text or "")
        parts.append(d.tail or "")
    return clean("".join(parts))


def _is_date(text: str) -> bool:
    return bool(_DATE_ONLY_RE.match(unicodedata.normalize("NFKC", text)))


def _agrees(heading: str, raw_title: str, stripped: str) -> bool:
    """A heading ``<title>`` confirms: it is in ``<title>``, or ``<title>`` is its cut-off start."""
    if heading in raw_title:
        return True
    cut = _TRUNCATED_RE.sub("", stripped)
    return cut != stripped and len(cut) >= 6 and heading.startswith(cut)


# "标题-沈阳市某区人民政府": the last part of <title> after a separator (a bare hyphen too)
_TAIL_PART_RE = re.compile(r"\s*[-_|｜–—－]+\s*([^-_|｜–—－]{2,30})$")


def _site_suffix(sel: Selector, raw_title: str, main: Any | None) -> str:
    """The ``<title>`` part after its last separator when it is an organisation's name or a text the
    page's chrome shows (a header banner, a footer line) outside the main text: the site's name."""
    m = _TAIL_PART_RE.search(raw_title)
    if not m or m.start() < 6:
        return ""
    part = m[1].strip()
    if len(part) * 2 > m.start() or _DOC_WORD_RE.search(part) or not _CJK_RE.match(part) or re.search(r"[\d)）]", part):
        # "某区政府--科技部关于…的函": the last part is the title, the site is in front; "（2026-2030年）
        # 实施办公室": the hyphen of a range
        return ""
    if is_org_name(part):
        return part
    inside = set(main.iter()) if main is not None else set()
    # one text node reading the part (bounded: an XPath over the text nodes, not every element's text)
    for t in sel.root.xpath("//body//text()[normalize-space(.)=$p]", p=part):
        el = t.getparent()
        if el is not None and el not in inside and el.tag not in SKIP_TAGS:
            return part
    return ""


def _emphasised_title_block(sel: Selector, raw_title: str) -> str:
    """A visually emphasised block (bold, a large font-size, centred: ``<p style="font-size:24px">``,
    ``<font size=5>``, ``<div align=center>``) whose text is ``<title>`` up to a separator: the heading."""
    for el in sel.root.iter("p", "div", "font", "center", "strong", "b", "td"):
        emphasised = el.tag in ("font", "center", "strong", "b") or bool(_EMPHASIS_RE.search(el.get("style") or "")) \
            or el.get("align") == "center"
        if not emphasised or any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el) or inside_chrome_or_link(el):
            continue
        text = clean(_WRAPPED_RE.sub("", "".join(t for t in el.itertext() if isinstance(t, str))))
        if 6 <= len(text) < len(raw_title) and raw_title.startswith(text) \
                and re.match(r"\s*[-_|｜–—－]", raw_title[len(text):]) and not _is_line_under(text):
            return text
    return ""


def choose_title(sel: Selector, meta: dict[str, str], main: Any | None) -> TitleChoice:
    """The document's own title; ``<title>`` is the last resort and never with the site name on it."""
    sites = site_names(sel, meta)
    raw_title = clean(sel.css("title::text").get())
    suffix = _site_suffix(sel, raw_title, main)
    if suffix:
        sites.add(suffix)
    stripped = strip_site(raw_title, sites)
    headings = [h for h in _headings(sel, main) if h not in sites and not is_org_name(h)]
    agreeing = [h for h in headings if _agrees(h, raw_title, stripped)]
    named_metas = [clean(sel.xpath(f"//meta[@name='{n}']/@content").get()) for n in _TITLE_METAS]
    ordered: list[tuple[str, str]] = [
        ("title.meta_article_title", strip_site(meta.get("ArticleTitle", ""), sites)),
        ("title.og_title", strip_site(clean(sel.xpath("//meta[@property='og:title']/@content").get()), sites)),
        ("title.meta_title", strip_site(next((t for t in named_metas if t), ""), sites)),
        ("title.metadata_cell", _title_cell(sel)),
        ("title.heading_in_title_tag", max(agreeing, key=len) if agreeing else ""),
        ("title.emphasised_block_in_title_tag", _emphasised_title_block(sel, raw_title)),
        ("title.title_tag_minus_site", stripped if stripped != raw_title else ""),
        # a column name (通知公告) is a short heading before the document's
        ("title.heading", next((h for h in headings if len(h) >= 8), headings[0] if headings else "")),
        ("title.heading_atop_text", _heading_atop_text(main)),
        ("title.block_before_text", _preceding_block(sel, main)),
        ("title.emphasised_first_line", _emphasised_first_line(main)),
        ("title.title_tag", raw_title),
    ]
    choice = _pick(ordered, sites)
    if _ORDER_HEADING_RE.match(choice.title):
        # an order is titled by its heading and its number line together: 中华人民共和国主席令 第五十一号 …
        number = _order_number_after(sel, choice.title)
        heading = f"{choice.title} {number}" if number else choice.title
        rule = _promulgated_rule(main)
        if rule:  # … unless the page prints the rule it promulgates as a title of its own
            verdict = "lost: the order's heading; the rule it promulgates is the title"
            earlier = tuple((r, t, verdict if v == "won" else v) for r, t, v in choice.candidates)
            return TitleChoice(rule, PROMULGATED_RULE,
                               ((PROMULGATED_RULE, rule, "won"), *earlier, (ORDER_HEADING_RULE, heading, verdict)))
        if number:
            return TitleChoice(heading, choice.rule + "+order_number_line", choice.candidates)
    return choice


PROMULGATED_RULE = "title.promulgated_rule"
ORDER_HEADING_RULE = "title.order_heading"


def order_heading(choice: TitleChoice, sel: Selector, main: Any | None) -> str:
    """The heading and number line of the order a page promulgates (``兰州市人民政府令 第 二十二 号``) when
    its title is the rule's name, or ``""``: the page's own number, and the anchor of its byline. Either
    the title replaced it, or it stands before the text while the title came from elsewhere (柳州's
    ``<title>`` carries the rule's name, the head ``<h2>柳州市人民政府令</h2><p>第九号</p>``)."""
    if choice.rule == PROMULGATED_RULE:
        return next((text for rule, text, _ in choice.candidates if rule == ORDER_HEADING_RULE), "")
    if _ORDER_HEADING_RE.match(choice.title) or _ORDER_HEADING_RE.match(choice.title.split(" ")[0]):
        return ""  # the order's heading is the title: its number is read from the title
    for el in sel.root.iter():
        if el is main:
            break
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or any(a.tag == "a" for a in el.iterancestors()):
            continue
        text = clean("".join(t for t in el.itertext() if isinstance(t, str)))
        if _ORDER_HEADING_RE.match(text):
            number = _order_number_after(sel, text)
            return f"{text} {number}" if number else ""
    return ""


_PROMULGATION_RE = re.compile(r"^\s*《(?P<name>[^《》\n]{4,60})》(?:已经|已于|经)")


def _promulgated_rule(main: Any | None) -> str:
    """Under an order's heading, the rule it promulgates when the page prints the rule's name as a line
    of its own (``《兰州市促进科技成果转化办法》已经…通过，现予公布`` … ``兰州市促进科技成果转化办法``): the
    document a reader looks for, not the order's number."""
    if main is None:
        return ""
    lines = [clean("".join(t for t in el.itertext() if isinstance(t, str)))
             for el in main.iter() if isinstance(el.tag, str) and el.tag in ("p", "div", "h1", "h2", "h3", "h4", "b",
                                                                             "strong", "center", "td")]
    first = next((ln for ln in lines if ln), "")
    m = _PROMULGATION_RE.match(first)
    return m["name"] if m and m["name"] in lines[1:] else ""


def _rejected(text: str, sites: set[str]) -> str:
    if text in sites:
        return "lost: only the site name"
    if len(text) < 4:
        return "lost: too short"
    if is_org_name(text):
        return "lost: only an organisation's name (a logo or site heading)"
    if _is_date(text):
        return "lost: only a date"
    if _TRUNCATED_RE.search(text):
        return "lost: cut off (ends in an ellipsis)"
    if len(text) <= 8 and _COLUMN_RE.search(text) and not _DOC_WORD_RE.search(text):
        return "lost: only a column name (政府信息公开, 工作动态)"
    if is_lead_sentence(text):
        return "lost: a news lead or a whole sentence (电头, 获悉，, ends in 。), not a headline"
    if is_labelled_line(text) or is_byline(text):
        return "lost: a labelled metadata cell or byline (索引号：… / 来源：… / 2026-09-23 来源：…)"
    if _NUMBER_LINE_RE.match(unicodedata.normalize("NFKC", text)):
        return "lost: only a document number (the line under a heading)"
    return ""


def is_labelled_line(text: str) -> bool:
    """``label：value`` (a metadata grid cell, a byline): never a title unless the label is a title label."""
    m = _LABELLED_RE.match(text)
    label = re.sub(r"\s+", "", m["label"]) if m else ""
    return bool(_META_LABEL_RE.search(label)) and not _TITLE_LABEL_WORD_RE.match(label)


# What goes on after a cut-off title: more of the title (a character, a digit, a bracket), not a
# separator and a site name.
_GOES_ON_RE = re.compile(r"[\u4e00-\u9fff0-9A-Za-z（(《“〔]")


def _cut_off_by(text: str, others: list[str]) -> str:
    """A longer candidate that starts with ``text`` and goes on: ``text`` was cut to a length (a
    20-character ArticleTitle meta, a list's abbreviated title), the longer one is the whole title."""
    for other in others:
        if len(other) >= len(text) + 2 and other.startswith(text) and (
                _GOES_ON_RE.match(other[len(text)]) or _unclosed(text)):
            return other
    return ""


def _unclosed(text: str) -> bool:
    """A bracket opened and not closed (``…行动方案（2026``): cut inside the title, whatever follows."""
    opened = text.count("（") + text.count("(") > text.count("）") + text.count(")")
    return opened or text.count("《") > text.count("》")


def _pick(ordered: Iterable[tuple[str, str]], sites: set[str]) -> TitleChoice:
    won: tuple[str, str] | None = None
    rows: list[tuple[str, str, str]] = []
    fallback: tuple[str, str] | None = None
    ordered = list(ordered)
    # Only candidates read from the page's own elements confirm a longer title: the raw <title> may
    # have a site name glued on without a separator.
    whole = [t for r, t in ordered if t and r != "title.title_tag" and not _rejected(t, sites)]
    for rule, text in ordered:
        if not text:
            continue
        if won is not None:
            rows.append((rule, text, f"lost: lower precedence than {won[0]}"))
            continue
        longer = _cut_off_by(text, whole)
        why = _rejected(text, sites) or (f"lost: cut off (the page shows it whole: {longer})" if longer else "")
        if why:
            rows.append((rule, text, why))
            if fallback is None and why.startswith("lost: cut off"):
                fallback = (rule, text)  # a cut-off title is better than none
        else:
            won = (rule, text)
            rows.append((rule, text, "won"))
    # nothing but names: the page still parses (every other field is read) under its <title>
    if not any(v == "won" for _, _, v in rows):
        won = fallback or next(((r, t) for r, t, _ in rows if r == "title.title_tag"), None)
        rows = [(r, t, f"won: no better candidate ({v})" if won == (r, t) else v) for r, t, v in rows]
    if won is None:
        return TitleChoice("", "title.none", tuple(rows))
    return TitleChoice(won[1], won[0], tuple(rows))
