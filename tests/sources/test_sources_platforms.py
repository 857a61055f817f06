"""Unit tests of the platform families' quirks, independent of any one channel's snapshot."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from parsers.page import ChannelContext
from parsers.platforms import PLATFORMS
from parsers.platforms.gkmlpt import GkmlptOptions, epoch_date
from parsers.platforms.jslist import js_unescape, render_document_write
from policywatch.errors import ParseError, SelectorError
from tests.sources.conftest import FIXTURES, channel_parts


def test_all_families_registered() -> None:
    assert {"trs", "generic", "jslist", "shanghai", "gkmlpt", "jcms", "anhui"} <= set(PLATFORMS)


@pytest.mark.parametrize(("key", "page2"), [
    ("beijing/kw_tzgg", "https://kw.beijing.gov.cn/zwgk/tzgg/index_1.html"),
    ("beijing/hd_zcwj", "https://zyk.bjhd.gov.cn/zwdt/zcwj/index_1.shtml"),
    ("shanghai/szfwj", "https://www.shanghai.gov.cn/nw12344/index_2.html"),
    ("tianjin/kxjs_xmsb", "https://kxjs.tj.gov.cn/BSFW9672/XMGL4742/XMSB4597/index_1.html"),
    ("hefei/kjj_tzgg", "https://kjj.hefei.gov.cn/zwgk/tzgg/index_2.html"),
    ("shenzhen/stic_gkml", "http://stic.sz.gov.cn/gkmlpt/api/all/3961?page=2&sid=755040"),
])
def test_page_two_url(key: str, page2: str) -> None:
    _, ctx, platform = channel_parts(key)
    request = platform.page_request(ctx, 2)
    assert (request.method, request.url) == ("GET", page2)


def test_jcms_page_two_is_a_dataproxy_post() -> None:
    _, ctx, platform = channel_parts("hangzhou/kj_tzgg")
    request = platform.page_request(ctx, 2)
    assert request.method == "POST"
    assert request.url == ("https://kj.hangzhou.gov.cn/module/jpage/dataproxy.jsp"
                           "?startrecord=16&endrecord=30&perpage=15")
    form = (request.body or b"").decode()
    assert "columnid=1693961" in form and "unitid=7862811" in form and "webid=3255" in form
    assert "webname=%E6%9D%AD%E5%B7%9E" in form  # 杭州… percent-encoded as the widget posts it


def _ctx(key: str, **options: object) -> ChannelContext:
    return ChannelContext(key=key, url="https://example.gov.cn/col/col1/index.html", options=options)


def test_jcms_skips_pinned_rows_and_reads_cdata() -> None:
    pinned = ('<li><a href="/art/2019/1/2/art_1_1.html" title="旧通知"><span>[置顶]</span>旧通知</a>'
              "<span>2019-01-02</span></li>")
    fresh = '<li><a href="/art/2026/11/2/art_1_9.html" title="新通知">新通知</a><span>2026-11-02</span></li>'
    page = (f'<script type="text/xml"><datastore><recordset><record><![CDATA[{pinned}]]></record>'
            f"<record><![CDATA[{fresh}]]></record></recordset></datastore></script>")
    listing = PLATFORMS["jcms"].parse_list(page, "https://example.gov.cn/col/col1/index.html", _ctx("x/jcms"))
    assert [(e.title, e.date) for e in listing.entries] == [("新通知", dt.date(2026, 11, 2))]


def test_jcms_without_recordset_raises_naming_channel_and_selector() -> None:
    with pytest.raises(SelectorError) as err:
        PLATFORMS["jcms"].parse_list("<html><body><ul></ul></body></html>", "https://e.gov.cn/", _ctx("hz/kj"))
    assert err.value.channel == "hz/kj" and "recordset" in err.value.selector


def test_shanghai_drops_commented_duplicates() -> None:
    row = '<li><a href="/nw12344/20261101/{h}.html" title="{t}">{t}</a><span class="time">2026-11-01</span></li>'
    a, b = "a" * 32, "b" * 32
    page = f'<ul class="x">{row.format(h=a, t="甲")}<!--{row.format(h=b, t="乙")}--></ul>'
    listing = PLATFORMS["shanghai"].parse_list(page, "https://www.shanghai.gov.cn/nw12344/",
                                               _ctx("sh/p", list_item="ul.x li", date="span.time::text"))
    assert [e.title for e in listing.entries] == ["甲"]


def test_shanghai_reads_docnumber_and_written_date_from_text() -> None:
    page = """<html><body><h2 id="ivs_title">关于X的通知</h2><div class="Article_content">
