"""The store on both backends: migrations, upserts, index sync, bulk loading, history."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import inspect, select, text

import policywatch.cli as cli
from alembic import command
from parsers.model import Attachment, NoticeRecord
from store.db import alembic_config, migrate, transaction
from store.history import find_notice, history_json, load_history, render_history
from store.models import Change, Notice, NoticeVersion
from store.repository import Repository, UpsertResult
from store.search import SearchFilters, begin_bulk_load, end_bulk_load, search

NOW = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)
URL = "https://www.most.gov.cn/tztg/202611/t20261120_190101.html"
RECORD = NoticeRecord(url=URL + "#top", source="most", title="关于开展试验区评估工作的通知", doc_number=None,
                      issuers=("科技部",), written_date=dt.date(2026, 11, 18), published_date=dt.date(2026, 11, 20),
                      body="各有关单位：\n现将有关事项通知如下。", attachments=(Attachment("模板.docx", "https://x/a.docx"),))


def upsert(factory: Any, record: NoticeRecord, now: dt.datetime = NOW) -> UpsertResult:
    with transaction(factory) as s:
        return Repository(s).upsert_notice(record, "most", "tztg", now)


def _ids(factory: Any, query: str) -> set[int]:
    with factory() as s:
        return {h.notice_id for h in search(s, query, SearchFilters(limit=100), sources=())}


def test_migrations_head_no_drift_and_0002_round_trip(db_url: str, engine: Any) -> None:
    assert {"notice", "notice_version", "change", "delivery"} <= set(inspect(engine).get_table_names())
    cfg = alembic_config(db_url)
    command.check(cfg)  # models and migrations agree; hand-made search objects are ignored
    command.downgrade(cfg, "0001")
    command.upgrade(cfg, "head")
    migrate(engine)  # idempotent
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            names = set(conn.execute(text("SELECT name FROM sqlite_master")).scalars())
            assert {"notice_fts", "notice_fts_ai", "notice_fts_au", "notice_fts_ad"} <= names
        else:
            names = set(conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'notice'")).scalars())
            assert {"notice_fts_title_trgm", "notice_fts_body_trgm"} <= names


def test_0004_classifies_old_crawl_runs_by_their_text(db_url: str, engine: Any) -> None:
    """Rows written before reason codes existed get the code the old prose rules meant."""
    cfg = alembic_config(db_url)
    command.downgrade(cfg, "0003")
    old = [("failed", "channel most/tztg: selector 'ul.info_list2 li' matched 0 node(s), expected >= 1"),
           ("partial", "pagination stopped early: HTTP 500 on list page 2 (https://x/index_1.html)"),
           ("partial", "interrupted by shutdown"), ("blocked", "HTTP 403 Forbidden at https://x/"),
           ("failed", "channel needs a JS-capable browser; not crawled"),
           ("failed", "no list page was processed"), ("failed", "internal error: KeyError: 'x'"),
           ("failed", "TCPTimedOutError: TCP connection timed out: 110 (https://x/)"),
           ("failed", "ConnectionRefusedError: Connection was refused (https://x/)"),
           ("partial", "HTTP 500 on https://x/t1.html"), ("partial", "https://x/t.html: no title found"),
           ("ok", None)]
    with engine.begin() as conn:
        for i, (status, reason) in enumerate(old):
            conn.execute(text("INSERT INTO crawl_run (source, channel, started_at, status, pages, items_seen, new, "
                              "changed, unchanged, details_fetched, error_count, errors, http_codes, reason) VALUES "
                              "('most', :ch, :at, :st, 1, 1, 0, 0, 0, 0, 0, '[]', '{}', :r)"),
                         {"ch": f"c{i}", "at": NOW, "st": status, "r": reason})
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        codes = [c for (c,) in conn.execute(text("SELECT reason_code FROM crawl_run ORDER BY id"))]
    assert codes == ["selector_broken", "pagination_short", "shutdown", "blocked", "needs_browser", "no_list_page",
                     "internal_error", "timeout", "network", "http_error", "unknown", None]


def test_upsert_reports_inserted_updated_unchanged(archive_factory: Any) -> None:
    first = upsert(archive_factory, RECORD)
    same = upsert(archive_factory, replace(RECORD, body="各有关单位：\n现将有关事项通知如下。  "))
    changed = upsert(archive_factory, replace(RECORD, body="各有关单位：\n现将有关事项更正如下。"),
                     NOW + dt.timedelta(hours=1))
    assert (first.kind, same.kind, changed.kind) == ("inserted", "unchanged", "updated")
    assert first.notice_id == same.notice_id == changed.notice_id and changed.version == 2
    with archive_factory() as s:
        assert [v.version for v in s.scalars(select(NoticeVersion).order_by(NoticeVersion.version))] == [1, 2]
        assert [c.kind for c in s.scalars(select(Change).order_by(Change.id))] == ["new", "revised"]


def test_url_variants_are_one_notice(archive_factory: Any) -> None:
    upsert(archive_factory, RECORD)
    variant = replace(RECORD, url="http://WWW.most.gov.cn/tztg/202611/t20261120_190101.html?jump=true")
    assert upsert(archive_factory, variant).kind == "unchanged"


def test_search_index_follows_insert_update_delete(archive_factory: Any) -> None:
    notice_id = upsert(archive_factory, RECORD).notice_id
    assert _ids(archive_factory, "评估工作") == {notice_id}
    upsert(archive_factory, replace(RECORD, title="关于开展试验区验收工作的通知"), NOW + dt.timedelta(hours=1))
    assert _ids(archive_factory, "评估工作") == set()
    assert _ids(archive_factory, "验收工作") == {notice_id}
    with transaction(archive_factory) as s:  # a poll touching last_seen must not disturb the index
        n = s.get(Notice, notice_id)
        assert n is not None
        n.last_seen = NOW + dt.timedelta(hours=2)
    assert _ids(archive_factory, "验收工作") == {notice_id}
    with transaction(archive_factory) as s:
        s.execute(text("DELETE FROM notice WHERE id = :id"), {"id": notice_id})
    assert _ids(archive_factory, "验收工作") == set()
    if archive_factory.kw["bind"].dialect.name == "sqlite":
        with archive_factory() as s:  # the external-content index is consistent with its table
            s.execute(text("INSERT INTO notice_fts(notice_fts) VALUES ('integrity-check')"))


def test_bulk_load_then_rebuild_restores_triggers(archive_factory: Any) -> None:
    engine = archive_factory.kw["bind"]
    with engine.begin() as conn:
        begin_bulk_load(conn)
    first = upsert(archive_factory, RECORD).notice_id  # inserted while the triggers are gone
    with engine.begin() as conn:
        end_bulk_load(conn)
    assert _ids(archive_factory, "评估工作") == {first}
    second = upsert(archive_factory, replace(RECORD, url=URL.replace("190101", "190102"),
                                             title="关于开展算力券兑付工作的通知")).notice_id
    assert _ids(archive_factory, "算力券") == {second}  # triggers are back


def test_history_shows_versions_and_unified_diff(archive_factory: Any) -> None:
    notice_id = upsert(archive_factory, RECORD).notice_id
    upsert(archive_factory, replace(RECORD, body="各有关单位：\n现将有关事项更正如下。",
                                    attachments=(Attachment("模板（更正）.docx", "https://x/b.docx"),)),
           NOW + dt.timedelta(hours=1))
    with archive_factory() as s:
        assert (find_notice(s, str(notice_id)) or Notice()).id == notice_id
        assert (find_notice(s, "http://WWW.most.gov.cn/tztg/202611/t20261120_190101.html") or Notice()).id == notice_id
        assert find_notice(s, "999999") is None
        history = load_history(s, URL)
        assert history is not None
        lines = "\n".join(render_history(history))
        data = history_json(history)
    assert [v["version"] for v in data["versions"]] == [1, 2]
    assert "=== v1 -> v2 ===" in lines
    assert "-现将有关事项通知如下。" in lines and "+现将有关事项更正如下。" in lines
    assert "+ attachment 模板（更正）.docx <https://x/b.docx>" in lines
    assert data["diffs"][0]["diff"].startswith("--- v1 ")
    # The notice itself, not only its history: issuers, attachments and the current body.
    assert "  issuers 科技部" in lines and "  attachment 模板（更正）.docx <https://x/b.docx>" in lines
    assert "各有关单位：\n现将有关事项更正如下。" in lines
    assert data["body"] == "各有关单位：\n现将有关事项更正如下。" and data["issuers"] == ["科技部"]
    assert data["attachments"] == [{"name": "模板（更正）.docx", "url": "https://x/b.docx"}]
    # One rule for time: China time, labelled, for people; ISO with its offset for machines.
    assert "  v1  2026-11-29 10:00 CST" in lines and data["versions"][0]["fetched_at"] == "2026-11-29T02:00:00+00:00"


def test_show_cli(db_url: str, archive_factory: Any, tmp_path: Any, capsys: Any) -> None:
    notice_id = upsert(archive_factory, RECORD).notice_id
    upsert(archive_factory, replace(RECORD, title="关于开展试验区评估工作的补充通知"), NOW + dt.timedelta(hours=1))
    base = ["--database-url", db_url, "--data-dir", str(tmp_path)]
    assert cli.main([*base, "show", str(notice_id)]) == 0
    out = capsys.readouterr().out
    assert "-关于开展试验区评估工作的通知" in out and "+关于开展试验区评估工作的补充通知" in out
    assert cli.main([*base, "show", "https://example.org/none"]) == 1
