"""Pages written for the issue-15 rule tests: one document laid out in many templates, and variations
of a page (whitespace, full-width punctuation, wrappers, attribute order, GBK) that must not change
what is read from it. None of these is a corpus page (tests/facts/pages/ stays frozen)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

SITE = "江陵市科学技术局"
TITLE = "江陵市科学技术局关于组织申报2026年度人工智能揭榜挂帅项目的通知"
TEXT = (
    "<p>各区科技主管部门，各有关单位：</p>"
    "<p>为贯彻落实新一代人工智能发展规划，加快关键核心技术攻关，现组织申报2026年度人工智能揭榜挂帅项目，有关事项通知如下。</p>"
    "<p>一、申报范围。聚焦智能芯片、行业大模型、智能机器人等方向，面向全市企业、高校和科研院所公开征集。</p>"
    "<p>二、支持方式。对入选项目按照研发投入的一定比例给予资助，单个项目最高不超过三百万元。</p>"
    "<p>三、申报材料请于规定时间内通过科技业务管理系统提交，逾期不予受理。</p>"
    f"<p>{SITE}</p><p>2026年3月6日</p>"
)
NAV = "<div class='topnav'>" + "".join(f"<a href='/c{i}/'>栏目{i}</a>" for i in range(10)) + "</div>"
FOOT = f"<div class='footer-box'><p>主办单位：{SITE}</p><p>地址：江陵市府前路1号 电话：0716-0000000</p></div>"


def page(head_html: str, title_tag: str, *, metas: str = "", body_wrap: str = "<div class='zw'>{}</div>") -> str:
    """A whole page: nav, the document's head block, its text, the footer."""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title_tag}</title>{metas}</head><body>"
            f"{NAV}<div class='wrap'>{head_html}{body_wrap.format(TEXT)}</div>{FOOT}</body></html>")


# ---------------------------------------------------------------- variations


def _spaces(html: str) -> str:
    return re.sub(r">\s*<", ">\n    <", html).replace("：", "：\u3000", 3)


def _fullwidth(html: str) -> str:
    return html.replace("2026-03-06", "2026－03－06").replace("(", "（").replace(")", "）")


def _wrapped(html: str) -> str:
    return html.replace("<body>", "<body><div id='page'><div class='container'><div class='row'>").replace(
        "</body>", "</div></div></div></body>")


def _attribute_order(html: str) -> str:
    return re.sub(r"<(\w+) class='([^']*)'", r"<\1 style='' class='\2' data-x='1'", html)


def _uppercase_tags(html: str) -> str:
    return re.sub(r"<(/?)(div|p|h1|h2|td|tr|table|span)\b", lambda m: f"<{m[1]}{m[2].upper()}", html)


VARIATIONS: dict[str, Callable[[str], str]] = {
    "as_written": lambda h: h,
    "spaces": _spaces,
    "fullwidth": _fullwidth,
    "wrapped": _wrapped,
    "attribute_order": _attribute_order,
    "uppercase_tags": _uppercase_tags,
}


def encodings(html: str) -> Iterator[tuple[str, bytes]]:
    """The page as UTF-8 and as GBK (declared in its meta, as such sites serve it)."""
    yield "utf-8", html.encode("utf-8")
    yield "gbk", html.replace("charset='utf-8'", "charset='gbk'").encode("gbk")
