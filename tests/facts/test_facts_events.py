"""The event registry (parsers/facts/events.py): typed construction, the stored shape, tolerance of
unknown types, registration rules, and that no other module names an event type."""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from parsers.facts import DocText, extract_facts
from parsers.facts.evaluate import EvalReport, fields, load_case, predicted, score_case
from parsers.facts.events import (
    DEADLINE_EXTENDED,
    FINAL_LIST_PUBLISHED,
    FUNDING_CALL_OPENED,
    FUNDING_RULE,
    PILOT_ZONE_APPROVED,
    REPEAL,
    SHORTLIST_PUBLISHED,
    EventSpec,
    Field,
    Scoring,
    export_columns,
    export_row,
    filter_names,
    lookup,
    register,
    spec_for,
    specs,
    unregister,
)
from tests.conftest import ROOT
from tests.test_architecture import production_modules

CORPORA = (ROOT / "parsers" / "facts" / "corpus", ROOT / "tests" / "facts" / "heldout",
           ROOT / "parsers" / "facts" / "corpus_calls", ROOT / "tests" / "facts" / "heldout_calls")


def _corpus_events() -> Iterator[tuple[str, dict[str, object]]]:
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.json")):
            _, doc = load_case(path)
            for event in extract_facts(doc).events:
                yield path.name, event


def test_extracted_events_keep_the_stored_shape() -> None:
    # Stored notices, exports and webhooks depend on this exact key order.
    seen = set()
    for case, event in _corpus_events():
        spec = lookup(event["type"])
        assert spec is not None, case
        assert list(event) == ["type", *(f.name for f in spec.fields), "span", "source", "rule"], case
        seen.add(spec.name)
    assert seen == {FUNDING_RULE.name, PILOT_ZONE_APPROVED.name, REPEAL.name, FUNDING_CALL_OPENED.name,
                    DEADLINE_EXTENDED.name, SHORTLIST_PUBLISHED.name, FINAL_LIST_PUBLISHED.name}


def test_make_checks_names_types_and_required_fields() -> None:
    event = REPEAL.make(span=(3, 9), source="body", rule="repeal.doc", doc_number="国科发规〔2019〕298号")
    assert event.to_dict() == {"type": "repeal", "doc_number": "国科发规〔2019〕298号", "title": None,
                               "span": [3, 9], "source": "body", "rule": "repeal.doc"}
    with pytest.raises(TypeError, match="no field cty"):
        PILOT_ZONE_APPROVED.make(span=(0, 1), source="body", rule="r", cty="合肥")
    with pytest.raises(ValueError, match="city is required"):
        PILOT_ZONE_APPROVED.make(span=(0, 1), source="body", rule="r", program="p", approver="a")
    with pytest.raises(TypeError, match="max_amount_yuan is str"):
        FUNDING_RULE.make(span=(0, 1), source="body", rule="r", text="t", max_amount_yuan="2000万")


def test_the_builtin_types_keep_their_evidence_values() -> None:
    facts = extract_facts(DocText("", "设立总规模20亿元的人工智能基金，对项目最高给予2000万元支持。"))
    values = [e.value for e in facts.evidence if e.field == "event"]
    assert values == ["funding_rule:max=None,ratio=None,fund=2000000000",
                      "funding_rule:max=20000000,ratio=None,fund=None"]
    assert PILOT_ZONE_APPROVED.evidence_value({"city": "合肥"}) == "pilot_zone_approved:合肥"
    assert REPEAL.evidence_value({"doc_number": None, "title": "办法"}) == "repeal:办法"


def test_unknown_types_read_from_old_rows_never_raise() -> None:
    old = {"type": "pilot_zone", "city": "合肥", "doc_number": "国科函规〔2019〕1号", "rule": "old.rule"}
    assert lookup("pilot_zone") is None and lookup(None) is None and lookup(7) is None
    spec = spec_for(old["type"])
    assert spec.summary(old) == [] and not spec.filterable and spec.amount(old) is None
    assert spec.evidence_value(old) == "pilot_zone:"
    assert spec_for("中文类型").name == "unknown" and spec_for(None).summary({}) == []
    row = export_row(old)  # values with a column are exported by field name, whatever the type
    assert row["type"] == "pilot_zone" and row["event_city"] == "合肥" and row["rule"] == "old.rule"
    assert row["event_doc_number"] == "国科函规〔2019〕1号" and row["max_amount_yuan"] is None


