"""The issue-20 channels: zones 7-18 and the provinces, on the families we have adapters for.

The golden values per channel live in zone_cases.py (test_sources_channels.py); the crawl, variation
and invariant tests pick the channels up from the registry. Here: what is particular to them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.registry import select_sources
from crawler.sources import builtin_sources
from crawler.sources_zones import CONFIDENCE, DOCUMENTED, LEAD, PROVINCE_SOURCES, ZONE_SOURCES, mainland_egress
from parsers.platforms.gkmlpt import GkmlptOptions
from store.search import canonical_cities, resolve_places
from tests.sources.conftest import Crawler, channel_parts, copy_hosts, overlay

ZONE_KEYS = [f"{s.id}/{c.id}" for s in ZONE_SOURCES + PROVINCE_SOURCES for c in s.channels]
# The zones' cities and the provinces pilot-zones.md lists, as the registry spells them.
LATER_CITIES = {"德清县", "重庆", "成都", "西安", "济南", "广州", "武汉", "苏州", "长沙", "郑州", "沈阳", "哈尔滨"}
PROVINCES = {"浙江", "四川", "陕西", "山东", "广东", "湖北", "江苏", "湖南", "河南", "辽宁", "黑龙江"}
# The client-rendered portals (pilot-zones.md): read through the browser tier, never plainly.
RENDERED = {"chengdu/szf_zcwj", "xian/szf_zcwj", "zhengzhou/szf_zcwj"}


def test_thirty_new_channels_each_with_confidence_access_and_a_gov_host() -> None:
    assert len(ZONE_KEYS) >= 30
    assert set(CONFIDENCE) == set(ZONE_KEYS)
    assert set(CONFIDENCE.values()) <= {DOCUMENTED, LEAD}
    for src in ZONE_SOURCES + PROVINCE_SOURCES:
        for ch in src.channels:
            assert ch.publishes and ch.access, f"{src.id}/{ch.id}"
            assert ch.host.endswith(".gov.cn"), ch.url
            assert ch.needs_browser == (f"{src.id}/{ch.id}" in RENDERED), f"{src.id}/{ch.id}"


def test_cities_and_provinces() -> None:
    assert {s.city for s in ZONE_SOURCES} == LATER_CITIES
    assert {s.city for s in PROVINCE_SOURCES} == PROVINCES
    cities = [s for s in ZONE_SOURCES if len(s.channels) < 2]
    assert [s.id for s in cities] == ["harbin"]  # only the Harbin portal's host is known


@pytest.mark.parametrize(("place", "source_id"), [
    ("浙江", "zhejiang"), ("浙江省", "zhejiang"), ("zhejiang", "zhejiang"), ("广东", "guangdong"),
    ("湖北省", "hubei"), ("江苏", "jiangsu"), ("四川省", "sichuan"), ("陕西", "shaanxi"), ("河南", "henan"),
    ("辽宁", "liaoning"), ("黑龙江省", "heilongjiang"), ("heilongjiang", "heilongjiang"),
])
def test_province_filter_selects_the_provincial_departments(place: str, source_id: str) -> None:
    # a province may also stand for its cities (places.province_of), never for other provinces
    found = resolve_places(builtin_sources(), [place], [])
    assert found is not None and source_id in found
    assert not found & ({s.id for s in PROVINCE_SOURCES} - {source_id})
    canonical_cities(builtin_sources(), [place])  # a known place, not a ConfigError


@pytest.mark.parametrize(("place", "source_ids"), [
    ("德清县", {"deqing"}), ("deqing", {"deqing"}), ("哈尔滨市", {"harbin"}), ("武汉", {"wuhan"}),
    ("成都", {"chengdu"}), ("西安市", {"xian"}), ("苏州", {"suzhou"}), ("郑州", {"zhengzhou"}),
])
def test_city_filter_selects_only_the_zone_city(place: str, source_ids: set[str]) -> None:
    assert resolve_places(builtin_sources(), [place], []) == source_ids


def test_mainland_egress_follows_the_recorded_access_facts() -> None:
    by_key = {f"{s.id}/{c.id}": c for s in ZONE_SOURCES + PROVINCE_SOURCES for c in s.channels}
    assert mainland_egress(by_key["changsha/kjj_tzgg"]) == "needed"  # blackholed abroad
    assert mainland_egress(by_key["harbin/zfwj"]) == "needed"
    assert mainland_egress(by_key["hubei/kjt_tzgg"]) == "needed"  # 412
    assert mainland_egress(by_key["wuhan/kjj_tzgg"]).startswith("not needed")
    assert mainland_egress(by_key["zhejiang/kjt_tzgg"]) == "unknown"
    for key in ("chengdu/szf_zcwj", "chengdu/kjj_tzgg", "sichuan/kjt_tzgg", "shaanxi/kjt_tzgg", "henan/kjt_tzgg"):
        assert mainland_egress(by_key[key]) == "needed" and by_key[key].needs_egress, key
    assert mainland_egress(by_key["suzhou/kjj_tzgg"]).startswith("not needed")


@pytest.mark.parametrize(("key", "page2"), [
    ("wuhan/kjj_tzgg", "https://kjj.wuhan.gov.cn/zwgk_55/tzgg/index_1.shtml"),
    ("chongqing/kjj_tzgg", "https://kjj.cq.gov.cn/zwxx_176/tzgg/index_1.html"),
    ("changsha/kjj_tzgg", "https://kjj.changsha.gov.cn/zfxxgk/tzgg_27202/index_1.html"),
    ("guangzhou/kjj_tzgg", "https://kjj.gz.gov.cn/xxgk/tzgg/index_2.html"),
    ("guangzhou/szf_gkml", "https://www.gz.gov.cn/gkmlpt/api/all/5498?page=2&sid=200001"),
    ("guangdong/kjt_gkml", "https://gdstc.gd.gov.cn/gkmlpt/api/all/2937?page=2&sid=100031"),
    ("chengdu/kjj_tzgg", "https://cdst.chengdu.gov.cn/cdkxjsj/c108728/part_list_more_2.shtml"),
    ("suzhou/gxj_tzgg", "https://gxj.suzhou.gov.cn/szeic/tzgg/common_list_2.shtml"),
    ("xian/kjj_tzgg", "https://xakj.xa.gov.cn/kjdt/tzgg/2.html"),
    ("zhengzhou/kjj_tzgg", "https://kjj.zhengzhou.gov.cn/tzgg/index_2.jhtml"),
    ("shaanxi/kjt_tzgg", "https://kjt.shaanxi.gov.cn/view/iList.jsp?cat_id=221&cur_page=2"),
    ("suzhou/szf_zcwj", "https://www.suzhou.gov.cn/szinf/xxgk/interfacesWebZcwj/loadData?pageIndex=2&pageSize=10"),
    ("heilongjiang/szf_wj", "https://www.hlj.gov.cn/common/search/8d4a6e0f3c2b4f1a9e7d5c3b1a0f9e8d"
                            "?_isAgg=true&_isJson=true&page=2&_pageSize=10"),
])
def test_page_two_url(key: str, page2: str) -> None:
    _, ctx, platform = channel_parts(key)
    request = platform.page_request(ctx, 2)
    assert (request.method, request.url) == ("GET", page2)


def test_harbin_page_two_is_the_dataproxy_post_with_its_documented_unit() -> None:
    _, ctx, platform = channel_parts("harbin/zfwj")
    request = platform.page_request(ctx, 2)
    assert request.method == "POST"
    assert request.url == "https://www.harbin.gov.cn/module/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2"
    form = (request.body or b"").decode()
    assert "columnid=98&" in form and "unitid=517&" in form


@pytest.mark.parametrize("key", [k for k in ZONE_KEYS if channel_parts(k)[2].name == "gkmlpt"])
def test_declared_sid_matches_the_gkmlpt_index_snapshot(key: str) -> None:
    from parsers.page import PageRequest
    from tests.sources.conftest import snapshot_text

    _, ctx, _ = channel_parts(key)
    assert f"SID: '{GkmlptOptions.of(ctx).sid}'" in snapshot_text(PageRequest(ctx.url))


@pytest.mark.parametrize("key", ["chongqing/kjj_tzgg", "wuhan/kjj_tzgg", "changsha/kjj_tzgg", "guangzhou/kjj_tzgg",
                                 "jinan/kjj_tzgg", "harbin/zfwj", "zhejiang/kjt_tzgg", "hubei/kjt_tzgg",
                                 "chengdu/kjj_tzgg", "suzhou/kjj_tzgg", "sichuan/kjt_tzgg", "heilongjiang/kjt_tzgg",
                                 "xian/szf_zcwj", "shaanxi/kjt_tzgg", "henan/kjt_tzgg", "liaoning/gxt_tzgg"])
def test_layout_change_raises_selector_error_naming_channel(key: str) -> None:
    from policywatch.errors import SelectorError

    _, ctx, platform = channel_parts(key)
    redesigned = "<html><body><div class='new-list'><a href='/x/1.html'>新版</a></div></body></html>"
    with pytest.raises(SelectorError) as err:
        platform.parse_list(redesigned, ctx.url, ctx)
    assert err.value.channel == key and err.value.found == 0


def test_hubei_412_challenge_is_blocked_while_the_other_department_stores(run_crawl: Crawler, tmp_path: Path) -> None:
    root = copy_hosts(tmp_path / "mirror", ["kjt.hubei.gov.cn", "jxt.hubei.gov.cn"])
    overlay(root, "https://kjt.hubei.gov.cn/kjdt/tzgg/", "js_cookie_412.html", 412)
    results = {r.channel: r for r in run_crawl(select_sources(builtin_sources(), ["hubei"]), root).results}
    assert results["kjt_tzgg"].status == "blocked" and "412" in (results["kjt_tzgg"].reason or "")
    assert results["jxt_tzgg"].status == "ok" and results["jxt_tzgg"].new == 3


def test_blackholed_city_snapshot_crawls_like_any_other(run_crawl: Crawler) -> None:
    """Access facts are documentation: the snapshot of a blackholed host still crawls (the mirror)."""
    report = run_crawl(select_sources(builtin_sources(), ["changsha"]))
    assert {r.channel: (r.status, r.new) for r in report.results} == {"kjj_tzgg": ("ok", 3), "gxj_tzgg": ("ok", 3)}


def test_docs_zone_table_is_the_generated_one() -> None:
    """docs/sources.md's issue-20 table is regenerated from the registry (its snippet), not hand-edited:
    each channel's platform, browser tier, mainland egress and confidence as the registry says."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "sources.md").read_text("utf-8")
    for src in ZONE_SOURCES + PROVINCE_SOURCES:
        for c in src.channels:
            key = f"{src.id}/{c.id}"
            inferred = " [inferred]" if "[inferred]" in c.access else ""
            row = (f"| `{key}` | {src.city} | {c.host} | `{c.platform}` | {'yes' if c.needs_browser else 'no'} "
                   f"| {mainland_egress(c)} | {CONFIDENCE[key]}{inferred} |")
            assert row in doc, f"docs/sources.md: regenerate the row of {key}"
