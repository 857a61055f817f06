"""Must-pass acceptance cases from the issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from parsers.facts import DocText, extract_facts
from parsers.facts.evaluate import load_case

REF = Path("/work/shared/reference/texts")
CORPUS = Path(__file__).resolve().parents[2] / "parsers" / "facts" / "corpus"


def _events(facts, kind):  # type: ignore[no-untyped-def]
    return [e for e in facts.events if e["type"] == kind]


def test_shenzhen_letter_traditional_yields_pilot_zone_event() -> None:
    _, doc = load_case(CORPUS / "ref_most_letter_shenzhen_183_hant.json")
    facts = extract_facts(doc)
    assert facts.doc_number == "国科函规〔2019〕183号"
    assert facts.doc_number_raw == "國科函規〔2019〕183號"  # raw keeps the page's script
    assert facts.issuers == ("科技部",)
    assert facts.written_date == dt.date(2019, 10, 17)
    (event,) = _events(facts, "pilot_zone_approved")
    assert event["city"] == "深圳"
    assert event["program"] == "国家新一代人工智能创新发展试验区"
    assert event["approver"] == "科技部"
    assert event["doc_number"] == "国科函规〔2019〕183号"
    assert event["source"] in ("title", "body")
    assert "pilot_zone" in facts.topics


def test_shenzhen_letter_from_the_raw_reference_file() -> None:
    raw = (REF / "most_letter_shenzhen_2019_183_zh_hant.txt").read_text(encoding="utf-8")
    body = raw.partition("\n\n")[2]
    facts = extract_facts(DocText(title="", body=body))
    assert facts.doc_number == "国科函规〔2019〕183号"
    assert [e["city"] for e in _events(facts, "pilot_zone_approved")] == ["深圳"]


def test_revised_guideline_repeals_298() -> None:
    _, doc = load_case(CORPUS / "syn_most_guideline_2020_revised_repeal.json")
    facts = extract_facts(doc)
    assert facts.doc_number == "国科发规〔2020〕254号"
    assert facts.written_date == dt.date(2020, 9, 29)
    assert facts.published_date == dt.date(2020, 10, 29)  # first of two concatenated datetimes
    (repeal,) = _events(facts, "repeal")
    assert repeal["doc_number"] == "国科发规〔2019〕298号"
    assert repeal["rule"] == "repeal.doc"


def test_haidian_cap_and_two_funds() -> None:
    _, doc = load_case(CORPUS / "syn_haidian_15_measures_page.json")
    rules = _events(extract_facts(doc), "funding_rule")
    got = {(r["max_amount_yuan"], r["fund_size_yuan"]) for r in rules}
    assert got == {(200_000_000, None), (None, 2_000_000_000), (None, 1_000_000_000)}
    cap = next(r for r in rules if r["max_amount_yuan"])
    assert "一事一议" in cap["text"]
