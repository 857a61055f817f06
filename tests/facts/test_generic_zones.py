"""Pilot-zone approvals (issue 15): only MOST approves, and only a sentence that approves or reports
an approval counts. Texts written for these tests (other cities, other wording than the corpus)."""

from __future__ import annotations

import pytest

from parsers.facts import DocText, extract_facts
from parsers.facts.pilot_zones import find_pilot_zone_events

ZONE = "国家新一代人工智能创新发展试验区"


def _cities(title: str, body: str) -> list[str]:
    facts = extract_facts(DocText(title=title, body=body, url="https://www.yunmeng.example.gov.cn/a/1.html"))
    return sorted(e["city"] for e in facts.events if e["type"] == "pilot_zone_approved")


@pytest.mark.parametrize(("title", "body", "cities"), [
    # MOST's letter: the place it supports, not the places the request named
    (f"科技部关于支持云梦县建设{ZONE}的函",
     f"湖北省人民政府：\n你省商请支持孝感市和云梦县建设{ZONE}的来函收悉。经研究，函复如下：\n"
     f"一、支持云梦县建设{ZONE}。\n科技部\n2026年4月2日", ["云梦县"]),
    # a news report of the approval, with MOST in the sentence
    ("云梦获批建设试验区", f"近日，科技部批复同意云梦县建设{ZONE}，这是全省首个县域试验区。", ["云梦县"]),
    ("云梦获批建设试验区", f"记者获悉，科技部日前复函支持云梦县建设{ZONE}。", ["云梦县"]),
    # a city's own plan wishing, asking, striving: nobody approved
    ("云梦县人工智能产业发展行动计划", f"全力支持云梦经开区建设{ZONE}，制定本计划。\n云梦县人民政府\n2026年3月1日", []),
    ("云梦县关于申请建设试验区的请示", f"恳请科技部支持云梦县建设{ZONE}。", []),
    ("云梦县人工智能规划", f"积极争取科技部支持云梦县建设{ZONE}。", []),
    # looking back, evaluating
    ("云梦县实施方案", f"2021年科技部支持云梦县建设{ZONE}以来，全县取得显著成效。", []),
    ("科技部关于开展试验区评估的通知", f"为掌握科技部支持孝感、云梦建设{ZONE}的成效，现组织评估。", []),
    # other programmes
    ("工业和信息化部关于支持云梦建设国家人工智能创新应用先导区的函", "支持云梦县建设国家人工智能创新应用先导区。", []),
    ("国务院关于云梦自由贸易试验区总体方案的批复", "同意支持云梦建设自由贸易试验区。", []),
])
def test_only_an_approval_by_most_counts(title: str, body: str, cities: list[str]) -> None:
    assert _cities(title, body) == cities


def test_the_page_of_the_approver_needs_no_name_in_the_sentence() -> None:
    text = f"经研究，支持云梦县建设{ZONE}。"
    assert [e.city for e in find_pilot_zone_events(text, None, by_approver=True)] == ["云梦县"]
    assert find_pilot_zone_events(text, None, by_approver=False) == []


@pytest.mark.parametrize(("published", "body", "cities"), [
    ("2026-03-01", f"2020年3月，科技部复函支持孝感市建设{ZONE}。此后，全市……", []),  # a later plan's history
    ("2020-03-12", f"近日，科技部复函支持孝感市建设{ZONE}。", ["孝感"]),
    ("2020-03-12", f"2020年3月9日，科技部复函支持孝感市建设{ZONE}。", ["孝感"]),  # the same year: news
])
def test_an_approval_told_as_history_is_not_news(published: str, body: str, cities: list[str]) -> None:
    facts = extract_facts(DocText(title="孝感市人工智能工作", body=body, meta={"发布日期": published},
                                  url="https://www.xiaogan.example.gov.cn/a/2.html"))
    assert sorted(e["city"] for e in facts.events if e["type"] == "pilot_zone_approved") == cities
