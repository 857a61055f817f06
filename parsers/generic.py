"""Reading a detail page of a template never seen before: main text, own title, byline, attachments.

Everything here works from the structure every government CMS shares rather than from class names:
the main text is the element with the most paragraph text of its own; the title is the page's own
heading / ArticleTitle / og:title / metadata title cell, and ``<title>`` only with the site name cut off;
the byline (``发布时间：… 来源：…``) is read from the text around the heading, outside the main text.
Measurements behind the choices: docs/extraction.md ("Generic pages").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from itertools import islice
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from parsel import Selector

from parsers.model import Attachment
from parsers.page import clean
from parsers.urls import absolute, is_http_url

BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "td", "th", "dl", "dd", "dt", "ul", "ol", "center", "main", "aside", "header", "footer", "form", "tbody"}
SKIP_TAGS = {"script", "style", "noscript", "select", "option", "button", "iframe", "head", "title"}
# Chrome named as such in class/id: its text is never the main text.
_CHROME_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|footer|foot|header|head|top|bar|related|relate|share|crumbs?|breadcrumb|"
    r"bread|copyright|sidebar|m-head|m-foot|print-bar|teaser|hot|tuijian|xgwz|logo|brand)(?:$|[-_\s\d])",
    re.I,
)


def classes(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


# a numbered variant (title1, biaoti2) is a heading class too
TITLE_CLASS_RE = re.compile(r"(?:title|tit|biaoti|bt|headline|con_title|m-title|show-t|c-h)(?:$|[-_\s\d])", re.I)
# What an article's own head holds: a byline label. A block named "article-head" / "detail-top" that
# holds one is the document's head, not the site's (its date and source are read, its heading kept).
_ARTICLE_HEAD_RE = re.compile(r"(?:发布时间|发布日期|发文日期|信息来源|文章来源|来源|浏览次数|阅读次数)\s*[:：]")


def is_chrome(el: Any) -> bool:
    if el.tag == "nav":
        return True
    if el.tag not in ("header", "footer") and not _CHROME_RE.search(classes(el)):
        return False
    return el.tag == "footer" or not _is_article_head(el)


def _is_article_head(el: Any) -> bool:
    """A chrome-named block that is the article's head: short, with a byline label and no link list."""
    # bounded reads: this runs for every element below a chrome-named block (a 3,000-item menu); an
    # article's head is a heading and a byline, a few dozen elements at most
    if sum(1 for _ in islice(el.iter(), 41)) > 40:
        return False
    parts: list[str] = []
    size = 0
    for t in el.itertext():
        if isinstance(t, str):
            parts.append(t)
            size += len(t)
            if size > 600:
                return False
    if not _ARTICLE_HEAD_RE.search("".join(parts)):
        return False
    return sum(1 for _ in islice(el.iter("a"), 4)) <= 3


def inside_chrome_or_link(el: Any) -> bool:
    node = el
    while node is not None:
        if node.tag == "a" or (isinstance(node.tag, str) and is_chrome(node)):
            return True
        node = node.getparent()
    return False


# ---------------------------------------------------------------- main text


_BYLINE_RE = re.compile(
    r"^\s*(?:\[?\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|发布时间|发布日期|来源|信息来源|文章来源|日期|时间|作者|浏览)"
)


def _own_text_len(el: Any) -> int:
    """Non-link text directly in ``el`` or in its inline / paragraph children (not in nested containers).

    Headings and byline lines are not paragraphs: counted, they make the wrapper of a short text
    (heading + byline + three lines) outweigh the text itself."""
    total = len(clean(el.text))
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in SKIP_TAGS and tag != "a" and not _has_container(child) and not is_chrome(child) \
                and not _is_heading_or_byline(child):
            total += _text_len(child)
        total += len(clean(child.tail))
    return total


def _is_heading_or_byline(el: Any) -> bool:
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or TITLE_CLASS_RE.search(classes(el)):
        return True
    return bool(_BYLINE_RE.match("".join(el.itertext())))


def _has_container(el: Any) -> bool:
    """Whether ``el`` is a wrapper rather than a paragraph: a block holding other blocks (a <div> of
    <p>s is the text's container, not one of its paragraphs)."""
    return any(isinstance(d.tag, str) and d.tag in BLOCKS and d.tag != "br" for d in el.iterdescendants())


