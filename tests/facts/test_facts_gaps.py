"""The known gaps listed in docs/extraction.md that are now closed, one test each."""

from __future__ import annotations

import datetime as dt

from parsers.facts import DocText, extract_facts
from parsers.facts.docnumber import iter_doc_numbers
from parsers.facts.funding import find_funding


def _rules(text: str) -> list[tuple[int | None, float | None, int | None]]:
    return [(r.max_amount_yuan, r.ratio, r.fund_size_yuan) for r in find_funding(text)]


def _funding(facts):  # type: ignore[no-untyped-def]
    return [e for e in facts.events if e["type"] == "funding_rule"]


def test_docnumber_glued_to_title_prose() -> None:
    title = "科技部关于印发《国家新一代人工智能创新发展试验区建设工作指引》的通知国科发规〔2019〕298号"
    facts = extract_facts(DocText(title, ""))
    assert facts.doc_number == "国科发规〔2019〕298号"
    assert facts.doc_number_raw == "国科发规〔2019〕298号"
    body = "科技部关于印发工作指引的通知国科发规〔2019〕298号\n各省、自治区、直辖市科技厅："
    facts = extract_facts(DocText("", body))
    assert facts.doc_number == "国科发规〔2019〕298号"
    assert next(e for e in facts.evidence if e.field == "doc_number").rule == "docnum.body_glued"


def test_glued_docnumber_is_not_read_from_plain_prose() -> None:
    # no document-type word before it, or an incomplete form: not a glued number
    assert iter_doc_numbers("全市共有企业2019〕298号") == []
    assert iter_doc_numbers("的通知国科发规2019298号") == []
    # a glued citation in the middle of a sentence is not the document's own number
    facts = extract_facts(DocText("", "各有关单位：\n按照国务院关于…的通知国发〔2017〕35号要求，现印发。"))
    assert facts.doc_number is None


def test_order_number_in_metadata() -> None:
    facts = extract_facts(DocText("科技部令", "", meta={"发文字号": "科学技术部令第19号"}))
    assert facts.doc_number == "科学技术部令第19号"


def test_one_to_one_matching_is_ratio_one() -> None:
    assert _rules("市级财政按1:1比例配套") == [(None, 1.0, None)]
    assert _rules("按照国家支持资金给予1：1配套，单个项目最高支持5000万元") == [(50_000_000, 1.0, None)]
    assert _rules("按1:0.5比例配套支持") == [(None, 0.5, None)]
    assert _rules("会议于10:30召开，给予支持") == []


def test_annual_special_fund_is_a_fund_size_per_year() -> None:
    (rule,) = find_funding("市财政每年安排10亿元专项资金，支持人工智能产业发展。")
    assert (rule.max_amount_yuan, rule.ratio, rule.fund_size_yuan) == (None, None, 1_000_000_000)
    assert rule.per_year is True and rule.rule == "funding.fund_size"
    (event,) = _funding(extract_facts(DocText("", "市财政每年安排10亿元专项资金。")))
    assert event["fund_size_yuan"] == 1_000_000_000 and event["per_year"] is True
    # a grant paid from a special fund is still a grant
    assert _rules("给予最高500万元专项资金支持") == [(5_000_000, None, None)]
    assert _rules("国拨经费总概算8.6亿元") == [(None, None, 860_000_000)]


def test_per_year_cap_and_calendar_year_not_confused() -> None:
    (cap,) = find_funding("单个企业每年最高1000万元")
    assert cap.per_year is True
    (cap,) = find_funding("2027年度最高给予100万元支持")
    assert cap.per_year is False


def test_amount_split_across_lines() -> None:
    assert _rules("对重大项目给予最高\n2000万元资金支持") == [(20_000_000, None, None)]
    assert _rules("按项目投资额30%给予支持，最高\n2000万元") == [(20_000_000, 0.3, None)]
    assert _rules("单个项目最高2000\n万元") == [(20_000_000, None, None)]
    # a finished sentence is not joined to the next line
    assert _rules("对重大项目给予支持。\n2000万元以上的项目另行评审") == []


def test_consecutive_years_attach_to_their_rule() -> None:
    rules = find_funding("给予最高1000万元、最多连续三年的资金支持；对平台给予最高500万元支持。")
    assert [(r.max_amount_yuan, r.years) for r in rules] == [(10_000_000, 3), (5_000_000, None)]
    (r,) = find_funding("给予最高1000万元、最多连续3年的支持")
    assert r.years == 3
    events = _funding(extract_facts(DocText("", "给予最高1000万元、最多连续三年的资金支持。")))
    assert events[0]["years"] == 3


