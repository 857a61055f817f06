"""Renderings of a `Digest`: plain text, HTML e-mail, markdown (whole or WeCom-sized
chunks), short push texts for ServerChan/PushPlus, and an Atom feed.

Formatting lives here and transport lives in `notifier.channels` (urlwatch keeps
the two apart the same way). Every function is pure: same digest in, same bytes out.

Escaping rules, because titles come from the open web:
- HTML goes through Jinja2 with autoescape on; links are emitted only for
  http(s) URLs (`safe_url`).
- Markdown has no reliable escape across renderers (WeCom's is undocumented),
  so markup characters in *text* are replaced with their full-width look-alikes
  (`[` → `［`, `<` → `＜`, ...) and newlines are folded: a title can neither open
  a link, a tag nor a new block.
- XML text is built with ElementTree (which escapes `<`, `&`, `>` so `]]>` is
  harmless) after dropping characters XML 1.0 forbids.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
import markupsafe

from notifier.digest import (
    ALERT_CHANGES,
    CHANGES,
    Digest,
    DigestItem,
    digest_prefix,
    digest_subject,
    summarize_events,
)
from parsers.facts.zone_reference import place_heading

WECOM_MARKDOWN_MAX_BYTES = 4096
MIN_CHUNK_BYTES = 512
SERVERCHAN_TITLE_MAX = 32
SERVERCHAN_SHORT_MAX = 64
SERVERCHAN_DESP_MAX_BYTES = 32 * 1024
PUSHPLUS_TITLE_MAX = 100
PUSHPLUS_CONTENT_MAX_CHARS = 20000
HTML_MAX_BYTES = 90 * 1024  # under Gmail's 102 KB clipping, with room for the MIME wrapping

_TEMPLATES = Path(__file__).with_name("templates")

# Badge colours per change kind: (foreground, background) for HTML,
# WeCom's three <font> colours for markdown.
_BADGE_HTML = {
    "new": ("#116329", "#dafbe1"),
    "revised": ("#7d4e00", "#fff8c5"),
    "withdrawn": ("#57606a", "#eaeef2"),
    "repealed": ("#a40e26", "#ffebe9"),
    "reminder": ("#8250df", "#fbefff"),
    "deadline_moved": ("#8250df", "#fbefff"),
    "alert": ("#a40e26", "#ffebe9"),
    "recovered": ("#116329", "#dafbe1"),
}
_BADGE_WECOM = {"new": "info", "revised": "warning", "withdrawn": "comment", "repealed": "warning",
                "reminder": "warning", "deadline_moved": "warning", "alert": "warning", "recovered": "info"}


# ---------------------------------------------------------------------------
# Escaping helpers

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MD_REPLACEMENTS = str.maketrans(
    {
        "[": "［",
        "]": "］",
        "<": "＜",
        ">": "＞",
        "`": "｀",
        "*": "＊",
        "_": "＿",
        "#": "＃",
        "|": "｜",
        "\\": "＼",
        "~": "～",
    }
)
_CODE_REPLACEMENTS = str.maketrans({"`": "'", "<": "＜"})
# Characters never left raw inside a URL we print into markdown/HTML/XML.
_URL_SAFE = "/:?#@!$&'*+,;=%-._~"


def strip_control(text: str) -> str:
    """Drop characters that XML 1.0 forbids (and that no mail client wants)."""
    return _XML_FORBIDDEN.sub("", text)


def escape_markdown(text: str) -> str:
    """Make `text` inert in markdown: no links, tags, emphasis, code, tables, or new blocks."""
    folded = " ".join(strip_control(text).split())
    return folded.translate(_MD_REPLACEMENTS)


def safe_url(url: str | None) -> str | None:
    """Return a printable http(s) URL, or None for anything else (javascript:, data:, ...).

    Characters that could end a markdown link or an attribute (spaces, quotes,
    parentheses, angle brackets) are percent-encoded; existing %XX escapes stay.
    """
    if not url:
        return None
    url = strip_control(url).strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=_URL_SAFE.replace("'", ""))


def truncate_utf8(text: str, max_bytes: int, ellipsis: str = "…") -> str:
    """Shorten `text` to at most `max_bytes` UTF-8 bytes, on a character boundary."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    budget = max_bytes - len(ellipsis.encode("utf-8"))
    if budget <= 0:
        return ""
    cut = text.encode("utf-8")[:budget].decode("utf-8", errors="ignore")
    return cut + ellipsis


