"""User-defined sources: CSS selectors from a TOML file, no code (crawl --sources FILE)."""

from __future__ import annotations

from parsers.detail import detail_from_selectors, generic_detail
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
from parsers.urls import absolute, is_http_url


class GenericPlatform:
    name = "generic"

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        return PageRequest(ctx.url)  # further pages only through the declared next_page link

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        sel = html_selector(text)
        entries: list[ListEntry] = []
        for row in select(sel, str(ctx.opt("list_item")), ctx):
            href = row.css(str(ctx.opt("link", "a::attr(href)"))).get()
            if not href:
                continue
            full = absolute(url, href)
            if not is_http_url(full):
                continue
            title_css = ctx.opt("title")
            title = clean(row.css(title_css).get()) if title_css else ""
            title = title or clean(" ".join(row.css("a ::text").getall()))
            date_css = ctx.opt("date")
            date = parse_date(clean(" ".join(row.css(date_css).getall()))) if date_css else None
            entries.append(ListEntry(url=full, title=title, date=date or date_from_url(full)))
        next_css = ctx.opt("next_page")
        next_href = sel.css(next_css).get() if next_css else None
        next_url = absolute(url, next_href) if next_href else None
        if next_url and not is_http_url(next_url):
            next_url = None
        return ListPage(tuple(entries), None, next_url)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        content = ctx.opt("content")
        if not content:
            return generic_detail(text, url)
        sel = html_selector(text)
        return detail_from_selectors(sel, url, ctx, title_css=["h1"], body_css=[str(content)])