def test_range_upper_bound_is_the_cap() -> None:
    assert _rules("重大专项项目支持强度为500万元至1000万元") == [(10_000_000, None, None)]
    assert _rules("每个项目资助100-300万元") == [(3_000_000, None, None)]
    assert _rules("支持强度为500至1000万元") == [(10_000_000, None, None)]
    assert _rules("2026-2028年给予100万元奖励") == [(1_000_000, None, None)]


def test_same_numbers_in_different_clauses_are_distinct_rules() -> None:
    body = (
        "对核心技术攻关项目，给予最高1000万元支持。\n"
        "对开放创新平台，给予最高1000万元支持。\n"
        "对核心技术攻关项目，给予最高1000万元支持。"
    )
    events = _funding(extract_facts(DocText("", body)))
    assert [e["max_amount_yuan"] for e in events] == [10_000_000, 10_000_000]  # exact repeat dropped
    assert events[0]["text"] != events[1]["text"]


def test_headline_repeating_a_clause_is_not_a_second_rule() -> None:
    doc = DocText(
        "最高2亿元奖励重大突破项目",
        "最高2亿元奖励重大突破项目\n对实现重大突破的项目最高给予2亿元资金支持。",
    )
    events = _funding(extract_facts(doc))
    assert len(events) == 1 and events[0]["source"] == "body" and "资金支持" in events[0]["text"]


def test_event_keys_are_stable_and_additive() -> None:
    (event,) = _funding(extract_facts(DocText("", "按项目投资额30%给予支持，最高2000万元。")))
    assert {"type", "max_amount_yuan", "ratio", "fund_size_yuan", "text", "span", "source", "rule",
            "per_year", "years"} == set(event)  # fmt: skip
    assert event["per_year"] is False and event["years"] is None


def test_pilot_zone_lists_of_approved_zones_are_not_approvals() -> None:
    """Issue 15: a list of zones that already exist (an evaluation, an overview) approves nobody."""
    body = (
        "根据《国家新一代人工智能创新发展试验区建设工作指引（修订版）》要求开展评估。\n"
        "评估对象：北京、上海、德清县等已获批建设的国家新一代人工智能创新发展试验区。\n"
        "截至目前，科技部已支持天津、深圳等地建设试验区。"
    )
    cities = [e["city"] for e in extract_facts(DocText("", body)).events if e["type"] == "pilot_zone_approved"]
    assert cities == []
    # the short form 试验区 alone (no programme named) is not enough
    assert not extract_facts(DocText("", "支持浙江等地建设试验区。")).events


def test_department_signature_and_joint_one_line_signature() -> None:
    body = "科技部政策法规司负责人回答了记者提问。\n科技部政策法规司\n二〇〇八年二月十四日"
    facts = extract_facts(DocText("解读", body))
    assert facts.issuers == ("科技部政策法规司",) and facts.written_date == dt.date(2008, 2, 14)
    facts = extract_facts(DocText("x", "现予印发。\n财政部 科技部\n2021年11月2日", meta={"发文机关": "科技部"}))
    assert set(facts.issuers) == {"财政部", "科技部"}
    facts = extract_facts(DocText("x", "现予印发。\n北京市科学技术委员会\n中关村科技园区管理委员会\n2026年11月6日"))
    assert facts.issuers == ("北京市科学技术委员会",)
    body = "一图读懂办法。\n科技部资源配置与管理司"
    facts = extract_facts(DocText("一图读懂", body, meta={"ContentSource": "科技部"}))
    assert facts.issuers == ("科技部资源配置与管理司",)
    assert extract_facts(DocText("x", "现予公布。\n某某科技有限公司\n2026年1月1日")).issuers == ()


def test_written_date_field_that_repeats_publication_date_loses_to_signature() -> None:
    meta = {"成文日期": "2026-11-20", "PubDate": "2026-11-20"}
    facts = extract_facts(DocText("x", "现发布。\n深圳市工业和信息化局\n2026年11月19日", meta=meta))
    assert facts.written_date == dt.date(2026, 11, 19)
    meta = {"成文日期": "2026-11-20", "PubDate": "2026-11-25"}  # a real 成文日期 field still wins
    facts = extract_facts(DocText("x", "现发布。\n深圳市工业和信息化局\n2026年11月19日", meta=meta))
    assert facts.written_date == dt.date(2026, 11, 20)