def truncate_chars(text: str, max_chars: int, ellipsis: str = "…") -> str:
    return text if len(text) <= max_chars else text[: max(max_chars - len(ellipsis), 0)] + ellipsis


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


# ---------------------------------------------------------------------------
# View model shared by the templates


def _meta_parts(item: DigestItem) -> list[str]:
    parts = ["、".join(item.issuers) if item.issuers else item.source_name]
    if item.deadline:
        parts.insert(0, f"截止 {item.deadline}")  # what a consultant reads first, next to the title
    if item.doc_number:
        parts.append(item.doc_number)
    if item.date:
        parts.append(item.date.isoformat())
    if item.city and item.city not in parts[0]:
        parts.append(item.city)
    if item.also_from:
        parts.append("另见：" + "、".join(item.also_from))
    return parts


def _diff_lines(diff: str | None, max_lines: int = 40) -> list[tuple[str, str]]:
    """Classify diff lines as ("add"|"del"|"ctx", text) for colouring."""
    if not diff:
        return []
    out = []
    for line in diff.splitlines()[:max_lines]:
        kind = "add" if line.startswith("+") else "del" if line.startswith("-") else "ctx"
        out.append((kind, strip_control(line)))
    return out


def _item_fields(item: DigestItem) -> dict[str, Any]:
    fg, bg = _BADGE_HTML[item.change]
    return {
        "change": item.change,
        "badge": item.change_label,
        "badge_fg": fg,
        "badge_bg": bg,
        "title": strip_control(item.title),
        "href": safe_url(item.url),
        "url": strip_control(item.url),
        "meta": " · ".join(strip_control(p) for p in _meta_parts(item)),
        "events": strip_control(summarize_events(item.events)),
        "diff": _diff_lines(item.diff),
        "repealed_by": strip_control(item.repealed_by) if item.repealed_by else None,
        "note": strip_control(item.note) if item.note else None,
    }


# A planned notice goes to thousands of digests as one shared DigestItem object: its view is built
# once. Keyed by identity (items hold dicts, so they do not hash), with the item kept alive in the
# entry so that its id cannot be reused by another object while cached.
_VIEWS: dict[int, tuple[DigestItem, dict[str, Any]]] = {}
_VIEWS_MAX = 4096


def _item_view(index: int, item: DigestItem) -> _ItemView:
    cached = _VIEWS.get(id(item))
    if cached is None or cached[0] is not item:
        if len(_VIEWS) >= _VIEWS_MAX:
            _VIEWS.clear()
        fields = _item_fields(item)
        # The HTML block of an item does not depend on its place in the digest: rendered once too
        # (digest.html puts it where `{% include "_item.html" %}` was, byte for byte); the text block
        # likewise, after its number.
        fields["html"] = markupsafe.Markup(_render("_item.html", it=fields).removesuffix("\n"))
        fields["text"] = _render("_item.txt", it=fields).removesuffix("\n")  # digest.txt: after "N. "
        fields["row"] = _render("_row.html", it=fields)
        cached = _VIEWS[id(item)] = (item, fields)
    return _ItemView(index, cached[1])


class _ItemView:
    """An item's cached fields and its number in this digest, read by the templates as attributes
    (a real attribute is found at once; on a dict, Jinja's attribute lookup fails before it indexes)."""

    __slots__ = ("_fields", "index")

    def __init__(self, index: int, fields: dict[str, Any]) -> None:
        self.index = index
        self._fields = fields

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(name) from None


