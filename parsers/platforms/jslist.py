"""Lists that only exist inside inline JavaScript (Haidian, legacy Beijing S&T commission).

Two dialects, chosen by the ``mode`` option:

* ``document_write`` (default; zyk.bjhd.gov.cn): each row is emitted by
  ``document.write('<a href="…" title="…">…</a>')``. The written strings are put back in place of
  their ``<script>`` elements, and the resulting HTML is read exactly like a TRS list (options
  ``list_item``, ``link``, ``title``, ``date``, ``article_url`` …). Haidian pages are ``.shtml`` and
  page k is ``index_{k-1}.shtml``: declare ``page_name = "index_{n}.shtml"``.
* ``js_array`` (legacy ``/col/colNNN/`` kw.beijing.gov.cn): rows are parallel array assignments
  ``urls[i]='…';headers[i]="…";year[i]='YYYY';month[i]='MM';day[i]='DD';`` inside the element named
  by ``script_scope`` (default: the whole page).

Detail pages are ordinary TRS pages (``detail_title``, ``detail_body`` …).
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.page import ChannelContext, ListEntry, ListPage, clean, html_selector, select
from parsers.platforms.trs import TrsPlatform
from parsers.urls import absolute, is_http_url
from policywatch.errors import SelectorError

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_WRITE = re.compile(r"""document\.write(?:ln)?\(\s*(?P<q>['"])(?P<s>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*\)""", re.S)
_ASSIGN = re.compile(r"""\b(urls|headers|year|month|day)\[\s*\w+\s*\]\s*=\s*"""
                     r"""(?:(?P<q>['"])(?P<v>(?:\\.|(?!(?P=q)).)*)(?P=q)|(?P<n>\d+))""")
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "", "'": "'", '"': '"', "\\": "\\", "/": "/"}


def js_unescape(value: str) -> str:
    """Undo JavaScript string-literal escapes (``\\'``, ``\\"``, ``\\uXXXX``, ``\\n`` …)."""

    def one(match: re.Match[str]) -> str:
        esc = match.group(1)
        if esc.startswith("u"):
            return chr(int(esc[1:], 16))
        if esc.startswith("x"):
            return chr(int(esc[1:], 16))
        return _JS_ESCAPES.get(esc, esc)

    return re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", one, value, flags=re.S)


def render_document_write(text: str) -> str:
    """Replace every script that only writes markup by the markup it writes."""

    def render(match: re.Match[str]) -> str:
        writes = list(_WRITE.finditer(match.group(1)))
        if not writes:
            return match.group(0)
        return "".join(js_unescape(w.group("s")) for w in writes)

    return _SCRIPT.sub(render, text)


class JsListPlatform(TrsPlatform):
    name = "jslist"

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        mode = str(ctx.opt("mode", "document_write"))
        if mode == "js_array":
            return self._parse_arrays(text, url, ctx)
        if mode != "document_write":
            raise SelectorError(ctx.key, f"jslist mode {mode!r}", 0, "document_write | js_array")
        if not _WRITE.search(text):
            raise SelectorError(ctx.key, "document.write('…')", 0, ">= 1")
        return super().parse_list(render_document_write(text), url, ctx)

    def _parse_arrays(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        scope_css = ctx.opt("script_scope")
        if scope_css:
            sel = html_selector(text)
            scripts = select(sel, f"{scope_css} script::text", ctx).getall()
            source = "\n".join(scripts)
        else:
            source = text
        rows = array_rows(source)
        article = re.compile(ctx.opt("article_url")) if ctx.opt("article_url") else None
        entries = []
        for row in rows:
            entry = _array_entry(row, url)
            if entry is not None and (article is None or article.search(entry.url)):
                entries.append(entry)
        if not entries:
            raise SelectorError(ctx.key, "urls[i]=…;headers[i]=…", 0, ">= 1")
        return ListPage(tuple(entries), self.page_count(text, ctx))


def array_rows(source: str) -> list[dict[str, str]]:
    """Group the assignments into rows in source order.

    The index is usually a loop variable (``urls[i]=…; … i++;``), so rows cannot be keyed by it: a
    row starts whenever a field is assigned that the current row already has.
    """
    rows: list[dict[str, str]] = []
    for match in _ASSIGN.finditer(source):
        field, value = match.group(1), match.group("v")
        value = js_unescape(value) if value is not None else match.group("n")
        if not rows or field in rows[-1]:
            rows.append({})
        rows[-1][field] = value
    return rows


def _array_entry(row: dict[str, str], page_url: str) -> ListEntry | None:
    href, title = row.get("urls", "").strip(), clean(row.get("headers"))
    if not href or not title:
        return None
    full = absolute(page_url, href)
    if not is_http_url(full):
        return None
    date = None
    try:
        date = dt.date(int(row["year"]), int(row["month"]), int(row["day"]))
    except (KeyError, ValueError):
        date = None
    return ListEntry(url=full, title=title, date=date)
