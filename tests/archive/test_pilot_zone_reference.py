"""The pilot-zone reference: one data file, one frozen migration copy, and the extractor's vocabulary."""

from __future__ import annotations

import importlib.util
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from parsers.facts.zone_reference import pilot_zones
from store.models import PilotZone
from tests.conftest import ROOT


def _migration() -> object:
    spec = importlib.util.spec_from_file_location("m0007", ROOT / "alembic/versions/0007_pilot_zone_reference.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_seed_is_the_data_file() -> None:
    module = _migration()
    columns, zones = module.COLUMNS, module.ZONES  # type: ignore[attr-defined]
    assert [dict(zip(columns, z, strict=True)) for z in zones] == [asdict(z) for z in pilot_zones()], (
        "parsers/facts/pilot_zone_reference.json changed: add a migration that updates the pilot_zone table")


def test_the_archive_holds_the_eighteen_zones(archive_factory: sessionmaker[Session]) -> None:
    with archive_factory() as s:
        rows = list(s.scalars(select(PilotZone).order_by(PilotZone.number)))
    assert [r.number for r in rows] == list(range(1, 19))
    assert {r.city for r in rows} >= {"北京", "上海", "天津", "深圳", "杭州", "合肥", "德清县", "哈尔滨"}
    # Unknown stays unknown: no invented letter numbers for the zones public material does not number.
    assert {r.city for r in rows if r.doc_number is None} == {"重庆", "成都", "西安", "广州", "武汉", "苏州", "长沙",
                                                              "郑州", "沈阳", "哈尔滨"}
    assert next(r for r in rows if r.city == "北京").date_kind == "month"


def test_every_reference_city_is_read_as_an_approval_by_the_extractor() -> None:
    from parsers.facts.pilot_zones import find_pilot_zone_events

    for zone in pilot_zones():
        text = f"一、支持{zone.city}建设国家新一代人工智能创新发展试验区。"
        # the clause of MOST's own letter (issue 15: elsewhere the sentence must name MOST)
        cities = [e.city for e in find_pilot_zone_events(text, None, by_approver=True)]
        assert cities == [zone.city], (zone.city, cities)