# E-mail renders a digest twice in a row (text, then HTML): the second call reuses the view.
_LAST_VIEW: list[tuple[Digest, dict[str, Any]]] = []


def _digest_view(digest: Digest) -> dict[str, Any]:
    if _LAST_VIEW and _LAST_VIEW[0][0] is digest:
        return _LAST_VIEW[0][1]
    view = _build_digest_view(digest)
    _LAST_VIEW[:] = [(digest, view)]
    return view


def _build_digest_view(digest: Digest) -> dict[str, Any]:
    items = [_item_view(i, item) for i, item in enumerate(digest.items, 1)]
    headings = place_headings(digest)
    return {
        "subject": strip_control(digest_subject(digest)),
        "name": strip_control(digest.subscription_name),
        "created": digest.created_at.strftime("%Y-%m-%d %H:%M"),
        "items": items,
        # The item blocks joined here, not looped over in the templates: a digest of a big day has
        # hundreds of items and a notify thousands of digests (benchmarks/README.md#notify).
        "rows": markupsafe.Markup("".join(_html_heading(h) + it.row for h, it in zip(headings, items, strict=True))
                                  .removesuffix("\n")),
        "numbered": "".join(f"{_text_heading(h)}{it.index}. {it.text}\n"
                            for h, it in zip(headings, items, strict=True)).removesuffix("\n"),
        "unsubscribe_url": safe_url(digest.unsubscribe_url),
        "unsubscribe_mailto": _safe_mailto(digest.unsubscribe_mailto),
        "preferences_url": safe_url(digest.preferences_url),
    }


def place_headings(digest: Digest) -> list[str | None]:
    """Per item, the province > city heading that opens its group (None inside a group).

    Items arrive grouped by place (notifier.delivery orders them); calls closing soon come first, so
    a place of theirs may head a second group below. A one-place digest, or an ops digest, gets no
    headings at all."""
    places = [item.city for item in digest.items]
    if digest.kind != "notices" or len(set(places)) < 2:
        return [None] * len(places)
    out: list[str | None] = []
    last: str | None = None
    for place in places:
        heading = place_heading(place) if place else "其他"
        out.append(heading if heading != last else None)
        last = heading
    return out


def _text_heading(heading: str | None) -> str:
    return f"【{strip_control(heading)}】\n" if heading else ""


def _html_heading(heading: str | None) -> str:
    if not heading:
        return ""
    return ('<tr><td style="padding:12px 20px 4px 20px;font-size:13px;font-weight:700;color:#57606a;">'
            f"{markupsafe.escape(strip_control(heading))}</td></tr>\n")


def _safe_mailto(value: str | None) -> str | None:
    if not value or not value.lower().startswith("mailto:"):
        return None
    return quote(strip_control(value), safe=_URL_SAFE.replace("'", ""))


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # packaged templates never change at run time; no stat() per include
    )


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


# ---------------------------------------------------------------------------
# Text and HTML e-mail


def render_text(digest: Digest) -> str:
    """The text/plain e-mail part (also the outbox's readable body)."""
    return _render("digest.txt", **_digest_view(digest))


def render_html(digest: Digest, max_bytes: int = HTML_MAX_BYTES) -> str:
    """The text/html e-mail part: inline CSS, single 640px column, readable on phones.

    Gmail clips an HTML body over 102 KB behind "[Message clipped]", hiding the footer with the
    unsubscribe link too. Over ``max_bytes`` the HTML shows as many items as fit and says how many
    more there are; the text/plain part always carries them all.
    """
    view = _digest_view(digest)
    html = _render("digest.html", **view, more=0)
    if utf8_len(html) <= max_bytes:
        return html
    items = view["items"]
    low, high = 0, len(items)  # the largest n whose page fits, by bisection (each render is ~ms)
    while low < high:
        mid = (low + high + 1) // 2
        fits = utf8_len(_html_page(view, mid)) <= max_bytes
        low, high = (mid, high) if fits else (low, mid - 1)
    return _html_page(view, low)


