"""Guangdong's 政府信息公开目录管理平台 "gkmlpt" (www.sz.gov.cn, stic.sz.gov.cn, gxj.sz.gov.cn …).

The list UI at ``/gkmlpt/index`` is a single-page app; its data comes from a JSON API:
``GET /gkmlpt/api/all/{category}?page=N&sid={SID}`` → ``{"classify": {"post_count": …},
"articles": [{id, title, document_number, publisher, date, display_publish_time, url, …}]}``.
So "list page N" *is* that API URL. Category and SID are declared channel options
(``api_category``, ``sid``) rather than discovered from ``window._CONFIG`` on every poll: the crawl
stays deterministic and a changed SID fails loudly as a SelectorError on the empty answer.

Content pages ``/gkmlpt/content/{ver}/{folder}/post_{id}.html`` are server-rendered, but the body is
a JSON-escaped HTML string in ``window._CONFIG = {… DETAIL: {…, "content": "\\u003Cp\\u003E…"}}``.

Options: ``GkmlptOptions`` below (``api_category`` and ``sid`` are required).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import urlsplit, urlunsplit

from parsers.detail import attachments as html_attachments
from parsers.detail import html_to_text
from parsers.listing import Found, RawList, read_list
from parsers.model import Attachment
from parsers.options import REGEX, AdapterOptions, option
from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest, clean, html_selector
from parsers.urls import absolute, is_http_url
from policywatch.errors import ParseError, SelectorError

CST = dt.timezone(dt.timedelta(hours=8))  # epoch fields are instants; the documents' dates are CST
_DETAIL = re.compile(r"\bDETAIL\s*[:=]\s*")


def epoch_date(value: Any) -> dt.date | None:
    """A gkmlpt epoch (seconds, sometimes milliseconds) as the calendar date in Beijing time."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return None
    seconds = value / 1000 if value > 10**11 else value
    try:
        return dt.datetime.fromtimestamp(seconds, tz=CST).date()
    except (OverflowError, OSError, ValueError):
        return None


@dataclass(frozen=True, kw_only=True)
class GkmlptOptions(AdapterOptions):
    """The options of a gkmlpt catalogue: which API category and site it lists."""

    platform: ClassVar[str] = "gkmlpt"

    api_category: int | str | None = option(None, "the catalogue category id in /gkmlpt/api/all/{id}",
                                            required=True)
    sid: int | str | None = option(None, "the site id (SID in the index page's window._CONFIG)", required=True)
    page_size: int = option(10, "articles per API page, for the page count", minimum=1)
    article_url: str | None = option(None, "regex an article URL must match", kind=REGEX)


class GkmlptPlatform:
    name = "gkmlpt"
    options: ClassVar[type[GkmlptOptions]] = GkmlptOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        opts = GkmlptOptions.of(ctx)
        category, sid = opts.api_category, opts.sid
        if not category or not sid:  # a context the registry did not validate
            raise SelectorError(ctx.key, "options api_category/sid", 0, "both declared")
        parts = urlsplit(ctx.url)
        api = urlunsplit((parts.scheme, parts.netloc, f"/gkmlpt/api/all/{category}",
                          f"page={max(page, 1)}&sid={sid}", ""))
        return PageRequest(api, headers=(("Accept", "application/json, text/plain, */*"),
                                         ("X-Requested-With", "XMLHttpRequest")))

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        opts = GkmlptOptions.of(ctx)
        data = _json(text, "list API answer")
        articles = data.get("articles") if isinstance(data, dict) else None
        page = _page_number(url)
        if isinstance(articles, list) and not articles and page > 1 and _post_count(data) is not None:
            # Past the last page: the count said more might follow (a short last page looks like a
            # full one of a smaller size). Page 1 empty, or no articles[] at all, stays an error.
            return ListPage((), total_pages=page - 1)
        if not isinstance(articles, list) or not articles:
            raise SelectorError(ctx.key, "articles[]", 0, ">= 1")
        pages = page_count(_post_count(data), len(articles), page, opts.page_size)
        raw = RawList(articles, "articles[]", url, total_pages=pages)
        # Dates come from the epoch fields; gkmlpt post URLs carry none to fall back on.
        return read_list(raw, _article, ctx, article_url=opts.article_url, url_date=None)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        detail = _detail_config(text, ctx)
        content = detail.get("content")
        if not isinstance(content, str) or not content.strip():
            raise SelectorError(ctx.key, "_CONFIG.DETAIL.content", 0, "1")
        body = html_to_text(content)
        found = list(html_attachments(html_selector(content).css("body"), url))
        for att in detail.get("attachment") or []:
            if isinstance(att, dict) and att.get("url"):
                full = absolute(url, str(att["url"]))
                if is_http_url(full) and all(a.url != full for a in found):
                    found.append(Attachment(name=clean(str(att.get("name") or "")) or full, url=full))
        title = clean(str(detail.get("title") or ""))
        return DetailPage(title=title, body=body, meta=_meta(detail), attachments=tuple(found))


