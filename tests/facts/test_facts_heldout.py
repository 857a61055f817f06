"""The held-out corpus (pages from crawler/snapshots, labelled by reading them) meets its targets.

The first run on this set, before any rule was changed for it, is recorded in
docs/extraction.md; the targets below are what the rules reach after the fixes it prompted,
so they guard against regressions rather than estimate accuracy on unseen pages.
"""

from __future__ import annotations

import json
from pathlib import Path

from parsers.facts import extract_facts
from parsers.facts.evaluate import FIELDS, evaluate, format_report, load_case

HELDOUT = Path(__file__).parent / "heldout"
REPO = Path(__file__).resolve().parents[2]


def test_heldout_size_and_provenance() -> None:
    cases = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(HELDOUT.glob("*.json"))]
    assert len(cases) >= 40
    for case in cases:
        assert (REPO / case["source_page"]).is_file(), case["id"]
        assert case["source_page"].startswith("crawler/snapshots/")
    expected = [c["expected"] for c in cases]
    assert sum(bool(e["funding"]) for e in expected) >= 30
    assert sum(bool(e["pilot_zone_cities"]) for e in expected) >= 7
    # Issue 15: pages that name the programme but approve nobody (plans citing their approval letter,
    # evaluations listing zones) are what pilot-zone precision is measured on.
    assert sum("创新发展试验区" in c["title"] + c["body"] and not c["expected"]["pilot_zone_cities"]
               for c in cases) >= 5
    assert sum(bool(e["repeals"]) for e in expected) >= 2
    assert sum(not (e["funding"] or e["pilot_zone_cities"] or e["repeals"]) for e in expected) >= 20


def test_heldout_targets() -> None:
    report = evaluate(HELDOUT)
    text = format_report(report)
    for name in FIELDS:
        s = report.scores[name]
        assert s.precision >= 0.98 and s.recall >= 0.98, text


def test_heldout_extras_years_and_per_year() -> None:
    """Labels carry the additive keys (years, per_year); check them where labelled."""
    for path in sorted(HELDOUT.glob("*.json")):
        case, doc = load_case(path)
        labelled = [r for r in case["expected"]["funding"] if "years" in r or "per_year" in r]
        if not labelled:
            continue
        got = [e for e in extract_facts(doc).events if e["type"] == "funding_rule"]
        for rule in labelled:
            match = [
                e for e in got
                if (e["max_amount_yuan"], e["fund_size_yuan"]) == (rule["max_amount_yuan"], rule["fund_size_yuan"])
            ]
            assert match, (case["id"], rule)
            assert any(
                e["years"] == rule.get("years") and e["per_year"] == rule.get("per_year", False) for e in match
            ), (case["id"], rule, match)
