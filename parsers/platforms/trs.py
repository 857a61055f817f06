"""TRS WCM static sites (MOST, Beijing portal and bureaus, Tianjin, Haidian ...).

Lists are static HTML; page 1 is the directory URL and page k is ``index_{k-1}.html`` (or
``index_k`` on some sites: ``page_offset``). The page count sits in an inline script in one of
several forms; all are read, and a site with its own form declares ``total_pattern`` (a regex whose
group 1 is the page count, e.g. the old Tianjin portal's ``parseInt('N')``). Everything
site-specific is a declared option on the registry entry: see ``TrsOptions`` (``shanghai``,
``anhui`` and ``jslist`` derive theirs from it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import ClassVar

from parsel import Selector

from parsers.detail import detail_from_selectors
from parsers.listing import HtmlRow, RawList, read_list
from parsers.options import CSS, REGEX, AdapterOptions, option
from parsers.page import (
    ChannelContext,
    DetailPage,
    ListPage,
    PageRequest,
    clean,
    date_from_url,
    html_selector,
    select,
)
from parsers.urls import absolute
from policywatch.errors import SelectorError

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


@dataclass(frozen=True, kw_only=True)
class TrsOptions(AdapterOptions):
    """The options of a TRS channel (and, with other defaults, of shanghai, anhui and jslist)."""

    platform: ClassVar[str] = "trs"

    list_item: str | None = option(None, "CSS of one list row", kind=CSS, required=True)
    link: str = option("a::attr(href)", "CSS of the row's link, relative to the row", kind=CSS)
    title: str | None = option("a::attr(title)", "CSS of the row's title (else the link text)", kind=CSS)
    date: str | None = option("span::text", "CSS of the row's date text (None: date from the URL only)",
                              kind=CSS)
    doc_number: str | None = option(None, "CSS of the row's 文号, where the list shows it", kind=CSS)
    skip_if_empty: str | None = option(None, "CSS that must find text, else the row is skipped "
                                             "(Beijing's SEO/test rows have an empty i.flag)", kind=CSS)
    article_url: str | None = option(None, "regex an entry URL must match to count as an article",
                                     kind=REGEX)
    page_name: str = option("index_{n}.html", "file name of list page k ({n} = k - page_offset)")
    page_offset: int = option(1, "subtracted from the page number: 1 = page 2 is index_1", minimum=0)
    strip_comments: bool = option(False, "drop <!-- … --> before reading (commented-out stale rows)")
    total_pattern: str | None = option(None, "regex whose group 1 is the page count, tried before the "
                                             "common TRS forms", kind=REGEX)
    detail_title: tuple[str, ...] = option((".xxgk_title", "#Title", "h1"),
                                           "CSS candidates for the detail title, first match wins", kind=CSS)
    detail_body: tuple[str, ...] = option(("#Zoom", ".TRS_UEDITOR", ".trs_editor_view"),
                                          "CSS candidates for the detail body, first match wins", kind=CSS)
    detail_attachments: tuple[str, ...] = option((), "extra CSS containers whose links are attachments",
                                                 kind=CSS)


class TrsPlatform:
    name = "trs"
    options: ClassVar[type[TrsOptions]] = TrsOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        if page <= 1:
            return PageRequest(ctx.url)
        opts = self.options.of(ctx)
        return PageRequest(absolute(ctx.url, opts.page_name.format(n=page - opts.page_offset)))

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        return self.read_rows(text, url, ctx, self.options.of(ctx))

    def read_rows(self, text: str, url: str, ctx: ChannelContext, opts: TrsOptions) -> ListPage:
        """The shared list loop over the page's ``list_item`` rows (also for rendered jslist pages)."""
        if opts.strip_comments:
            text = _COMMENT.sub("", text)
        if not opts.list_item:
            raise SelectorError(ctx.key, "option list_item", 0, "declared")
        rows = [row for row in select(html_selector(text), opts.list_item, ctx) if not _skipped(row, opts)]
        raw = RawList(rows, opts.list_item, url, total_pages=self.page_count(text, opts))
        reader = HtmlRow(link=opts.link, title=opts.title, date=opts.date, doc_number=opts.doc_number)
        return read_list(raw, reader.read, ctx, article_url=opts.article_url, url_date=self.url_date)

    @staticmethod
    def url_date(url: str) -> dt.date | None:
        """The date an article URL carries, for rows that show none (TRS: ``/t20261129_…``)."""
        return date_from_url(url)

    @staticmethod
    def page_count(text: str, opts: TrsOptions) -> int | None:
        """The declared ``total_pattern`` when the site has one and it matches, else the common TRS forms."""
        found = re.search(opts.total_pattern, text) if opts.total_pattern else None
        return int(found.group(1)) if found else total_pages(text)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        opts = self.options.of(ctx)
        sel = html_selector(text)
        return detail_from_selectors(sel, url, ctx, title_css=list(opts.detail_title),
                                     body_css=list(opts.detail_body),
                                     attachment_css=list(opts.detail_attachments))


def _skipped(row: Selector, opts: TrsOptions) -> bool:
    # e.g. Beijing's SEO/test rows, whose i.flag is empty
    return bool(opts.skip_if_empty) and not clean(row.css(str(opts.skip_if_empty)).get())
