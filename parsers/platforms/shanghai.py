"""Shanghai's municipal CMS (www.shanghai.gov.cn, sheitc.sh.gov.cn, stcsm.sh.gov.cn, fgw ...).

Static lists like TRS, with three differences that make it its own family:

* page 2 is ``index_2.html`` (page k = ``index_k``), not ``index_1``;
* the list HTML carries commented-out duplicate rows (``<!-- <li>…</li> -->``), always stripped;
* article URLs are ``/SECTION/YYYYMMDD/<32 hex>.html`` (the date sits in the path), and the portal's
  detail pages have no document meta tags: 文号 and 成文日期 are only in the text, so they are read
  from it here and handed on as labelled metadata.

Options: those of ``trs`` (``list_item``, ``link``, ``title``, ``date``, ``detail_title``,
``detail_body``, ``detail_attachments``, ``page_name``) plus ``doc_number_re`` (the issuer's 文号
pattern; default any ``沪…〔YYYY〕N号``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest, date_by, parse_date
from parsers.platforms.trs import TrsPlatform

SHHEX_URL = r"/\d{8}/[0-9a-f]{32}\.html$"
_SHHEX_DATE = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/[0-9a-f]{32}\.html$")
_DEFAULT_DOCNUM = r"沪[\u4e00-\u9fff]{0,8}〔\d{4}〕\d+号"
# "成文日期：2026年11月10日" or the signature date right after the issuer at the end of the text.
_WRITTEN = re.compile(r"(?:成文日期|印发日期)\s*[:：]\s*(\S+)")
_SIGNATURE_DATE = re.compile(r"^\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*$", re.M)
_DEFAULTS = {
    "page_offset": 0,  # page 2 is index_2.html, not index_1
    "strip_comments": True,  # commented-out rows are stale duplicates of live ones
    "article_url": SHHEX_URL,
    "detail_body": ["div.Article_content", "#ivs_content"],
    "detail_title": ["#ivs_title", "h2.Article-title", "h1"],
}


def _with_defaults(ctx: ChannelContext) -> ChannelContext:
    return replace(ctx, options={**_DEFAULTS, **ctx.options})


def date_from_shhex(url: str) -> dt.date | None:
    return date_by(_SHHEX_DATE, url)


class ShanghaiPlatform(TrsPlatform):
    name = "shanghai"

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        return super().page_request(_with_defaults(ctx), page)

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        listing = super().parse_list(text, url, _with_defaults(ctx))
        entries = tuple(e if e.date else replace(e, date=date_from_shhex(e.url)) for e in listing.entries)
        return replace(listing, entries=entries)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        ctx = _with_defaults(ctx)
        detail = super().parse_detail(text, url, ctx)
        return replace(detail, meta={**text_meta(detail.body, ctx), **detail.meta})


def text_meta(body: str, ctx: ChannelContext) -> dict[str, str]:
    """文号 and 成文日期 as the text states them (first lines / signature), for pages without meta."""
    meta: dict[str, str] = {}
    head = body[:600]
    doc = re.search(str(ctx.opt("doc_number_re", _DEFAULT_DOCNUM)), head)
    if doc:
        meta["发文字号"] = doc.group(0)
    written = _WRITTEN.search(body)
    raw = written.group(1) if written else None
    if raw is None:
        signatures = _SIGNATURE_DATE.findall(body)
        raw = signatures[0] if signatures else None
    if raw and parse_date(raw):
        meta["成文日期"] = raw
    return meta