def _html_page(view: dict[str, Any], shown: int) -> str:
    """The HTML digest with only its first ``shown`` items, and a line saying how many more."""
    items = view["items"][:shown]
    rows = markupsafe.Markup("".join(it.row for it in items).removesuffix("\n"))
    return _render("digest.html", **{**view, "items": items, "rows": rows}, more=len(view["items"]) - shown)


# ---------------------------------------------------------------------------
# Markdown


def _md_link(title: str, url: str | None) -> str:
    href = safe_url(url)
    return f"[{title}]({href})" if href else title


def _md_code(text: str) -> str:
    """`text` as an inline code span: markdown shows it as typed and interprets nothing inside, so
    selectors, cookie names and paths in ops alerts survive (escaping would turn ``_`` into ``＿``).
    A backtick could end the span. WeCom's dialect is undocumented, so what would be a tag or a link
    in a renderer that looks inside code anyway (``<``, ``](``) is broken up too."""
    folded = " ".join(strip_control(text).split())
    return "`" + folded.translate(_CODE_REPLACEMENTS).replace("](", "］(") + "`"


def _md_title(item: DigestItem, limit: int | None) -> str:
    # Alert lines are our own diagnostics, not titles from the open web.
    if item.change in ALERT_CHANGES:
        return _md_code(truncate_chars(item.title, limit) if limit else item.title)
    title = escape_markdown(item.title)
    return truncate_chars(title, limit) if limit else title


def _md_item(index: int, item: DigestItem, *, wecom: bool, level: int = 0) -> str:
    """One notice as a markdown block. `level` > 0 drops detail so it fits a small chunk.

    level 0: everything; 1: no diff; 2: title/events clipped; 3: clipped, no link.
    """
    title = _md_title(item, (None, None, 120, 40)[level])
    badge = (
        f'<font color="{_BADGE_WECOM[item.change]}">{item.change_label}</font>'
        if wecom
        else f"〔{item.change_label}〕"
    )
    link = _md_link(title, item.url) if level < 3 else title
    lines = [f"**{index}. {link}** {badge}", "> " + escape_markdown(" · ".join(_meta_parts(item)))]
    events = escape_markdown(summarize_events(item.events))
    if events:
        lines.append("> " + (truncate_chars(events, 60) if level >= 2 else events))
    if item.repealed_by:
        lines.append("> 废止依据：" + truncate_chars(escape_markdown(item.repealed_by), 80))
    if item.note:
        lines.append("> " + truncate_chars(escape_markdown(item.note), 120))
    lines.extend(_md_diff(item, level))
    if level >= 3:
        lines.append("> 内容过长，请在官网查看原文")
    return "\n".join(lines)


def _md_diff(item: DigestItem, level: int) -> list[str]:
    if not item.diff:
        return []
    if level >= 1:
        return ["> 修订内容较长，详见原文链接"]
    shown = [escape_markdown(text) for _, text in _diff_lines(item.diff, max_lines=12)]
    return ["> 修订：" + truncate_chars(line, 200) for line in shown if line]


def _md_header(digest: Digest, label: str = "") -> str:
    name = truncate_chars(escape_markdown(digest.subscription_name), 40)
    suffix = f" {label}" if label else ""
    return f"**{digest_prefix(digest)}{name}**{suffix}"


def render_markdown(digest: Digest) -> str:
    """The whole digest as one generic markdown document (outbox .md, ServerChan)."""
    parts = [_md_header(digest), escape_markdown(digest_subject(digest))]
    headings = place_headings(digest)
    parts += [(f"**【{escape_markdown(h)}】**\n\n" if h else "") + _md_item(i, item, wecom=False)
              for (i, item), h in zip(enumerate(digest.items, 1), headings, strict=True)]
    parts.append(_md_footer(digest))
    return "\n\n".join(p for p in parts if p) + "\n"


