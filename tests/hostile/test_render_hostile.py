"""Hostile titles, issuers, diffs and URLs in every rendered output.

Property: whatever text a site puts in a title (tags, markdown links, CDATA terminators, control
characters, newlines), the HTML outputs (e-mail, PushPlus, Atom ``content``) contain it only
escaped, the markdown outputs (markdown, WeCom chunks, ServerChan) cannot open a link, tag, code
span or new block, the Atom feed stays well-formed XML, and a ``javascript:`` URL is never linked.
Ops alert lines (which quote error text) are shown as one inert code span instead of being escaped.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notifier.digest import Digest, DigestItem
from notifier.render import (
    render_atom,
    render_html,
    render_markdown,
    render_pushplus,
    render_serverchan,
    render_text,
    render_wecom_markdown,
)

FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "](javascript:alert(1))",
            "[x](javascript:alert(1))", "]]><evil/>", "<font color=\"warning\">", "\n# heading\n", "`code`",
            "<!--", "\r\nBcc: victim@example.org", "'); DROP TABLE notice;--")
HTML_MARKERS = ("<script", "<img", "<evil", "<font", "<!--")  # "](javascript:" is inert text in HTML
MD_MARKERS = (*HTML_MARKERS, "](javascript:", "[x](")
HOSTILE = st.builds(lambda a, p, b: f"{a}{p}{b}", st.text(max_size=15), st.sampled_from(PAYLOADS),
                    st.text(max_size=15))
URLS = st.sampled_from(["https://www.most.gov.cn/a.html", "javascript:alert(1)", "data:text/html,<script>",
                        'https://x.gov.cn/"><script>alert(1)</script>', "file:///etc/passwd"])


def _digest(title: str, url: str, issuer: str, diff: str) -> Digest:
    item = DigestItem(notice_id=1, change="revised", title=title, url=url, source_id="most", source_name="科技部",
                      city="全国", issuers=(issuer,), doc_number=issuer[:20], date=dt.date(2026, 11, 29),
                      events=({"type": "funding_rule", "max_amount_yuan": 1, "text": title},), diff=diff)
    return Digest(digest_id="d1", subscription_id=1, subscription_name=issuer, items=(item,),
                  created_at=dt.datetime(2026, 11, 29, 8, tzinfo=ZoneInfo("Asia/Shanghai")),
                  unsubscribe_url="https://policywatch.example.org/unsubscribe/T")


def _no_markup(out: str, where: str, markers: tuple[str, ...] = HTML_MARKERS) -> None:
    for marker in markers:
        assert marker not in out, f"{where}: raw {marker!r}"


@FUZZ
@given(title=HOSTILE, url=URLS, issuer=HOSTILE, diff=HOSTILE)
def test_html_outputs_escape_everything(title: str, url: str, issuer: str, diff: str) -> None:
    digest = _digest(title, url, issuer, diff)
    for name, out in (("html", render_html(digest)), ("pushplus", render_pushplus(digest).body)):
        _no_markup(out, name)
        assert 'href="javascript:' not in out and 'href="data:' not in out and 'href="file:' not in out


@FUZZ
@given(title=HOSTILE, url=URLS, issuer=HOSTILE, diff=HOSTILE)
def test_markdown_outputs_cannot_open_links_or_blocks(title: str, url: str, issuer: str, diff: str) -> None:
    digest = _digest(title, url, issuer, diff)
    outputs = {"markdown": render_markdown(digest), "serverchan": render_serverchan(digest).body,
               **{f"wecom{i}": chunk for i, chunk in enumerate(render_wecom_markdown(digest))}}
    benign = render_wecom_markdown(_digest("标题", "https://www.most.gov.cn/a.html", "科技部", "正文"))
    for name, out in outputs.items():
        # WeCom badges are the renderer's own <font> tags: count them against a benign digest instead.
        _no_markup(out, name, tuple(m for m in MD_MARKERS if not (name.startswith("wecom") and m == "<font")))
        assert "](javascript:" not in out and "](data:" not in out and "](file:" not in out, name
        for line in out.splitlines():  # a title can never start a heading or a block of its own
            assert not line.lstrip().startswith("# heading"), name
    assert sum(c.count("<font") for c in render_wecom_markdown(digest)) == sum(c.count("<font") for c in benign)
    assert "\n" not in render_serverchan(digest).title


@FUZZ
@given(title=st.one_of(HOSTILE, st.text(max_size=40)), url=URLS, issuer=HOSTILE)
def test_atom_is_well_formed_and_escaped(title: str, url: str, issuer: str) -> None:
    digest = _digest(title, url, issuer, "")
    xml = render_atom("f", title, digest.items, digest.created_at, "https://policywatch.example.org/feed.xml")
    feed = ET.fromstring(xml)  # raises on malformed XML
    ns = {"a": "http://www.w3.org/2005/Atom"}
    content = feed.find("a:entry/a:content", ns)
    assert content is not None and content.text is not None
    _no_markup(content.text, "atom content (HTML payload)")
    for link in feed.iterfind(".//a:link", ns):
        assert link.get("href", "").startswith(("https://", "http://"))


@FUZZ
@given(url=URLS)
def test_plain_text_never_prints_unsafe_urls(url: str) -> None:
    out = render_text(_digest("关于开展试点工作的通知", url, "科技部", ""))
    assert "javascript:" not in out and "data:" not in out and "file:" not in out and "<script" not in out


def _alert_digest(line: str) -> Digest:
    item = DigestItem(notice_id=7, change="alert", title=line, url="https://www.most.gov.cn/tztg/", source_id="most",
                      source_name="科技部 通知通告", city="", issuers=(), doc_number=None, date=dt.date(2026, 11, 29),
                      events=())
    return Digest(digest_id="alert-1", subscription_id=1, subscription_name="ops", items=(item,),
                  created_at=dt.datetime(2026, 11, 29, 8, tzinfo=ZoneInfo("Asia/Shanghai")), kind="ops",
                  title="【policywatch 运维】1 条告警：most/tztg")


@FUZZ
@given(reason=HOSTILE)
def test_alert_lines_are_one_inert_code_span_in_markdown(reason: str) -> None:
    digest = _alert_digest(f"[failing] most/tztg: broken: {reason}")
    outputs = {"markdown": render_markdown(digest), "serverchan": render_serverchan(digest).body,
               **{f"wecom{i}": chunk for i, chunk in enumerate(render_wecom_markdown(digest))}}
    for name, out in outputs.items():
        _no_markup(out, name, tuple(m for m in MD_MARKERS if not (name.startswith("wecom") and m == "<font")))
        (line,) = [line for line in out.splitlines() if "most/tztg: broken" in line]
        assert "`[failing] most/tztg: broken: " in line and line.count("`") == 2, (name, line)  # as typed
    assert sum(c.count("<font") for c in render_wecom_markdown(digest)) == 1  # only the badge