def _text_len(el: Any) -> int:
    """Length of the non-link text of ``el`` and its descendants."""
    total = 0
    stack = [el]
    while stack:
        node = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP_TAGS:
            continue
        if tag != "a":
            total += len(clean(node.text))
            stack.extend(node)
        if node is not el:
            total += len(clean(node.tail))
    return total


def _candidates(root: Any) -> Iterator[Any]:
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS or (el is not root and is_chrome(el)):
            continue
        yield el
        stack.extend(el)


def main_node(sel: Selector) -> Any | None:
    """The element whose own paragraphs hold the most non-link text (ties: the deeper one)."""
    body = sel.root.find(".//body")
    root = body if body is not None else sel.root
    best, best_len = None, 0
    for el in _candidates(root):
        if el.tag in ("a", "span", "b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "th") \
                and not (el.tag == "span" and any(isinstance(c.tag, str) and c.tag == "p" for c in el)):
            continue  # a <span id="detailContent"> holding the <p>s is the text's container
        length = _own_text_len(el)
        deeper_tie = length == best_len and best is not None and any(a is best for a in el.iterancestors())
        if (length > best_len or deeper_tie) and not _is_boilerplate(el, length) and not _is_dated_list(el):
            best, best_len = el, length
    parent = best.getparent() if best is not None else None
    if parent is not None and parent.tag not in ("body", "html") and _signed_after(parent, best):
        return _narrowed(parent, _own_text_len(parent))  # the signature set after the text's own block
    return _narrowed(best, best_len)


# A site's notice about itself (copyright, reprint terms, ICP record): often one long unnamed paragraph.
_BOILERPLATE_RE = re.compile(r"版权所有|版权归|未经[^，。]{0,8}授权|不得转载|禁止转载|ICP备|免责声明|网站声明")


_ENDS_WITH_DATE_RE = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\]）)]?\s*$")


def _is_dated_list(el: Any) -> bool:
    """A list of other documents (相关文件, 上一篇/下一篇, a column's items): most of its lines end with their
    date (``…的通知 镇科发〔2026〕10号 2026-02-18``). A short news text beside one must not lose to it."""
    lines = [clean("".join(t for t in c.itertext() if isinstance(t, str))) for c in el
             if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]
    lines = [ln for ln in lines if ln]
    dated = sum(1 for ln in lines if _ENDS_WITH_DATE_RE.search(unicodedata.normalize("NFKC", ln)))
    return len(lines) >= _LIST_MIN and dated >= 0.6 * len(lines)


_LIST_MIN = 3


def _is_boilerplate(el: Any, length: int) -> bool:
    """A short block that is the site's notice, or a container whose paragraphs are mostly that notice.
    A short text whose container also holds the copyright line (a print view's <body>: the heading,
    the paragraphs, then "版权所有") is the text, not boilerplate."""
    if length >= 600 or not _BOILERPLATE_RE.search(_all_text(el)):
        return False
    if not _has_container(el):
        return True
    notice = sum(_text_len(c) for c in el if isinstance(c.tag, str) and c.tag not in SKIP_TAGS
                 and _BOILERPLATE_RE.search(_all_text(c)))
    return notice >= 0.5 * length


def _all_text(el: Any) -> str:
    return "".join(t for t in el.itertext() if isinstance(t, str))


def _narrowed(node: Any | None, length: int) -> Any | None:
    """A wrapper counts its text-only children (heading div, text div) as paragraphs; when one child
    alone holds most of that text, the child is the text."""
    while node is not None:
        # never into a heading or byline: a short text can be no longer than its title
        sized = [(c, _own_text_len(c)) for c in node
                 if isinstance(c.tag, str) and c.tag not in SKIP_TAGS and not _is_heading_or_byline(c)]
        child = max((cn for cn in sized if cn[1] >= 0.8 * length), key=lambda cn: cn[1], default=(None, 0))[0]
        if child is not None and _lines_in(child) <= 1 and _text_after(sized, child):
            # one long paragraph is not the whole text when lines follow it (the signature, its date)
            child = None
        if child is None:
            # the one child of several lines (<br>, <p>) beside one-line children (a heading, a date)
            multi = [(c, n) for c, n in sized if n >= 0.5 * length and _lines_in(c) > 1]
            if len(multi) == 1 and all(_lines_in(c) <= 1 for c, _ in sized if c is not multi[0][0]):
                child = multi[0][0]
        if child is None or _signed_after(node, child):
            return node
        node, length = child, _own_text_len(child)
    return node