def _md_footer(digest: Digest) -> str:
    url = safe_url(digest.unsubscribe_url)
    prefs = safe_url(digest.preferences_url)
    links = [f"[修改订阅]({prefs})"] if prefs else []
    return " · ".join([*links, f"[退订]({url})"]) if url else ""


@dataclass(frozen=True)
class MarkdownChunk:
    """One WeCom markdown message: its text and which digest items it carries."""

    text: str
    item_indices: tuple[int, ...]  # 0-based positions in digest.items
    part: str  # "2" or, after a re-split, "2.1"
    total: int  # N in "(i/N)" of the original split


def _fit_item(index: int, item: DigestItem, budget: int) -> str:
    for level in range(4):
        block = _md_item(index, item, wecom=True, level=level)
        if utf8_len(block) <= budget:
            return block
    # Only reachable with absurd budgets; still never cut inside a character.
    return truncate_utf8(block, budget)


def _pack(
    digest: Digest, indices: Sequence[int], max_bytes: int, label: _Labeler
) -> list[tuple[tuple[int, ...], list[str]]]:
    """Greedy packing of item blocks into groups whose rendered size stays < max_bytes."""
    widest_header = utf8_len(_md_header(digest, label.widest(len(indices)))) + 2  # + "\n\n"
    budget = max_bytes - 1 - widest_header  # "- 1": chunks are strictly under max_bytes
    groups: list[tuple[tuple[int, ...], list[str]]] = []
    current: list[int] = []
    blocks: list[str] = []
    used = 0
    for pos in indices:
        block = _fit_item(pos + 1, digest.items[pos], budget)
        cost = utf8_len(block) + (2 if blocks else 0)
        if blocks and used + cost > budget:
            groups.append((tuple(current), blocks))
            current, blocks, used = [], [], 0
            cost = utf8_len(block)
        current.append(pos)
        blocks.append(block)
        used += cost
    if blocks or not groups:
        groups.append((tuple(current), blocks))
    return groups


@dataclass(frozen=True)
class _Labeler:
    """Builds "(i/N)" labels; after a re-split of part P the parts read "(P.j/N)"."""

    prefix: str
    total: int

    def part(self, j: int) -> str:
        return f"{self.prefix}.{j}" if self.prefix else str(j)

    def label(self, j: int) -> str:
        return f"({self.part(j)}/{self.total})"

    def widest(self, count: int) -> str:
        # Size the header for the longest label this split can produce.
        return f"({self.part(max(count, 1))}/{max(self.total, count, 1)})"


def _chunks(
    digest: Digest, indices: Sequence[int], max_bytes: int, prefix: str, total: int | None
) -> list[MarkdownChunk]:
    if max_bytes < MIN_CHUNK_BYTES:
        raise ValueError(f"max_bytes must be at least {MIN_CHUNK_BYTES}")
    labeler = _Labeler(prefix, total or max(len(indices), 1))
    groups = _pack(digest, indices, max_bytes, labeler)
    if total is None:
        labeler = _Labeler(prefix, len(groups))
    chunks = []
    for j, (group, blocks) in enumerate(groups, 1):
        body = "\n\n".join(blocks) if blocks else "暂无新变化"
        text = _md_header(digest, labeler.label(j)) + "\n\n" + body
        chunks.append(MarkdownChunk(text, group, labeler.part(j), labeler.total))
    return chunks


def wecom_markdown_chunks(digest: Digest, max_bytes: int = WECOM_MARKDOWN_MAX_BYTES) -> list[MarkdownChunk]:
    """Split the digest into WeCom markdown messages, each strictly under `max_bytes` UTF-8 bytes.

    Splits only between notices; each message starts with a "(i/N)" header. A
    notice too big for one message on its own is shortened (diff dropped, then
    title clipped, then link replaced by a note), never cut mid-character.
    """
    return _chunks(digest, range(len(digest.items)), max_bytes, "", None)


