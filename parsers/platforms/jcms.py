"""Hanweb (大汉) JCMS column pages (www.hangzhou.gov.cn, kj.hangzhou.gov.cn, jxj.hangzhou.gov.cn …).

The rows are not in the DOM: the column page ``/col/col{ID}/index.html`` embeds them as
``<script type="text/xml"><datastore>…<recordset><record><![CDATA[<li>…</li>]]></record>…``, and the
jpage widget fetches further pages with a POST to ``/module/jpage/dataproxy.jsp?startrecord=…&
endrecord=…&perpage=…`` whose answer is the same ``<datastore>`` XML. Both are read by taking the
CDATA of every ``<record>`` and parsing the rows it holds.

Options: ``JcmsOptions`` below (the widget's form fields for page 2+, the row selectors, the pinned-row
marker: a pinned row is an old notice kept on top, never news).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from parsel import Selector

from parsers.detail import detail_from_selectors
from parsers.listing import HtmlRow, RawList, read_list
from parsers.options import CSS, REGEX, AdapterOptions, option
from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest, date_by, html_selector
from policywatch.errors import SelectorError

ART_URL = r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html$"
_ART_DATE = re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/art_")
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
_TOTAL = (re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I),
          re.compile(r"totalRecord['\"]?\s*[:=]\s*['\"]?(\d+)", re.I))
# The jpage widget's own settings, however the page writes them: `var perpage = 15;`,
# `perPage: 10,`, `"perPage": "5"`, and the ids in its ajaxParam or its nextgroup dataproxy link.
_PER_PAGE = re.compile(r"\bper_?page['\"]?\s*[:=]\s*['\"]?(\d+)", re.I)
_FORM_VALUE = re.compile(r"""\b(columnid|unitid|webid|webname)['"]?\s*[:=]\s*['"]?([^'"&,;}\s<]+)""", re.I)
_FORM_KEYS = ("columnid", "unitid", "webid", "webname")


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


def per_page(text: str) -> int | None:
    found = _PER_PAGE.search(text)
    return (int(found.group(1)) or None) if found else None


def form_values(text: str) -> dict[str, str]:
    """The dataproxy form ids the page's jpage widget uses (first spelling of each wins)."""
    values: dict[str, str] = {}
    for match in _FORM_VALUE.finditer(text):
        values.setdefault(match.group(1).lower(), unquote(match.group(2)))
    return values


_FORM_ID = "the widget's form field, needed for page 2+; read from the page's jpage config when it has one"


@dataclass(frozen=True, kw_only=True)
class JcmsOptions(AdapterOptions):
    """The options of a Hanweb JCMS column: the jpage widget's form and the row selectors."""

    platform: ClassVar[str] = "jcms"

    columnid: int | str | None = option(None, f"column id ({_FORM_ID})")
    unitid: int | str | None = option(None, f"unit id ({_FORM_ID})")
    webid: int | str | None = option(None, f"site id ({_FORM_ID})")
    webname: str | None = option(None, f"site name ({_FORM_ID})")
    perpage: int = option(15, "rows per dataproxy page, as the widget asks for them", minimum=1)
    list_item: str = option("li", "CSS of one row inside the <record> fragments", kind=CSS)
    link: str = option("a::attr(href)", "CSS of the row's link, relative to the row", kind=CSS)
    title: str | None = option("a::attr(title)", "CSS of the row's title (else the link text)", kind=CSS)
    date: str | None = option("span::text", "CSS of the row's date text (else the date in the /art/ URL)",
                              kind=CSS)
    skip_marker: str = option("置顶", "row text marking a pinned row, which is skipped (empty: none)")
    article_url: str = option(ART_URL, "regex an entry URL must match (default /art/Y/M/D/art_…html)",
                              kind=REGEX)
    detail_title: tuple[str, ...] = option((".article-title", "h1", ".title"),
                                           "CSS candidates for the detail title, first match wins", kind=CSS)
    detail_body: tuple[str, ...] = option(("#zoom",), "CSS candidates for the detail body, first match wins",
                                          kind=CSS)
    detail_attachments: tuple[str, ...] = option((), "extra CSS containers whose links are attachments",
                                                 kind=CSS)