def _signed_after(node: Any, child: Any) -> bool:
    """A date alone on a line after ``child`` among its siblings (``<div class="order">…</div><p>市长 赵 旭</p>
    <p>2025年11月12日</p>``): the signature belongs to the text, so the text is the wrapper, not the child."""
    after = False
    for c in node:
        if c is child:
            after = True
        elif after and isinstance(c.tag, str) and c.tag not in SKIP_TAGS:
            text = clean("".join(t for t in c.itertext() if isinstance(t, str)))
            if text and _DATE_LINE_RE.match(unicodedata.normalize("NFKC", text)):
                return True
            if len(text) > _HEAD_LINE_MAX:
                return False  # another block of text (a sidebar, the next article): not a signature
    return False


# a signature's date line: "2025年11月12日", "二〇二六年三月五日", "2026-05-09"
_DATE_LINE_RE = re.compile(
    r"^\s*(?:(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?"
    r"|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)\s*$"
)


def _text_after(sized: list[tuple[Any, int]], child: Any) -> bool:
    later = [n for c, n in sized[[c for c, _ in sized].index(child) + 1:]]
    return any(n > 0 for n in later)


def _lines_in(el: Any) -> int:
    return 1 + sum(1 for d in el.iterdescendants() if isinstance(d.tag, str) and d.tag in ("br", "p", "div"))


# ---------------------------------------------------------------- byline

_DATE = r"((?:19|20)\d{2}\s*(?:[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?))"
# bare 日期 / 时间 only as a whole label: 打印时间 (print time) and 成文日期 are other dates
_LABEL_END = r"\s*(?:[:：]|[】\]])\s*"  # "发布时间：" or "【发布时间】"
# 公开日期 / 公开时间 (信息公开 grids) are publication dates; 发文日期 / 印发日期 are the day the document
# was issued (its 成文日期), and 生成日期 (page generation) is neither.
# 更新时间 is the publication time of the older CMSs (动易-style "文章来源：… 点击数：… 更新时间：2019年03月04日")
_PUB_LABEL = (r"(?:发布时间|发布日期|公开日期|公开时间|信息提供日期|更新时间|更新日期|(?<![\u4e00-\u9fff])日期"
              r"|(?<![\u4e00-\u9fff])时间)")
_PUB_RE = re.compile(_PUB_LABEL + _LABEL_END + _DATE)
_WRITTEN_RE = re.compile(r"(?:成文日期|发文日期|印发日期)" + _LABEL_END + _DATE)
# "2021-03-26 信息来源：…", "[ 2026-03-06 ] 来源：…", "2019年09月06日 18:22 来源：…"
_DATE_BEFORE_SOURCE_RE = re.compile(
    _DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】]?\s*[|｜]?\s*(?:信息来源|文章来源|来源)"
)
# "来源:某县科学技术局 2026-06-12", "来源：央视网 | 2019年10月24日 18:42": the date right after the
# source's name, on the byline line (set apart by spaces or a bar)
_DATE_AFTER_SOURCE_RE = re.compile(
    r"(?:信息来源|文章来源|来源)\s*[:：]\s*[\u4e00-\u9fff（）()·]{2,30}(?:\s+|\s*[|｜/]\s*)[\[【]?\s*" + _DATE
)
_SOURCE_RE = re.compile(r"(?:信息来源|文章来源|来源)" + _LABEL_END + r"([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,30}?)"
                        r"(?=\s|发布|日期|时间|作者|编辑|浏览|点击|字号|【|\||｜|$)")
_AGENCY_RE = re.compile(r"(?:发布机构|发文机关|发文单位)\s*[:：]\s*([\u4e00-\u9fff][\u4e00-\u9fff 、]{1,60}?)"
                        r"(?=\s*(?:发布|来源|日期|时间|文号|发文字号|成文|索引|$))")


_DOCNUM_LABEL_RE = re.compile(r"(?:发文字号|文号)\s*[:：]\s*([^\s:：]{2,24}?号)")


