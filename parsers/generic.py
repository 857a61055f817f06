"""Reading a detail page of a template never seen before: main text, own title, byline, attachments.

Everything here works from the structure every government CMS shares rather than from class names:
the main text is the element with the most paragraph text of its own; the title is the page's own
heading / ArticleTitle / og:title / metadata title cell, and ``<title>`` only with the site name cut off;
the byline (``发布时间：… 来源：…``) is read from the text around the heading, outside the main text.
Measurements behind the choices: docs/extraction.md ("Generic pages").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from parsel import Selector

from parsers.model import Attachment
from parsers.page import clean
from parsers.urls import absolute, is_http_url

BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
          "td", "th", "dl", "dd", "dt", "ul", "ol", "center", "main", "aside", "header", "footer", "form", "tbody"}
_SKIP = {"script", "style", "noscript", "select", "option", "button", "iframe", "head", "title"}
# Chrome named as such in class/id: its text is never the main text.
_CHROME_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|footer|foot|header|head|top|bar|related|relate|share|crumbs?|breadcrumb|"
    r"bread|copyright|sidebar|m-head|m-foot|print-bar|teaser|hot|tuijian|xgwz)(?:$|[-_\s\d])",
    re.I,
)


def _classes(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_chrome(el: Any) -> bool:
    return el.tag in ("header", "footer", "nav") or bool(_CHROME_RE.search(_classes(el)))


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
        if tag and tag not in _SKIP and tag != "a" and not _has_container(child) and not is_chrome(child) \
                and not _is_heading_or_byline(child):
            total += _text_len(child)
        total += len(clean(child.tail))
    return total


def _is_heading_or_byline(el: Any) -> bool:
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or _TITLE_CLASS_RE.search(_classes(el)):
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
        if tag in _SKIP:
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
        if not isinstance(el.tag, str) or el.tag in _SKIP or (el is not root and is_chrome(el)):
            continue
        yield el
        stack.extend(el)


def main_node(sel: Selector) -> Any | None:
    """The element whose own paragraphs hold the most non-link text (ties: the deeper one)."""
    body = sel.root.find(".//body")
    root = body if body is not None else sel.root
    best, best_len = None, 0
    for el in _candidates(root):
        if el.tag in ("a", "span", "b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "th"):
            continue
        length = _own_text_len(el)
        if length > best_len:
            best, best_len = el, length
    return _narrowed(best, best_len)


def _narrowed(node: Any | None, length: int) -> Any | None:
    """A wrapper counts its text-only children (heading div, text div) as paragraphs; when one child
    alone holds most of that text, the child is the text."""
    while node is not None:
        # never into a heading or byline: a short text can be no longer than its title
        sized = [(c, _own_text_len(c)) for c in node
                 if isinstance(c.tag, str) and c.tag not in _SKIP and not _is_heading_or_byline(c)]
        child = max((cn for cn in sized if cn[1] >= 0.8 * length), key=lambda cn: cn[1], default=(None, 0))[0]
        if child is None:
            # the one child of several lines (<br>, <p>) beside one-line children (a heading, a date)
            multi = [(c, n) for c, n in sized if n >= 0.5 * length and _lines_in(c) > 1]
            if len(multi) == 1 and all(_lines_in(c) <= 1 for c, _ in sized if c is not multi[0][0]):
                child = multi[0][0]
        if child is None:
            return node
        node, length = child, _own_text_len(child)
    return node


def _lines_in(el: Any) -> int:
    return 1 + sum(1 for d in el.iterdescendants() if isinstance(d.tag, str) and d.tag in ("br", "p", "div"))


# ---------------------------------------------------------------- title

_SEP_RE = re.compile(r"\s+[-–—|｜:：]+\s+|\s*(?:[_｜|－—–]|--|:::)\s*")
_ORG_END_RE = re.compile(
    r"(?:网|网站|门户|政府|人民政府|局|厅|委员会|委|部|办公室|办公厅|中心|管委会|管理委员会|在线|资讯)$"
)
_TITLE_LABEL_RE = re.compile(r"^\s*(?:标\s*题|名\s*称|文件名称|公文名称|文件标题)\s*[:：]?\s*$")
_TITLE_CLASS_RE = re.compile(r"(?:title|tit|biaoti|bt|headline|con_title|m-title|show-t|c-h)(?:$|[-_\s])", re.I)
_NOT_TITLE_RE = re.compile(r"^(?:当前位置|您的位置|首页|发布时间|发布日期|来源|信息来源|日期|索引号|\[)|[:：]\s*$")


@dataclass(frozen=True)
class TitleChoice:
    title: str
    rule: str
    # every candidate looked at, with why it lost: what ``parse --explain`` shows
    candidates: tuple[tuple[str, str, str], ...]  # (rule, text, verdict)


def site_names(sel: Selector, meta: dict[str, str]) -> set[str]:
    """What the page says its site is called: SiteName / og:site_name, the footer's 主办 / 版权所有."""
    names = {meta.get("SiteName", "")}
    og = sel.xpath("//meta[@property='og:site_name']/@content").get()
    names.add(clean(og))
    for text in sel.xpath("//body//text()").getall():
        for m in re.finditer(r"(?:主办单位|主办|版权所有|Copyright ©?)\s*[:：]?\s*([\u4e00-\u9fff]{3,30})", text):
            names.add(m.group(1))
    return {n for n in names if n}


