"""The held-out pages of tests/facts/pages_rules/heldout/ (README there): 8 templates no rule was written
on, labelled before the extractor ran. First run on this branch: every field 1.000 (main: title 0.625,
published_date 0.857 / 0.750, pilot_zone_cities precision 0.667); held here at the issue's bar."""

from __future__ import annotations

import hashlib
from pathlib import Path

from parsers.facts.evaluate import evaluate, format_report, load_page_cases

HELDOUT = Path(__file__).parent / "pages_rules" / "heldout"
# Labels are frozen: changing one means changing this hash in the same commit, saying why.
FROZEN = "b8d00db70089b51d3dbf7f52d3ca0317ec67f691425b00c867af2fd91a232f36"


def test_labels_are_frozen() -> None:
    assert hashlib.sha256((HELDOUT / "labels.json").read_bytes()).hexdigest() == FROZEN


def test_composition() -> None:
    cases = load_page_cases(HELDOUT)
    assert len(cases) >= 32 and len({c["template"] for c in cases}) >= 8
    assert {c["encoding"] for c in cases} >= {"utf-8", "gbk", "gb2312"}
    corpus = Path(__file__).parent / "pages"
    seen = {c["host"] for split in ("tuning", "untouched") for c in load_page_cases(corpus / split)}
    assert not {c["host"] for c in cases} & seen


def test_every_field_at_the_bar() -> None:
    report = evaluate(HELDOUT)
    text = format_report(report)
    for score in report.scores.values():
        assert score.precision >= 0.95 and score.recall >= 0.95, text
    assert report.scores["pilot_zone_cities"].precision >= 0.98, text
