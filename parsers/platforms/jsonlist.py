"""JSON list interfaces behind a portal's list page (苏州 loadData, 黑龙江 /common/search; issue 20).

Some portals build their document lists from a JSON interface: www.suzhou.gov.cn
``/szinf/xxgk/interfacesWebZcwj/loadData`` (field ``C_WJBH`` = 文号) and www.hlj.gov.cn
``/common/search/{channelId}`` (../shared/reference/pilot-zones.md). Like ``gkmlpt``, "list page N"
*is* the interface URL with the page number in its query; the detail pages it links are
server-rendered HTML, read with the declared ``detail_title`` / ``detail_body`` candidates.

Everything that differs between interfaces is a declared option (``JsonListOptions``): the path,
the page and size parameters, where the array sits (``items``, a dotted path) and which fields hold
the link, title, date and 文号. Paging is read from the answer: a page-count field when the interface
has one, else its record count at the size the answer actually holds (``gkmlpt.page_count``);
``page_size`` is only what is asked for. An answer without the array, or with it empty on page 1,
is a SelectorError naming the path; an answer that is not JSON (an HTML stub, a redesign) is a
ParseError — never "no news".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from parsers.detail import detail_from_selectors
from parsers.listing import Found, RawList, read_list
from parsers.options import CSS, REGEX, AdapterOptions, option
from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest, clean, html_selector, parse_date
from parsers.platforms.gkmlpt import epoch_date, page_count
from policywatch.errors import ParseError, SelectorError

_JSON_HEADERS = (("Accept", "application/json, text/javascript, */*; q=0.01"),
                 ("X-Requested-With", "XMLHttpRequest"))


@dataclass(frozen=True, kw_only=True)
class JsonListOptions(AdapterOptions):
    """Where a JSON list interface sits and which fields of its records a notice is read from."""

    platform: ClassVar[str] = "jsonlist"

    api_path: str | None = option(None, "path of the interface on the channel's host", required=True)
    query: str = option("", "fixed query parameters sent with every page (a=1&b=2)")
    page_param: str = option("page", "query parameter of the page number")
    size_param: str | None = option(None, "query parameter of the page size (None: not sent)")
    page_size: int = option(10, "records asked for per page (the answer's own size wins)", minimum=1)
    first_page: int = option(1, "the interface's number of the first page (0 or 1)", minimum=0)
    items: str | None = option(None, "dotted path of the record array in the answer", required=True)
    total: str | None = option(None, "dotted path of the record count (paging)")
    pages: str | None = option(None, "dotted path of the page count (paging; wins over total)")
    url_field: str = option("url", "record field of the article link")
    title_field: str = option("title", "record field of the title")
    date_field: str | None = option(None, "record field of the date (text or epoch seconds/ms)")
    doc_number_field: str | None = option(None, "record field of the 文号")
    article_url: str | None = option(None, "regex an article URL must match", kind=REGEX)
    detail_title: tuple[str, ...] = option(("h1",), "CSS candidates for the detail title", kind=CSS)
    detail_body: tuple[str, ...] = option(("#zoom",), "CSS candidates for the detail body", kind=CSS)


class JsonListPlatform:
    name = "jsonlist"
    options: ClassVar[type[JsonListOptions]] = JsonListOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        opts = JsonListOptions.of(ctx)
        if not opts.api_path or not opts.items:  # a context the registry did not validate
            raise SelectorError(ctx.key, "options api_path/items", 0, "both declared")
        params = parse_qsl(opts.query, keep_blank_values=True)
        params.append((opts.page_param, str(max(page, 1) - 1 + opts.first_page)))
        if opts.size_param:
            params.append((opts.size_param, str(opts.page_size)))
        parts = urlsplit(ctx.url)
        url = urlunsplit((parts.scheme, parts.netloc, opts.api_path, urlencode(params), ""))
        return PageRequest(url, headers=_JSON_HEADERS)

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        opts = JsonListOptions.of(ctx)
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ParseError(f"{ctx.key}: list interface answer is not JSON: {exc}") from None
        records = dig(data, str(opts.items))
        page = self._page_number(url, opts)
        total = _count(dig(data, opts.total)) if opts.total else None
        if isinstance(records, list) and not records and page > 1 and total is not None:
            return ListPage((), total_pages=page - 1)  # past the last page, as the count allowed
        if not isinstance(records, list) or not records:
            raise SelectorError(ctx.key, f"{opts.items}[]", 0, ">= 1")
        announced = _count(dig(data, opts.pages)) if opts.pages else None
        pages = announced or page_count(total, len(records), page, opts.page_size)
        raw = RawList(records, f"{opts.items}[]", ctx.url, total_pages=pages)
        return read_list(raw, lambda item: _record(item, opts), ctx, article_url=opts.article_url)

    @staticmethod
    def _page_number(url: str, opts: JsonListOptions) -> int:
        values = dict(parse_qsl(urlsplit(url).query))
        raw = values.get(opts.page_param, "")
        return max(1, int(raw) + 1 - opts.first_page) if raw.isdigit() else 1

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        opts = JsonListOptions.of(ctx)
        return detail_from_selectors(html_selector(text), url, ctx, title_css=list(opts.detail_title),
                                     body_css=list(opts.detail_body))


def dig(data: Any, path: str | None) -> Any:
    """The value at a dotted path (``data.list``) of a JSON answer, or None where it is missing."""
    if not path:
        return None
    for key in path.split("."):
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _count(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _record(item: Any, opts: JsonListOptions) -> Found | None:
    if not isinstance(item, dict):
        return None
    href, title = item.get(opts.url_field), clean(str(item.get(opts.title_field) or ""))
    if not isinstance(href, str) or not title:
        return None
    doc = clean(str(item.get(opts.doc_number_field) or "")) if opts.doc_number_field else ""
    date = record_date(item.get(opts.date_field)) if opts.date_field else None
    return Found(href=href, title=title, date=date, doc_number=doc or None)


def record_date(value: Any) -> dt.date | None:
    """A record's date: ``2026-11-20`` / ``2026-11-20 09:30:00`` text, or an epoch in s or ms."""
    if isinstance(value, str) and re.fullmatch(r"\d{10,13}", value.strip()):
        value = int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return epoch_date(value)
    return parse_date(value) if isinstance(value, str) else None
