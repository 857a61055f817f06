"""Deeply nested pages (1,000+ unclosed ``<font>``, as old WYSIWYG editors leave them) are still archived.

The text walk in ``parsers/detail.py`` used to recurse once per level and raised RecursionError near
1,000 levels: the notice was dropped and the channel flagged on every poll.
"""

from __future__ import annotations

import sys

import pytest

from crawler.registry import context
from crawler.sources import builtin_sources
from parsers.detail import generic_detail, node_text
from parsers.page import html_selector
from parsers.platforms import get_platform
from tests.conftest import SNAPSHOTS

MOST = SNAPSHOTS / "www.most.gov.cn" / "tztg" / "202611" / "t20261120_190101.html"
MOST_URL = "https://www.most.gov.cn/tztg/202611/t20261120_190101.html"


def _nest(depth: int, text: str, tag: str = "font") -> str:
    return f"<{tag} color='red'>" * depth + text  # never closed, like the editor output


@pytest.mark.parametrize("depth", [10, sys.getrecursionlimit() + 200, 5000])
def test_trs_detail_with_deep_nesting_keeps_its_text(depth: int) -> None:
    page = MOST.read_text("utf-8").replace('<div id="Zoom">', '<div id="Zoom">' + _nest(depth, "深层嵌套的正文。"), 1)
    src = next(s for s in builtin_sources() if s.id == "most")
    ch = src.channel("tztg")
    detail = get_platform(ch.platform).parse_detail(page, MOST_URL, context(src, ch))
    assert "深层嵌套的正文" in detail.body
    assert "试验区" in detail.title


@pytest.mark.parametrize("tag", ["font", "div", "span", "table"])
def test_generic_extraction_and_text_walk_survive_any_depth(tag: str) -> None:
    deep = _nest(3000, "各有关单位：正文。", tag)
    html = f"<html><body><h1>关于深层页面的通知</h1><div id='c'>{deep}</div></body></html>"
    assert "各有关单位：正文。" in node_text(html_selector(html).css("#c")[0].root)
    assert "各有关单位" in generic_detail(html, "https://www.example.gov.cn/a.html").body


def test_text_walk_order_is_unchanged_for_ordinary_markup() -> None:
    html = ("<div id='c'>头<p>第一段<b>加粗</b>尾</p><!-- c -->注释后<script>x()</script>脚本后"
            "<table><tr><td>甲</td><td>乙</td></tr></table><p>末段</p></div>")
    assert node_text(html_selector(html).css("#c")[0].root) == "头\n第一段加粗尾\n注释后脚本后\n甲\t乙\n末段"


def test_json_embedded_fragments_and_script_text_survive_too() -> None:
    from parsers.detail import html_to_text
    from parsers.nesting import flatten

    assert "嵌入正文" in html_to_text("<p>" + _nest(4000, "嵌入正文") + "</p>")
    # "<font>" inside a script is not markup and must not be touched; shallow pages pass unchanged.
    page = "<div>" + "<script>var s='<font><font>';</script>" + _nest(300, "x") + "</div>"
    flat = flatten(page, limit=10)
    assert "var s='<font><font>'" in flat and flat.count("<font") == 9 + 2
    shallow = MOST.read_text("utf-8")
    assert flatten(shallow) == shallow
