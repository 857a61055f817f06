"""The health rules behind ops alerts and `policywatch status`, as pure functions."""

from __future__ import annotations

import datetime as dt

from policywatch.config import AlertSettings
from store.health import RunView, channel_state, evaluate_channel
from store.reasons import Reason

NOW = dt.datetime(2026, 11, 30, 4, 0, tzinfo=dt.UTC)
TH = AlertSettings()
SELECTOR = "channel most/tztg: selector 'ul.info_list2 li' matched 0 node(s), expected >= 1"


def ok(items: int = 20) -> RunView:
    return RunView("ok", items, None)


def failed(reason: str = "TimeoutError: timed out (https://www.most.gov.cn/tztg/)") -> RunView:
    return RunView("failed", 0, Reason.TIMEOUT, reason)


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
    assert rules([RunView("failed", 0, Reason.SELECTOR_BROKEN, SELECTOR), ok()]) == ["broken"]
    blocked = RunView("blocked", 0, Reason.BLOCKED, "JS cookie challenge (Jiasule __jsl_clearance), HTTP 521 at https://x/")
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
    run = RunView("partial", 20, Reason.PAGINATION_SHORT, "pagination stopped early: HTTP 500 on list page 2 (https://x/index_1.html)")
    findings = evaluate_channel([run, ok()], [], None, NOW, TH)
    assert [(f.rule, f.severity) for f in findings] == [("pagination", "degraded")]


def test_detail_errors_alert_only_when_they_persist() -> None:
    partial = RunView("partial", 20, Reason.HTTP_ERROR, "HTTP 500 on https://x/t1.html")
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
    interrupted = RunView("partial", 2, Reason.SHUTDOWN, "interrupted by shutdown")
    runs = [interrupted, ok(20), ok(20), ok(20)]
    assert rules(runs) == []
    assert channel_state(runs, []) == "ok"


def test_rules_read_the_code_never_the_wording() -> None:
    # The same code under any wording fires the same rule ...
    for text in (SELECTOR, "Layout changed: list container gone", None):
        assert rules([RunView("failed", 0, Reason.SELECTOR_BROKEN, text), ok()]) == ["broken"]
    # ... and prose that reads like a selector failure, or like a shutdown, decides nothing.
    assert rules([RunView("failed", 0, Reason.TIMEOUT, SELECTOR), ok()]) == []
    shutdown_words = RunView("partial", 20, Reason.HTTP_ERROR, "interrupted by shutdown")
    assert rules([shutdown_words] * 3) == ["errors"]
    assert rules([RunView("partial", 20, Reason.HTTP_ERROR, "pagination stopped early: x"), ok()]) == []


def test_every_broken_code_alerts_at_once_and_the_rest_wait_for_a_streak() -> None:
    from store.reasons import BROKEN

    for code in Reason:
        if code in {Reason.BLOCKED, Reason.SHUTDOWN}:
            continue
        once = rules([RunView("failed", 0, code, "x"), ok()])
        assert once == (["broken"] if code in BROKEN else []), code
        if code not in BROKEN:
            assert rules([RunView("failed", 0, code, "x")] * 3) == ["errors"], code


def test_a_code_from_a_newer_version_reads_as_unknown() -> None:
    assert Reason.parse("selector_broken") is Reason.SELECTOR_BROKEN
    assert Reason.parse("quantum_flux") is Reason.UNKNOWN
    assert Reason.parse(None) is None