def region_text(sel: Selector, main: Any | None) -> str:
    """The text of the page outside the main text and outside named chrome and links, one block a line."""
    lines: list[str] = []
    body = sel.root.find(".//body")
    root = body if body is not None else sel.root
    stack: list[Any] = [root]
    while stack:
        el = stack.pop()
        if el is main or not isinstance(el.tag, str) or el.tag in SKIP_TAGS or is_chrome(el):
            if el is not root:
                lines.append(clean(el.tail))
            continue
        if el.tag == "a":
            lines.append(clean(el.tail))
            continue
        lines.append(("\n" if el.tag in BLOCKS else " ") + clean(el.text))
        stack.append(_Tail(el.tail))
        stack.extend(reversed(list(el)))
    return " ".join(x for x in lines if x).replace(" \n", "\n")


class _Tail:
    """A tail text queued after its element's children (keeps document order in the walk)."""

    tag = None

    def __init__(self, text: str | None) -> None:
        self.tail = text


def byline_meta(text: str) -> dict[str, str]:
    """``发布日期`` / ``ContentSource`` / ``发布机构`` / ``文号`` read from the byline text around the heading."""
    out: dict[str, str] = {}
    text = unicodedata.normalize("NFKC", text)  # full-width digits, hyphens and colons: "2026－03－06"
    m = _PUB_RE.search(text) or _DATE_BEFORE_SOURCE_RE.search(text) or _DATE_AFTER_SOURCE_RE.search(text)
    if m:
        out["发布日期"] = clean(m.group(1))
    else:
        split = _PUB_SPLIT_RE.search(text)  # "发布时间： 2026 06-12": the parts in separate elements
        if split:
            out["发布日期"] = split_date(split.group(1))
    w = _WRITTEN_RE.search(text)
    if w:
        out["成文日期"] = clean(w.group(1))
        if w.group(0).startswith("发文日期"):
            out["发文日期"] = out["成文日期"]  # the publication date only when the page shows no other
    s = _SOURCE_RE.search(text)
    if s:
        out["ContentSource"] = s.group(1)
    n = _DOCNUM_LABEL_RE.search(text)
    if n:
        out["文号"] = n.group(1)
    a = _AGENCY_RE.search(text)
    if a and a.group(1).strip():
        out["发布机构"] = clean(a.group(1))
    return out


_BARE_DATE_RE = re.compile(r"^\s*[\[【(（]?\s*" + _DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】)）]?(?:\s|$)")


