"""Hostile page bytes: every parser entry point fails only with ``errors.ParseError`` (or a subclass).

Covers every platform's ``parse_list``/``parse_detail`` on arbitrary text, ``decode_html`` on
arbitrary bytes (never raises), ``parse_bytes`` on arbitrary bytes, and every bundled snapshot cut
short at several points (what a truncated download looks like when DOWNLOAD_FAIL_ON_DATALOSS is off
or a server closes early with a correct but short Content-Length).
"""

from __future__ import annotations

import contextlib
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.registry import context, find_channel
from crawler.sources import builtin_sources
from parsers.decode import decode_html
from parsers.notice import parse_bytes
from parsers.page import ChannelContext
from parsers.platforms import PLATFORMS, get_platform
from policywatch.errors import ParseError
from tests.conftest import SNAPSHOTS

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GENERIC_OPTIONS = {"list_item": "ul li", "title": "a::attr(title)", "date": "span::text",
                   "next_page": "a.next::attr(href)", "content": "#zoom"}


def _contexts() -> dict[str, ChannelContext]:
    """One real channel context per platform (its declared options), generic from a user source."""
    out: dict[str, ChannelContext] = {"generic": ChannelContext("user/x", "http://127.0.0.1/x/", GENERIC_OPTIONS)}
    for src in builtin_sources():
        for ch in src.channels:
            out.setdefault(ch.platform, context(src, ch))
    return out


CONTEXTS = _contexts()

# HTML-ish fragments make the fuzzer reach the selectors instead of failing at "empty page".
_TAGS = st.sampled_from(["<html>", "<body>", "<ul>", "<li>", '<a href="', '">', "</a>", "<span>", "</ul>",
                         '<div id="zoom">', "<h1>", "</h1>", "<script>", "</script>", "<![CDATA[",
                         "]]>", "<record>", "</record>", "<recordset>", 'createPageHTML(', ")", "2026-11-29",
                         "关于", "通知", "\x00", "&#0;", "&#xD800;", "<?xml", "<!--", "-->", '{"', '":', "}",
                         "[", "]", "\\u003C", "index_1.html", "javascript:", "file:///etc/passwd"])
HTMLISH = st.lists(st.one_of(_TAGS, st.text(max_size=20)), max_size=40).map("".join)


def _only_parse_errors(call: Any, *args: Any, **kwargs: Any) -> None:
    with contextlib.suppress(ParseError):
        call(*args, **kwargs)


@pytest.mark.parametrize("name", sorted(PLATFORMS))
@FUZZ
@given(text=st.one_of(HTMLISH, st.text(max_size=300)))
def test_platform_parsers_raise_only_parse_errors(name: str, text: str) -> None:
    platform, ctx = get_platform(name), CONTEXTS[name]
    _only_parse_errors(platform.parse_list, text, ctx.url, ctx)
    _only_parse_errors(platform.parse_detail, text, ctx.url + "t20261129_1.html", ctx)


@FUZZ
@given(data=st.binary(max_size=600), ctype=st.one_of(st.none(), st.text(max_size=40),
                                                      st.sampled_from(["text/html; charset=utf-8",
                                                                       "text/html; charset=nonsense",
                                                                       "text/html; charset=utf-16"])))
def test_decode_html_never_raises(data: bytes, ctype: str | None) -> None:
    text, encoding = decode_html(data, ctype)
    assert isinstance(text, str) and encoding


@FUZZ
@given(prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="utf-32">',
                               b'<meta charset="x-unknown">', b"<html><h1>\xc0\xaf</h1>"]),
       data=st.binary(max_size=400), is_text=st.booleans())
def test_parse_bytes_raises_only_parse_errors(prefix: bytes, data: bytes, is_text: bool) -> None:
    _only_parse_errors(lambda: parse_bytes(prefix + data, "https://www.most.gov.cn/tztg/t1.html", is_text=is_text,
                                                  source=None, channel=None))


def _snapshot_files() -> list[Path]:
    return sorted(p for p in SNAPSHOTS.rglob("*") if p.is_file() and not p.name.endswith(".headers.json"))


@pytest.mark.parametrize("path", _snapshot_files(), ids=lambda p: str(p.relative_to(SNAPSHOTS)))
def test_truncated_snapshots_raise_only_parse_errors(path: Path) -> None:
    url = "https://" + str(path.relative_to(SNAPSHOTS)).split("@", 1)[0]
    found = find_channel(builtin_sources(), url)
    data = path.read_bytes()
    rng = random.Random(path.name)  # reproducible cut points per file
    cuts = {0, 1, len(data) // 2, len(data) - 1, *(rng.randrange(len(data) + 1) for _ in range(4))}
    for cut in sorted(cuts):
        chunk = data[:cut]
        text, _ = decode_html(chunk)
        if found:
            platform, ctx = get_platform(found[1].platform), context(*found)
            _only_parse_errors(platform.parse_list, text, url, ctx)
            _only_parse_errors(platform.parse_detail, text, url, ctx)
            _only_parse_errors(parse_bytes, chunk, url, is_text=False, platform=platform, ctx=ctx,
                               source=None, channel=None)
        _only_parse_errors(parse_bytes, chunk, url, is_text=False, source=None, channel=None)
