"""Crawl the independent pages the way the spider would, without a network: page 1 is the channel's
own first request, further pages are whatever the adapter asks for next (``next_page_request``, the
spider's own rule). A page the adapter asks for that does not exist ends the channel there, as a 404
would; it is counted, never hidden."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.mirror_server import resolve
from parsers.decode import decode_html
from parsers.page import ListEntry, PageRequest
from policywatch.errors import ParseError
from tests.sources.conftest import channel_parts

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
EXPECTED = json.loads((HERE / "expected.json").read_text("utf-8"))
MAX_PAGES = 6


@dataclass
class Crawl:
    entries: list[ListEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def page_text(request: PageRequest) -> str | None:
    parts = urlsplit(request.url)
    found = resolve(PAGES / parts.netloc, parts.path, parts.query, request.body)
    return decode_html(found.read_bytes())[0] if found is not None else None


def crawl(key: str) -> Crawl:
    from parsers.page import next_page_request

    _, ctx, platform = channel_parts(key)
    out = Crawl()
    request: PageRequest | None = platform.page_request(ctx, 1)
    for page in range(1, MAX_PAGES + 1):
        if request is None:
            break
        text = page_text(request)
        if text is None:
            out.problems.append(f"page {page}: 404 {request.method} {request.url}")
            break
        try:
            listing = platform.parse_list(text, request.url, ctx)
        except ParseError as exc:
            out.problems.append(f"page {page}: {type(exc).__name__}: {exc}")
            break
        out.entries.extend(listing.entries)
        request = next_page_request(platform, ctx, listing, page)
    return out


def expected(key: str) -> list[tuple[str, str, str, str | None]]:
    return [tuple(row) for row in EXPECTED["lists"][key]]  # type: ignore[misc]


def as_row(entry: ListEntry) -> tuple[str, str, str, str | None]:
    return (entry.url, entry.title, entry.date.isoformat() if entry.date else "", entry.doc_number)


def score(key: str) -> tuple[int, int, list[str]]:
    """(notices found with the right url, title, date and 文号; notices expected; what went wrong)."""
    result = crawl(key)
    got = {as_row(e) for e in result.entries}
    by_url = {e.url: as_row(e) for e in result.entries}
    want = expected(key)
    notes = list(result.problems)
    for row in want:
        if row not in got:
            notes.append(f"wrong {by_url[row[0]]} != {row}" if row[0] in by_url else f"missing {row[0]}")
    return sum(row in got for row in want), len(want), notes


def stored_title(key: str, url: str) -> str:
    """The title the store would keep for ``url``: its detail page read with its list entry."""
    from parsers.notice import build_record

    _, ctx, platform = channel_parts(key)
    entry = next(e for e in crawl(key).entries if e.url == url)
    text = page_text(PageRequest(url))
    assert text is not None, f"no independent page for {url}"
    return build_record(platform.parse_detail(text, url, ctx), url, source=None, channel=None, entry=entry).title


def detail_cases() -> list[tuple[str, str, str]]:
    return [(key, url, title) for key, titles in EXPECTED["detail_titles"].items() for url, title in titles.items()]


def report() -> str:
    lines, total, found = [], 0, 0
    for key in EXPECTED["lists"]:
        ok, n, notes = score(key)
        found, total = found + ok, total + n
        lines.append(f"{key:22} {ok:3}/{n:<3} " + ("; ".join(notes)[:300] if notes else ""))
    lines.append(f"{'total':22} {found:3}/{total:<3} ({100 * found // max(total, 1)}%)")
    for key, url, title in detail_cases():
        got = stored_title(key, url)
        lines.append(f"stored title {key}: {'ok' if got == title else 'WRONG ' + got}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
