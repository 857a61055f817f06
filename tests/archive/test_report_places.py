"""The funding report groups its rows by province > city (issue 20), with the province as a column."""

from __future__ import annotations

from crawler.sources import builtin_sources
from parsers.facts.zone_reference import place_key, province_of
from store.reports import funding_report, funding_rows
from tests.archive.conftest import DemoArchive

SOURCES = builtin_sources()


def test_funding_rows_are_grouped_by_province_then_city(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        rows = funding_rows(s, sources=SOURCES)
    cities = [r.city for r in rows]
    provinces = {province_of(c) for c in cities} - {None}
    assert len(provinces) >= 5, provinces  # the demo archive funds many provinces: the order is tested
    assert [place_key(c) for c in cities] == sorted(place_key(c) for c in cities)
    # each place's rows together, a province's departments before its cities
    seen: list[str] = []
    for city in cities:
        if not seen or seen[-1] != city:
            assert city not in seen, f"{city} appears in two groups"
            seen.append(city)
    for province in provinces:
        own = [i for i, c in enumerate(seen) if c == province]
        others = [i for i, c in enumerate(seen) if province_of(c) == province and c != province]
        if own and others:
            assert own[0] < min(others), province


def test_funding_table_names_each_rows_province(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        md = funding_report(s, "md", sources=SOURCES)
    header, _, *table = [line for line in md.splitlines() if line.startswith("|")]
    assert header.startswith("| 省份 | 城市 |")
    for line in table:
        province, city = (cell.strip() for cell in line.strip("|").split("|")[:2])
        assert province == (province_of(city) or ""), line


def test_open_calls_table_names_each_rows_province(demo_archive: DemoArchive) -> None:
    import datetime as dt

    from store.reports import open_calls_report

    now = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)
    with demo_archive.factory() as s:
        md = open_calls_report(s, "md", sources=SOURCES, now=now)
    header, _, *table = [line for line in md.splitlines() if line.startswith("|")]
    assert "| 省份 | 城市 |" in header
    assert table, "the demo archive holds open calls on the frozen today"
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in table]
    assert {province_of(row[3]) or "" for row in cells} == {row[2] for row in cells}
    assert all(row[2] == (province_of(row[3]) or "") for row in cells)
