"""TRS WCM static sites (MOST, Beijing portal and bureaus, Tianjin, Haidian ...).

Lists are static HTML; page 1 is the directory URL and page k is ``index_{k-1}.html`` (or
``index_k`` on some sites: ``page_offset``). The page count sits in an inline script in one of
several forms; all are read, and a site with its own form declares ``total_pattern`` (a regex whose
group 1 is the page count, e.g. the old Tianjin portal's ``parseInt('N')``). Everything
site-specific is a declared option on the registry entry.
"""

from __future__ import annotations

import re
from typing import Any

from parsers.detail import detail_from_selectors
from parsers.page import (
    ChannelContext,
    DetailPage,
    ListEntry,
    ListPage,
    PageRequest,
    clean,
    date_from_url,
    html_selector,
    parse_date,
    select,
)
from parsers.urls import absolute

_TOTAL_PATTERNS = (
    # createPageHTML(totalRecords, totalPages, current, ...) -- 3+ numeric args: pages is arg 2
    re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)"),
    # createPageHTML(totalPages, current, ...) -- 2 numeric args: pages is arg 1
    re.compile(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"][^'\"]"),
    re.compile(r"pagination_script_config\s*=\s*\{[^}]*total\s*:\s*['\"]?(\d+)"),
    re.compile(r"var\s+countPage\s*=\s*['\"]?(\d+)"),
    re.compile(r"totalPage\s*[:=]\s*['\"]?(\d+)"),
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def total_pages(text: str) -> int | None:
    three = _TOTAL_PATTERNS[0].search(text)
    if three:
        return int(three.group(2))
    two = _TOTAL_PATTERNS[1].search(text)
    if two:
        return int(two.group(1))
    for pattern in _TOTAL_PATTERNS[2:]:
        found = pattern.search(text)
        if found:
            return int(found.group(1))
    found = re.search(r"共\s*(\d+)\s*页", text)
    return int(found.group(1)) if found else None


class TrsPlatform:
    name = "trs"

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        if page <= 1:
            return PageRequest(ctx.url)
        offset = int(ctx.opt("page_offset", 1))
        pattern = str(ctx.opt("page_name", "index_{n}.html"))
        return PageRequest(absolute(ctx.url, pattern.format(n=page - offset)))

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        if ctx.opt("strip_comments", False):
            text = _COMMENT.sub("", text)
        sel = html_selector(text)
        rows = select(sel, str(ctx.opt("list_item")), ctx)
        article = re.compile(ctx.opt("article_url")) if ctx.opt("article_url") else None
        entries: list[ListEntry] = []
        for row in rows:
            entry = self._entry(row, url, ctx)
            if entry is None or (article and not article.search(entry.url)):
                continue
            entries.append(entry)
        if not entries:
            # Rows matched but none was an article: still a layout change worth an error.
            from policywatch.errors import SelectorError

            raise SelectorError(ctx.key, f"{ctx.opt('list_item')} -> article links", 0, ">= 1")
        return ListPage(tuple(entries), self.page_count(text, ctx))

    @staticmethod
    def page_count(text: str, ctx: ChannelContext) -> int | None:
        """The declared ``total_pattern`` when the site has one and it matches, else the common TRS forms."""
        pattern = ctx.opt("total_pattern")
        found = re.search(str(pattern), text) if pattern else None
        return int(found.group(1)) if found else total_pages(text)

    def _entry(self, row: Any, url: str, ctx: ChannelContext) -> ListEntry | None:
        skip_css = ctx.opt("skip_if_empty")
        if skip_css and not clean(row.css(skip_css).get()):
            return None  # e.g. Beijing's SEO/test rows with an empty i.flag
        href = row.css(str(ctx.opt("link", "a::attr(href)"))).get()
        if not href:
            return None
        full = absolute(url, href)
        title = clean(row.css(str(ctx.opt("title", "a::attr(title)"))).get())
        if not title:
            title = clean(" ".join(row.css("a ::text").getall()))
        date_css = ctx.opt("date", "span::text")
        date = parse_date(clean(" ".join(row.css(date_css).getall()))) if date_css else None
        doc_css = ctx.opt("doc_number")
        doc = clean(row.css(doc_css).get()) if doc_css else ""
        return ListEntry(url=full, title=title, date=date or date_from_url(full), doc_number=doc or None)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        sel = html_selector(text)
        return detail_from_selectors(
            sel, url, ctx,
            title_css=list(ctx.opt("detail_title", [".xxgk_title", "#Title", "h1"])),
            body_css=list(ctx.opt("detail_body", ["#Zoom", ".TRS_UEDITOR", ".trs_editor_view"])),
            attachment_css=list(ctx.opt("detail_attachments", [])),
        )
