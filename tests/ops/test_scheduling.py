"""Poll triggers: office-hours cron defaults, per-source overrides, catch-up after downtime."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from policywatch.config import load_settings
from policywatch.errors import ConfigError
from scheduler import poll_seconds, poll_trigger, slot_missed

CHINA = ZoneInfo("Asia/Shanghai")


def _settings(sources: dict[str, dict[str, object]] | None = None, jitter: int = 0) -> object:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": "/tmp/pw-unused"})
    from dataclasses import replace

    return replace(settings, sources=sources or {}, schedule=replace(settings.schedule, jitter_seconds=jitter))


def _fires(trigger: object, start: dt.datetime, count: int) -> list[dt.datetime]:
    out, prev, now = [], None, start
    for _ in range(count):
        nxt = trigger.get_next_fire_time(prev, now)  # type: ignore[attr-defined]
        out.append(nxt.astimezone(CHINA))
        prev = now = nxt
    return out


def test_default_polls_every_30_min_in_office_hours_and_every_3_h_otherwise() -> None:
    trigger = poll_trigger(_settings(), "most")  # type: ignore[arg-type]
    tue_morning = dt.datetime(2026, 12, 1, 7, 0, 1, tzinfo=CHINA)  # a Tuesday
    times = [f"{t:%a %H:%M}" for t in _fires(trigger, tue_morning, 24)]
    assert times[:3] == ["Tue 08:00", "Tue 08:30", "Tue 09:00"]
    assert times[20:24] == ["Tue 18:00", "Tue 18:30", "Tue 21:00", "Wed 00:00"]
    saturday = dt.datetime(2026, 12, 5, 8, 1, tzinfo=CHINA)
    assert [f"{t:%H:%M}" for t in _fires(trigger, saturday, 3)] == ["09:00", "12:00", "15:00"]


def test_per_source_overrides() -> None:
    settings = _settings({"most": {"poll_minutes": 15}, "beijing": {"poll_cron": "15 9 * * mon-fri"},
                          "tianjin": {"poll_seconds": 2}})
    assert poll_seconds(settings, "most") == 900  # type: ignore[arg-type]
    assert poll_seconds(settings, "tianjin") == 2  # type: ignore[arg-type]
    fri = dt.datetime(2026, 12, 4, 10, 0, tzinfo=CHINA)
    nxt = poll_trigger(settings, "beijing").get_next_fire_time(None, fri)  # type: ignore[arg-type]
    assert f"{nxt.astimezone(CHINA):%a %H:%M}" == "Mon 09:15"


@pytest.mark.parametrize("override", [{"poll_cron": "61 * * * *"}, {"poll_minutes": 0}, {"poll_minutes": "x"},
                                      {"poll_minutes": 5, "poll_cron": "0 * * * *"}])
def test_bad_overrides_are_config_errors(override: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        poll_trigger(_settings({"most": override}), "most")  # type: ignore[arg-type]


def test_slot_missed_while_down_runs_once_at_start() -> None:
    trigger = poll_trigger(_settings(), "most")  # type: ignore[arg-type]
    wed_10 = dt.datetime(2026, 12, 2, 10, 10, tzinfo=CHINA)
    assert slot_missed(trigger, None, wed_10)  # never polled
    assert not slot_missed(trigger, dt.datetime(2026, 12, 2, 10, 5, tzinfo=CHINA), wed_10)
    assert slot_missed(trigger, dt.datetime(2026, 12, 2, 9, 20, tzinfo=CHINA), wed_10)  # 09:30 and 10:00 missed


def test_crontab_list_from_a_semicolon_string() -> None:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": "/tmp/pw-unused"},
                             overrides={"schedule.poll_cron": "0 8 * * *; 0 20 * * *"})
    assert settings.schedule.poll_cron == ("0 8 * * *", "0 20 * * *")


@pytest.mark.parametrize(("dow", "days"), [
    ("1-5", ["Mon", "Tue", "Wed", "Thu", "Fri"]),  # cron numbers: Monday to Friday (APScheduler: Tue-Sat)
    ("mon-fri", ["Mon", "Tue", "Wed", "Thu", "Fri"]),
    ("0", ["Sun"]), ("7", ["Sun"]), ("6,0", ["Sat", "Sun"]), ("*/3", ["Sun", "Wed", "Sat"]),
])
def test_cron_day_of_week_numbers_mean_what_they_mean_in_cron(dow: str, days: list[str]) -> None:
    trigger = poll_trigger(_settings({"most": {"poll_cron": f"0 9 * * {dow}"}}), "most")  # type: ignore[arg-type]
    friday = dt.datetime(2026, 11, 27, 10, 0, tzinfo=CHINA)
    fired = [f"{t:%a}" for t in _fires(trigger, friday, 14)]
    assert sorted(set(fired)) == sorted(days), fired
    assert all(f"{t:%H:%M}" == "09:00" for t in _fires(trigger, friday, 3))


def test_a_bad_day_of_week_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="poll_cron"):
        poll_trigger(_settings({"most": {"poll_cron": "0 9 * * 9"}}), "most")  # type: ignore[arg-type]
