"""Anhui's 集约化 government-website platform (www.hefei.gov.cn, kjj/jxj.hefei.gov.cn, kjt.ah.gov.cn …).

Column pages ``…/index.html`` list ``ul.doc_list li`` rows (a title link + ``span.date``); page k is
``index_{k}.html`` (declared ``page_name``/``page_offset`` like ``trs`` if a site differs) and the
page count is in the pager script (``pageCount``) or "共N页". Details are ``/public/{site}/{id}.html``
(信息公开) or ``/…/{id}.html``; every bureau names its body container differently (``.wzcon``,
``.con_main``, ``.newscontnet`` [sic]) — declare the variants in ``detail_body``.

Access: these hosts sit behind Jiasule (``__jsl_clearance`` JS cookie) and a WZWS geo-block (403
``reason:GeoBL``); the spider's block detector reports both as *blocked*, this parser never sees them.

Options: ``AnhuiOptions`` below — those of ``trs`` with Anhui defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from parsers.options import CSS, REGEX, option
from parsers.platforms.trs import TrsOptions, TrsPlatform

ANHUI_ARTICLE = r"/\d{5,12}\.html$"
_PAGE_COUNT = r"pageCount\s*[:=]\s*['\"]?(\d+)"


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
