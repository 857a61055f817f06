"""Crawl every built-in source against its snapshots: all channels store, a second poll fetches nothing.

Also the access realities: block pages are *reported* (blocked / failed), never read as "no news",
and one blocked channel does not stop the others.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crawler.registry import select_sources
from crawler.runner import ChannelResult, CrawlReport
from crawler.sources import builtin_sources
from tests.sources.conftest import Crawler, copy_hosts, overlay

FIRST_ZONES = ["most", "beijing", "shanghai", "tianjin", "shenzhen", "hangzhou", "hefei"]
# Zones 7-18 on the families we have adapters for, and the provinces that fund them (issue 20)
LATER_ZONES = ["deqing", "chongqing", "chengdu", "xian", "jinan", "guangzhou", "wuhan", "suzhou", "changsha",
               "zhengzhou", "shenyang", "harbin"]
PROVINCES = ["zhejiang", "sichuan", "shaanxi", "shandong", "guangdong", "hubei", "jiangsu", "hunan", "henan",
             "liaoning", "heilongjiang"]
SOURCE_IDS = FIRST_ZONES + LATER_ZONES + PROVINCES


def test_all_sources_registered() -> None:
    assert [s.id for s in builtin_sources()] == SOURCE_IDS
    for src in builtin_sources():
        # the first six zones: portal + S&T + IT bureau; later zones >= 2 where hosts are known
        # (Harbin: only the portal's host is known); provinces: 科技厅 and 工信厅 where known (only the
        # 科技厅 of 四川, 陕西 and 河南 has a documented host or path)
        least = 3 if src.id in FIRST_ZONES else 1 if src.id in ("harbin", "sichuan", "shaanxi", "henan") else 2
        assert len(src.channels) >= least, src.id
        for ch in src.channels:
            assert ch.publishes, f"{src.id}/{ch.id} lacks `publishes`"
            assert ch.host.endswith(".gov.cn"), ch.url


@pytest.mark.parametrize("source_id", SOURCE_IDS)
def test_crawl_stores_every_channel_and_repolls_quietly(run_crawl: Crawler, source_id: str) -> None:
    sources = select_sources(builtin_sources(), [source_id])
    first = run_crawl(sources)
    assert {r.channel for r in first.results} == {c.id for c in sources[0].channels}
    rendered = {c.id for c in sources[0].channels if c.needs_browser}  # tests/test_browser.py reads these
    for result in first.results:
        if result.channel in rendered:  # in-process crawls are reactorless: no browser tier, said so
            assert result.reason_code == "needs_browser" and "reactor" in (result.reason or ""), result
            continue
        assert result.status == "ok", (result.channel, result.reason)
        assert result.new > 0 and result.pages >= 2, result
    second = run_crawl(sources)
    for result in second.results:
        if result.channel in rendered:
            continue
        assert result.status == "ok", (result.channel, result.reason)
        assert (result.new, result.details_fetched) == (0, 0), result


def _by_channel(report: CrawlReport) -> dict[str, ChannelResult]:
    return {r.channel: r for r in report.results}


def test_jiasule_challenge_is_blocked_while_other_channels_store(run_crawl: Crawler, tmp_path: Path) -> None:
    root = copy_hosts(tmp_path / "mirror", ["www.hefei.gov.cn", "kjj.hefei.gov.cn", "jxj.hefei.gov.cn"])
    overlay(root, "https://kjj.hefei.gov.cn/zwgk/tzgg/index.html", "jiasule_challenge.html", 521)
    overlay(root, "https://jxj.hefei.gov.cn/tzgg/index.html", "wzws_geobl.html", 403)
    results = _by_channel(run_crawl(select_sources(builtin_sources(), ["hefei"]), root))
    kjj, jxj, portal = results["kjj_tzgg"], results["jxj_tzgg"], results["gsgg"]
    assert kjj.status == "blocked" and "__jsl_clearance" in (kjj.reason or "")
    assert jxj.status == "blocked" and "GeoBL" in (jxj.reason or "")
    assert portal.status == "ok" and portal.new == 4


def test_13_byte_403_is_blocked_while_other_channels_store(run_crawl: Crawler, tmp_path: Path) -> None:
    root = copy_hosts(tmp_path / "mirror", ["www.tj.gov.cn", "kxjs.tj.gov.cn", "gyxxh.tj.gov.cn"])
    overlay(root, "https://kxjs.tj.gov.cn/BSFW9672/XMGL4742/XMSB4597/", "kxjs_403_stub.html", 403)
    results = _by_channel(run_crawl(select_sources(builtin_sources(), ["tianjin"]), root))
    blocked = results["kxjs_xmsb"]
    assert blocked.status == "blocked" and "13-byte" in (blocked.reason or "")
    for cid in ("kxjs_tzgg", "gyxxh_zcwj"):
        assert results[cid].status == "ok" and results[cid].new > 0, cid
    assert results["szfwj_bgt"].reason_code == "needs_browser"  # reported, never silently empty


def test_tianjin_datacall_shell_is_reported_failed_not_empty(run_crawl: Crawler, tmp_path: Path) -> None:
    """The live portal list is rendered client-side; the static-template channel must say so loudly."""
    root = copy_hosts(tmp_path / "mirror", ["www.tj.gov.cn"])
    overlay(root, "https://www.tj.gov.cn/zwgk/szfwj/tjsrmzfbgt/", "tj_portal_datacall_shell.html", 200)
    # Read plainly (as the tier-less crawl of a rendered page would be): the selector must fail loudly.
    (src,) = select_sources(builtin_sources(), ["tianjin/szfwj_bgt"])
    plain = replace(src, channels=tuple(replace(ch, needs_browser=False) for ch in src.channels))
    report = run_crawl((plain,), root)
    (result,) = report.results
    assert result.status == "failed"
    assert "tianjin/szfwj_bgt" in (result.reason or "") and "div.list-item.clear" in (result.reason or "")


def test_docs_table_lists_every_channel() -> None:
    from tests.sources.conftest import all_channel_keys

    doc = (Path(__file__).resolve().parents[2] / "docs" / "sources.md").read_text("utf-8")
    missing = [k for k in all_channel_keys() if f"`{k}`" not in doc]
    assert not missing, f"docs/sources.md lacks {missing}"
