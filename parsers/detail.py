"""Detail-page pieces shared by every platform: meta tags, labelled metadata, body text, attachments."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from parsel import Selector, SelectorList

from parsers.model import Attachment
from parsers.platforms.base import ChannelContext, DetailPage, clean, select_first_of
from parsers.urls import absolute, is_http_url

META_NAMES = ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "ColumnName", "ColumnType",
              "Author", "SiteName", "Description")
LABELS = ("发文字号", "文号", "成文日期", "发布日期", "发文机关", "发布机构", "索引号", "主题分类",
          "生效日期", "有效性", "文件编号", "信息提供日期")
_LABEL_RE = re.compile(r"^\s*(" + "|".join(LABELS) + r")\s*[:：]?\s*(.*)$", re.S)
ATTACHMENT_EXT = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar", ".ofd", ".et", ".txt")
_BLOCK_TAGS = ("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section")


def meta_tags(sel: Selector) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in META_NAMES:
        value = sel.xpath(f"//meta[@name='{name}']/@content").get()
        if value and value.strip():
            out[name] = clean(value)
    return out


def labelled_values(sel: Selector | SelectorList) -> dict[str, str]:
    """Find ``发文字号：X`` pairs in tables (td/th), definition lists and spans."""
    out: dict[str, str] = {}
    for node in sel.css("td, th, dt, b, strong, span, li, label, p"):
        own = clean("".join(node.css("::text").getall()))
        match = _LABEL_RE.match(own)
        if not match or match.group(1) in out or len(own) > 80:
            continue
        label, rest = match.group(1), clean(match.group(2))
        if not rest:
            rest = _following_value(node)
        if rest:
            out[label] = rest
    return out


def _following_value(node: Selector) -> str:
    for xpath in ("following-sibling::*[1]", "../following-sibling::*[1]"):
        nxt = node.xpath(xpath)
        if nxt:
            text = clean("".join(nxt[0].css("::text").getall()))
            if text and not _LABEL_RE.match(text):
                return text
    tail = node.xpath("following-sibling::text()[1]").get()
    return clean(tail)


def html_to_text(fragment: str) -> str:
    """Block-aware plain text: one line per paragraph, no scripts or styles, spaces normalised."""
    soup = BeautifulSoup(fragment, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after("\t")
    lines = []
    for raw in soup.get_text().split("\n"):
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
    body = html_to_text(body_nodes[0].get())
    att_nodes = body_nodes
    for css in attachment_css or []:
        extra = sel.css(css)
        if extra:
            att_nodes = SelectorList([*body_nodes, *extra])
    return DetailPage(title=title, body=body, meta=meta, attachments=attachments(att_nodes, url))


_GENERIC_BODY = ["#Zoom", "#zoom", "#mainText", ".TRS_UEDITOR", ".TRS_Editor", ".trs_editor_view",
                 "#ivs_content", ".Article_content", ".news_cont_d_wrap", ".wzcon", ".con_main",
                 ".article-content", ".article", "article", "#content", ".content"]


def generic_detail(text: str, url: str) -> DetailPage:
    """Template-agnostic extraction for pages never seen before: known containers, else the
    element holding the most paragraph text."""
    sel = Selector(text=text)
    meta = meta_tags(sel)
    meta.update(labelled_values(sel.css("table, dl")))
    title = (meta.get("ArticleTitle") or clean(" ".join(sel.css("h1 ::text").getall()))
             or clean(sel.css("title::text").get()))
    body_node = None
    for css in _GENERIC_BODY:
        found = sel.css(css)
        if found and len(clean(" ".join(found[0].css("::text").getall()))) >= 20:
            body_node = found[0]
            break
    if body_node is None:
        best, best_len = None, -1
        for node in sel.css("div, td, section, article, body"):
            length = sum(len(clean(t)) for t in node.xpath("./p//text() | ./text()").getall())
            if length > best_len:
                best, best_len = node, length
        body_node = best
    body = html_to_text(body_node.get()) if body_node is not None else ""
    nodes = SelectorList([body_node]) if body_node is not None else sel.css("body")
    return DetailPage(title=title, body=body, meta=meta, attachments=attachments(nodes, url))