def _json(text: str, what: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ParseError(f"{what} is not JSON: {exc}") from None


def _article(item: Any) -> Found | None:
    """One ``articles[]`` object of the list API."""
    if not isinstance(item, dict):
        return None
    href, title = item.get("url") or item.get("post_url"), clean(str(item.get("title") or ""))
    if not isinstance(href, str) or not title:
        return None
    date = epoch_date(item.get("display_publish_time")) or epoch_date(item.get("date"))
    doc = clean(str(item.get("document_number") or "")) or None
    return Found(href=href, title=title, date=date, doc_number=doc)


def _post_count(data: Any) -> int | None:
    classify = data.get("classify") if isinstance(data, dict) else None
    count = classify.get("post_count") if isinstance(classify, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) and count >= 0 else None


def _page_number(url: str) -> int:
    found = re.search(r"[?&]page=(\d+)", url)
    return max(1, int(found.group(1))) if found else 1


def page_count(post_count: int | None, served: int, page: int, declared: int) -> int | None:
    """The page count from ``post_count`` and what the answers actually hold, not only the declared size.

    While the declared ``page_size`` says more pages follow, they are asked for. When it says this is
    the last page but the page holds fewer articles than declared and ``post_count`` is not reached at
    the size it does hold, the site pages smaller: the count follows its own size. A short last page
    then costs one more request, whose empty ``articles[]`` ends the list (``parse_list``)."""
    if post_count is None:
        return None
    declared_pages = max(1, math.ceil(post_count / declared))
    if page < declared_pages:
        return declared_pages
    if served < declared and page * served < post_count:
        return math.ceil(post_count / max(served, 1))
    return page


def _detail_config(text: str, ctx: ChannelContext) -> dict[str, Any]:
    match = _DETAIL.search(text)
    if not match:
        raise SelectorError(ctx.key, "_CONFIG.DETAIL", 0, "1")
    try:
        detail, _ = json.JSONDecoder().raw_decode(text, match.end())
    except ValueError as exc:
        raise ParseError(f"_CONFIG.DETAIL is not JSON: {exc}") from None
    if not isinstance(detail, dict):
        raise SelectorError(ctx.key, "_CONFIG.DETAIL", 0, "1 object")
    return detail


def _meta(detail: dict[str, Any]) -> dict[str, str]:
    meta: dict[str, str] = {}
    labels = (("document_number", "发文字号"), ("publisher", "发布机构"), ("identifier", "索引号"))
    for key, label in labels:
        value = clean(str(detail.get(key) or ""))
        if value:
            meta[label] = value
    written = epoch_date(detail.get("date"))
    if written:
        meta["成文日期"] = written.isoformat()
    published = epoch_date(detail.get("display_publish_time") or detail.get("created_at"))
    if published:
        meta["PubDate"] = published.isoformat()
    if detail.get("is_abolished"):
        meta["有效性"] = "已废止"
    elif detail.get("is_expired"):
        meta["有效性"] = "已失效"
    return meta
