"""Four failure classes of issue 15 found on blind5 (bracketed metadata labels, order numbers with a
year, a repealed order named by a ministry whose name holds 和, news on the site owner's own site),
each on pages of tests/facts/pages_rules/classes6/: hosts none of blind5's pages has, labelled before
the extractor ran on them. Every page is read under every variation of build.py in UTF-8 and GBK."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.detail import labelled_values
from parsers.facts.docnumber import order_in_head, order_in_lines, order_issuer, parse_order_number
from parsers.facts.issuers import is_news_headline
from parsers.facts.repeal import find_repeals
from parsers.facts.script import normalise
from parsers.page import html_selector
from tests.facts.pages_rules.labelled import load_cases, page_tests

PAGES = Path(__file__).parent / "pages_rules" / "classes6"
CASES = load_cases(PAGES)
# Labels are frozen: changing one means changing this hash in the same commit, saying why.
FROZEN = "9983d4f305c1782ba6ed2fbb972f5a24e6c0d3d6a5dbed23348aaf9d25e2e192"
test_labels_are_frozen, test_every_labelled_field, test_every_field_under_variations = page_tests(PAGES, FROZEN)


def test_composition() -> None:
    assert {c["class"] for c in CASES} == {1, 2, 3, 4}
    assert all({c["encoding"] for c in CASES if c["class"] == k} == {"utf-8", "gbk"} for k in (1, 2, 3, 4))
    assert len({c["host"] for c in CASES}) == len(CASES)


# ---------------------------------------------------------------- class 1: bracketed labels


@pytest.mark.parametrize("row", [
    "<tr><th>[发文字号]</th><td>朝政发〔2026〕2号</td></tr>",
    "<tr><td>【文号】</td><td>朝政发〔2026〕2号</td></tr>",
    "<tr><td>［发文字号］：</td><td>朝政发〔2026〕2号</td></tr>",
    "<tr><td>[ 文 号 ]</td><td>朝政发〔2026〕2号</td></tr>",
])
def test_a_bracketed_label_without_colon_is_a_label(row: str) -> None:
    got = labelled_values(html_selector(f"<html><body><table>{row}</table></body></html>"))
    assert (got.get("发文字号") or got.get("文号")) == "朝政发〔2026〕2号"


def test_a_bracketed_heading_that_is_no_label_is_not_read() -> None:
    got = labelled_values(html_selector("<html><body><p>[文件解读]</p><p>朝政发〔2026〕2号的解读</p></body></html>"))
    assert got == {}


# ---------------------------------------------------------------- class 2: order numbers with a year


@pytest.mark.parametrize(("head", "number"), [
    ("中华人民共和国商务部令\n2025年第3号\n《办法》现予公布。", "商务部令2025年第3号"),
    ("国家金融监督管理总局令 2026年第2号\n《办法》现予公布。", "国家金融监督管理总局令2026年第2号"),
    ("中国人民银行令\n〔2021〕第3号\n《办法》现予公布。", "中国人民银行令〔2021〕第3号"),
    ("中华人民共和国国务院令\n第812号\n《条例》现予公布。", "国务院令第812号"),
])
def test_an_order_heading_with_a_year(head: str, number: str) -> None:
    got = order_in_head(head)
    assert got is not None and got.normalised == number
    assert order_issuer(number) == number.split("令")[0]


def test_a_repost_order_line_with_a_year_and_its_issuer() -> None:
    got = order_in_lines("信息来源：商务部\n商务部令\n2026年第1号\n《办法》已经部务会议审议通过")
    assert got is not None and got.normalised == "商务部令2026年第1号"
    parsed = parse_order_number("（商务部令2014年第3号）")
    assert parsed is not None and parsed.normalised == "商务部令2014年第3号"


@pytest.mark.parametrize("text", ["2025年第3号", "自2025年第3季度起施行", "根据2025年第3号公告"])
def test_a_year_and_number_alone_is_no_order(text: str) -> None:
    assert order_in_head(text) is None and parse_order_number(text) is None


# ---------------------------------------------------------------- class 3: repealed orders with 和 in the name


@pytest.mark.parametrize(("text", "number"), [
    ("原《暂行规定》（住房和城乡建设部令第51号）同时废止。", "住房和城乡建设部令第51号"),
    ("原《办法》（中华人民共和国国家发展和改革委员会令第2号）同时废止。", "国家发展和改革委员会令第2号"),
    ("原《指引》（中国银保监会令2020年第6号）同时废止。", "中国银保监会令2020年第6号"),
])
def test_a_repealed_order_in_parentheses(text: str, number: str) -> None:
    assert [r.doc_number for r in find_repeals(normalise(text))] == [number]  # as the extractor reads it


def test_a_cited_order_with_he_is_no_repeal() -> None:
    assert find_repeals(normalise("根据《暂行规定》（住房和城乡建设部令第51号），制定本办法。")) == []


# ---------------------------------------------------------------- class 4: news headlines


@pytest.mark.parametrize("title", [
    "全省人工智能产业创新发展推进会在兰州召开", "自治区科技厅赴合肥学习国家新一代人工智能创新发展试验区建设经验",
    "广州获批建设国家新一代人工智能创新发展试验区", "商务部新闻发言人就一季度服务贸易发展情况答记者问",
])
def test_news_headlines(title: str) -> None:
    assert is_news_headline(title)


@pytest.mark.parametrize("title", [
    "关于开展2026年度绍兴市科技特派员选派工作的通知", "对外贸易经营者备案登记办法",
    "宁波市人工智能产业发展三年行动计划（2026—2028年）", "中华人民共和国国务院令 第812号",
    "2026年度高新技术企业认定名单", "科技部关于支持苏州建设国家新一代人工智能创新发展试验区的函",
    "人工智能科技伦理审查办法（试行）",
])
def test_document_titles(title: str) -> None:
    assert not is_news_headline(title)
