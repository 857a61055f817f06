"""Digests group their items by province > city (issue 20): national first, then each province with
its own departments before its cities; a heading opens each group in the text, HTML and markdown."""

from __future__ import annotations

import datetime as dt

import pytest

from notifier.delivery import _closing_first
from notifier.render import place_headings, render_html, render_markdown, render_text
from parsers.facts.zone_reference import place_heading, place_key, province_of
from tests.notifier.notifier_builders import SHANGHAI, make_digest, make_item

NOW = dt.datetime(2026, 11, 29, 9, 0, tzinfo=SHANGHAI)
# (source, name, city) in the scrambled order a notify may meet them
PLACES = [("hangzhou", "杭州", "杭州"), ("most", "科技部", "全国"), ("guangdong", "广东省", "广东"),
          ("deqing", "德清县", "德清县"), ("zhejiang", "浙江省", "浙江"), ("shenzhen", "深圳", "深圳"),
          ("beijing", "北京", "北京"), ("user", "某开发区", "某开发区")]


def _items() -> tuple:
    return tuple(make_item(n, source_id=sid, source_name=name, city=city, events=())
                 for n, (sid, name, city) in enumerate(PLACES, start=1))


def _grouped(items: tuple) -> tuple:
    ordered, _ = _closing_first(items, [[i] for i in range(len(items))], NOW)
    return ordered


@pytest.mark.parametrize(("city", "heading"), [
    ("杭州", "浙江 › 杭州"), ("杭州市", "浙江 › 杭州市"), ("德清县", "浙江 › 德清县"), ("浙江", "浙江"),
    ("浙江省", "浙江省"), ("北京", "北京"), ("重庆", "重庆"), ("全国", "全国"), ("某开发区", "某开发区"),
])
def test_place_headings(city: str, heading: str) -> None:
    assert place_heading(city) == heading


def test_place_key_orders_national_then_provinces_departments_first_then_unknown_places() -> None:
    cities = ["杭州", "某开发区", "深圳", "浙江", "全国", "德清县", "广东", "北京"]
    ordered = sorted(cities, key=place_key)
    assert ordered[0] == "全国" and ordered[-1] == "某开发区"
    assert ordered.index("浙江") < min(ordered.index("德清县"), ordered.index("杭州"))
    assert ordered.index("广东") + 1 == ordered.index("深圳")  # a province's cities follow its departments
    provinces = [province_of(c) for c in ordered[1:-1]]
    assert provinces == ["北京", "广东", "广东", "浙江", "浙江", "浙江"]  # pinyin order, each province together


def test_notify_order_groups_by_province_then_city_and_keeps_order_inside_a_place() -> None:
    items = (*_items(), make_item(20, source_id="hangzhou", source_name="杭州", city="杭州", events=()))
    ordered = _grouped(items)
    cities = [it.city for it in ordered]
    assert cities[0] == "全国" and cities[-1] == "某开发区"
    assert cities.index("浙江") < cities.index("杭州") and cities.index("浙江") < cities.index("德清县")
    assert cities.index("广东") < cities.index("深圳")
    hangzhou = [it.notice_id for it in ordered if it.city == "杭州"]
    assert hangzhou == [1, 20]  # stable inside a place
    assert sorted(cities, key=place_key) == cities


def test_a_call_closing_soon_still_comes_first() -> None:
    call = {"type": "funding_call_opened", "apply_end": "2026-12-02", "apply_end_precision": "day"}
    closing = make_item(30, source_id="shenzhen", source_name="深圳", city="深圳", events=(call,))
    ordered = _grouped((*_items(), closing))
    assert ordered[0].notice_id == 30, [it.notice_id for it in ordered]


def test_text_html_and_markdown_open_each_group_with_its_heading() -> None:
    digest = make_digest(_grouped(_items()))
    text = render_text(digest)
    headings = ["【全国】", "【北京】", "【广东】", "【广东 › 深圳】", "【浙江】", "【浙江 › 德清县】",
                "【浙江 › 杭州】", "【某开发区】"]  # provinces in pinyin order: beijing, guangdong, zhejiang
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert text.count("【浙江 › 杭州】") == 1
    # each heading stands right above its group's first numbered line
    assert "【浙江 › 杭州】\n" in text and text.split("【浙江 › 杭州】\n", 1)[1].startswith("7. ")
    html = render_html(digest)
    assert "浙江 › 杭州</td></tr>" in html and html.index("广东 › 深圳") < html.index("浙江 › 杭州")
    md = render_markdown(digest)
    assert "**【浙江 › 杭州】**" in md and md.index("【全国】") < md.index("【浙江】")


def test_hostile_place_names_are_escaped_in_headings() -> None:
    digest = make_digest((make_item(1, city="<b>x</b>", events=()), make_item(2, city="杭州", events=())))
    assert "<b>x</b>" not in render_html(digest) and "&lt;b&gt;x&lt;/b&gt;" in render_html(digest)


def test_one_place_and_ops_digests_have_no_headings() -> None:
    one = make_digest(tuple(make_item(n, source_id="hangzhou", city="杭州", events=()) for n in (1, 2)))
    assert place_headings(one) == [None, None] and "【浙江 › 杭州】" not in render_text(one)
    ops = make_digest(_items(), kind="ops")
    assert set(place_headings(ops)) == {None}
