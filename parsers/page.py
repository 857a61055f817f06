"""The parsers vocabulary: what every platform adapter takes and returns (``ChannelContext``,
``PageRequest``, ``ListEntry``, ``ListPage``, ``DetailPage``, the ``Platform`` protocol), plus
count-checked selection, date and text helpers. It imports nothing above it, so generic extraction
(``parsers.detail``) and every adapter can share it without an import cycle. Beside it:
``parsers.options`` (declared adapter options) and ``parsers.listing`` (the shared list loop)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from parsel import Selector, SelectorList

from parsers.model import Attachment
from parsers.nesting import flatten, may_be_too_deep
from parsers.options import AdapterOptions
from policywatch.errors import ParseError, SelectorError


@dataclass(frozen=True)
class ChannelContext:
    """What a parser needs to know about the channel: its key for error messages and its options.

    ``options`` are raw, as the registry entry wrote them; an adapter reads them through its
    declaration (``TrsOptions.of(ctx)`` …), which applies the declared defaults and checks them."""

    key: str  # "most/tztg"
    url: str  # list page 1
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PageRequest:
    url: str
    method: str = "GET"
    body: bytes | None = None
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ListEntry:
    url: str
    title: str
    date: dt.date | None = None
    doc_number: str | None = None

    @property
    def fingerprint(self) -> str:
        """What the list shows about an entry; a change here triggers a detail re-fetch."""
        return f"{self.title}|{self.date.isoformat() if self.date else ''}|{self.doc_number or ''}"


@dataclass(frozen=True)
class ListPage:
    entries: tuple[ListEntry, ...]
    total_pages: int | None = None  # as the page announces it (createPageHTML, countPage, ...)
    next_url: str | None = None  # for sites that link the next page instead of numbering pages
    # The next page exactly as this page's own pager would fetch it (a POST with ids read from the
    # page, a pager variant the page uses); wins over next_url and total_pages.
    next_request: PageRequest | None = None


@dataclass(frozen=True)
class DetailPage:
    title: str
    body: str
    meta: Mapping[str, str] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()
    # Candidates the generic reader weighed (title …) and why each lost: ``parse --explain`` rows.
    explain: tuple[dict[str, str], ...] = field(default=(), compare=False)


class Platform(Protocol):
    name: str

    @property
    def options(self) -> type[AdapterOptions]:
        """The adapter's declared options; the registry validates every channel against them."""
        ...

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest: ...

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage: ...

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage: ...


def next_page_request(platform: Platform, ctx: ChannelContext, listing: ListPage, page: int) -> PageRequest | None:
    """The request for the page after ``page``, as the list page itself announces it: a linked next page
    first, else the numbered page ``page + 1`` while the page count allows. The spider and the tests
    share this one rule, so a test crawl pages exactly like a real one."""
    if listing.next_request is not None:
        return listing.next_request
    if listing.next_url:
        return PageRequest(listing.next_url)
    if listing.total_pages is not None and page < listing.total_pages:
        return platform.page_request(ctx, page + 1)
    return None


# -- selection -----------------------------------------------------------------------

def select(sel: Selector | SelectorList, css: str, ctx: ChannelContext, *, min_items: int = 1,
           max_items: int | None = None) -> SelectorList:
    """CSS select that fails loudly: a layout change raises, it never yields silent "no news"."""
    found = sel.css(css)
    if len(found) < min_items or (max_items is not None and len(found) > max_items):
        expected = f">= {min_items}" if max_items is None else f"{min_items}..{max_items}"
        raise SelectorError(ctx.key, css, len(found), expected)
    return found


def select_first_of(sel: Selector, candidates: list[str], ctx: ChannelContext) -> tuple[str, SelectorList]:
    """The first of several *declared* template variants that matches; all missing is an error."""
    for css in candidates:
        found = sel.css(css)
        if found:
            return css, found
    raise SelectorError(ctx.key, " | ".join(candidates), 0, ">= 1")


def html_selector(text: str) -> Selector:
    if not text or not text.strip():
        raise ParseError("empty page")
    if may_be_too_deep(text):
        text = flatten(text)  # libxml2 would silently drop everything below ~2,000 levels
    try:
        return Selector(text=text, type="html")  # never parsel's JSON mode: a page is HTML
    except Exception as exc:  # lxml raises a zoo of types on hostile input
        raise ParseError(f"unparseable HTML: {exc}") from None


# -- dates -------------------------------------------------------------------------

_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
_URL_DATE = re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_")


def date_by(pattern: re.Pattern[str], text: str | None) -> dt.date | None:
    """The first date ``pattern`` finds in ``text``; its groups 1-3 are year, month, day."""
    match = pattern.search(text) if text else None
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None  # "2019-02-30" on a page is a typo, not a date


def parse_date(text: str | None) -> dt.date | None:
    return date_by(_DATE, text)


def date_from_url(url: str) -> dt.date | None:
    return date_by(_URL_DATE, url)


# A neighbour's text glued to a title: the list date inside the <a> ("…的通知 2026-11-20", "[2026-11-20]"),
# or a detail attribute table's 索引号 before it ("TJSZF-2026-00409 …", "11440300MB2C92/2026-00123 …").
_EDGE_DATE = r"[\s\[(（【]*(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?[\s\])）】]*"
_TRAILING_DATE = re.compile(_EDGE_DATE + "$")
_LEADING_DATE = re.compile("^" + _EDGE_DATE)
_LEADING_INDEX = re.compile(r"^\s*[0-9A-Z]{3,}(?:[-/][0-9A-Za-z]+)*[-/](?:19|20)\d{2}[-/]\d+\s*")


def clean_title(text: str | None) -> str:
    """``text`` cleaned, without a date at either end or an index number in front: never part of a
    title, always a neighbour's text that the selector caught with it."""
    title = clean(text)
    for pattern in (_LEADING_INDEX, _TRAILING_DATE, _LEADING_DATE):
        stripped = pattern.sub("", title).strip()
        title = stripped or title  # a "title" that is only a date stays visible as the bad row it is
    return title


def has_index_prefix(text: str) -> bool:
    return bool(_LEADING_INDEX.match(text))


def clean(text: str | None) -> str:
    if not text:
        return ""
    return " ".join(text.replace("\xa0", " ").replace("\u3000", " ").split())
