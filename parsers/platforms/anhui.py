"""Anhui's 集约化 government-website platform (www.hefei.gov.cn, kjj/jxj.hefei.gov.cn, kjt.ah.gov.cn …).

Column pages ``…/index.html`` list ``ul.doc_list li`` rows (a title link + ``span.date``); page k is
``index_{k}.html`` (declared ``page_name``/``page_offset`` like ``trs`` if a site differs) and the
page count is in the pager script (``pageCount``) or "共N页". Details are ``/public/{site}/{id}.html``
(信息公开) or ``/…/{id}.html``; every bureau names its body container differently (``.wzcon``,
``.con_main``, ``.newscontnet`` [sic]) — declare the variants in ``detail_body``.

Access: these hosts sit behind Jiasule (``__jsl_clearance`` JS cookie) and a WZWS geo-block (403
``reason:GeoBL``); the spider's block detector reports both as *blocked*, this parser never sees them.

Options: ``list_item`` (default ``ul.doc_list li``), ``link``, ``title``, ``date`` (default
``span.date::text``), ``article_url`` (default numeric ``{id}.html``), ``page_name``, ``page_offset``
(default 0: page 2 = ``index_2.html``), ``detail_title``, ``detail_body``, ``detail_attachments``.
"""

from __future__ import annotations

from dataclasses import replace

from parsers.page import ChannelContext, DetailPage, ListPage, PageRequest
from parsers.platforms.trs import TrsPlatform

ANHUI_ARTICLE = r"/\d{5,12}\.html$"
_PAGE_COUNT = r"pageCount\s*[:=]\s*['\"]?(\d+)"
_DEFAULTS = {
    "page_offset": 0,  # page 2 is index_2.html
    "total_pattern": _PAGE_COUNT,
    "list_item": "ul.doc_list li",
    "date": "span.date::text",
    "article_url": ANHUI_ARTICLE,
    "detail_title": [".wztit", "h1.newstitle", "h1"],
    "detail_body": [".wzcon", ".con_main", ".newscontnet"],
}


def _with_defaults(ctx: ChannelContext) -> ChannelContext:
    return replace(ctx, options={**_DEFAULTS, **ctx.options})


class AnhuiPlatform(TrsPlatform):
    name = "anhui"

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        return super().page_request(_with_defaults(ctx), page)

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        return super().parse_list(text, url, _with_defaults(ctx))

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        return super().parse_detail(text, url, _with_defaults(ctx))
