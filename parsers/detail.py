"""Detail-page pieces shared by every platform: meta tags, labelled metadata, body text, attachments."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from parsel import Selector, SelectorList

from parsers.facts.dates import parse_meta_date
from parsers.facts.docnumber import order_in_head
from parsers.facts.script import normalise
from parsers.generic import (
    byline_meta,
    date_above_heading,
    date_under_heading,
    drop_hidden,
    main_node,
    page_attachments,
    region_text,
)
from parsers.model import Attachment
from parsers.nesting import flatten, may_be_too_deep
from parsers.page import ChannelContext, DetailPage, clean, html_selector, select_first_of
from parsers.titles import choose_title, number_under_heading, order_heading
from parsers.urls import absolute, is_http_url

META_NAMES = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "ColumnName", "ColumnType",
              "Author", "SiteName", "Description")
LABELS = ("发文字号", "文号", "成文日期", "发布日期", "发文机关", "发布机构", "索引号", "主题分类",
          "生效日期", "有效性", "文件编号", "信息提供日期")
# Other sites' words for the same fields, read under the names above (issue 15: real pages label a
# 文号 as 文件编号 or 发文编号, a 成文日期 as 成文时间, a 发文机关 as 发布单位 …).
LABEL_ALIASES = {"文件编号": "文号", "发文编号": "文号", "文件字号": "文号", "成文时间": "成文日期",
                 "印发日期": "成文日期", "签发日期": "成文日期", "发文日期": "成文日期", "公开日期": "发布日期",
                 "公开时间": "发布日期", "发布时间": "发布日期",
                 "发布单位": "发文机关", "发文单位": "发文机关", "制发机关": "发文机关", "发布部门": "发文机关",
                 "发布机关": "发文机关", "发文机构": "发文机关"}
_ALL_LABELS = sorted({*LABELS, *LABEL_ALIASES}, key=len, reverse=True)
# a label may be spaced out to fill its cell: 文　　号, 发 文 字 号, 索 引 号
_SPACED = "|".join(r"\s*".join(label) for label in _ALL_LABELS)
# and may be bracketed with no colon (朝阳区's "<th>[发文字号]</th>", "【文号】")
_LABEL_RE = re.compile(r"^\s*[\[【［]?\s*(" + _SPACED + r")\s*[\]】］]?\s*[:：]?\s*(.*)$", re.S)


def label_name(raw: str) -> str:
    """The field a (possibly spaced-out or alias) label stands for."""
    label = re.sub(r"\s+", "", raw)
    return LABEL_ALIASES.get(label, label)
ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".ofd", ".et", ".txt")
_BLOCK_TAGS = ("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section")


def meta_tags(sel: Selector) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in sel.root.iter("meta"):
        name, value = el.get("name"), el.get("content")
        if name in META_NAMES and name not in out and value and value.strip():
            out[name] = clean(value)
    return out


_LABEL_TAGS = ("td", "th", "dt", "b", "strong", "span", "li", "label", "p")


def _el_text(el: Any) -> str:
    return clean("".join(t for t in el.itertext() if isinstance(t, str)))


def labelled_values(sel: Selector | SelectorList) -> dict[str, str]:
    """Find ``发文字号：X`` pairs in tables (td/th), definition lists and spans."""
    out: dict[str, str] = {}
    nodes = [sel] if isinstance(sel, Selector) else list(sel)
    for node in nodes:
        # Walk lxml directly: one pass over the container instead of a CSS query per element.
        for el in node.root.iter(*_LABEL_TAGS):
            own = _el_text(el)
            match = _LABEL_RE.match(own)
            if not match or label_name(match.group(1)) in out or len(own) > 80:
                continue
            label, rest = label_name(match.group(1)), clean(match.group(2))
            if not rest:
                rest = _following_value(el)
            for name, value in _glued_labels(label, rest):
                out.setdefault(name, value)
    return out


# a label glued to the value before it: after a digit, 号, 日 or a closing bracket (文号 inside 发文字号 is not one)
_NEXT_LABEL_RE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[号日]))(" + "|".join(_ALL_LABELS) + r")\s*[:：]")


def _glued_labels(label: str, rest: str) -> list[tuple[str, str]]:
    """``索引号：…/2026-00012文号：东科发〔2026〕5号发布日期：2026-03-10``: one line, several labels
    (the value of each ends where the next label starts)."""
    out: list[tuple[str, str]] = []
    start = 0
    for m in _NEXT_LABEL_RE.finditer(rest):
        if m.start() == 0:
            continue
        out.append((label, clean(rest[start : m.start()])))
        label, start = label_name(m.group(1)), m.end()
    out.append((label, clean(rest[start:])))
    return [(n, v) for n, v in out if v]


_VALUE_MAX = 80  # a metadata value is a name, a number or a date: longer is the article after the grid


def _following_value(el: Any) -> str:
    """The value in the element after a bare label (``<td>文号：</td><td>X</td>``), or after the label's
    row. An empty value cell (``<b>发布机构：</b><i></i>``) is an empty field: the text further on (the
    next row's label, the article after the grid) is not its value."""
    after = el.getnext()
    if after is not None and isinstance(after.tag, str) and not _el_text(after) and not clean(el.tail):
        return ""
    parent = el.getparent()
    for nxt in (after, parent.getnext() if parent is not None else None):
        if nxt is not None and isinstance(nxt.tag, str):
            text = _el_text(nxt)
            if text and not _LABEL_RE.match(text):
                return text if len(text) <= _VALUE_MAX else ""
    return clean(el.tail)


def html_to_text(fragment: str) -> str:
    """Block-aware plain text of an HTML string (e.g. gkmlpt's JSON-embedded bodies).

    BeautifulSoup repairs the loose fragments such CMSs store (unclosed tags, stray ``</p>``)
    before the tree is walked."""
    if may_be_too_deep(fragment):
        fragment = flatten(fragment)  # before BeautifulSoup's lxml builder meets the depth limit
    soup = BeautifulSoup(fragment, "lxml")
    root = soup.body or soup
    return node_text(Selector(text=str(root)).root)


_SKIP_TAGS = {"script", "style", "noscript"}
_BLOCK_SET = set(_BLOCK_TAGS)


def node_text(element: Any) -> str:
    """Block-aware plain text of an already parsed lxml element: one line per paragraph, table cells
    separated by tabs, no scripts or styles, spaces normalised.

    Walking the tree lxml has already built (instead of serialising the body and re-parsing it with
    BeautifulSoup) is what keeps detail parsing cheap; see benchmarks/README.md.
    """
    # An explicit stack, not recursion: a page of 1,000+ unclosed <font> tags nests that deep, and
    # Python's recursion limit would turn a real notice into a failure on every poll.
    parts: list[str] = [element.text or ""]
    stack: list[tuple[Any, bool]] = [(child, False) for child in reversed(element)]
    while stack:
        el, leaving = stack.pop()
        tag = el.tag
        if leaving:
            if tag in _BLOCK_SET:
                parts.append("\n")
            if tag in ("td", "th"):
                parts.append("\t")
            parts.append(el.tail or "")
            continue
        if not isinstance(tag, str) or tag in _SKIP_TAGS:  # comments, scripts: keep only the tail
            parts.append(el.tail or "")
            continue
        if tag in _BLOCK_SET:
            parts.append("\n")
        parts.append(el.text or "")
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = []
    for raw in text.split("\n"):
        line = " ".join(raw.replace("\xa0", " ").replace("\u3000", " ").split(" ")).strip()
        line = re.sub(r"[ \t]{2,}", " ", line) if "\t" not in line else re.sub(r" {2,}", " ", line)
        if line:
            lines.append(line)
    return "\n".join(lines)


def attachments(nodes: SelectorList, page_url: str) -> tuple[Attachment, ...]:
    seen: dict[str, Attachment] = {}
    for link in nodes.css("a[href]"):
        href = link.attrib.get("href", "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = absolute(page_url, href)
        path = urlsplit(url).path.lower()
        if not is_http_url(url) or not path.endswith(ATTACHMENT_EXT):  # never file:, data:, ftp:
            continue
        name = clean(link.attrib.get("title") or "".join(link.css("::text").getall())) or path.rsplit("/", 1)[-1]
        seen.setdefault(url, Attachment(name=name, url=url))
    return tuple(seen.values())


def detail_from_selectors(sel: Selector, url: str, ctx: ChannelContext, *, title_css: list[str],
                          body_css: list[str], attachment_css: list[str] | None = None) -> DetailPage:
    """Build a DetailPage from declared template selectors (count-checked)."""
    meta = meta_tags(sel)
    meta.update(labelled_values(sel.css("table, dl, ul, ol, div.xxgk_detail_table, .sx-item")))
    title = ""
    for css in title_css:
        title = clean(" ".join(sel.css(css + " ::text").getall()))
        if title:
            break
    title = title or meta.get("ArticleTitle", "") or clean(sel.css("title::text").get())
    _, body_nodes = select_first_of(sel, body_css, ctx)
    body = node_text(body_nodes[0].root)
    att_nodes = body_nodes
    for css in attachment_css or []:
        extra = sel.css(css)
        if extra:
            att_nodes = SelectorList([*body_nodes, *extra])
    return DetailPage(title=title, body=body, meta=meta, attachments=attachments(att_nodes, url))


def generic_detail(text: str, url: str) -> DetailPage:
    """Template-agnostic extraction for pages never seen before (parsers/generic.py): the element
    with the most paragraph text of its own, the page's own title, the byline around the heading
    and every file link outside the site chrome."""
    sel = html_selector(text)
    meta = meta_tags(sel)
    drop_hidden(sel)
    main = main_node(sel)
    # Labelled values anywhere (ul/li rows, div rows, next-element values), then the byline's:
    # a visible 发布日期 is put under its label, so it outranks a hidden PubDate meta (generation time).
    meta.update(labelled_values(sel))
    if "发布日期" in meta and parse_meta_date(meta["发布日期"]) is None:
        del meta["发布日期"]  # "发布时间：<span>2026</span><span>11/20</span>": the label's value is split
    byline = byline_meta(region_text(sel, main))
    for key, value in byline.items():
        meta.setdefault(key, value)
    choice = choose_title(sel, meta, main)
    # An order titled by the rule it promulgates: its heading still carries the number, and the byline
    # sits under the heading, not under the rule's name inside the text.
    heading = order_heading(choice, sel, main)
    if heading and "文号" not in meta and "发文字号" not in meta:
        order = order_in_head(normalise(heading))
        if order:
            meta["文号"] = order.normalised
    anchor = heading.split(" ")[0] if heading else choice.title
    if "发布日期" not in meta:
        under = date_under_heading(sel, main, anchor) or date_above_heading(sel, main, anchor)
        if under:
            meta["发布日期"] = under
    if "发布日期" not in meta and "发文日期" in byline:
        # a 发文日期 (the day it was issued) as the page's only visible date: read as published, as before
        meta["发布日期"] = byline["发文日期"]
    meta.pop("发文日期", None)
    if "文号" not in meta and "发文字号" not in meta:
        number = number_under_heading(sel, main, choice.title)
        if number:
            meta["文号"] = number
    body = node_text(main) if main is not None else ""
    explain = tuple({"field": "title", "rule": rule, "text": text_, "verdict": verdict}
                    for rule, text_, verdict in choice.candidates)
    return DetailPage(title=choice.title, body=body, meta=meta, attachments=page_attachments(sel, url),
                      explain=explain)
