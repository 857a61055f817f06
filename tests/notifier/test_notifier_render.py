from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from notifier_builders import HOSTILE_TITLES, SHANGHAI, make_digest, make_item

from notifier.render import (
    escape_markdown,
    render_atom,
    render_html,
    render_markdown,
    render_pushplus,
    render_serverchan,
    render_text,
    render_wecom_markdown,
    safe_url,
    truncate_utf8,
    wecom_markdown_chunks,
)

_HEADER = re.compile(r"^\*\*【政策速递】.*\*\* \((\d+)/(\d+)\)\n")


def _hostile_digest(title: str):
    items = (
        make_item(1, title=title, url="javascript:alert(1)"),
        make_item(2, title=title, change="revised", diff=f"- 旧：{title}\n+ 新：{title}"),
        make_item(3, title=title, change="repealed", repealed_by=title),
    )
    return make_digest(items, subscription_name=title)


# ---------------------------------------------------------------------------
# Hostile input, every renderer


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_html_escapes_hostile_titles(title: str) -> None:
    html = render_html(_hostile_digest(title))
    assert "<script" not in html and "<img" not in html and "<x/>" not in html
    assert 'href="javascript' not in html and "href='javascript" not in html


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_markdown_outputs_neutralise_hostile_titles(title: str) -> None:
    digest = _hostile_digest(title)
    texts = [render_markdown(digest), render_serverchan(digest).body, *render_wecom_markdown(digest)]
    for text in texts:
        assert "<script" not in text and "<img" not in text and '<font color="warning">假' not in text
        assert "](javascript:" not in text  # no link can be opened by a title
        assert "[点我]" not in text
        # Only our own links exist, and they all point to http(s).
        for target in re.findall(r"\]\(([^)]*)\)", text):
            assert target.startswith(("https://", "http://")), target


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_pushplus_and_short_texts_escape(title: str) -> None:
    digest = _hostile_digest(title)
    html = render_pushplus(digest).body
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    short = render_serverchan(digest).short
    assert "<" not in short and "[" not in short


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_atom_escapes_hostile_titles(title: str) -> None:
    digest = _hostile_digest(title)
    xml = render_atom("t", title, digest.items, digest.created_at, "https://example.org/feed.xml")
    root = ET.fromstring(xml)  # well-formed despite "]]>", "<", quotes
    text = xml.decode("utf-8")
    assert "<script" not in text and "<img" not in text
    assert 'href="javascript' not in text
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"


def test_text_keeps_title_but_drops_unsafe_link() -> None:
    text = render_text(_hostile_digest(HOSTILE_TITLES[2]))
    assert "[点我](javascript:alert(1))领取补贴" in text  # plain text: shown as typed, inert
    assert "\n   javascript:" not in text


def test_safe_url_and_escape_helpers() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url('https://a.gov.cn/x y(1)"') == "https://a.gov.cn/x%20y%281%29%22"
    assert escape_markdown("a\n# b [c](d)") == "a ＃ b ［c］(d)"
    assert truncate_utf8("科技部政策", 7) == "科…"  # never cuts inside a character


# ---------------------------------------------------------------------------
# Content


def test_html_email_contents() -> None:
    digest = make_digest(
        (make_item(1), make_item(2, change="revised", diff="- 最高1000万元\n+ 最高2000万元"))
    )
    html = render_html(digest)
    assert 'href="https://www.most.gov.cn/' in html
    for needle in (
        "国科发规〔2019〕1号",
        "2019-08-29",
        "试验区获批：德清县",
        "新通知",
        "修订",
        "+ 最高2000万元",
    ):
        assert needle in html
    assert 'name="viewport"' in html and "max-width:640px" in html
    assert "https://policywatch.example.org/unsubscribe/TOKEN123" in html


def test_text_contents() -> None:
    text = render_text(make_digest(2))
    assert text.startswith("【政策速递】2 条新通知")
    assert "1. [新通知] 关于支持建设" in text and "资金：最高2000万元，比例30%" in text
    assert "退订：https://policywatch.example.org/unsubscribe/TOKEN123" in text


def test_empty_digest_renders_everywhere() -> None:
    digest = make_digest(())
    assert "暂无新变化" in render_text(digest) and "暂无新变化" in render_html(digest)
    assert len(render_wecom_markdown(digest)) == 1


# ---------------------------------------------------------------------------
# WeCom chunking


def _chunk_numbers(texts: list[str]) -> list[tuple[int, int]]:
    out = []
    for text in texts:
        match = _HEADER.match(text)
        assert match, text[:80]
        out.append((int(match.group(1)), int(match.group(2))))
    return out


