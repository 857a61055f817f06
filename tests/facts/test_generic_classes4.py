"""Three failure classes of issue 15 found on a held-out split (issuer short forms, 文号 with long
prefixes or an order number under a news head, repeals listed in a 废止决定 or named by an order number),
each on pages of tests/facts/pages_rules/classes4/: templates and hosts (Hebei, Shandong, Anhui, the
TCM administration) none of the pages that revealed them has, labelled before the extractor ran on them.
Every page is read under every variation of build.py in UTF-8 and GBK."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from parsers.facts.docnumber import iter_doc_numbers, order_in_lines
from parsers.facts.evaluate import predicted_page
from parsers.facts.issuers import canonical, split_issuers
from parsers.facts.repeal import find_listed_repeals, find_repeals
from parsers.facts.script import normalise
from tests.facts.pages_rules.build import VARIATIONS
from tests.facts.pages_rules.labelled import assert_reads, assert_reads_under, labels_digest, load_cases

PAGES = Path(__file__).parent / "pages_rules" / "classes4"
CASES = load_cases(PAGES)
# Labels are frozen: changing one means changing this hash in the same commit, saying why.
FROZEN = "2c50449fa7b1bfbbd7ace6a921659107a0b9343ec47d52210120b1777c3e3292"


def test_labels_are_frozen() -> None:
    assert labels_digest(PAGES) == FROZEN


def test_composition() -> None:
    assert {c["class"] for c in CASES} == {1, 2, 3}
    assert all(sum(1 for c in CASES if c["class"] == k) >= 2 for k in (1, 2, 3))
    assert all({c["encoding"] for c in CASES if c["class"] == k} == {"utf-8", "gbk"} for k in (1, 2, 3))
    assert len({c["template"] for c in CASES}) == len(CASES)
    corpus = Path(__file__).parent / "pages"
    seen = {c["host"] for split in ("tuning",) for c in
            json.loads((corpus / split / "labels.json").read_text("utf-8"))["cases"]}
    assert not {c["host"] for c in CASES} & seen


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_labelled_field(case: dict[str, Any]) -> None:
    assert_reads(PAGES, case)


@pytest.mark.parametrize("variation", sorted(set(VARIATIONS) - {"as_written"}))
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_field_under_variations(case: dict[str, Any], variation: str) -> None:
    assert_reads_under(PAGES, case, variation)


# ---------------------------------------------------------------- class 1: issuer short forms


@pytest.mark.parametrize(("name", "canon"), [
    ("国家卫生健康委", "国家卫生健康委员会"), ("国家卫健委", "国家卫生健康委员会"),
    ("国家卫生健康委办公厅", "国家卫生健康委员会办公厅"),
    ("国家卫生健康委医政司", "国家卫生健康委员会医政司"),
    ("国家卫生健康委规划发展与信息化司", "国家卫生健康委员会规划发展与信息化司"),
    ("国家中医药局", "国家中医药管理局"), ("国家中医药局综合司", "国家中医药管理局综合司"),
    ("国家中医药局办公室", "国家中医药管理局办公室"), ("国家药监局综合司", "国家药品监督管理局综合司"),
    ("国家民委办公厅", "国家民族事务委员会办公厅"),
    ("贵安新区管委会", "贵安新区管理委员会"), ("潍坊滨海经济技术开发区管委会", "潍坊滨海经济技术开发区管理委员会"),
    ("芜湖市卫生健康委", "芜湖市卫生健康委员会"), ("河北省发展改革委办公室", "河北省发展和改革委员会办公室"),
    ("淄博市中医药局", "淄博市中医药管理局"), ("蚌埠市市场监管局", "蚌埠市市场监督管理局"),
])
def test_short_forms_take_the_full_name(name: str, canon: str) -> None:
    assert canonical(name) == canon


@pytest.mark.parametrize(("name", "canon"), [
    # the table's canonical names are unchanged, whatever unit follows them
    ("工信部办公厅", "工业和信息化部办公厅"), ("中华人民共和国科学技术部办公厅", "科技部办公厅"),
    ("科技部政策法规司", "科技部政策法规司"), ("中关村管委会", "中关村科技园区管理委员会"),
    ("北京市科委", "北京市科学技术委员会"), ("深圳市科创委", "深圳市科技创新委员会"),
    ("国家发改委", "国家发展和改革委员会"), ("南昌市科学技术局办公室", "南昌市科学技术局办公室"),
    # a Party committee, or a name that only ends like a short form, is kept as written
    ("中共石家庄市委", "中共石家庄市委"), ("石家庄市委", "石家庄市委"),
])
def test_table_names_and_look_alikes_are_kept(name: str, canon: str) -> None:
    assert canonical(name) == canon


def test_short_forms_in_joint_issuance_and_city_context() -> None:
    assert split_issuers("国家卫生健康委、国家中医药局") == ["国家卫生健康委员会", "国家中医药管理局"]
    assert split_issuers("市卫生健康委 市医保局", "合肥") == ["合肥市卫生健康委员会", "合肥市医疗保障局"]
    assert canonical("某某科技有限公司") is None


# ---------------------------------------------------------------- class 2: 文号


@pytest.mark.parametrize(("text", "number"), [
    ("国卫规划函〔2026〕45号", "国卫规划函〔2026〕45号"), ("国卫规划发[2026]7号", "国卫规划发〔2026〕7号"),
    ("发文字号：国卫办规划发〔2025〕12号", "国卫办规划发〔2025〕12号"),
    ("冀发改规划函〔2026〕3号", "冀发改规划函〔2026〕3号"),
    ("国中医药办法字〔2026〕2号", "国中医药办法字〔2026〕2号"),
])
def test_department_abbreviations_in_long_prefixes(text: str, number: str) -> None:
    assert [d.normalised for d in iter_doc_numbers(text)] == [number]


@pytest.mark.parametrize("text", [
    "全市发展规划〔2026〕3号", "十四五规划（2021）12号", "实施方案〔2020〕5号", "管理办法〔2019〕7号",
    "印发规划的函〔2026〕4号",
])
def test_prose_ending_in_a_document_type_is_no_prefix(text: str) -> None:
    assert iter_doc_numbers(text) == []


@pytest.mark.parametrize(("head", "title", "number"), [
    ("新华社北京7月20日电\n中华人民共和国国务院令\n第815号\n《条例》已经国务院常务会议通过", "", "国务院令第815号"),
    ("来源：新华社\n（国务院令第816号）\n《某条例》现予公布", "", "国务院令第816号"),
    ("发布时间：2026-05-01\n安庆市人民政府令 第31号\n《办法》已经市政府常务会议通过", "", "安庆市人民政府令第31号"),
    ("第818号\n《某条例》已经国务院常务会议通过", "中华人民共和国国务院令", "国务院令第818号"),
    ("日前，国务院总理李强签署第817号国务院令，公布《某条例》，自2027年1月1日起施行。", "", "国务院令第817号"),
])
def test_order_numbers_on_their_own_line_under_a_news_head(head: str, title: str, number: str) -> None:
    got = order_in_lines(head, title)
    assert got is not None and got.normalised == number


@pytest.mark.parametrize(("head", "title"), [
    ("根据《某条例》（国务院令第700号），制定本办法。", ""),
    ("依据国务院令第700号的规定，现就有关事项通知如下。", ""),
    ("2019年3月5日淄博市人民政府令第98号公布的《办法》同时废止。", ""),
    ("第818号\n正文", "关于贯彻国务院令的通知"),
])
def test_cited_orders_are_not_the_page_own_number(head: str, title: str) -> None:
    assert order_in_lines(head, title) is None


def test_cited_long_prefix_number_is_not_the_page_own() -> None:
    html = ("<html><head><meta charset='utf-8'><title>通知</title></head><body>"
            "<h1>国家卫生健康委关于做好某项工作的通知</h1><div class='zw'><p>各省级卫生健康委：</p>"
            "<p>根据《某规划》（国卫规划发〔2022〕3号），现就有关事项通知如下，"
            "请各地认真组织实施，及时报送进展情况。</p><p>国家卫生健康委</p><p>2026年3月12日</p></div></body></html>")
    assert predicted_page(html.encode(), "https://www.example-wjw.cn/a/1.html")["doc_number"] is None


# ---------------------------------------------------------------- class 3: repeals


def _numbers(raw: str) -> list[str | None]:
    text = normalise(raw)  # as the extractor reads a text (full-width brackets folded)
    return sorted({r.doc_number for r in [*find_repeals(text), *find_listed_repeals(text)]}, key=str)


@pytest.mark.parametrize(("text", "numbers"), [
    ("经清理，市政府决定废止下列规范性文件：\n1.《甲办法》（潭政发〔2018〕12号）\n2.《乙意见》（潭政办发〔2019〕7号）\n"
     "本决定自公布之日起施行。", ["潭政办发〔2019〕7号", "潭政发〔2018〕12号"]),
    ("现将予以废止的文件目录公布如下：\n（1）《甲通知》（芜政〔2017〕3号）\n（2）《乙规定》（芜政办〔2020〕9号）",
     ["芜政〔2017〕3号", "芜政办〔2020〕9号"]),
    ("一、废止的文件\n序号\t名称\t文号\n1\t甲细则\t蚌政发〔2016〕4号\n二、修改的文件\n1\t乙办法\t蚌政发〔2021〕2号",
     ["蚌政发〔2016〕4号"]),
    ("1.《甲办法》（冀政字〔2015〕8号）\n2.《乙办法》（冀政字〔2016〕1号）\n上述文件自2026年1月1日起废止。",
     ["冀政字〔2015〕8号", "冀政字〔2016〕1号"]),
])
def test_documents_listed_in_a_repeal_decision(text: str, numbers: list[str]) -> None:
    assert _numbers(text) == numbers


@pytest.mark.parametrize(("text", "number"), [
    ("2019年3月5日贵阳市人民政府令第51号公布的《贵阳市某某办法》同时废止。", "贵阳市人民政府令第51号"),
    ("本规定自2026年1月1日起施行，原安庆市人民政府令第12号发布的《某规定》同时废止。", "安庆市人民政府令第12号"),
    ("《潍坊市某办法》（潍坊市人民政府令第77号）同时废止。", "潍坊市人民政府令第77号"),
    ("原《某办法》（济科发〔2019〕7号）同时废止。", "济科发〔2019〕7号"),
])
def test_a_repealed_rule_is_named_by_its_number(text: str, number: str) -> None:
    assert _numbers(text) == [number]


@pytest.mark.parametrize("text", [
    "根据《某条例》（国务院令第700号）和《某办法》（皖政〔2019〕3号），制定本办法。",
    "为贯彻下列文件精神：\n1.《甲意见》（国发〔2017〕35号）\n2.《乙通知》（国办发〔2018〕9号）\n现就有关事项通知如下。",
    "请对照以下文件开展自查：\n1.《甲办法》（鲁政发〔2018〕2号）",
    "资格有下列情形之一的，予以废止：\n1.违反《甲办法》（皖科〔2019〕3号）规定的\n2.弄虚作假的\n",
    "决定废止以下规范性文件：\n1.根据《甲办法》（皖科〔2019〕4号）制定的实施细则\n",
])
def test_cited_or_listed_documents_without_a_repeal_are_none(text: str) -> None:
    assert _numbers(text) == []


def test_a_metadata_grid_with_a_repeal_date_lists_nothing() -> None:
    assert _numbers("废止日期\n2030-12-31\n发文字号\n皖科〔2026〕3号\n有效性\n有效") == []