def resplit_chunk(digest: Digest, chunk: MarkdownChunk, max_bytes: int) -> list[MarkdownChunk]:
    """Re-split one chunk into smaller ones labelled "(P.1/N)", "(P.2/N)", ...

    Used when the server rejects a chunk as too long (WeCom 40058) although we
    measured it under the limit: numbering of chunks already delivered stays valid.
    """
    return _chunks(digest, chunk.item_indices, max_bytes, chunk.part, chunk.total)


def render_wecom_markdown(digest: Digest, max_bytes: int = WECOM_MARKDOWN_MAX_BYTES) -> list[str]:
    """Texts of `wecom_markdown_chunks` (convenience for callers that only need strings)."""
    return [chunk.text for chunk in wecom_markdown_chunks(digest, max_bytes)]


# ---------------------------------------------------------------------------
# Short pushes: ServerChan and PushPlus


@dataclass(frozen=True)
class PushText:
    title: str
    body: str
    short: str = ""


def _plain_title(digest: Digest, max_chars: int) -> str:
    return truncate_chars(" ".join(strip_control(digest_subject(digest)).split()), max_chars)


def _short_line(digest: Digest, max_chars: int) -> str:
    titles = "；".join(escape_markdown(i.title) for i in digest.items[:3])
    return truncate_chars(f"{len(digest.items)} 条变化：{titles}", max_chars)


def render_serverchan(
    digest: Digest,
    title_max: int = SERVERCHAN_TITLE_MAX,
    desp_max_bytes: int = SERVERCHAN_DESP_MAX_BYTES,
) -> PushText:
    """Title ≤ `title_max` chars, markdown `desp` ≤ `desp_max_bytes`, `short` ≤ 64 chars.

    When the full list does not fit, as many whole items as fit are kept and a
    "另有 N 条" line closes the message.
    """
    head = [_md_header(digest), escape_markdown(digest_subject(digest))]
    blocks = [_md_item(i, item, wecom=False) for i, item in enumerate(digest.items, 1)]
    desp = _fit_blocks(head, blocks, [_md_footer(digest)], desp_max_bytes)
    return PushText(_plain_title(digest, title_max), desp, _short_line(digest, SERVERCHAN_SHORT_MAX))


def _largest_fitting(count: int, fits: Callable[[int], bool]) -> int | None:
    """Largest n in [0, count] with fits(n), assuming fits is monotone; None if even 0 fails."""
    if not fits(0):
        return None
    low, high = 0, count
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


def _fit_blocks(head: list[str], blocks: list[str], tail: list[str], limit: int) -> str:
    """Join head + as many whole blocks as fit + tail (markdown paragraphs) within `limit` bytes."""

    def text(n: int) -> str:
        omitted = len(blocks) - n
        note = [f"……另有 {omitted} 条未列出"] if omitted else []
        return "\n\n".join(p for p in [*head, *blocks[:n], *note, *tail] if p) + "\n"

    n = _largest_fitting(len(blocks), lambda k: utf8_len(text(k)) <= limit)
    return text(n) if n is not None else truncate_utf8(text(0), limit)


def render_pushplus(
    digest: Digest,
    title_max: int = PUSHPLUS_TITLE_MAX,
    content_max_chars: int = PUSHPLUS_CONTENT_MAX_CHARS,
) -> PushText:
    """Compact HTML for PushPlus (≤ `content_max_chars` characters).

    Full items when they all fit; otherwise a linked title list of as many items
    as fit, closed by "另有 N 条" so the reader knows to look elsewhere.
    """
    view = _digest_view(digest)
    title = _plain_title(digest, title_max)
    full = _render("pushplus.html", compact=False, shown=len(view["items"]), **view)
    if len(full) <= content_max_chars:
        return PushText(title, full)

    def compact(n: int) -> str:
        return _render("pushplus.html", compact=True, shown=n, **view)

    n = _largest_fitting(len(view["items"]), lambda k: len(compact(k)) <= content_max_chars)
    if n is None:
        return PushText(title, truncate_chars(view["subject"], content_max_chars))
    return PushText(title, compact(n))


