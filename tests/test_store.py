from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import inspect

from alembic import command
from parsers.model import Attachment, NoticeRecord
from store.db import alembic_config, make_engine, migrate, transaction
from store.models import Change, NoticeVersion
from store.repository import Repository

NOW = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)
RECORD = NoticeRecord(url="https://www.most.gov.cn/tztg/202611/t20261120_190101.html#top", source="most",
                      title="关于开展试验区评估工作的通知", doc_number=None, issuers=("科技部",),
                      written_date=dt.date(2026, 11, 18), published_date=dt.date(2026, 11, 20),
                      body="各有关单位：\n现将有关事项通知如下。", attachments=(Attachment("模板.docx", "https://x/a.docx"),))


def test_upgrade_head_on_empty_database_and_no_drift(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"notice", "notice_version", "attachment", "crawl_run", "subscriber", "subscription",
            "delivery", "change", "fetch_failure"} <= tables
    command.check(alembic_config(url))  # raises if models and migrations drifted apart
    migrate(engine)  # idempotent


def test_upsert_reports_inserted_updated_unchanged(factory: Any) -> None:
    with transaction(factory) as s:
        first = Repository(s).upsert_notice(RECORD, "most", "tztg", NOW)
    with transaction(factory) as s:
        same = Repository(s).upsert_notice(replace(RECORD, body="各有关单位：\n现将有关事项通知如下。  "), "most",
                                           "tztg", NOW)
    with transaction(factory) as s:
        changed = Repository(s).upsert_notice(replace(RECORD, body="各有关单位：\n现将有关事项更正如下。"),
                                              "most", "tztg", NOW + dt.timedelta(hours=1))
    assert (first.kind, same.kind, changed.kind) == ("inserted", "unchanged", "updated")
    assert first.notice_id == same.notice_id == changed.notice_id and changed.version == 2
    with factory() as s:
        versions = s.query(NoticeVersion).order_by(NoticeVersion.version).all()
        changes = s.query(Change).order_by(Change.id).all()
    assert [v.version for v in versions] == [1, 2]
    assert [c.kind for c in changes] == ["new", "revised"]
    assert "更正" in (changes[1].diff or "")


def test_url_variants_are_one_notice(factory: Any) -> None:
    with transaction(factory) as s:
        Repository(s).upsert_notice(RECORD, "most", "tztg", NOW)
    variant = replace(RECORD, url="http://WWW.most.gov.cn/tztg/202611/t20261120_190101.html?jump=true")
    with transaction(factory) as s:
        assert Repository(s).upsert_notice(variant, "most", "tztg", NOW).kind == "unchanged"


def test_attachment_change_is_a_revision(factory: Any) -> None:
    with transaction(factory) as s:
        Repository(s).upsert_notice(RECORD, "most", "tztg", NOW)
    swapped = replace(RECORD, attachments=(Attachment("模板（更正）.docx", "https://x/b.docx"),))
    with transaction(factory) as s:
        assert Repository(s).upsert_notice(swapped, "most", "tztg", NOW).kind == "updated"