def test_registry_order_fixes_columns_filters_and_eval_fields() -> None:
    assert [s.name for s in specs()][:3] == ["funding_rule", "pilot_zone_approved", "repeal"]
    assert filter_names() == ("funding_rule", "pilot_zone_approved", "repeal", "funding_call_opened",
                              "deadline_extended", "shortlist_published", "final_list_published")
    assert export_columns() == ["type", "max_amount_yuan", "ratio", "fund_size_yuan", "event_city", "program",
                                "approver", "event_doc_number", "event_title", "apply_start", "apply_end",
                                "deadline_precision", "stage", "submission_system", "old_end", "new_end",
                                "call_ref", "objection_start", "objection_end", "objection_days", "list_kind",
                                "text", "rule"]
    assert fields() == ("doc_number", "written_date", "published_date", "issuers", "funding",
                        "pilot_zone_cities", "repeals", "calls", "extensions", "shortlists", "final_lists")


def test_register_refuses_clashes() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(EventSpec(name="repeal", label="x"))
    with pytest.raises(ValueError, match="clashes"):  # doc_number is exported as event_doc_number
        register(EventSpec(name="odd", label="x", fields=(Field("doc_number", (str,), export="dn"),)))
    with pytest.raises(ValueError, match="clashes"):  # one column, two meanings
        register(EventSpec(name="odd", label="x", fields=(Field("place", (str,), export="event_city"),)))
    with pytest.raises(ValueError, match="already scored"):
        register(EventSpec(name="odd", label="x", scoring=Scoring("repeals", str)))
    with pytest.raises(ValueError, match="reserved"):
        EventSpec(name="odd", label="x", fields=(Field("span", (str,)),))
    with pytest.raises(ValueError, match="lower-case"):
        EventSpec(name="Odd-Type", label="x")
    with pytest.raises(ValueError, match="not fields"):
        EventSpec(name="odd", label="x", amount_fields=("amount",))
    assert lookup("odd") is None


def test_a_registered_type_is_scored_by_eval() -> None:
    spec = register(EventSpec(name="award_listed", label="获奖", fields=(Field("winner", (str,)),),
                              scoring=Scoring("award_winners", lambda e: e.get("winner"))))
    try:
        assert fields()[-1] == "award_winners"
        report = EvalReport()
        got = predicted(extract_facts(DocText("", "无")))
        assert got["award_winners"] == []
        score_case(report, {"id": "x", "expected": {"award_winners": ["甲公司"]}}, got)
        assert report.scores["award_winners"].fn == 1
        assert [m.field for m in report.misses] == ["award_winners"]
    finally:
        unregister(spec.name)
    assert "award_winners" not in fields()


# Literals that are also other vocabulary: "repealed" is a change kind and a notice status too.
_OTHER_VOCABULARY = {"repealed"}
# Modules outside this worktree's area that still name a type; each one is a follow-up.
_KNOWN_USES: dict[tuple[str, str], str] = {}


def _string_literals(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value, node.lineno


def test_only_the_registry_names_event_types() -> None:
    names = {s.name for s in specs()} - _OTHER_VOCABULARY
    bad = []
    for module, path in production_modules().items():
        if module == "parsers.facts.events":
            continue
        for value, line in _string_literals(path):
            if value in names and (module, value) not in _KNOWN_USES:
                bad.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert not bad, "event types named outside parsers/facts/events.py:\n" + "\n".join(bad)
    modules = production_modules()
    stale = [use for use in _KNOWN_USES if use[1] not in {v for v, _ in _string_literals(modules[use[0]])}]
    assert not stale, f"no longer hard-coded, drop from _KNOWN_USES: {stale}"


def test_the_name_check_would_see_a_hard_coded_type(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text('KINDS = ("funding_rule",)\nif kind == "repeal":\n    pass\n', encoding="utf-8")
    assert [(v, n) for v, n in _string_literals(probe) if lookup(v)] == [("funding_rule", 1), ("repeal", 2)]


def test_the_contributing_example_registers_and_works(monkeypatch: pytest.MonkeyPatch) -> None:
    # The worked example in CONTRIBUTING.md is code a contributor will copy: run it.
    from parsers.facts import events

    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Adding an event type", 1)[1].split("\n## ", 1)[0]
    snippet = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.setattr(events, "_SPECS", dict(events._SPECS))  # restored after the test
    unregister("funding_call_opened")
    namespace = dict(vars(events))
    exec(textwrap.dedent(snippet), namespace)
    spec = namespace["FUNDING_CALL_OPENED"]
    assert lookup("funding_call_opened") is spec and "funding_call_opened" in filter_names()
    event = spec.make(span=(0, 9), source="body", rule="call.open", deadline="2026-12-31", programme="揭榜挂帅")
    assert spec.summary(event.to_dict()) == ["申报开启：2026-12-31"]
    assert export_columns()[-4:] == ["deadline", "programme", "text", "rule"]
    assert export_row(event.to_dict())["programme"] == "揭榜挂帅"
    assert fields()[-1] == "funding_calls"
