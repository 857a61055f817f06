"""UCAP / 开普云 sites (cdst.chengdu, kjj.suzhou, gxj.suzhou, kjt.sc, kjt.hlj; issue 20).

What ../shared/reference/pilot-zones.md documents of the family: list rows inside a ``<ucapcontent>``
element, column list pages ``/cNNNN/…shtml`` (``common_list.shtml``, ``part_list_more.shtml``) and
article URLs ending in a 32-hex id (``/szkj/<col>/YYYYMM/<32hex>.shtml``,
``/kjt/gstz/YYYY/MM/DD/<32hex>.shtml``); the detail body ``#UCAP-CONTENT`` is in sites.md. Static HTML,
so the family is a ``trs`` variant with three differences:

* rows are read only inside ``<ucapcontent>`` (a page without it, or with it empty, is a
  SelectorError: a redesign or a stub, never "no news");
* page k of ``…/common_list.shtml`` is ``…/common_list_k.shtml`` (the list file's own stem,
  ``page_name`` ``{stem}_{n}.shtml``) [inferred: the pager's file names are not documented];
* the page count is the pager's ``共 N 页`` or its ``pageCount`` / ``totalPage`` variable, read from
  the page like every TRS form; the date of a row without one comes from a ``/YYYY/MM/DD/`` path
  before the 32-hex id (a ``/YYYYMM/`` path names no day: such a row keeps its own date or none).

Options: ``UcapOptions`` below — those of ``trs`` with UCAP defaults.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import ClassVar
from urllib.parse import urlsplit

from parsers.options import CSS, REGEX, option
from parsers.page import ChannelContext, PageRequest, date_by
from parsers.platforms.trs import TrsOptions, TrsPlatform
from parsers.urls import absolute

HEX_ARTICLE = r"/[0-9a-f]{32}\.s?html$"
_DAY_PATH = re.compile(r"/((?:19|20)\d{2})/(\d{2})/(\d{2})/[0-9a-f]{32}\.s?html$")
_PAGE_COUNT = r"(?:pageCount|totalPage)\s*[:=]\s*['\"]?(\d+)"


@dataclass(frozen=True, kw_only=True)
class UcapOptions(TrsOptions):
    """The ``trs`` options with the UCAP / 开普云 defaults."""

    platform: ClassVar[str] = "ucap"

    list_item: str | None = option("ucapcontent li", "CSS of one list row (inside <ucapcontent>)", kind=CSS)
    article_url: str | None = option(HEX_ARTICLE, "regex an entry URL must match (default: a 32-hex "
                                                  "article id)", kind=REGEX)
    page_name: str = option("{stem}_{n}.shtml", "file name of list page k ({stem} = the list file's "
                                                "name without .shtml, {n} = k - page_offset)")
    page_offset: int = option(0, "subtracted from the page number: 0 = page 2 is {stem}_2", minimum=0)
    total_pattern: str | None = option(_PAGE_COUNT, "regex whose group 1 is the page count, tried before "
                                                    "the common forms", kind=REGEX)
    detail_title: tuple[str, ...] = option(("div.article-title h1", "h1"),
                                           "CSS candidates for the detail title, first match wins", kind=CSS)
    detail_body: tuple[str, ...] = option(("#UCAP-CONTENT", "div.article-content"),
                                          "CSS candidates for the detail body, first match wins", kind=CSS)


def date_from_hex_path(url: str) -> dt.date | None:
    """The date in a UCAP article path ``/YYYY/MM/DD/<32hex>.shtml`` (kjt.sc notices), else None."""
    return date_by(_DAY_PATH, url)


class UcapPlatform(TrsPlatform):
    name = "ucap"
    options: ClassVar[type[TrsOptions]] = UcapOptions

    def page_request(self, ctx: ChannelContext, page: int) -> PageRequest:
        if page <= 1:
            return PageRequest(ctx.url)
        opts = self.options.of(ctx)
        stem = urlsplit(ctx.url).path.rsplit("/", 1)[-1].removesuffix(".shtml") or "index"
        return PageRequest(absolute(ctx.url, opts.page_name.format(stem=stem, n=page - opts.page_offset)))

    @staticmethod
    def url_date(url: str) -> dt.date | None:
        return date_from_hex_path(url)