# A date whose parts sit in separate elements, read from the container's visible text (one space
# between elements): "2026 11 / 20 10:20:35" (year, month/day, time), "20 2026-11" (a day badge).
_SPLIT_YMD_RE = re.compile(r"^\s*((?:19|20)\d{2})\s*[年\-/.]?\s+(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
_WHOLE_YMD_RE = re.compile(r"^\s*[\[【(（]?\s*((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})(?!\d)")
_SPLIT_DYM_RE = re.compile(r"^\s*(\d{1,2})\s+((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})(?!\d)")


_PUB_SPLIT_RE = re.compile(_PUB_LABEL + _LABEL_END + r"((?:19|20)\d{2}\s*[年\-/.]?\s+\d{1,2}\s*[月\-/.]\s*\d{1,2})")
_LEADING_PUB_LABEL_RE = re.compile(r"^\s*" + _PUB_LABEL + _LABEL_END)


def split_date(text: str) -> str:
    """``2026-11-20`` from the visible text of a date container whose parts are separate elements
    (after a publication label, if any: ``发布时间： 2026 11/20``)."""
    text = _LEADING_PUB_LABEL_RE.sub("", unicodedata.normalize("NFKC", text))
    m = _SPLIT_YMD_RE.match(text) or _WHOLE_YMD_RE.match(text)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    m = _SPLIT_DYM_RE.match(text)
    return f"{m[2]}-{int(m[3]):02d}-{int(m[1]):02d}" if m else ""


def _chrome_block(el: Any) -> Any | None:
    node = el
    while node is not None:
        if isinstance(node.tag, str) and is_chrome(node):
            return node
        node = node.getparent()
    return None


def date_under_heading(sel: Selector, main: Any | None, title: str) -> str:
    """A date standing alone between the document's own heading (the element reading ``title``) and
    its text (``<div class="date">2026-03-10``, no label; or its parts in separate elements, read as
    the container's visible text): the visible publication date. Dates elsewhere (list items in a
    sidebar) are not read; a chrome-named block only when it holds the heading too (a news head)."""
    seen_heading = False
    head_block: Any | None = None
    heading: Any | None = None
    for el in sel.root.iter():
        if el is main:
            break
        if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
            continue
        if seen_heading and any(a is heading for a in el.iterancestors()):
            continue  # inside the heading (<td><h2>中国人民银行令</h2></td>): not what follows it
        if not seen_heading:
            seen_heading = bool(title) and clean("".join(el.itertext())) == title and not inside_link(el)
            head_block = _chrome_block(el) if seen_heading else None
            heading = el
            continue
        block = _chrome_block(el)
        if inside_link(el) or (block not in (None, head_block) and not _beside(block, heading)
                               and not _named_date(el)):
            continue
        if el.tag in ("h1", "h2", "h3"):
            return ""  # another heading: what follows is not the byline
        m = _BARE_DATE_RE.match(el.text or "")
        if m:
            return clean(m.group(1))
        if not _has_container(el) and len(el):
            found = split_date(" ".join(clean(t) for t in el.itertext() if isinstance(t, str) and clean(t)))
            if found:
                return found
    return ""


_ABOVE_LEVELS = 3  # the heading, and up to two wrappers of it (<div class="tit"><h2>), inside the head
_ABOVE_SIBLINGS = 3  # the date is one of the few lines right above the heading (date, source, share bar)
_HEAD_LINE_MAX = 40  # a head line's length: longer is the text or a nav bar, not the head's date


def date_above_heading(sel: Selector, main: Any | None, title: str) -> str:
    """A date standing alone on one of the lines right above the document's own heading, inside the
    news head that holds it (``<div class="header-time"><span>2026</span><span>11/20</span>…</div>``
    then the source line, then ``<h1>``): the visible publication date of news templates that print
    it first. Only the heading's own block is read (climbing stops at a wrapper of the main text or at
    ``<body>``), so a site header's date (``2026年6月10日 星期三``) and a sidebar's list dates are not."""
    heading = _heading_element(sel, title)
    if heading is not None and main is not None and any(a is main for a in heading.iterancestors()):
        return ""  # a line of the text (a rule's name under its order), whose "head" is the text itself
    node = heading
    for _ in range(_ABOVE_LEVELS):
        if node is None or node.tag in ("body", "html"):
            break
        sibling = node.getprevious()
        for _ in range(_ABOVE_SIBLINGS):
            if sibling is None:
                break
            found = _head_line_date(sibling)
            if found is None:
                break  # a long block (text, nav): the head ends here
            if found:
                return found
            sibling = sibling.getprevious()
        parent = node.getparent()
        if parent is None or (main is not None and any(d is main for d in parent.iterdescendants())):
            break
        node = parent
    return ""


def _heading_element(sel: Selector, title: str) -> Any | None:
    if not title:
        return None
    for el in sel.root.iter():
        if isinstance(el.tag, str) and el.tag not in SKIP_TAGS and not inside_link(el) \
                and clean("".join(el.itertext())) == title:
            return el
    return None


def _head_line_date(el: Any) -> str | None:
    """The date a short head line reads as (``""`` for another short line: a source, a share bar);
    ``None`` for a block too long to be a head line."""
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
        return ""
    text = clean(" ".join(clean(t) for t in el.itertext() if isinstance(t, str) and clean(t)))
    if len(text) > _HEAD_LINE_MAX:
        return None
    if "星期" in text or any(True for _ in el.iter("a")):
        return ""  # a site header's "today" (…星期三), a link line
    m = _BARE_DATE_RE.match(text)
    return clean(m.group(1)) if m else split_date(text)


_DATE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:date|time|pubtime|pub-time|publish|fbsj|fbrq)(?:$|[\s_-])", re.I)


def _named_date(el: Any) -> bool:
    """An element its class names a date (``<span class="date">``), not in a list: the head's own date
    even inside a chrome-named bar (新浪's ``top-bar-wrap`` holds the date, the source and a ticker)."""
    return bool(_DATE_CLASS_RE.search(el.get("class") or "")) and not any(
        a.tag in ("li", "ul", "ol") for a in el.iterancestors())