def strip_site(title: str, sites: set[str]) -> str:
    """``<title>`` without the site name (and column) glued to either end by a separator."""
    parts = [p for p in _SEP_RE.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    # The document's own title is the longest part; a part is site chrome when it is (in) a site name
    # or reads like an organisation / column name and is much shorter than the longest part.
    longest = max(parts, key=len)
    keep = [p for p in parts if p is longest or not _is_site_part(p, sites, len(longest))]
    return " ".join(keep) if len(keep) < len(parts) else title


def _is_site_part(part: str, sites: set[str], longest: int) -> bool:
    p = part.strip()
    if any(p == s or p in s or s in p for s in sites):
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
    """Heading-like elements (h1-h4, title-ish classes) in document order, before the main text."""
    out: list[str] = []
    stop = main
    for el in sel.root.iter():
        if el is stop:
            break
        if not isinstance(el.tag, str) or _inside_chrome_or_link(el):
            continue
        if el.tag in ("h1", "h2", "h3", "h4") or _TITLE_CLASS_RE.search(_classes(el)):
            text = clean("".join(el.itertext()))
            if 4 <= len(text) <= 200 and not _NOT_TITLE_RE.search(text):
                out.append(text)
    return out


def _inside_chrome_or_link(el: Any) -> bool:
    node = el
    while node is not None:
        if node.tag == "a" or (isinstance(node.tag, str) and is_chrome(node)):
            return True
        node = node.getparent()
    return False


def _preceding_block(sel: Selector, main: Any | None) -> str:
    """The last short, non-label block before the main text: a title in an unnamed <font> or <td>."""
    last = ""
    for el in sel.root.iter():
        if el is main:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP or _inside_chrome_or_link(el) or el.tag in ("table", "tr"):
            continue
        text = clean("".join(el.itertext()))
        if 6 <= len(text) <= 150 and not _NOT_TITLE_RE.search(text) and not re.search(r"[:：]", text[:8]) \
                and not any(isinstance(c.tag, str) and c.tag in BLOCKS for c in el):
            last = text
    return last


def choose_title(sel: Selector, meta: dict[str, str], main: Any | None) -> TitleChoice:
    """The document's own title; ``<title>`` is the last resort and never with the site name on it."""
    sites = site_names(sel, meta)
    raw_title = clean(sel.css("title::text").get())
    stripped = strip_site(raw_title, sites)
    headings = _headings(sel, main)
    in_title = [h for h in headings if h in raw_title and h not in sites]
    ordered: list[tuple[str, str]] = [
        ("title.meta_article_title", meta.get("ArticleTitle", "")),
        ("title.og_title", clean(sel.xpath("//meta[@property='og:title']/@content").get())),
        ("title.metadata_cell", _title_cell(sel)),
        ("title.heading_in_title_tag", max(in_title, key=len) if in_title else ""),
        ("title.title_tag_minus_site", stripped if stripped != raw_title else ""),
        ("title.heading", headings[0] if headings else ""),
        ("title.block_before_text", _preceding_block(sel, main)),
        ("title.title_tag", raw_title),
    ]
    return _pick(ordered, sites)


def _pick(ordered: Iterable[tuple[str, str]], sites: set[str]) -> TitleChoice:
    won: tuple[str, str] | None = None
    rows: list[tuple[str, str, str]] = []
    for rule, text in ordered:
        if not text:
            continue
        if won is not None:
            rows.append((rule, text, f"lost: lower precedence than {won[0]}"))
        elif text in sites or len(text) < 4:
            rows.append((rule, text, "lost: only the site name" if text in sites else "lost: too short"))
        else:
            won = (rule, text)
            rows.append((rule, text, "won"))
    if won is None:
        return TitleChoice("", "title.none", tuple(rows))
    return TitleChoice(won[1], won[0], tuple(rows))


# ---------------------------------------------------------------- byline

_DATE = r"((?:19|20)\d{2}\s*(?:[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?))"
# bare 日期 / 时间 only as a whole label: 打印时间 (print time) and 成文日期 are other dates
_PUB_RE = re.compile(
    r"(?:发布时间|发布日期|发文日期|信息提供日期|(?<![\u4e00-\u9fff])日期|(?<![\u4e00-\u9fff])时间)\s*[:：]\s*" + _DATE
)
# "2021-03-26 信息来源：…", "[ 2026-03-06 ] 来源：…", "2019年09月06日 18:22 来源：…"
_DATE_BEFORE_SOURCE_RE = re.compile(
    _DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]】]?\s*[|｜]?\s*(?:信息来源|文章来源|来源)"
)
_SOURCE_RE = re.compile(r"(?:信息来源|文章来源|来源)\s*[:：]\s*([\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,30}?)"
                        r"(?=\s|发布|日期|时间|作者|编辑|浏览|点击|字号|【|\||｜|$)")
