"""The labelled corpus meets the issue's targets."""

from __future__ import annotations

from pathlib import Path

from parsers.facts.evaluate import evaluate, format_report

CORPUS = Path(__file__).resolve().parents[2] / "parsers" / "facts" / "corpus"


def test_corpus_size() -> None:
    assert len(list(CORPUS.glob("*.json"))) >= 40


def test_eval_targets() -> None:
    report = evaluate(CORPUS)
    s = report.scores
    text = format_report(report)
    for name in ("doc_number", "written_date", "published_date"):
        assert s[name].precision >= 0.99 and s[name].recall >= 0.99, text
    assert s["issuers"].precision >= 0.95 and s["issuers"].recall >= 0.95, text
    assert s["funding"].precision >= 0.95 and s["funding"].recall >= 0.95, text
    assert s["pilot_zone_cities"].f1 >= 0.98, text
    assert "doc_number" in text and "pilot_zone_cities" in text
