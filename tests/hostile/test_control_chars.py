"""Control and bidi characters in page text are dropped when a record is built, and escaped on output."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import policywatch.cli as cli
from parsers.controls import escape_controls, strip_controls
from parsers.model import Attachment, NoticeRecord
from parsers.notice import build_record
from parsers.page import DetailPage, ListEntry
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.repository import Repository

ANSI = "\x1b[2J\x1b[31m"
BIDI = "\u202e"


def test_records_carry_no_control_characters() -> None:
    detail = DetailPage(title=f"关于{ANSI}开展{BIDI}评估的通知\x07", body=f"各有关单位：\x00\t正文\n第二段{ANSI}\x85",
                        attachments=(Attachment(f"附件{ANSI}.pdf", "https://x.gov.cn/a.pdf"),))
    record = build_record(detail, "https://www.most.gov.cn/tztg/t1.html", source="most", channel="tztg",
                          entry=ListEntry(url="https://www.most.gov.cn/tztg/t1.html", title=f"{ANSI}短"))
    assert record.title == "关于[2J[31m开展评估的通知"  # ESC gone: what is left is inert text
    assert record.body == "各有关单位：\t正文\n第二段[2J[31m"
    assert record.attachments[0].name == "附件[2J[31m.pdf"
    longer = build_record(DetailPage(title="短", body="正文"), "https://x.gov.cn/t2.html", source=None, channel=None,
                          entry=ListEntry(url="https://x.gov.cn/t2.html", title=f"关于{BIDI}很长的列表标题的通知"))
    assert longer.title == "关于很长的列表标题的通知"
    assert strip_controls("a\tb\nc") == "a\tb\nc"


def test_rows_stored_before_the_fix_are_escaped_on_the_terminal(tmp_path: Path, capsys: Any) -> None:
    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)}))
    record = NoticeRecord(url="https://www.most.gov.cn/tztg/t9.html", source="most", title=f"关于{ANSI}试验区的通知",
                          doc_number=None, issuers=(), written_date=None, published_date=dt.date(2026, 11, 1),
                          body=f"试验区{ANSI}正文")
    with transaction(app.factory) as session:
        notice_id = Repository(session).upsert_notice(record, "most", "tztg", dt.datetime.now(dt.UTC)).notice_id
    app.engine.dispose()
    base = ["--data-dir", str(tmp_path)]
    assert cli.main([*base, "search", "试验区"]) == 0
    assert cli.main([*base, "show", str(notice_id)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[2J" in out
    assert escape_controls(f"a{BIDI}b") == "a\\u202eb"
