"""An event type registered in one place reaches every consumer: subscription filters, the CLI's
--event, digest lines, search and the events export; types unknown to this version never crash."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

import policywatch.cli as cli
from notifier.digest import Digest, DigestItem, summarize_events
from notifier.render import render_markdown, render_text
from notifier.subscriptions import build_filters, matches
from parsers.facts.events import EventSpec, Field, register, unregister
from policywatch.errors import ConfigError
from store.models import Notice
from tests.archive.test_archive_store import RECORD, upsert

# From an older version: a type this one does not know, with a field that has an export column.
LEGACY = {"type": "pilot_zone", "city": "合肥", "rule": "old.rule"}


@pytest.fixture
def tender() -> Iterator[EventSpec]:
    spec = register(EventSpec(
        name="tender_awarded", label="中标",
        fields=(Field("winner", (str,), required=True, export="winner"),
                Field("amount_yuan", (int,), export="amount_yuan")),
        detail=("winner",), filterable=True, amount_fields=("amount_yuan",)))
    yield spec
    unregister(spec.name)


def _stored(factory: sessionmaker[Session], spec: EventSpec) -> Notice:
    event = spec.make(span=(0, 4), source="body", rule="tender.award", winner="甲公司", amount_yuan=8_000_000)
    upsert(factory, replace(RECORD, events=(event.to_dict(), LEGACY)))
    with factory() as s:
        return s.scalars(select(Notice)).one()


def _digest(notice: Notice) -> Digest:
    item = DigestItem(notice_id=notice.id, change="new", title=notice.title, url=notice.url, source_id="most",
                      source_name="科技部", city="全国", issuers=(), doc_number=None, date=None,
                      events=tuple(notice.events))
    return Digest(digest_id="d-1", subscription_id=1, subscription_name="招标", items=(item,),
                  created_at=dt.datetime(2026, 11, 29, 10, tzinfo=dt.UTC))


def test_new_type_reaches_filters_and_digests(tender: EventSpec, archive_factory: Any) -> None:
    notice = _stored(archive_factory, tender)
    filters = build_filters(cities=[], sources=[], topics=[], events=[tender.name], keywords=[],
                            min_amount="500万")
    assert matches(filters, notice, "全国")
    assert not matches({**filters, "min_amount": 9_000_000}, notice, "全国")  # its amount field counts
    with pytest.raises(ConfigError, match="unknown event type pilot_zone"):
        build_filters(cities=[], sources=[], topics=[], events=["pilot_zone"], keywords=[], min_amount=None)
    assert summarize_events(notice.events) == "中标：甲公司"
    digest = _digest(notice)
    assert "中标：甲公司" in render_text(digest) and "中标：甲公司" in render_markdown(digest)


def test_new_type_reaches_search_and_export(tender: EventSpec, db_url: str, archive_factory: Any,
                                            tmp_path: Path, capsys: Any) -> None:
    notice = _stored(archive_factory, tender)
    base = ["--database-url", db_url, "--data-dir", str(tmp_path)]
    assert cli.main([*base, "search", "--event", tender.name, "--json"]) == 0
    assert [h["id"] for h in json.loads(capsys.readouterr().out)] == [notice.id]
    assert cli.main([*base, "export", "--what", "events", "--format", "csv"]) == 0
    reader = csv.DictReader(io.StringIO(capsys.readouterr().out))
    assert reader.fieldnames is not None and reader.fieldnames[-4:] == ["winner", "amount_yuan", "text", "rule"]
    new, old = list(reader)
    assert (new["type"], new["winner"], new["amount_yuan"], new["rule"]) == (tender.name, "甲公司", "8000000",
                                                                            "tender.award")
    assert (old["type"], old["event_city"], old["winner"], old["rule"]) == ("pilot_zone", "合肥", "", "old.rule")


def test_rows_of_an_unregistered_type_still_read(tender: EventSpec, db_url: str, archive_factory: Any,
                                                 tmp_path: Path, capsys: Any) -> None:
    notice = _stored(archive_factory, tender)
    unregister(tender.name)  # a later version dropped the type; its rows stay in the archive
    assert summarize_events(notice.events) == ""
    assert matches({"event": [tender.name]}, notice, "全国")  # a stored filter still compares type names
    assert not matches({"min_amount": 1}, notice, "全国")  # no known amount field left
    assert "甲公司" not in render_text(_digest(notice))
    assert cli.main(["--database-url", db_url, "--data-dir", str(tmp_path), "export", "--what", "events"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["type"] for r in rows] == [tender.name, "pilot_zone"] and "winner" not in rows[0]
    with pytest.raises(SystemExit) as exit_info:  # but a new search or subscription cannot ask for it
        cli.main(["--database-url", db_url, "--data-dir", str(tmp_path), "search", "--event", tender.name])
    assert exit_info.value.code == 2 and "unknown event type 'tender_awarded'" in capsys.readouterr().err
