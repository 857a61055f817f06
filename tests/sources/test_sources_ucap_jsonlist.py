"""The UCAP / 开普云 (``ucap``) and JSON list interface (``jsonlist``) families (issue 20): their quirks,
and block pages on their channels reported as blocked, never as an empty list."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from crawler.mirror_server import query_key
from crawler.registry import select_sources
from crawler.sources import builtin_sources
from parsers.platforms.jsonlist import dig, record_date
from parsers.platforms.ucap import date_from_hex_path
from policywatch.errors import ParseError, SelectorError
from tests.sources.conftest import FIXTURES, Crawler, channel_parts, copy_hosts, overlay, snapshot_text

UCAP = "suzhou/kjj_tzgg"
SZ_JSON = "suzhou/szf_zcwj"
HLJ_JSON = "heilongjiang/szf_wj"
_HEX = "0123456789abcdef0123456789abcdef"


def _ucap_page(inside: str, outside: str = "", pager: str = "") -> str:
    return (f"<html><body><div class='side'><ul>{outside}</ul></div>"
            f"<div class='list'><ucapcontent><ul>{inside}</ul></ucapcontent></div>{pager}</body></html>")


def _row(path: str, title: str, date: str = "2026-11-20") -> str:
    return f"<li><a href='{path}' title='{title}'>{title}</a><span>{date}</span></li>"


def test_ucap_reads_only_the_rows_inside_ucapcontent() -> None:
    _, ctx, platform = channel_parts(UCAP)
    inside = _row(f"/szkj/tzgg/202611/{_HEX}.shtml", "列表内通知")
    outside = _row(f"/szkj/tzgg/202611/{_HEX[::-1]}.shtml", "侧栏热点")  # same article pattern, sidebar
    page = platform.parse_list(_ucap_page(inside, outside), ctx.url, ctx)
    assert [e.title for e in page.entries] == ["列表内通知"]
    assert page.entries[0].url == f"https://kjj.suzhou.gov.cn/szkj/tzgg/202611/{_HEX}.shtml"


@pytest.mark.parametrize("text", [
    _ucap_page(""),  # the list element is there, its rows are gone
    "<html><body><ul>" + _row(f"/szkj/tzgg/202611/{_HEX}.shtml", "改版") + "</ul></body></html>",  # no ucapcontent
])
def test_ucap_empty_or_missing_list_is_a_selector_error(text: str) -> None:
    _, ctx, platform = channel_parts(UCAP)
    with pytest.raises(SelectorError) as err:
        platform.parse_list(text, ctx.url, ctx)
    assert err.value.channel == UCAP and "ucapcontent li" in err.value.selector


def test_ucap_rows_that_are_not_hex_articles_are_a_selector_error() -> None:
    _, ctx, platform = channel_parts(UCAP)
    with pytest.raises(SelectorError):
        platform.parse_list(_ucap_page(_row("/szkj/tzgg/list_2.shtml", "下一页")), ctx.url, ctx)


@pytest.mark.parametrize(("pager", "pages"), [
    ("<script>var pageCount = 7;</script>", 7), ("<script>totalPage: '12'</script>", 12),
    ("<div>共 5 页</div>", 5), ("", None),
])
def test_ucap_page_count_is_read_from_the_pager(pager: str, pages: int | None) -> None:
    _, ctx, platform = channel_parts(UCAP)
    text = _ucap_page(_row(f"/szkj/tzgg/202611/{_HEX}.shtml", "通知"), pager=pager)
    assert platform.parse_list(text, ctx.url, ctx).total_pages == pages


@pytest.mark.parametrize(("url", "date"), [
    (f"https://kjt.sc.gov.cn/kjt/gstz/2026/11/20/{_HEX}.shtml", dt.date(2026, 11, 20)),
    (f"https://kjj.suzhou.gov.cn/szkj/tzgg/202611/{_HEX}.shtml", None),  # a month names no day
    (f"https://kjt.sc.gov.cn/kjt/gstz/2026/02/30/{_HEX}.shtml", None),
])
def test_ucap_url_dates(url: str, date: dt.date | None) -> None:
    assert date_from_hex_path(url) == date


def test_ucap_row_without_a_date_takes_the_day_path_date() -> None:
    _, ctx, platform = channel_parts("sichuan/kjt_tzgg")
    row = f"<li><a href='/kjt/gstz/2026/11/03/{_HEX}.shtml'>无日期通知</a></li>"
    (entry,) = platform.parse_list(_ucap_page(row), ctx.url, ctx).entries
    assert entry.date == dt.date(2026, 11, 3)


# -- jsonlist ----------------------------------------------------------------------------------

def _answer(key: str, page: int = 1) -> dict:
    _, ctx, platform = channel_parts(key)
    return json.loads(snapshot_text(platform.page_request(ctx, page)))


def test_jsonlist_reads_the_doc_number_field_and_pages_by_the_announced_count() -> None:
    _, ctx, platform = channel_parts(SZ_JSON)
    data = _answer(SZ_JSON)
    data["totalPage"] = 9
    page = platform.parse_list(json.dumps(data, ensure_ascii=False), platform.page_request(ctx, 1).url, ctx)
    assert page.total_pages == 9
    assert [e.doc_number for e in page.entries] == [r["C_WJBH"] for r in data["data"]]
    assert all(e.doc_number and e.doc_number.startswith("苏府〔") for e in page.entries)


def test_jsonlist_counts_pages_at_the_size_the_answer_holds() -> None:
    """黑龙江 answers two records a page although ten are asked for: three records are two pages,
    and the empty answer past them ends the list rather than failing it."""
    _, ctx, platform = channel_parts(HLJ_JSON)
    first = platform.parse_list(json.dumps(_answer(HLJ_JSON)), platform.page_request(ctx, 1).url, ctx)
    assert (len(first.entries), first.total_pages) == (2, 2)
    past = _answer(HLJ_JSON, 3)
    end = platform.parse_list(json.dumps(past), platform.page_request(ctx, 3).url, ctx)
    assert (end.entries, end.total_pages) == ((), 2)


@pytest.mark.parametrize(("text", "error"), [
    ("<html><body>系统维护中</body></html>", ParseError),  # an HTML page where JSON was expected
    (json.dumps({"data": {"total": 3}}), SelectorError),  # the array is gone (a renamed field)
    (json.dumps({"data": {"total": 0, "results": []}}), SelectorError),  # page 1 empty: never "no news"
    (json.dumps({"data": {"total": 3, "results": [{"name": "x", "link": "/y.shtml"}]}}), SelectorError),
])
def test_jsonlist_changed_or_empty_answers_fail_loudly(text: str, error: type[Exception]) -> None:
    _, ctx, platform = channel_parts(HLJ_JSON)
    with pytest.raises(error):
        platform.parse_list(text, platform.page_request(ctx, 1).url, ctx)


@pytest.mark.parametrize(("value", "date"), [
    ("2026-11-20", dt.date(2026, 11, 20)), ("2026-11-20 09:30:00", dt.date(2026, 11, 20)),
    (1795140000, dt.date(2026, 11, 20)), (1795140000000, dt.date(2026, 11, 20)),
    ("1795140000000", dt.date(2026, 11, 20)),
    # 16:30 UTC on the 19th is already the 20th in Beijing: the document's date is CST
    (1795105800, dt.date(2026, 11, 20)), (None, None), ("", None), (True, None),
])
def test_jsonlist_record_dates(value: object, date: dt.date | None) -> None:
    assert record_date(value) == date


def test_dig_follows_dotted_paths_and_never_raises() -> None:
    data = {"data": {"results": [1], "total": "3"}}
    assert dig(data, "data.results") == [1]
    assert dig(data, "data.missing.deeper") is None and dig(data, "data.total.x") is None and dig(data, None) is None


# -- block pages on the new families: blocked, never zero notices -----------------------------

def _overlay_request(root: Path, url: str, fixture: str, status: int) -> None:
    """Like conftest.overlay, for a URL with a query string (served from ``{file}@{query}``)."""
    parts = urlsplit(url)
    target = root / parts.netloc / parts.path.lstrip("/")
    target = target.with_name(f"{target.name}@{query_key(parts.query)}")
    target.write_bytes((FIXTURES / fixture).read_bytes())
    spec = {"status": status, "headers": {"Content-Type": "text/html"}}
    target.with_name(target.name + ".headers.json").write_text(json.dumps(spec), "utf-8")


@pytest.mark.parametrize(("fixture", "status", "reason"), [
    ("kxjs_403_stub.html", 403, "13-byte"), ("kxjs_403_stub.html", 200, "stub body"),
    ("jiasule_challenge.html", 521, "Jiasule"), ("wzws_geobl.html", 403, "GeoBL"),
])
def test_block_pages_on_ucap_and_jsonlist_channels_are_blocked(
        run_crawl: Crawler, tmp_path: Path, fixture: str, status: int, reason: str) -> None:
    root = copy_hosts(tmp_path / "mirror", ["kjj.suzhou.gov.cn", "gxj.suzhou.gov.cn", "www.suzhou.gov.cn"])
    overlay(root, "https://kjj.suzhou.gov.cn/szkj/tzgg/common_list.shtml", fixture, status)
    _, ctx, platform = channel_parts(SZ_JSON)
    _overlay_request(root, platform.page_request(ctx, 1).url, fixture, status)
    results = {r.channel: r for r in run_crawl(select_sources(builtin_sources(), ["suzhou"]), root).results}
    for channel in ("kjj_tzgg", "szf_zcwj"):
        assert results[channel].status == "blocked", (channel, results[channel])
        assert reason in (results[channel].reason or ""), results[channel].reason
        assert results[channel].new == 0
    assert results["gxj_tzgg"].status == "ok" and results["gxj_tzgg"].new == 3  # the other bureau stores


@pytest.mark.parametrize("content_type", ["application/json;charset=GBK", "application/json; charset=gb2312",
                                          "application/json", None])
def test_jsonlist_answers_in_gbk_bytes_read_like_utf8(content_type: str | None) -> None:
    """An interface answering GBK bytes (labelled or not, as the spider decodes them) reads the same."""
    from parsers.decode import decode_html

    _, ctx, platform = channel_parts(SZ_JSON)
    request = platform.page_request(ctx, 1)
    original = platform.parse_list(snapshot_text(request), request.url, ctx)
    text, _ = decode_html(snapshot_text(request).encode("gbk"), content_type)
    again = platform.parse_list(text, request.url, ctx)
    assert [(e.url, e.title, e.doc_number) for e in again.entries] == [
        (e.url, e.title, e.doc_number) for e in original.entries]
    assert any("苏府" in (e.doc_number or "") for e in again.entries)
