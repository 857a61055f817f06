"""Search over the crawled demo archive, identical on SQLite (FTS5 trigram + instr) and PostgreSQL (pg_trgm).

The Shanghai check uses 支持: none of Shanghai's bundled notices contains 补助 (checked with grep on
crawler/snapshots; Hangzhou, Hefei and Tianjin use it), while Shanghai's funding notices say
“按项目投资额30%予以支持” and “按设备总价50%给予支持”.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, text

from crawler.sources import builtin_sources
from store.models import Notice
from store.search import (
    SearchFilters,
    fts_match_expression,
    like_pattern,
    make_snippet,
    search,
    split_terms,
)
from tests.archive.conftest import DemoArchive

SOURCES = builtin_sources()


def _titles_containing(archive: DemoArchive, *words: str, source: str | None = None) -> set[int]:
    """The ground truth, computed in Python from the stored rows."""
    with archive.factory() as s:
        rows = s.execute(select(Notice.id, Notice.title, Notice.body, Notice.doc_number, Notice.source)).all()
    return {r.id for r in rows
            if all(w.lower() in f"{r.title}\n{r.body}\n{r.doc_number or ''}".lower() for w in words)
            and (source is None or r.source == source)}


def _search(archive: DemoArchive, query: str, **filters: Any) -> list[Any]:
    with archive.factory() as s:
        return search(s, query, SearchFilters(limit=500, **filters), sources=SOURCES)


def test_pilot_zone_query_finds_every_notice_with_snippets(demo_archive: DemoArchive) -> None:
    hits = _search(demo_archive, "试验区")
    expected = _titles_containing(demo_archive, "试验区")
    assert len(expected) >= 10
    assert {h.notice_id for h in hits} == expected
    assert all("**试验区**" in h.snippet for h in hits)
    # Ranked: a notice with the term in its title comes before one that only mentions it in the body.
    first_body_only = next(i for i, h in enumerate(hits) if "试验区" not in h.title)
    assert all("试验区" in h.title for h in hits[:first_body_only])


def test_city_filter_two_char_query(demo_archive: DemoArchive) -> None:
    hits = _search(demo_archive, "支持", cities=("上海",))
    assert {h.notice_id for h in hits} == _titles_containing(demo_archive, "支持", source="shanghai")
    assert hits and {h.city for h in hits} == {"上海"}
    assert any("2000万元" in h.snippet or "予以**支持**" in h.snippet for h in hits) or all(
        "**支持**" in h.snippet for h in hits)
    assert _search(demo_archive, "补助", cities=("上海",)) == []  # see the module docstring


def test_city_filter_long_query_finds_the_shanghai_funding_notice(demo_archive: DemoArchive) -> None:
    hits = _search(demo_archive, "予以支持", cities=("上海市",))
    assert [h.notice_id for h in hits] == sorted(_titles_containing(demo_archive, "予以支持", source="shanghai"))
    assert "**予以支持**" in hits[0].snippet and "30%" in hits[0].snippet


@pytest.mark.parametrize("query", ["科技", "科", "AI", "ai"])
def test_short_queries_are_exact(demo_archive: DemoArchive, query: str) -> None:
    hits = _search(demo_archive, query)
    assert {h.notice_id for h in hits} == _titles_containing(demo_archive, query)
    assert hits, query


def test_words_and_together_mixing_long_and_short(demo_archive: DemoArchive) -> None:
    for query in ("人工智能 补贴", "试验区 合肥", "科技 深圳 资助"):
        words = split_terms(query)
        assert {h.notice_id for h in _search(demo_archive, query)} == _titles_containing(demo_archive, *words)


def test_doc_number_is_searchable(demo_archive: DemoArchive) -> None:
    hits = _search(demo_archive, "国科函规〔2019〕183号")
    assert {h.notice_id for h in hits} == _titles_containing(demo_archive, "国科函规〔2019〕183号")
    assert any(h.doc_number == "国科函规〔2019〕183号" for h in hits)


def test_filters_topic_event_dates_source(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        notices = list(s.scalars(select(Notice)))
    funding = {n.id for n in notices if any(e.get("type") == "funding_rule" for e in n.events)}
    assert {h.notice_id for h in _search(demo_archive, "", events=("funding_rule",))} == funding
    topic = next(t for n in notices for t in n.topics)
    assert {h.notice_id for h in _search(demo_archive, "", topics=(topic,))} == {
        n.id for n in notices if topic in n.topics}
    since, until = dt.date(2026, 11, 1), dt.date(2026, 11, 20)
    assert {h.notice_id for h in _search(demo_archive, "", since=since, until=until)} == {
        n.id for n in notices if n.published_date and since <= n.published_date <= until}
    assert {h.source for h in _search(demo_archive, "人工智能", sources=("most",))} == {"most"}
    assert {h.source for h in _search(demo_archive, "人工智能", cities=("科技部",))} == {"most"}
    assert _search(demo_archive, "人工智能", cities=("火星",)) == []


def test_limit_and_json_shape(demo_archive: DemoArchive) -> None:
    with demo_archive.factory() as s:
        hits = search(s, "人工智能", SearchFilters(limit=3), sources=SOURCES)
    assert len(hits) == 3
    data = hits[0].to_json()
    assert {"id", "url", "title", "city", "source", "published_date", "snippet", "score"} <= set(data)
    assert hits[0].score >= hits[1].score >= hits[2].score


@pytest.mark.parametrize("query", ['"', "'; DROP TABLE notice; --", "100%", "a_b", "NEAR(", "title:科技",
                                   "\\", "*", "AND OR NOT"])
def test_hostile_queries_are_plain_text(demo_archive: DemoArchive, query: str) -> None:
    with demo_archive.factory() as s:
        before = s.scalar(text("SELECT count(*) FROM notice"))
    hits = _search(demo_archive, query)
    assert {h.notice_id for h in hits} == _titles_containing(demo_archive, *split_terms(query))
    with demo_archive.factory() as s:
        assert s.scalar(text("SELECT count(*) FROM notice")) == before > 0  # nothing dropped or deleted


def test_terms_and_patterns() -> None:
    assert split_terms(" 人工智能\u3000补贴  人工智能 “试验区” ") == ["人工智能", "补贴", "试验区"]
    assert fts_match_expression(['a"b', "科技部"]) == '"a""b" AND "科技部"'
    assert like_pattern("100%_\\") == "%100\\%\\_\\\\%"


def test_snippet_window_and_highlight() -> None:
    body = "前言" * 50 + "按项目投资额30%予以支持，最高支持2000万元。" + "结尾" * 50
    snip = make_snippet(body, ["支持"], width=40)
    assert snip.startswith("…") and snip.endswith("…")
    assert "**支持**" in snip and snip.count("**支持**") == 2


def test_rank_window_ranks_only_the_newest_matches(demo_archive: DemoArchive) -> None:
    everything = _titles_containing(demo_archive, "人工智能")
    newest = set(sorted(everything, reverse=True)[:5])
    with demo_archive.factory() as s:
        hits = search(s, "人工智能", SearchFilters(limit=3), rank_window=5, sources=SOURCES)
        exact = search(s, "人工智能", SearchFilters(limit=len(everything)), rank_window=10_000,
                       sources=SOURCES)
    assert len(hits) == 3 and {h.notice_id for h in hits} <= newest
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {h.notice_id for h in exact} == everything


def test_cli_search_json_text_and_csv(demo_archive: DemoArchive, capsys: Any) -> None:
    import csv
    import io
    import json

    import policywatch.cli as cli

    base = ["--database-url", demo_archive.url, "--data-dir", str(demo_archive.data_dir), "search"]
    assert cli.main([*base, "试验区", "--limit", "200", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["id"] for d in data} == _titles_containing(demo_archive, "试验区")
    assert cli.main([*base, "支持", "--city", "上海"]) == 0
    out = capsys.readouterr().out
    assert "[上海]" in out and "**支持**" in out and "[北京]" not in out
    assert cli.main([*base, "科技", "--event", "funding_rule", "--since", "2026-11-01", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all(r["published_date"] >= "2026-11-01" for r in rows)
    assert cli.main([*base, "没有这个词组"]) == 0
    assert "no matches" in capsys.readouterr().out