_AGENCY_RE = re.compile(r"(?:发布机构|发文机关|发文单位)\s*[:：]\s*([\u4e00-\u9fff][\u4e00-\u9fff 、]{1,60}?)"
                        r"(?=\s*(?:发布|来源|日期|时间|文号|发文字号|成文|索引|$))")


def region_text(sel: Selector, main: Any | None) -> str:
    """The text of the page outside the main text and outside named chrome and links, one block a line."""
    lines: list[str] = []
    body = sel.root.find(".//body")
    root = body if body is not None else sel.root
    stack: list[Any] = [root]
    while stack:
        el = stack.pop()
        if el is main or not isinstance(el.tag, str) or el.tag in _SKIP or is_chrome(el):
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
    """``发布日期`` / ``ContentSource`` / ``发布机构`` read from the byline text around the heading."""
    out: dict[str, str] = {}
    m = _PUB_RE.search(text) or _DATE_BEFORE_SOURCE_RE.search(text)
    if m:
        out["发布日期"] = clean(m.group(1))
    s = _SOURCE_RE.search(text)
    if s:
        out["ContentSource"] = s.group(1)
    a = _AGENCY_RE.search(text)
    if a and a.group(1).strip():
        out["发布机构"] = clean(a.group(1))
    return out


# ---------------------------------------------------------------- attachments

ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".ofd", ".et", ".txt", ".7z")


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
    for el in sel.root.iter("a"):
        href = (el.get("href") or "").strip()
        parent = el.getparent()
        if not href or href.startswith(("javascript:", "mailto:", "#")) or (
                parent is not None and _inside_chrome_or_link(parent)):
            continue
        url = absolute(page_url, href)
        if not is_http_url(url) or not attachment_url(url):
            continue
        name = clean(el.get("title") or "".join(el.itertext())) or unquote(urlsplit(url).path).rsplit("/", 1)[-1]
        seen.setdefault(url, Attachment(name=name, url=url))
    return tuple(seen.values())
