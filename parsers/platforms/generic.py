"""User-defined sources: CSS selectors from a TOML file, no code (crawl --sources FILE).

Options: ``GenericOptions`` below; ``crawler/user_sources.py`` takes the TOML channel keys from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from parsers.detail import detail_from_selectors, generic_detail
from parsers.listing import HtmlRow, RawList, read_list
from parsers.options import CSS, AdapterOptions, option
from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest, html_selector, select


@dataclass(frozen=True, kw_only=True)
class GenericOptions(AdapterOptions):
    """The selectors a user source declares; only ``list_item`` is required."""

    platform: ClassVar[str] = "generic"

    list_item: str | None = option(None, "CSS of one list row", kind=CSS, required=True)
    link: str = option("a::attr(href)", "CSS of the row's link, relative to the row", kind=CSS)
    title: str | None = option(None, "CSS of the row's title (default: the link text)", kind=CSS)
    date: str | None = option(None, "CSS of the row's date text (default: the date in the URL, if any)",
                              kind=CSS)
    next_page: str | None = option(None, "CSS of the next-page link's href (default: page 1 only)", kind=CSS)
    content: str | None = option(None, "CSS of the detail body (default: found by generic extraction)",
                                 kind=CSS)


class GenericPlatform:
    name = "generic"
    options: ClassVar[type[GenericOptions]] = GenericOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        return PageRequest(ctx.url)  # further pages only through the declared next_page link

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        opts = GenericOptions.of(ctx)
        sel = html_selector(text)
        rows = select(sel, str(opts.list_item), ctx)
        next_href = sel.css(opts.next_page).get() if opts.next_page else None
        raw = RawList(rows, str(opts.list_item), url, next_href=next_href)
        return read_list(raw, HtmlRow(link=opts.link, title=opts.title, date=opts.date).read, ctx)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        content = GenericOptions.of(ctx).content
        if not content:
            return generic_detail(text, url)
        sel = html_selector(text)
        return detail_from_selectors(sel, url, ctx, title_css=["h1"], body_css=[content])
