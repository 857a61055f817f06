"""Template variation: each family's snapshot list pages mutated the way real sites differ.

Every mutation keeps what the page *says* (the notices, their titles, dates, 文号, its paging) and
changes only how it is written: attribute quoting and order, whitespace and line breaks, wrapper
divs, chrome and sidebars with lists of their own, commented-out rows, GBK bytes with the charset
only in ``<meta>``. An adapter must read every variant to exactly the entries of the original.
Paging variations (page sizes 5 to 20, page 2 only through the page's own pager) rebuild a whole
channel instead (``gkmlpt_site``, ``jcms_site``). All randomness is seeded: a failure replays.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

from parsers.decode import decode_html

Mutation = Callable[[str, random.Random], str]

# Markup outside <script> (document.write strings are JavaScript, not markup) plus the CDATA rows of
# Hanweb's <script type="text/xml">, which the adapter parses as HTML.
_SCRIPT = re.compile(r"(<script\b[^>]*>.*?</script>)", re.S | re.I)
_XML_SCRIPT = re.compile(r"<script\b[^>]*type=['\"]text/xml['\"]", re.I)
_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*(/?)>")
_ATTR = re.compile(r"([\w:-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")


def on_markup(mutate: Callable[[str], str]) -> Callable[[str], str]:
    """Apply ``mutate`` to markup only, never inside JavaScript."""

    def apply(text: str) -> str:
        parts = _SCRIPT.split(text)
        out = []
        for part in parts:
            if _SCRIPT.fullmatch(part) and not _XML_SCRIPT.match(part):
                out.append(part)
            else:
                out.append(mutate(part))
        return "".join(out)

    return apply


def _rewrite_tags(text: str, attrs: Callable[[list[tuple[str, str | None]]], list[tuple[str, str | None]]],
                  quote: Callable[[str], str]) -> str:
    def one(match: re.Match[str]) -> str:
        name, raw, close = match.group(1), match.group(2), match.group(3)
        pairs = [(m.group(1), _unquoted(m.group(2))) for m in _ATTR.finditer(raw)]
        written = " ".join(k if v is None else f"{k}={quote(v)}" for k, v in attrs(pairs))
        return f"<{name}{' ' + written if written else ''}{' /' if close else ''}>"

    return _TAG.sub(one, text)


def _unquoted(value: str | None) -> str | None:
    if value is None:
        return None
    return value[1:-1] if value[:1] in "'\"" else value


def single_quotes(text: str, rng: random.Random) -> str:
    return on_markup(lambda t: _rewrite_tags(t, lambda a: a, lambda v: f"'{v}'" if "'" not in v else f'"{v}"'))(text)


def reversed_attributes(text: str, rng: random.Random) -> str:
    return on_markup(lambda t: _rewrite_tags(t, lambda a: list(reversed(a)), lambda v: f'"{v}"'
                                             if '"' not in v else f"'{v}'"))(text)


def shuffled_attributes(text: str, rng: random.Random) -> str:
    def order(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        pairs = list(pairs)
        rng.shuffle(pairs)
        return pairs

    return on_markup(lambda t: _rewrite_tags(t, order, lambda v: f'"{v}"' if '"' not in v else f"'{v}'"))(text)


def line_breaks(text: str, rng: random.Random) -> str:
    # Between tags only: whitespace inside a title or a date cell is the page's content.
    return on_markup(lambda t: re.sub(r">\s*<", lambda _: ">" + "\n" + " " * rng.randint(0, 8) + "\t<", t))(text)


def no_whitespace(text: str, rng: random.Random) -> str:
    return on_markup(lambda t: re.sub(r">\s+<", "><", t))(text)


_SIDEBAR = ('<div class="sidebar"><h3>热点</h3><ul><li><a href="/zt/index.html" title="专题专栏">专题专栏</a>'
            '<span>2026-01-05</span></li><li><a href="javascript:void(0)">收藏本站</a></li></ul>'
            '<ul class="friend-links"><li><a href="https://www.gov.cn/">中国政府网</a></li></ul></div>')
_CHROME = ('<div class="top"><a href="/">首页</a> | <a href="/wza/">无障碍</a><form action="/search">'
           '<input type="text" name="q" value=""></form></div>')


def wrapper_divs(text: str, rng: random.Random) -> str:
    depth = rng.randint(1, 4)
    opening = "".join(f'<div class="w{i}">' for i in range(depth))
    return re.sub(r"(<body[^>]*>)(.*)(</body>)", lambda m: m.group(1) + opening + m.group(2) + "</div>" * depth
                  + m.group(3), text, count=1, flags=re.S | re.I)


def chrome_and_sidebar(text: str, rng: random.Random) -> str:
    footer = '<div class="footer"><ul><li><a href="/sitemap/">网站地图</a></li></ul>主办：某某人民政府</div>'
    return re.sub(r"(<body[^>]*>)(.*)(</body>)", lambda m: m.group(1) + _CHROME + _SIDEBAR + m.group(2) + footer
                  + m.group(3), text, count=1, flags=re.S | re.I)


def commented_rows(text: str, rng: random.Random) -> str:
    """A stale copy of the first row, commented out (Shanghai does this; any site may)."""
    row = re.search(r"<li\b.*?</li>", text, re.S)
    if not row:
        return text
    return text[:row.start()] + "<!-- " + row.group(0) + " -->" + text[row.start():]


_META_CHARSET = re.compile(r"<meta[^>]*charset\s*=\s*['\"]?[\w-]+['\"]?[^>]*>", re.I)


def gbk_meta_only(text: str, rng: random.Random) -> str:
    """Marker: the test encodes this variant as GBK bytes (``as_bytes``)."""
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    text = _META_CHARSET.sub("", text)
    return re.sub(r"(<head[^>]*>)", lambda m: m.group(1) + meta, text, count=1, flags=re.I)


def as_bytes(text: str, mutation: Mutation) -> str:
    """The variant as a browser would read it from bytes without a charset header."""
    if mutation is gbk_meta_only:
        return decode_html(text.encode("gbk"))[0]
    return decode_html(text.encode("utf-8"))[0]


MUTATIONS: dict[str, Mutation] = {
    "single_quotes": single_quotes, "reversed_attributes": reversed_attributes,
    "shuffled_attributes": shuffled_attributes, "line_breaks": line_breaks, "no_whitespace": no_whitespace,
    "wrapper_divs": wrapper_divs, "chrome_and_sidebar": chrome_and_sidebar, "commented_rows": commented_rows,
    "gbk_meta_only": gbk_meta_only,
}


def mutate(text: str, name: str, seed: int) -> str:
    mutation = MUTATIONS[name]
    return as_bytes(mutation(text, random.Random(seed)), mutation)


# -- paging variations: whole channels rebuilt at another page size ----------------------------------

def gkmlpt_site(answer: str, size: int, count: int, api: str) -> dict[str, str]:
    """A gkmlpt category of ``count`` articles served ``size`` per API page (ids made unique)."""
    data = json.loads(answer)
    template = data["articles"]
    articles = []
    for n in range(count):
        art = dict(template[n % len(template)])
        art["id"] = 9_000_000 + n
        art["url"] = re.sub(r"post_\d+", f"post_{art['id']}", str(art["url"]))
        art["title"] = f"{art['title']}（{n}）"
        articles.append(art)
    pages = {}
    for page in range(1, -(-count // size) + 1):
        chunk = articles[(page - 1) * size: page * size]
        pages[f"{api}?page={page}"] = json.dumps({**data, "classify": {**data["classify"], "post_count": count},
                                                  "articles": chunk}, ensure_ascii=False)
    pages[f"{api}?page={-(-count // size) + 1}"] = json.dumps({**data, "articles": []})
    return pages


_RECORD = re.compile(r"<record>.*?</record>", re.S)


def jcms_site(column_page: str, size: int, count: int) -> tuple[str, list[str], list[str]]:
    """A column of ``count`` records, ``size`` per page by its own jpage config: (column page with
    the first ``size`` records, the dataproxy answers for the rest, every record's URL in order)."""
    template = [r for r in _RECORD.findall(column_page) if "置顶" not in r]  # pinned rows are never entries
    records, urls = [], []
    for n in range(count):
        rec = template[n % len(template)]
        new_id = 70_000_000 + n
        rec = re.sub(r"(art_\d+_)\d+", rf"\g<1>{new_id}", rec)
        records.append(rec)
        urls.append(re.search(r"/art/[^\"' ]+?\.html", rec).group(0))  # type: ignore[union-attr]
    body = column_page
    first, last = body.find("<record>"), body.rfind("</record>") + len("</record>")
    body = body[:first] + "".join(records[:size]) + body[last:]
    body = re.sub(r"totalRecord\s*=\s*\d+", f"totalRecord = {count}", body)
    body = re.sub(r"var perpage\s*=\s*\d+", f"var perpage = {size}", body)
    answers = []
    for start in range(size, count, size):
        answers.append("<datastore><recordset>" + "".join(records[start:start + size])
                       + f"</recordset><totalrecord>{count}</totalrecord></datastore>")
    return body, answers, urls


def jsonlist_site(answer: str, items: str, size: int, count: int, *, pages_key: str | None,
                  total_key: str | None, stringly: bool) -> list[str]:
    """A JSON list interface holding ``count`` records that answers ``size`` per page whatever it is
    asked for: the answers for pages 1… plus one empty answer past the end. The record template is
    the snapshot's; article ids are made unique. ``stringly`` writes the counts as strings and the
    keys of every record in reverse order (what another backend of the same interface may do)."""
    data = json.loads(answer)
    *parents, leaf = items.split(".")
    template = _dig(data, parents)[leaf]
    records = []
    for n in range(count):
        rec = dict(template[n % len(template)])
        for key, value in rec.items():
            if isinstance(value, str) and re.search(r"[0-9a-f]{32}", value):
                rec[key] = re.sub(r"[0-9a-f]{32}", f"{n:032x}", value)
        if stringly:
            rec = dict(reversed(list(rec.items())))
        records.append(rec)
    last = -(-count // size)
    out = []
    for page in range(1, last + 2):
        copy = json.loads(answer)
        _dig(copy, parents)[leaf] = records[(page - 1) * size: page * size]
        for key, value in ((total_key, count), (pages_key, last)):
            if key:
                *up, name = key.split(".")
                _dig(copy, up)[name] = str(value) if stringly else value
        out.append(json.dumps(copy, ensure_ascii=False, indent=None if stringly else 2))
    return out


def _dig(data: Any, keys: list[str]) -> Any:
    for key in keys:
        data = data[key]
    return data