def test_sixty_notices_split_on_boundaries_under_limit() -> None:
    digest = make_digest(60)
    chunks = wecom_markdown_chunks(digest)
    assert len(chunks) > 1
    assert all(len(c.text.encode("utf-8")) < 4096 for c in chunks)
    assert _chunk_numbers([c.text for c in chunks]) == [(i, len(chunks)) for i in range(1, len(chunks) + 1)]
    carried = [i for c in chunks for i in c.item_indices]
    assert carried == list(range(60))
    for n, item in enumerate(digest.items, 1):
        holders = [c for c in chunks if item.url in c.text]
        assert len(holders) == 1  # each item intact in exactly one message
        assert f"**{n}. [{escape_markdown(item.title)}]({item.url})**" in holders[0].text


def test_smaller_max_bytes_gives_more_chunks() -> None:
    digest = make_digest(20)
    default, small = wecom_markdown_chunks(digest), wecom_markdown_chunks(digest, max_bytes=1024)
    assert len(small) > len(default)
    assert all(len(c.text.encode("utf-8")) < 1024 for c in small)
    with pytest.raises(ValueError):
        wecom_markdown_chunks(digest, max_bytes=100)


def test_oversized_item_is_shortened_with_link_not_cut() -> None:
    huge = make_item(1, title="超长标题" * 900, change="revised", diff="\n".join(["+ 新增条款" * 50] * 40))
    chunks = wecom_markdown_chunks(make_digest((huge, make_item(2))))
    assert all(len(c.text.encode("utf-8")) < 4096 for c in chunks)
    first = chunks[0].text
    assert "…" in first and huge.url in first
    assert "修订内容较长，详见原文链接" in first


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(st.text(min_size=1, max_size=1500), min_size=1, max_size=25),
    max_bytes=st.integers(min_value=512, max_value=4096),
)
def test_chunking_properties(titles: list[str], max_bytes: int) -> None:
    digest = make_digest(tuple(make_item(i, title=t) for i, t in enumerate(titles, 1)))
    chunks = wecom_markdown_chunks(digest, max_bytes=max_bytes)
    assert all(len(c.text.encode("utf-8")) < max_bytes for c in chunks)
    assert [i for c in chunks for i in c.item_indices] == list(range(len(titles)))
    assert _chunk_numbers([c.text for c in chunks]) == [(i, len(chunks)) for i in range(1, len(chunks) + 1)]


# ---------------------------------------------------------------------------
# ServerChan / PushPlus sizes


def test_serverchan_limits() -> None:
    push = render_serverchan(make_digest(400))
    assert len(push.title) <= 32 and len(push.short) <= 64
    assert len(push.body.encode("utf-8")) <= 32 * 1024
    assert "……另有" in push.body and "条未列出" in push.body


def test_pushplus_limits_fall_back_to_title_list() -> None:
    small = render_pushplus(make_digest(3))
    assert "试验区获批" in small.body  # full detail when it fits
    big = render_pushplus(make_digest(300))
    assert len(big.body) <= 20000 and len(big.title) <= 100
    assert "试验区获批" not in big.body and '<a href="https://www.most.gov.cn/' in big.body
    assert "另有" in big.body


# ---------------------------------------------------------------------------
# Atom


def test_atom_feed_is_valid() -> None:
    digest = make_digest((make_item(1), make_item(2, change="revised", diff="+ 新")))
    updated = dt.datetime(2024, 5, 2, 9, 0, tzinfo=SHANGHAI)
    xml = render_atom("ai", "人工智能政策", digest.items, updated, "https://example.org/feed-ai.xml")
    feed = feedparser.parse(xml)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.feed.title == "人工智能政策"
    assert feed.feed.links[0].href == "https://example.org/feed-ai.xml"
    assert len(feed.entries) == 2
    for entry, item in zip(feed.entries, digest.items, strict=True):
        assert entry.id.startswith("tag:policywatch.local,2024:notice/")
        assert entry.link == item.url
        assert entry.updated_parsed is not None
        assert item.title in entry.title
    assert feed.entries[0].id != feed.entries[1].id


def test_a_long_html_digest_stays_under_gmail_clipping_and_says_how_many_more() -> None:
    from notifier.render import HTML_MAX_BYTES, render_html, render_text

    long = "关于组织开展2026年度人工智能创新应用先导区及产业发展专项资金项目申报工作的补充通知" * 2
    digest = make_digest(tuple(make_item(n, title=f"{long}{n}") for n in range(1, 401)))
    html = render_html(digest)
    assert len(html.encode("utf-8")) <= HTML_MAX_BYTES
    shown = html.count(f"{long}")
    assert 0 < shown < 400 and f"另有 {400 - shown} 条更新未在此显示" in html
    assert "退订" in html  # the footer (unsubscribe link) survives: nothing is clipped
    text = render_text(digest)
    assert all(f"{long}{n}" in text for n in (1, 200, 400))  # the text part carries every item
    short = make_digest(3)
    assert "未在此显示" not in render_html(short)