# ---------------------------------------------------------------------------
# Atom

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class AtomEntry:
    """A digest item placed in a feed at a moment (`updated`)."""

    item: DigestItem
    updated: dt.datetime


def atom_entry_id(item: DigestItem) -> str:
    """Stable entry id: one entry per notice and change kind; each distinct revision
    diff gets its own entry, so readers see every revision once."""
    tail = f"notice/{item.notice_id}/{item.change}"
    if item.change == "revised" and item.diff:
        tail += "/" + hashlib.sha1(item.diff.encode("utf-8")).hexdigest()[:12]
    return f"tag:policywatch.local,2024:{tail}"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    if text is not None:
        node.text = strip_control(text)
    return node


def _atom_time(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("Atom timestamps must be timezone-aware")
    return value.isoformat(timespec="seconds")


def _atom_entry(feed: ET.Element, entry: AtomEntry) -> None:
    item = entry.item
    node = _el(feed, "entry")
    _el(node, "id", atom_entry_id(item))
    _el(node, "title", f"〔{item.change_label}〕{item.title}", type="text")
    href = safe_url(item.url)
    if href:
        _el(node, "link", rel="alternate", type="text/html", href=href)
    _el(node, "updated", _atom_time(entry.updated))
    if item.date:
        published = dt.datetime.combine(item.date, dt.time(), tzinfo=entry.updated.tzinfo)
        _el(node, "published", _atom_time(published))
    author = _el(node, "author")
    _el(author, "name", "、".join(item.issuers) or item.source_name)
    _el(node, "category", term=item.change, label=item.change_label)
    _el(node, "category", term=item.source_id, label=item.source_name)
    summary = " · ".join(_meta_parts(item))
    events = summarize_events(item.events)
    _el(node, "summary", f"{summary}\n{events}".strip(), type="text")
    _el(node, "content", _render("entry.html", it=_item_view(0, item)), type="html")


def render_atom(
    feed_id: str,
    title: str,
    items: Sequence[DigestItem | AtomEntry],
    updated: dt.datetime,
    self_url: str,
) -> bytes:
    """An Atom 1.0 document (RFC 4287) for `items`, newest as given first.

    Plain `DigestItem`s are stamped with `updated`; `AtomEntry`s keep their own time.
    """
    # Unqualified tags plus a literal xmlns attribute: ElementTree then writes plain
    # <feed xmlns="...">, which every feed reader expects, without ns0: prefixes.
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "zh-CN"})
    _el(feed, "id", f"tag:policywatch.local,2024:feed/{feed_id}")
    _el(feed, "title", title, type="text")
    _el(feed, "updated", _atom_time(updated))
    link = safe_url(self_url)
    if link:
        _el(feed, "link", rel="self", type="application/atom+xml", href=link)
    _el(_el(feed, "author"), "name", "policywatch")
    _el(feed, "generator", "policywatch")
    for entry in items:
        _atom_entry(feed, entry if isinstance(entry, AtomEntry) else AtomEntry(entry, updated))
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


__all__ = [
    "CHANGES",
    "AtomEntry",
    "MarkdownChunk",
    "PushText",
    "atom_entry_id",
    "escape_markdown",
    "render_atom",
    "render_html",
    "render_markdown",
    "render_pushplus",
    "render_serverchan",
    "render_text",
    "render_wecom_markdown",
    "resplit_chunk",
    "safe_url",
    "truncate_utf8",
    "wecom_markdown_chunks",
]