_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS_RULE_RE = re.compile(r"\.([A-Za-z][\w-]*)\s*\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_HIDDEN_MAX = 200  # characters: a hidden date or label line, never a hidden body (some CMSs reveal it by script)


def drop_hidden(sel: Selector) -> None:
    """Remove the short elements a reader never sees: ``style="display:none"``, ``hidden``, or a class the
    page's own ``<style>`` hides (``.hid{display:none}`` over a stale ``发布时间：2023-01-01``). Their dates
    and labels are not the page's."""
    classes_hidden = {m[1] for st in sel.root.iter("style") for m in _HIDDEN_CLASS_RULE_RE.finditer(st.text or "")}
    doomed = []
    for el in sel.root.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "head", "body", "meta", "style", "script"):
            continue
        hidden = el.get("hidden") is not None or bool(_HIDDEN_STYLE_RE.search(el.get("style") or "")) or bool(
            classes_hidden & set((el.get("class") or "").split()))
        if hidden and len(clean("".join(t for t in el.itertext() if isinstance(t, str)))) <= _HIDDEN_MAX:
            doomed.append(el)
    for el in doomed:
        parent, prev, tail = el.getparent(), el.getprevious(), el.tail
        if parent is None:
            continue
        parent.remove(el)
        if tail:  # the text after the hidden element stays where it was
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail


def _beside(block: Any | None, heading: Any | None) -> bool:
    """A small chrome-named block (``<div class="header-time">``) that is a sibling of the heading (or
    of a block holding it) in the news head: the head's date, not the site's header."""
    if block is None or heading is None or block.getparent() is None:
        return False
    parent = block.getparent()
    if not any(a is parent for a in heading.iterancestors()) or parent.tag in ("body", "html"):
        return False
    text = clean("".join(t for t in block.itertext() if isinstance(t, str)))
    return len(text) <= 40 and not any(True for _ in block.iter("a"))


def inside_link(el: Any) -> bool:
    return any(a.tag == "a" for a in el.iterancestors()) or el.tag == "a"


# ---------------------------------------------------------------- attachments

ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".ofd", ".et", ".txt", ".7z")


def _link_name(title: str, text: str) -> str:
    """The name a reader sees: the link's text, unless it is cut short (``…``) or empty, when the ``title``
    attribute holds the whole name. A title that only adds the file's extension to the text names the same
    link (``title="推荐项目汇总表.pdf"`` over ``推荐项目汇总表``): the text, as shown."""
    if not text or text.endswith(("…", "...")):
        return title or text
    if not title or (title.lower().endswith(ATTACHMENT_EXT) and title[: title.rfind(".")] == text):
        return text
    return title


def attachment_url(url: str) -> bool:
    """A file link: its path ends in a document type, or a download script names such a file."""
    parts = urlsplit(url)
    if unquote(parts.path).lower().endswith(ATTACHMENT_EXT):
        return True
    for values in parse_qs(parts.query).values():
        if any(unquote(v).lower().endswith(ATTACHMENT_EXT) for v in values):
            return True
    return False


def page_attachments(sel: Selector, page_url: str) -> tuple[Attachment, ...]:
    """Every file link outside named chrome, body or not: attachment lists often sit after the body."""
    seen: dict[str, Attachment] = {}
    named: set[str] = set()
    for el in sel.root.iter("a"):
        href = (el.get("href") or "").strip()
        parent = el.getparent()
        if not href or href.startswith(("javascript:", "mailto:", "#")) or (
                parent is not None and inside_chrome_or_link(parent)):
            continue
        url = absolute(page_url, href)
        if not is_http_url(url) or not attachment_url(url):
            continue
        name = _link_name(clean(el.get("title") or ""), clean("".join(el.itertext())))
        if name and url not in named:
            named.add(url)  # an icon link before it (no text) was named after the file: this names it
            seen[url] = Attachment(name=name, url=url)
        elif url not in seen:
            seen[url] = Attachment(name=name or unquote(urlsplit(url).path).rsplit("/", 1)[-1], url=url)
    return tuple(seen.values())
