"""Anhui's 集约化 government-website platform (www.hefei.gov.cn, kjj/jxj.hefei.gov.cn, kjt.ah.gov.cn …).

Column pages ``…/index.html`` list ``ul.doc_list li`` rows (a title link + ``span.date``); the page
count is in the pager script (``pageCount``) or "共N页". Page k is wherever the page's own pager
goes, tried in this order (``next_page_url``):

1. ``Ls.pagination`` / links to ``/content/column/{CID}?pageIndex=N`` (the column's dynamic list);
2. links to ``?pageIndex=N`` on the channel URL itself;
3. else the static ``index_{k}.html`` (declared ``page_name``/``page_offset`` like ``trs``).

Details are ``/public/{site}/{id}.html`` (信息公开) or ``/…/{id}.html``;
every bureau names its body container differently (``.wzcon``, ``.con_main``, ``.newscontnet``
[sic]) — declare the variants in ``detail_body``.

Access: these hosts sit behind Jiasule (``__jsl_clearance`` JS cookie) and a WZWS geo-block (403
``reason:GeoBL``); the spider's block detector reports both as *blocked*, this parser never sees them.

Options: ``AnhuiOptions`` below — those of ``trs`` with Anhui defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import ClassVar
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from parsers.options import CSS, REGEX, option
from parsers.page import ChannelContext, ListPage
from parsers.platforms.trs import TrsOptions, TrsPlatform

ANHUI_ARTICLE = r"/\d{5,12}\.html$"
_PAGE_COUNT = r"pageCount\s*[:=]\s*['\"]?(\d+)"
_COLUMN_PAGER = re.compile(r"/content/column/(\d+)\?pageIndex=")
_QUERY_PAGER = re.compile(r"""href\s*=\s*['"]?\?pageIndex=\d+""")
_STATIC_INDEX = re.compile(r"/index_(\d+)\.html$")


@dataclass(frozen=True, kw_only=True)
class AnhuiOptions(TrsOptions):
    """The ``trs`` options with the defaults the Anhui platform's column pages share."""

    platform: ClassVar[str] = "anhui"

    list_item: str | None = option("ul.doc_list li", "CSS of one list row", kind=CSS)
    date: str | None = option("span.date::text", "CSS of the row's date text", kind=CSS)
    article_url: str | None = option(ANHUI_ARTICLE, "regex an entry URL must match (default numeric "
                                                    "{id}.html)", kind=REGEX)
    page_offset: int = option(0, "subtracted from the page number: 0 = page 2 is index_2", minimum=0)
    total_pattern: str | None = option(_PAGE_COUNT, "regex whose group 1 is the page count (default the "
                                                    "pager script's pageCount)", kind=REGEX)
    detail_title: tuple[str, ...] = option((".wztit", "h1.newstitle", "h1"),
                                           "CSS candidates for the detail title, first match wins", kind=CSS)
    detail_body: tuple[str, ...] = option((".wzcon", ".con_main", ".newscontnet"),
                                          "CSS candidates for the detail body (each bureau names its own)",
                                          kind=CSS)


class AnhuiPlatform(TrsPlatform):
    name = "anhui"
    options: ClassVar[type[TrsOptions]] = AnhuiOptions

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        listing = self.read_rows(text, url, ctx, self.options.of(ctx))
        nxt = next_page_url(text, url, ctx.url, listing.total_pages)
        return replace(listing, next_url=nxt) if nxt else listing


def current_page(url: str) -> int:
    """The page number ``url`` asks for: ``?pageIndex=N``, ``index_N.html``, else 1."""
    parts = urlsplit(url)
    index = dict(parse_qsl(parts.query)).get("pageIndex", "")
    if index.isdigit():
        return max(1, int(index))
    static = _STATIC_INDEX.search(parts.path)
    return int(static.group(1)) if static else 1


def next_page_url(text: str, url: str, channel_url: str, total: int | None) -> str | None:
    """The next page by the pager variant this page uses (module docstring); None: the static
    ``index_k`` names apply (``page_request``) or this is the last page."""
    page = current_page(url)
    if total is None or page >= total:
        return None
    parts = urlsplit(channel_url)
    column = _COLUMN_PAGER.search(text)
    if column:
        return urlunsplit((parts.scheme, parts.netloc, f"/content/column/{column.group(1)}",
                           f"pageIndex={page + 1}", ""))
    if _QUERY_PAGER.search(text):
        return urlunsplit((parts.scheme, parts.netloc, parts.path, f"pageIndex={page + 1}", ""))
    return None
