"""Reports are derived from the events stored in the archive; every assertion compares with the DB."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from sqlalchemy import select

import policywatch.cli as cli
from crawler.sources import builtin_sources
from store.models import Notice
from store.reports import (
    format_ratio,
    format_yuan,
    funding_report,
    funding_rows,
    instrument,
    pilot_zone_report,
    pilot_zone_rows,
)
from tests.archive.conftest import DemoArchive

SOURCES = builtin_sources()


def _events(archive: DemoArchive, kind: str) -> list[tuple[Notice, dict[str, Any]]]:
    with archive.factory() as s:
        notices = list(s.scalars(select(Notice)))
    return [(n, e) for n in notices for e in n.events if e.get("type") == kind]


def test_funding_markdown_lists_every_rule_with_amounts(demo_archive: DemoArchive) -> None:
    events = _events(demo_archive, "funding_rule")
    assert len(events) >= 20
    with demo_archive.factory() as s:
        md = funding_report(s, "md", sources=SOURCES)
    table = [line for line in md.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(table) == len(events)
    for notice, event in events:
        row = next(r for r in table if notice.url in r and event["text"] in r)
        for amount in (event.get("max_amount_yuan"), event.get("fund_size_yuan")):
            if amount:
                assert format_yuan(amount) in row
        if event.get("ratio"):
            assert format_ratio(event["ratio"]) in row


def test_funding_csv_carries_raw_numbers_and_city_filter(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        rows = list(csv.DictReader(io.StringIO(funding_report(s, "csv", sources=SOURCES,
                                                                      cities=["上海"]))))
    expected = [(n, e) for n, e in _events(demo_archive, "funding_rule") if n.source == "shanghai"]
    assert len(rows) == len(expected) > 0
    assert {r["city"] for r in rows} == {"上海"}
    assert sorted(int(r["max_amount_yuan"]) for r in rows if r["max_amount_yuan"]) == sorted(
        e["max_amount_yuan"] for _, e in expected if e.get("max_amount_yuan"))


def test_funding_instruments_cover_the_seed_article_categories(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        kinds = {r.instrument for r in funding_rows(s, sources=SOURCES)}
    assert {"一事一议", "fund", "ratio+cap", "cap"} <= kinds
    assert instrument({"text": "以“一事一议”方式给予最高2亿元", "max_amount_yuan": 200000000}) == "一事一议"
    assert instrument({"fund_size_yuan": 10**9}) == "fund"
    assert instrument({"ratio": 0.3}) == "ratio"
    assert instrument({"max_amount_yuan": 10**6, "rule": "funding.fixed"}) == "fixed"


def test_pilot_zones_list_every_approved_city_once_with_the_earliest_date(demo_archive: DemoArchive) -> None:
    events = _events(demo_archive, "pilot_zone_approved")
    with demo_archive.factory() as s:
        rows = pilot_zone_rows(s)
        md = pilot_zone_report(s, "md")
    cities = {e["city"] for _, e in events}
    archived = [r for r in rows if r.basis == "archive"]
    assert {r.city for r in archived} == cities and len(archived) == len(cities)
    for row in archived:
        dates = [n.written_date or n.published_date for n, e in events if e["city"] == row.city]
        assert row.date == min(d for d in dates if d)
        assert row.mentions == len(dates)
        when = row.date.isoformat() if row.date else "未知"
        assert f"| {row.city} | {row.province} | {when} | {row.doc_number} |" in md
    shenzhen = next(r for r in rows if r.city == "深圳")
    assert shenzhen.doc_number == "国科函规〔2019〕183号" and shenzhen.approver == "科技部"
    assert shenzhen.zone == 4 and shenzhen.province == "广东"


def test_pilot_zones_show_all_eighteen_and_where_each_fact_comes_from(demo_archive: DemoArchive) -> None:
    from parsers.facts.zone_reference import pilot_zones

    with demo_archive.factory() as s:
        rows = pilot_zone_rows(s)
        md = pilot_zone_report(s, "md")
        csv_text = pilot_zone_report(s, "csv")
    zones = {z.city: z for z in pilot_zones()}
    assert [r.zone for r in rows if r.zone] == list(range(1, 19))
    assert all(r.zone for r in rows), [r.city for r in rows if not r.zone]  # no false approval in the demo
    for row in rows:
        ref = zones[row.city]
        assert row.province == ref.province
        if row.basis == "reference":
            assert row.date_text == ref.approved and row.doc_number == (ref.doc_number or "") and not row.mentions
        elif row.source == "most":
            # The archive's own MOST letter must agree with the public record wherever that is known:
            # a fixture (or a parse) that contradicts it is wrong.
            assert not ref.doc_number or row.doc_number == ref.doc_number, (row.city, row.doc_number)
            assert ref.date_kind != "letter" or row.date_text == ref.approved, (row.city, row.date_text)
    chongqing = next(r for r in rows if r.city == "重庆")
    assert chongqing.basis == "reference" and "| 8 | 重庆 | 重庆 | 2020-03-09 | 未知 |" in md
    assert "参考资料（未归档）" in md and "归档文件" in md
    assert csv_text.splitlines()[0].split(",")[-1] == "basis"


def test_a_city_outside_the_reference_is_listed_last_without_a_zone_number(archive_factory: Any) -> None:
    import datetime as dt

    from parsers.model import NoticeRecord
    from store.repository import Repository

    factory = archive_factory
    record = NoticeRecord(url="https://www.example.gov.cn/a.html", source="most", title="某市试验区获批",
                          doc_number=None, issuers=("科技部",), written_date=dt.date(2026, 1, 5), published_date=None,
                          body="正文", events=({"type": "pilot_zone_approved", "city": "南京", "span": [0, 2],
                                               "source": "body", "rule": "test"},))
    with factory() as s:
        Repository(s).upsert_notice(record, "most", "tztg", dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
        s.commit()
        rows = pilot_zone_rows(s)
        md = pilot_zone_report(s, "md")
    assert len(rows) == 19 and rows[-1].city == "南京" and rows[-1].zone is None
    assert "| — | 南京 |" in md and "请核实" in md
    with factory() as s:
        recent = pilot_zone_rows(s, since=dt.date(2021, 1, 1))
    assert [r.zone for r in recent] == [14, 15, 16, 17, 18, None]  # reference rows honour --since too


def test_html_report_is_standalone_escaped_and_links_official_pages(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        html = funding_report(s, "html", sources=SOURCES)
        pilot = pilot_zone_report(s, "html")
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html and "</html>" in html
    assert 'href="https://www.sheitc.sh.gov.cn/' in html
    assert 'href="https://www.most.gov.cn/' in pilot


def test_html_escapes_hostile_titles(archive_factory: Any) -> None:
    from tests.archive.test_archive_store import RECORD, upsert

    upsert(archive_factory, RECORD.__class__(**{**RECORD.__dict__, "title": "<script>alert(1)</script>补贴通知",
                                                "events": ({"type": "funding_rule", "max_amount_yuan": 10**6,
                                                            "ratio": None, "fund_size_yuan": None,
                                                            "text": "最高100万元<b>"},)}))
    with archive_factory() as s:
        html = funding_report(s, "html", sources=SOURCES)
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert "100万元" in html


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_events_one_row_per_event(sqlite_demo: DemoArchive, fmt: str, capsys: Any) -> None:
    code = cli.main(["--database-url", sqlite_demo.url, "--data-dir", str(sqlite_demo.data_dir), "export",
                     "--what", "events", "--format", fmt])
    assert code == 0
    out = capsys.readouterr().out
    rows = ([json.loads(line) for line in out.splitlines()] if fmt == "jsonl"
            else list(csv.DictReader(io.StringIO(out))))
    with sqlite_demo.factory() as s:
        expected = [(n, e) for n in s.scalars(select(Notice).order_by(Notice.id)) for e in n.events]
    assert len(rows) == len(expected)
    for row, (notice, event) in zip(rows, expected, strict=True):
        assert row["url"] == notice.url and row["title"] == notice.title and row["type"] == event["type"]
        assert row["source"] == notice.source
        assert str(row["published_date"] or "") == (notice.published_date.isoformat() if notice.published_date
                                                     else "")


def test_report_cli_writes_file(sqlite_demo: DemoArchive, tmp_path: Any) -> None:
    out = tmp_path / "pilot.html"
    assert cli.main(["--database-url", sqlite_demo.url, "--data-dir", str(sqlite_demo.data_dir), "report",
                     "pilot-zones", "--format", "html", "--output", str(out)]) == 0
    assert "试验区" in out.read_text(encoding="utf-8")


def test_funding_table_reads_in_chinese_with_an_as_of_date(demo_archive: DemoArchive) -> None:
    import datetime as dt

    at = dt.datetime(2026, 12, 2, 1, 30, tzinfo=dt.UTC)
    with demo_archive.factory() as s:
        md = funding_report(s, "md", sources=SOURCES, now=at)
        csv_text = funding_report(s, "csv", sources=SOURCES, now=at)
    assert "截至 2026-12-02 09:30（北京时间）" in md
    assert "按比例补助（有上限）" in md and "| ratio+cap |" not in md
    assert "人工智能资金" not in md.splitlines()[0]
    assert "ratio+cap" in csv_text  # machines keep the codes