class JcmsPlatform:
    name = "jcms"
    options: ClassVar[type[JcmsOptions]] = JcmsOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        if page <= 1:
            return PageRequest(ctx.url)
        opts = JcmsOptions.of(ctx)
        return dataproxy_request(ctx, page, opts.perpage, _declared_form(opts))

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        opts = JcmsOptions.of(ctx)
        fragments = records_html(text)
        if not fragments:
            raise SelectorError(ctx.key, "script[type=text/xml] recordset > record", 0, ">= 1")
        # Rows link relative to the column page, also when they come from dataproxy.jsp.
        base = ctx.url if urlsplit(url).path.endswith("dataproxy.jsp") else url
        rows = [row for row in record_rows(fragments, opts.list_item) if not _pinned(row, opts.skip_marker)]
        page, size, form = _paging(text, url, opts)
        total = total_records(text)
        pages = -(-total // size) if total is not None else None
        raw = RawList(rows, f"<record> rows ({opts.list_item})", base, total_pages=pages)
        reader = HtmlRow(link=opts.link, title=opts.title, date=opts.date)
        listing = read_list(raw, reader.read, ctx, article_url=opts.article_url, url_date=date_from_art_url)
        if pages is None or page >= pages:
            return listing
        return replace(listing, next_request=dataproxy_request(ctx, page + 1, size, form))

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        opts = JcmsOptions.of(ctx)
        return detail_from_selectors(html_selector(text), url, ctx, title_css=list(opts.detail_title),
                                     body_css=list(opts.detail_body),
                                     attachment_css=list(opts.detail_attachments))


def _pinned(row: Selector, marker: str) -> bool:
    return bool(marker) and marker in "".join(row.css("::text").getall())


def record_rows(fragments: list[str], list_item: str) -> list[Selector]:
    """One row per ``<record>``: the ``list_item`` element(s) it holds, else the record itself (the
    bureau widgets write bare ``<a>…</a><span>date</span>`` records, no ``<li>``)."""
    rows: list[Selector] = []
    for fragment in fragments:
        record = Selector(text=f"<div>{fragment}</div>").css("body > div")
        inner = record.css(list_item)
        rows.extend(inner if inner else record)
    return rows


def _declared_form(opts: JcmsOptions) -> dict[str, str]:
    declared = {"columnid": opts.columnid, "unitid": opts.unitid, "webid": opts.webid, "webname": opts.webname}
    return {k: str(v) for k, v in declared.items() if v}


def _paging(text: str, url: str, opts: JcmsOptions) -> tuple[int, int, dict[str, str]]:
    """(this page's number, rows per page, dataproxy form) as the page itself says them: the column
    page's jpage config, or the startrecord/perpage of the dataproxy request that fetched it; the
    declared options only where the page is silent."""
    query = dict(parse_qsl(urlsplit(url).query))
    size = per_page(text) or _int(query.get("perpage")) or opts.perpage
    start = _int(query.get("startrecord")) or 1
    form = {**_declared_form(opts), **{k: v for k, v in form_values(text).items() if k in _FORM_KEYS}}
    return (start - 1) // size + 1, size, form


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def dataproxy_request(ctx: ChannelContext, page: int, size: int, form: dict[str, str]) -> PageRequest:
    """Page ``page`` as the jpage widget asks for it: a POST to dataproxy.jsp with its form."""
    missing = [k for k in _FORM_KEYS if not form.get(k)]
    if missing:
        raise SelectorError(ctx.key, f"options {'/'.join(missing)}", 0, "declared for dataproxy paging")
    start, end = (page - 1) * size + 1, page * size
    parts = urlsplit(ctx.url)
    query = f"startrecord={start}&endrecord={end}&perpage={size}"
    url = urlunsplit((parts.scheme, parts.netloc, "/module/jpage/dataproxy.jsp", query, ""))
    body = urlencode([
        ("col", "1"), ("appid", "1"), ("webid", form["webid"]), ("path", "/"),
        ("columnid", form["columnid"]), ("sourceContentType", "1"),
        ("unitid", form["unitid"]), ("webname", form["webname"]),
        ("permissiontype", "0"),
    ])
    headers = (("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"),
               ("X-Requested-With", "XMLHttpRequest"), ("Referer", ctx.url))
    return PageRequest(url, method="POST", body=body.encode("utf-8"), headers=headers)
