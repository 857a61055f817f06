"""The grant-call options wired through the CLI: subscribe --remind/--deadline-within, search --open,
report open-calls, calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import icalendar

from parsers.facts import DocText, extract_facts
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.repository import Repository
from tests.test_cli import pw


def _china_today() -> dt.date:
    return dt.datetime.now(dt.timezone(dt.timedelta(hours=8))).date()


def _seed(data: Path) -> dt.date:
    """One open call (deadline 20 days from today, China time) and one closed call; returns the end."""
    today = _china_today()
    end = today + dt.timedelta(days=20)
    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(data)}))
    try:
        closed = today - dt.timedelta(days=1)
        for n, (title, body) in enumerate((
                ("科技部关于组织申报人工智能重大专项的通知", f"申报截止时间为{end:%Y年%m月%d日}17:00。"),
                ("科技部关于组织申报智能制造专项的通知", f"申报截止时间为{closed:%Y年%m月%d日}。"))):
            facts = extract_facts(DocText(title=title, body=body, meta={"发布日期": today.isoformat()}))
            rec = NoticeRecord(url=f"https://www.most.gov.cn/tztg/{n}.html", source="most", title=title,
                               doc_number=None, issuers=("科技部",), written_date=None, published_date=today,
                               body=body, events=facts.events)
            with transaction(app.factory) as s:
                Repository(s).record_notice(rec, "most", "tztg", "fp", dt.datetime.now(dt.UTC))
    finally:
        app.engine.dispose()
    return end


def test_grant_call_commands(tmp_path: Path) -> None:
    data = tmp_path / "d"
    end = _seed(data)
    base = ["--data-dir", str(data)]
    bad = pw(*base, "subscribe", "--outbox", "--remind", "7,soon")
    assert bad.returncode == 2 and "--remind" in bad.stderr, bad.stderr
    made = pw(*base, "subscribe", "--outbox", "--remind", "1,7", "--deadline-within", "30")
    assert made.returncode == 0, made.stderr
    listed = json.loads(pw(*base, "subscriptions", "list", "--json").stdout)
    assert listed[0]["filters"]["remind"] == [7, 1] and listed[0]["filters"]["deadline_within"] == 30

    found = pw(*base, "search", "--open", "--json")
    assert [h["title"] for h in json.loads(found.stdout)] == ["科技部关于组织申报人工智能重大专项的通知"], found.stdout
    before = _china_today()
    report = pw(*base, "report", "open-calls", "--format", "csv")
    after = _china_today()
    rows = list(csv.DictReader(io.StringIO(report.stdout)))
    # Counted from the report's own today: a run that crosses midnight China time after seeding sees 19 days
    # left, and that is right.
    assert [(r["apply_end"], r["days_left"]) for r in rows] in (
        [(f"{end.isoformat()}T17:00", str((end - day).days))] for day in (before, after)), report.stdout
    assert (end - after).days in (19, 20)

    out = tmp_path / "calls.ics"
    assert pw(*base, "calendar", str(listed[0]["id"]), "--output", str(out)).returncode == 0
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [
        dt.datetime.combine(end, dt.time(9, 0), tzinfo=dt.UTC)]  # 17:00 China time
    missing = pw(*base, "calendar", "999")
    assert missing.returncode == 1 and "no subscription 999" in missing.stderr
