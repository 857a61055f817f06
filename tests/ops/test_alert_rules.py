"""The health rules behind ops alerts and `policywatch status`, as pure functions."""

from __future__ import annotations

import datetime as dt

from policywatch.config import AlertSettings
from store.health import SHUTDOWN_REASON, RunView, channel_state, evaluate_channel

NOW = dt.datetime(2026, 11, 30, 4, 0, tzinfo=dt.UTC)
TH = AlertSettings()
SELECTOR = "channel most/tztg: selector 'ul.info_list2 li' matched 0 node(s), expected >= 1"


def ok(items: int = 20) -> RunView:
    return RunView("ok", items, None)


def failed(reason: str = "TimeoutError: timed out (https://www.most.gov.cn/tztg/)") -> RunView:
    return RunView("failed", 0, reason)


def rules(runs: list[RunView], dates: list[dt.date] | None = None, last_new: dt.datetime | None = None) -> list[str]:
    return [f.rule for f in evaluate_channel(runs, dates or [], last_new, NOW, TH)]


def test_no_history_no_alert_and_state_never() -> None:
    assert rules([]) == []
    assert channel_state([], []) == "never"


def test_one_blip_alerts_nobody_but_shows_degraded() -> None:
    runs = [failed(), ok(), ok()]
    assert rules(runs) == []
    assert channel_state(runs, []) == "degraded"


def test_errors_for_three_polls_in_a_row_alert() -> None:
    runs = [failed(), failed(), failed(), ok()]
    findings = evaluate_channel(runs, [], None, NOW, TH)
    assert [(f.rule, f.severity) for f in findings] == [("errors", "failing")]
    assert "3 failed polls in a row" in findings[0].reason


def test_selector_failure_and_block_alert_at_once() -> None:
    assert rules([RunView("failed", 0, SELECTOR), ok()]) == ["broken"]
    blocked = RunView("blocked", 0, "JS cookie challenge (Jiasule __jsl_clearance), HTTP 521 at https://x/")
    findings = evaluate_channel([blocked, ok()], [], None, NOW, TH)
    assert [(f.rule, f.severity) for f in findings] == [("blocked", "blocked")]
    assert channel_state([blocked], findings) == "blocked"


def test_zero_items_is_failing() -> None:
    findings = evaluate_channel([ok(0), ok()], [], None, NOW, TH)
    assert [(f.rule, f.severity) for f in findings] == [("empty", "failing")]


def test_far_fewer_items_than_usual_needs_history() -> None:
    assert rules([ok(3), ok(20), ok(20)]) == []  # two ok runs are not a history yet
    assert rules([ok(3), ok(20), ok(20), ok(18)]) == ["drop"]
    assert rules([ok(7), ok(20), ok(20), ok(18)]) == []  # 7 >= 30% of 20


def test_pagination_stopped_early_is_degraded() -> None:
    run = RunView("partial", 20, "pagination stopped early: HTTP 500 on list page 2 (https://x/index_1.html)")
    findings = evaluate_channel([run, ok()], [], None, NOW, TH)
    assert [(f.rule, f.severity) for f in findings] == [("pagination", "degraded")]


def test_detail_errors_alert_only_when_they_persist() -> None:
    partial = RunView("partial", 20, "HTTP 500 on https://x/t1.html")
    assert rules([partial, ok()]) == []
    assert rules([partial, partial, partial]) == ["errors"]


def test_silent_source_uses_learned_cadence_and_needs_history() -> None:
    weekly = [dt.date(2026, 8, 1) + dt.timedelta(days=7 * i) for i in range(8)]  # one notice a week
    last_new = NOW - dt.timedelta(days=22)
    assert rules([ok()], weekly, last_new) == ["silent"]  # 22 days > 3 x 7
    assert rules([ok()], weekly, NOW - dt.timedelta(days=20)) == []
    assert rules([ok()], weekly[:3], last_new) == []  # too little history to learn a cadence
    daily = [dt.date(2026, 11, 1) + dt.timedelta(days=i) for i in range(10)]
    assert rules([ok()], daily, NOW - dt.timedelta(days=6)) == []  # floor: at least 7 days
    assert rules([ok()], daily, NOW - dt.timedelta(days=8)) == ["silent"]


def test_runs_interrupted_by_shutdown_are_ignored() -> None:
    interrupted = RunView("partial", 2, SHUTDOWN_REASON)
    runs = [interrupted, ok(20), ok(20), ok(20)]
    assert rules(runs) == []
    assert channel_state(runs, []) == "ok"
