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

Detail pages are ordinary TRS pages (``detail_title``, ``detail_body`` …). Options: ``JsListOptions``
below — those of ``trs`` plus ``mode`` and ``script_scope``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import ClassVar

from parsers.listing import Found, RawList, read_list
from parsers.options import CSS, option
from parsers.page import ChannelContext, ListPage, clean, html_selector, select
from parsers.platforms.trs import TrsOptions, TrsPlatform
from policywatch.errors import SelectorError

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_WRITE_CALL = re.compile(r"document\.write(?:ln)?\s*\(")
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
    """Replace every script that writes markup by the markup it writes (``written``)."""

    def render(match: re.Match[str]) -> str:
        out = written(match.group(1))
        return match.group(0) if out is None else out

    return _SCRIPT.sub(render, text)


# Tokens of the little JavaScript the list scripts use: string literals, names, `+ = , ( ) ;`.
_TOKEN = re.compile(r"""(?P<str>'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*")|(?P<name>[A-Za-z_$][\w$.]*)|(?P<op>[+=,();])"""
                    r"""|(?P<other>\S)""", re.S)
_WRITERS = {"document.write", "document.writeln"}


def written(script: str) -> str | None:
    """What a script writes with ``document.write`` (None: it writes nothing, keep it as it is).

    Real rows write in single or double quotes, concatenate literals and variables with ``+``,
    escape quotes, split one row over several writes, or build it in ``var`` strings first; all are
    the same small language: assignments of ``+``-joined strings, then writes of them. A write whose
    value cannot be known (a function call, an unknown name) writes nothing rather than guessing."""
    tokens = [(m.lastgroup or "", m.group()) for m in _TOKEN.finditer(script)]
    env: dict[str, str] = {}
    out: list[str] = []
    wrote = False
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "name" and value in _WRITERS and _at(tokens, i + 1) == "(":
            wrote = True
            i, parts = _arguments(tokens, i + 2, env)
            out.extend(p for p in parts if p is not None)
            continue
        if kind == "name" and _at(tokens, i + 1) == "=" and _at(tokens, i + 2) != "=":
            i, result = _expression(tokens, i + 2, env)
            if result is None:
                env.pop(value, None)
            else:
                env[value] = result
            continue
        i += 1
    return "".join(out) if wrote else None


def _at(tokens: list[tuple[str, str]], i: int) -> str:
    return tokens[i][1] if i < len(tokens) else ""


def _arguments(tokens: list[tuple[str, str]], i: int, env: dict[str, str]) -> tuple[int, list[str | None]]:
    parts: list[str | None] = []
    while i < len(tokens) and _at(tokens, i) != ")":
        i, value = _expression(tokens, i, env)
        parts.append(value)
        if _at(tokens, i) == ",":
            i += 1
        elif _at(tokens, i) != ")":
            return i, [None]  # not a plain list of strings: write nothing
    return i + 1, parts


def _expression(tokens: list[tuple[str, str]], i: int, env: dict[str, str]) -> tuple[int, str | None]:
    """A ``+``-joined run of string literals, known names and parenthesised runs."""
    pieces: list[str | None] = []
    while True:
        i, piece = _operand(tokens, i, env)
        pieces.append(piece)
        if _at(tokens, i) != "+":
            break
        i += 1
    if any(p is None for p in pieces):
        return i, None
    return i, "".join(p for p in pieces if p is not None)


def _operand(tokens: list[tuple[str, str]], i: int, env: dict[str, str]) -> tuple[int, str | None]:
    if i >= len(tokens):
        return i, None
    kind, value = tokens[i]
    if kind == "str":
        return i + 1, js_unescape(value[1:-1])
    if kind == "name":
        if _at(tokens, i + 1) == "(":  # a call: its value is unknown
            return i + 1, None
        return i + 1, env.get(value)
    if value == "(":
        i, inner = _expression(tokens, i + 1, env)
        return (i + 1 if _at(tokens, i) == ")" else i), inner
    return i + 1, None


@dataclass(frozen=True, kw_only=True)
class JsListOptions(TrsOptions):
    """The ``trs`` options (read after ``document.write`` rendering) plus the dialect and its scope."""

    platform: ClassVar[str] = "jslist"

    mode: str = option("document_write", "which JavaScript dialect holds the rows",
                       choices=("document_write", "js_array"))
    list_item: str | None = option(None, "CSS of one rendered list row (required in document_write mode)",
                                   kind=CSS)
    script_scope: str | None = option(None, "CSS of the element whose scripts hold the js_array rows "
                                            "(default: the whole page)", kind=CSS)

    def required_together(self) -> tuple[str, str] | None:
        if self.mode == "document_write" and not self.list_item:
            return "list_item", "required in document_write mode: CSS of one rendered list row"
        return None


_ARRAY_ROWS = "urls[i]=…;headers[i]=…"


class JsListPlatform(TrsPlatform):
    name = "jslist"
    options: ClassVar[type[TrsOptions]] = JsListOptions

    def parse_list(self, text: str, url: str, ctx: ChannelContext) -> ListPage:
        opts = JsListOptions.of(ctx)
        if opts.mode == "js_array":
            return self._parse_arrays(text, url, ctx, opts)
        if not _WRITE_CALL.search(text):
            raise SelectorError(ctx.key, "document.write(…)", 0, ">= 1")
        return self.read_rows(render_document_write(text), url, ctx, opts)

    def _parse_arrays(self, text: str, url: str, ctx: ChannelContext, opts: JsListOptions) -> ListPage:
        if opts.script_scope:
            scripts = select(html_selector(text), f"{opts.script_scope} script::text", ctx).getall()
            source = "\n".join(scripts)
        else:
            source = text
        raw = RawList(array_rows(source), _ARRAY_ROWS, url, total_pages=self.page_count(text, opts))
        # The rows carry their own year/month/day; their /art/ URLs hold no TRS date to fall back on.
        return read_list(raw, _array_row, ctx, article_url=opts.article_url, url_date=None)


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


def _array_row(row: dict[str, str]) -> Found | None:
    href, title = row.get("urls", "").strip(), clean(row.get("headers"))
    if not href or not title:
        return None
    try:
        date: dt.date | None = dt.date(int(row["year"]), int(row["month"]), int(row["day"]))
    except (KeyError, ValueError):
        date = None
    return Found(href=href, title=title, date=date)
