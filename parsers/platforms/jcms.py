"""Hanweb (大汉) JCMS column pages (www.hangzhou.gov.cn, kj.hangzhou.gov.cn, jxj.hangzhou.gov.cn …).

The rows are not in the DOM: the column page ``/col/col{ID}/index.html`` embeds them as
``<script type="text/xml"><datastore>…<recordset><record><![CDATA[<li>…</li>]]></record>…``, and the
jpage widget fetches further pages with a POST to ``/module/jpage/dataproxy.jsp?startrecord=…&
endrecord=…&perpage=…`` whose answer is the same ``<datastore>`` XML. Both are read by taking the
CDATA of every ``<record>`` and parsing the rows it holds.

Options: ``columnid``, ``unitid``, ``webid``, ``webname`` (the form the widget posts; required for
page 2+), ``perpage`` (default 15), ``list_item`` (default ``li``), ``link``, ``title``, ``date``,
``skip_marker`` (row text marking pinned rows, default "置顶": a pinned row is an old notice kept on
top, never news), ``article_url``, ``detail_title``, ``detail_body``, ``detail_attachments``.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode, urlsplit, urlunsplit

from parsel import Selector

from parsers.detail import detail_from_selectors
from parsers.page import (
    ChannelContext,
    DetailPage,
    ListEntry,
    ListPage,
    PageRequest,
    clean,
    date_by,
    html_selector,
    parse_date,
    select,
)
from parsers.urls import absolute, is_http_url
from policywatch.errors import SelectorError

ART_URL = r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$"
_ART_DATE = re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/art_")
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_TOTAL = (re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I),
          re.compile(r"totalRecord\s*[:=]\s*['\"]?(\d+)"))


def date_from_art_url(url: str) -> dt.date | None:
    return date_by(_ART_DATE, url)


def records_html(text: str) -> list[str]:
    """The HTML fragments held by ``<record><![CDATA[…]]></record>`` elements."""
    return [m.group(1) for m in _RECORD.finditer(text)]


def total_records(text: str) -> int | None:
    for pattern in _TOTAL:
        found = pattern.search(text)
        if found:
            return int(found.group(1))
    return None


class JcmsPlatform:
    name = "jcms"

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        if page <= 1:
            return PageRequest(ctx.url)
        missing = [k for k in ("columnid", "unitid", "webid", "webname") if not ctx.opt(k)]
        if missing:
            raise SelectorError(ctx.key, f"options {'/'.join(missing)}", 0, "declared for dataproxy paging")
        perpage = int(ctx.opt("perpage", 15))
        start, end = (page - 1) * perpage + 1, page * perpage
        parts = urlsplit(ctx.url)
        query = f"startrecord={start}&endrecord={end}&perpage={perpage}"
        url = urlunsplit((parts.scheme, parts.netloc, "/module/jpage/dataproxy.jsp", query, ""))
        form = urlencode([
            ("col", "1"), ("appid", "1"), ("webid", str(ctx.opt("webid"))), ("path", "/"),
            ("columnid", str(ctx.opt("columnid"))), ("sourceContentType", "1"),
            ("unitid", str(ctx.opt("unitid"))), ("webname", str(ctx.opt("webname"))),
            ("permissiontype", "0"),
        ])
        headers = (("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
                   ("X-Requested-With", "XMLHttpRequest"), ("Referer", ctx.url))
        return PageRequest(url, method="POST", body=form.encode("utf-8"), headers=headers)

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        fragments = records_html(text)
        if not fragments:
            raise SelectorError(ctx.key, "script[type=text/xml] recordset > record", 0, ">= 1")
        # Rows link relative to the column page, also when they come from dataproxy.jsp.
        base = ctx.url if urlsplit(url).path.endswith("dataproxy.jsp") else url
        sel = html_selector("<ul>" + "".join(fragments) + "</ul>")
        rows = select(sel, str(ctx.opt("list_item", "li")), ctx)
        article = re.compile(str(ctx.opt("article_url", ART_URL)))
        marker = str(ctx.opt("skip_marker", "置顶"))
        entries = []
        for row in rows:
            if marker and marker in "".join(row.css("::text").getall()):
                continue
            entry = _entry(row, base, ctx)
            if entry is not None and article.search(entry.url):
                entries.append(entry)
        if not entries:
            raise SelectorError(ctx.key, f"{ctx.opt('list_item', 'li')} -> article links", 0, ">= 1")
        total = total_records(text)
        pages = -(-total // int(ctx.opt("perpage", 15))) if total is not None else None
        return ListPage(tuple(entries), pages)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        sel = html_selector(text)
        return detail_from_selectors(
            sel, url, ctx,
            title_css=list(ctx.opt("detail_title", [".article-title", "h1", ".title"])),
            body_css=list(ctx.opt("detail_body", ["#zoom"])),
            attachment_css=list(ctx.opt("detail_attachments", [])),
        )


def _entry(row: Selector, page_url: str, ctx: ChannelContext) -> ListEntry | None:
    href = row.css(str(ctx.opt("link", "a::attr(href)"))).get()
    if not href:
        return None
    full = absolute(page_url, href)
    if not is_http_url(full):
        return None
    title = clean(row.css(str(ctx.opt("title", "a::attr(title)"))).get())
    title = title or clean(" ".join(row.css("a ::text").getall()))
    date_css = str(ctx.opt("date", "span::text"))
    date = parse_date(clean(" ".join(row.css(date_css).getall())))
    return ListEntry(url=full, title=title, date=date or date_from_art_url(full))
