"""Shanghai's municipal CMS (www.shanghai.gov.cn, sheitc.sh.gov.cn, stcsm.sh.gov.cn, fgw ...).

Static lists like TRS, with three differences that make it its own family:

* page 2 is ``index_2.html`` (page k = ``index_k``), not ``index_1``;
* the list HTML carries commented-out duplicate rows (``<!-- <li>…</li> -->``), always stripped;
* article URLs are ``/SECTION/YYYYMMDD/<32 hex>.html`` (the date sits in the path), and the portal's
  detail pages have no document meta tags: 文号 and 成文日期 are only in the text, so they are read
  from it here and handed on as labelled metadata.

Options: ``ShanghaiOptions`` below — those of ``trs`` with Shanghai defaults, plus ``doc_number_re``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from parsers.options import CSS, REGEX, option
from parsers.page import ChannelContext, DetailPage, date_by, date_from_url, parse_date
from parsers.platforms.trs import TrsOptions, TrsPlatform

SHHEX_URL = r"/\d{8}/[0-9a-f]{32}\.html$"
_SHHEX_DATE = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/[0-9a-f]{32}\.html$")
_DEFAULT_DOCNUM = r"沪[\u4e00-\u9fff]{0,8}〔\d{4}〕\d+号"
# "成文日期：2026年11月10日" or the signature date right after the issuer at the end of the text.
_WRITTEN = re.compile(r"(?:成文日期|印发日期)\s*[:：]\s*(\S+)")
_SIGNATURE_DATE = re.compile(r"^\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*$", re.M)


@dataclass(frozen=True, kw_only=True)
class ShanghaiOptions(TrsOptions):
    """The ``trs`` options with Shanghai's defaults, plus the issuer's 文号 pattern."""

    platform: ClassVar[str] = "shanghai"

    page_offset: int = option(0, "subtracted from the page number: 0 = page 2 is index_2", minimum=0)
    strip_comments: bool = option(True, "drop <!-- … --> first: commented-out rows are stale duplicates")
    article_url: str | None = option(SHHEX_URL, "regex an entry URL must match (default: shhex "
                                                "/SECTION/YYYYMMDD/<32 hex>.html)", kind=REGEX)
    detail_title: tuple[str, ...] = option(("#ivs_title", "h2.Article-title", "h1"),
                                           "CSS candidates for the detail title, first match wins", kind=CSS)
    detail_body: tuple[str, ...] = option(("div.Article_content", "#ivs_content"),
                                          "CSS candidates for the detail body, first match wins", kind=CSS)
    doc_number_re: str = option(_DEFAULT_DOCNUM, "regex of the issuer's 文号 in the first lines of the text "
                                                 "(default any 沪…〔YYYY〕N号)", kind=REGEX)


def date_from_shhex(url: str) -> dt.date | None:
    return date_by(_SHHEX_DATE, url)


class ShanghaiPlatform(TrsPlatform):
    name = "shanghai"
    options: ClassVar[type[TrsOptions]] = ShanghaiOptions

    @staticmethod
    def url_date(url: str) -> dt.date | None:
        # shhex URLs carry the date in the path; a TRS-style /tYYYYMMDD_ link still counts first
        return date_from_url(url) or date_from_shhex(url)

    def parse_detail(self, text: str, url: str, ctx: ChannelContext) -> DetailPage:
        detail = super().parse_detail(text, url, ctx)
        return replace(detail, meta={**text_meta(detail.body, ShanghaiOptions.of(ctx)), **detail.meta})


def text_meta(body: str, opts: ShanghaiOptions) -> dict[str, str]:
    """文号 and 成文日期 as the text states them (first lines / signature), for pages without meta."""
    meta: dict[str, str] = {}
    head = body[:600]
    doc = re.search(opts.doc_number_re, head)
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
