"""The one list loop every platform adapter shares.

A list page, whatever its format, is a sequence of *raw items* — HTML rows (``trs``, ``shanghai``,
``anhui``, ``jcms``, ``generic``, ``jslist`` after ``document.write`` rendering), JavaScript array
rows (``jslist`` ``js_array`` mode) or JSON objects (``gkmlpt``). An adapter supplies only what
differs between families:

* how to find the items (count-checked, e.g. ``select(html_selector(text), list_item, ctx)``) and
  which of them to drop before reading (pinned rows, test rows),
* how to read one item (a ``Reader``: item -> ``Found`` or None; ``HtmlRow`` for HTML rows),
* how the page announces paging (a page count or a next-page link),

packs them into ``RawList`` and calls ``read_list``, which does the rest once: resolves each link
against the page, drops non-http(s) links and links that do not look like articles
(``article_url``), falls back to a date in the URL, builds the ``ListEntry`` objects and raises
``SelectorError`` when items were found but none is an article (a layout change, never "no news").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urldefrag

from parsel import Selector

from parsers.page import ChannelContext, ListEntry, ListPage, clean, clean_title, date_from_url, parse_date
from parsers.urls import absolute, is_http_url
from policywatch.errors import SelectorError

Item = TypeVar("Item")
UrlDate = Callable[[str], dt.date | None]


@dataclass(frozen=True)
class Found:
    """What one raw item says, before the shared checks: its link as written, title, date, 文号."""

    href: str
    title: str
    date: dt.date | None = None
    doc_number: str | None = None


Reader = Callable[[Item], Found | None]  # None: the item is not an entry (no link, no title ...)


@dataclass(frozen=True)
class RawList(Generic[Item]):
    """A list page split into raw items, with what the page says about paging."""

    items: Sequence[Item]  # already count-checked by the adapter
    source: str  # where the items came from ("ul.list li", "articles[]"), named in the error
    base_url: str  # links resolve against this (the page URL, or the column page for proxied lists)
    total_pages: int | None = None
    next_href: str | None = None  # as written on the page; resolved against base_url


def read_list(raw: RawList[Item], read: Reader[Item], ctx: ChannelContext, *, article_url: str | None = None,
              url_date: UrlDate | None = date_from_url) -> ListPage:
    """The list page ``raw`` holds: one entry per item that ``read`` accepts and that links to an
    http(s) article. ``url_date`` dates an entry from its URL when the item shows no date."""
    article = re.compile(article_url) if article_url else None
    entries: list[ListEntry] = []
    for item in raw.items:
        found = read(item)
        entry = _entry(found, raw.base_url, url_date) if found is not None else None
        if entry is not None and (article is None or article.search(entry.url)):
            entries.append(entry)
    if not entries:
        # Items matched but none was an article: still a layout change worth an error.
        raise SelectorError(ctx.key, f"{raw.source} -> article links", 0, ">= 1")
    return ListPage(tuple(entries), raw.total_pages, _next_url(raw))


def _entry(found: Found, base_url: str, url_date: UrlDate | None) -> ListEntry | None:
    if not found.href.strip():
        return None
    url, _ = urldefrag(absolute(base_url, found.href))  # "#25192" / "#1863" name no other document
    if not is_http_url(url):  # javascript:, mailto:, file: ... are never entries
        return None
    date = found.date or (url_date(url) if url_date else None)
    return ListEntry(url=url, title=clean_title(found.title), date=date, doc_number=found.doc_number or None)


def _next_url(raw: RawList[Item]) -> str | None:
    if not raw.next_href:
        return None
    url = absolute(raw.base_url, raw.next_href)
    return url if is_http_url(url) else None


@dataclass(frozen=True)
class HtmlRow:
    """How to read one HTML list row: CSS for its link, title, date and 文号 (None: not on the row).

    A row without a title selector, or whose title selector finds nothing, is titled by its link text.
    """

    link: str = "a::attr(href)"
    title: str | None = "a::attr(title)"
    date: str | None = "span::text"
    doc_number: str | None = None

    def read(self, row: Selector) -> Found | None:
        href = row.css(self.link).get()
        if not href:
            return None
        title = clean(row.css(self.title).get()) if self.title else ""
        title = title or clean(" ".join(row.css("a ::text").getall()))
        date = parse_date(clean(" ".join(row.css(self.date).getall()))) if self.date else None
        doc = clean(row.css(self.doc_number).get()) if self.doc_number else ""
        return Found(href=href, title=title, date=date, doc_number=doc or None)