<p>沪府办规〔2026〕9号</p><p>各区人民政府：</p><p>现印发给你们。</p><p>上海市人民政府办公厅</p><p>2026年8月12日</p>
</div></body></html>"""
    detail = PLATFORMS["shanghai"].parse_detail(page, "https://www.shanghai.gov.cn/nw12344/20260818/"
                                                + "c" * 32 + ".html", _ctx("sh/p"))
    assert detail.meta["发文字号"] == "沪府办规〔2026〕9号"
    assert detail.meta["成文日期"] == "2026年8月12日"


def test_jslist_document_write_rendering() -> None:
    html = ("""<li><script>document.write('<a href="/a.shtml" title="It\\'s">x</a>');</script>"""
            "<span>[2026-01-02]</span></li>")
    assert render_document_write(html) == '<li><a href="/a.shtml" title="It\'s">x</a><span>[2026-01-02]</span></li>'
    assert js_unescape(r"\u4eba\u5de5\"\\") == '人工"\\'


def test_jslist_without_document_write_raises() -> None:
    with pytest.raises(SelectorError) as err:
        PLATFORMS["jslist"].parse_list("<ul><li>x</li></ul>", "https://zyk.bjhd.gov.cn/",
                                       _ctx("bj/hd", list_item="li"))
    assert err.value.channel == "bj/hd" and "document.write" in err.value.selector


def test_jslist_legacy_js_arrays() -> None:
    page = (FIXTURES / "bjkw_legacy_jsarray.html").read_text("utf-8")
    ctx = _ctx("beijing/kw_legacy", mode="js_array", script_scope="div.left.zhengce_right")
    listing = PLATFORMS["jslist"].parse_list(page, "https://kw.beijing.gov.cn/col/col736/index.html", ctx)
    assert [(e.url, e.title, e.date) for e in listing.entries] == [
        ("https://kw.beijing.gov.cn/art/2019/5/20/art_736_32871.html",
         "关于印发《关于加快中关村科学城人工智能创新引领发展的十五条措施》的通知", dt.date(2019, 5, 20)),
        ("https://kw.beijing.gov.cn/art/2019/5/9/art_736_32790.html",
         '关于征集2019年度"人工智能"应用场景的通知', dt.date(2019, 5, 9)),
    ]


def test_gkmlpt_epoch_is_beijing_date() -> None:
    # 2025-11-17 16:30 UTC is already 2025-11-18 in Beijing
    assert epoch_date(1_763_397_000) == dt.date(2025, 11, 18)
    assert epoch_date(1_763_397_000_000) == dt.date(2025, 11, 18)
    assert epoch_date(None) is None and epoch_date(True) is None and epoch_date(-5) is None


def test_gkmlpt_empty_articles_and_non_json() -> None:
    ctx = _ctx("sz/szf", api_category=1, sid="1")
    with pytest.raises(SelectorError) as err:
        PLATFORMS["gkmlpt"].parse_list(json.dumps({"classify": {"post_count": 0}, "articles": []}),
                                       "http://www.sz.gov.cn/gkmlpt/api/all/1?page=1&sid=1", ctx)
    assert err.value.channel == "sz/szf" and err.value.selector == "articles[]"
    with pytest.raises(ParseError):
        PLATFORMS["gkmlpt"].parse_list("<html>WAF</html>", "http://www.sz.gov.cn/x", ctx)


def test_gkmlpt_detail_without_config_raises() -> None:
    with pytest.raises(SelectorError) as err:
        PLATFORMS["gkmlpt"].parse_detail("<html><body>x</body></html>", "http://www.sz.gov.cn/x", _ctx("sz/x"))
    assert err.value.selector == "_CONFIG.DETAIL"


def test_declared_sid_matches_the_gkmlpt_index_snapshot() -> None:
    from parsers.page import PageRequest
    from tests.sources.conftest import snapshot_text

    for key in ("shenzhen/szf_gkml", "shenzhen/stic_gkml", "shenzhen/gxj_gkml"):
        _, ctx, _ = channel_parts(key)
        assert f"SID: '{GkmlptOptions.of(ctx).sid}'" in snapshot_text(PageRequest(ctx.url)), key


@pytest.mark.parametrize("key", ["beijing/zcfg", "shanghai/sheitc_zxxx", "tianjin/kxjs_tzgg", "hefei/gsgg",
                                 "hangzhou/bmwj"])
def test_layout_change_raises_selector_error_naming_channel_and_selector(key: str) -> None:
    _, ctx, platform = channel_parts(key)
    redesigned = "<html><body><div class='new-list'><a href='/x/1.html'>新版</a></div></body></html>"
    with pytest.raises(SelectorError) as err:
        platform.parse_list(redesigned, ctx.url, ctx)
    assert err.value.channel == key and err.value.found == 0
    assert err.value.selector
    assert key in str(err.value) and err.value.selector in str(err.value)
