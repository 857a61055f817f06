"""A province is a place: `--city 浙江` follows the province's own departments and every city in it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from notifier.subscriptions import FilterIndex, FilterSpec, NoticeFacts, build_filters
from parsers.facts.zone_reference import pilot_zones, province_of
from policywatch.errors import ConfigError
from store.search import canonical_cities, place_names, resolve_places

SOURCES = [SimpleNamespace(id="hangzhou", name="杭州", city="杭州"),
           SimpleNamespace(id="deqing", name="德清县", city="德清县"),
           SimpleNamespace(id="zj_kjt", name="浙江省科学技术厅", city="浙江"),
           SimpleNamespace(id="shenzhen", name="深圳", city="深圳"),
           SimpleNamespace(id="shanghai", name="上海", city="上海"),
           SimpleNamespace(id="most", name="科技部", city="全国")]


def test_every_reference_city_lies_in_its_province_and_a_province_in_itself() -> None:
    for zone in pilot_zones():
        assert province_of(zone.city) == zone.province
        assert province_of(zone.province) == zone.province
    assert province_of("杭州市") == "浙江" and province_of("浙江省") == "浙江"
    assert province_of("全国") is None and province_of("Atlantis") is None


@pytest.mark.parametrize("spelling", ["浙江", "浙江省", "zhejiang", "Zhejiang"])
def test_a_province_in_any_spelling_selects_its_departments_and_its_cities(spelling: str) -> None:
    assert canonical_cities(SOURCES, [spelling]) == ["浙江"]
    assert resolve_places(SOURCES, [spelling], []) == {"hangzhou", "deqing", "zj_kjt"}


def test_a_city_still_means_only_the_city_and_unknown_places_are_refused() -> None:
    assert resolve_places(SOURCES, ["杭州"], []) == {"hangzhou"}
    assert resolve_places(SOURCES, ["广东"], []) == {"shenzhen"}
    assert "上海" in place_names(SOURCES).values()  # a municipality: city and province at once
    with pytest.raises(ConfigError, match="unknown city 'Zhejang'"):
        canonical_cities(SOURCES, ["Zhejang"])


def _facts(source: str, city: str) -> NoticeFacts:
    return NoticeFacts.of(source, city, ["ai"], [])


def test_a_subscription_to_a_province_gets_its_cities_notices_and_no_others() -> None:
    spec = FilterSpec.parse(build_filters(cities=["浙江"], sources=[], topics=[], events=[], keywords=[],
                                          min_amount=None))
    assert spec.passes_facts(_facts("hangzhou", "杭州")) and spec.passes_facts(_facts("deqing", "德清县"))
    assert spec.passes_facts(_facts("zj_kjt", "浙江"))
    assert not spec.passes_facts(_facts("shenzhen", "深圳")) and not spec.passes_facts(_facts("most", "全国"))
    city_only = FilterSpec.parse({"city": ["杭州"]})
    index = FilterIndex([(spec, "province"), (city_only, "city")])
    # The planner compares a change only with the candidate groups: the province group must be one.
    assert set(index.candidates("deqing", "德清县")) == {spec}
    assert set(index.candidates("hangzhou", "杭州")) == {spec, city_only}
    assert index.candidates("shenzhen", "深圳") == []


def test_notify_sends_a_province_subscriber_the_notices_of_its_cities(tmp_path: object) -> None:
    import argparse
    import datetime as dt
    from pathlib import Path

    from notifier.admin import subscribe
    from parsers.model import NoticeRecord
    from policywatch.app import App, outbox_files
    from policywatch.config import load_settings
    from store.db import transaction
    from store.repository import Repository

    base = Path(str(tmp_path))
    now = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
    env = {"POLICYWATCH_DATA_DIR": str(base / "data"), "POLICYWATCH_SECRET": "province-test-secret"}
    app = App.open(load_settings(None, environ=env), clock=lambda: now)
    args = argparse.Namespace(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                              outbox=True, city=["浙江"], source=[], topic=[], event=[], keyword=[],
                              min_amount=None, schedule="immediate", name=None, backlog_days=1)
    subscribe(app, args)
    for source, title in (("hangzhou", "杭州市关于组织申报人工智能应用场景的通知"),
                          ("shanghai", "上海市关于组织申报人工智能应用场景的通知")):
        record = NoticeRecord(url=f"https://example.gov.cn/{source}/1.html", source=source, title=title,
                              doc_number=None, issuers=("x",), written_date=None,
                              published_date=dt.date(2026, 11, 30), body="正文")
        with transaction(app.factory) as session:
            Repository(session).upsert_notice(record, source, "tzgg", now)
    report = app.notify()
    assert report.sent == 1
    (md,) = [p for p in outbox_files(app.settings.outbox_path) if p.suffix == ".md"]
    text = md.read_text("utf-8")
    assert "杭州市关于组织申报" in text and "上海市关于组织申报" not in text
