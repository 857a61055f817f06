"""Alert incidents and their ledger: one alert per incident, one "ok again", ops only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from notifier.alerts import run_alerts
from notifier.subscriptions import new_token
from policywatch.app import App
from policywatch.config import load_settings
from store.db import transaction
from store.models import AlertDelivery, AlertIncident, CrawlRun, Subscriber, Subscription
from store.reasons import Reason

T0 = dt.datetime(2026, 11, 30, 2, 0, tzinfo=dt.UTC)
SELECTOR = "channel most/tztg: selector 'ul.info_list2 li' matched 0 node(s), expected >= 1"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


def _app(tmp_path: Path) -> tuple[App, Clock]:
    clock = Clock()
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data")})
    app = App.open(settings, clock=clock)
    with transaction(app.factory) as session:
        for name, target, is_ops in (("reader", {}, False), ("ops", {"directory": str(tmp_path / "ops")}, True)):
            subscriber = Subscriber(name=name, created_at=T0)
            session.add(subscriber)
            session.flush()
            session.add(Subscription(subscriber_id=subscriber.id, kind="outbox", target=target, filters={},
                                     schedule="immediate", active=True, is_ops=is_ops, token=new_token(),
                                     created_at=T0, since=T0))
    return app, clock


def _run(app: App, at: dt.datetime, status: str, reason: str | None = None, items: int = 20) -> None:
    code = {SELECTOR: Reason.SELECTOR_BROKEN, "TimeoutError: timed out": Reason.TIMEOUT}.get(reason or "")
    with transaction(app.factory) as session:
        session.add(CrawlRun(source="most", channel="tztg", started_at=at, finished_at=at, status=status,
                             pages=1, items_seen=items, new=0, changed=0, unchanged=items, details_fetched=0,
                             error_count=0, errors=[], http_codes={}, reason=reason, reason_code=code))


def _files(directory: Path) -> list[str]:
    return sorted(p.read_text("utf-8") for p in directory.glob("*.md")) if directory.exists() else []


def test_alert_once_per_incident_then_ok_again(tmp_path: Path) -> None:
    app, clock = _app(tmp_path)
    _run(app, T0, "ok")
    assert run_alerts(app).planned == 0

    clock.now = T0 + dt.timedelta(minutes=30)
    _run(app, clock.now, "failed", SELECTOR, items=0)
    report = run_alerts(app)
    assert (report.opened, report.sent) == (1, 1)
    (alert,) = _files(tmp_path / "ops")
    assert "most/tztg" in alert and "broken" in alert and "告警" in alert

    for minutes in (60, 90):  # still broken: no second alert for the same incident
        clock.now = T0 + dt.timedelta(minutes=minutes)
        _run(app, clock.now, "failed", SELECTOR, items=0)
        assert run_alerts(app).sent == 0
    assert len(_files(tmp_path / "ops")) == 1

    clock.now = T0 + dt.timedelta(minutes=120)
    _run(app, clock.now, "ok")
    report = run_alerts(app)
    assert (report.resolved, report.sent) == (1, 1)
    recovery = next(t for t in _files(tmp_path / "ops") if t != alert)
    assert "[ok again] most/tztg" in recovery and "恢复" in recovery
    assert run_alerts(app).sent == 0

    with app.factory() as session:
        assert session.scalar(select(func.count()).select_from(AlertIncident)) == 1
        events = sorted(session.scalars(select(AlertDelivery.event)))
        assert events == ["open", "resolved"]
    # The regular subscription's outbox never sees an alert.
    assert not _files(app.settings.outbox_path)


def test_one_blip_sends_nothing_three_in_a_row_alert(tmp_path: Path) -> None:
    app, clock = _app(tmp_path)
    _run(app, T0, "failed", "TimeoutError: timed out")
    assert run_alerts(app).opened == 0
    for minutes in (30, 60):
        clock.now = T0 + dt.timedelta(minutes=minutes)
        _run(app, clock.now, "failed", "TimeoutError: timed out")
    report = run_alerts(app)
    assert (report.opened, report.sent) == (1, 1)
    assert "3 failed polls in a row" in _files(tmp_path / "ops")[0]


def test_the_cli_notify_sends_ops_alerts_too(tmp_path: Path, capsys: Any) -> None:
    """A cron setup (`crawl`, then `notify`) must hear of a broken channel, as the daemon's ops do."""
    import policywatch.cli as cli

    app, _clock = _app(tmp_path)
    now = dt.datetime.now(dt.UTC)
    _run(app, now, "failed", SELECTOR, items=0)
    app.engine.dispose()
    assert cli.main(["--data-dir", str(tmp_path / "data"), "notify"]) == 0
    assert "ops alerts: planned 1, sent 1" in capsys.readouterr().out
    (alert,) = _files(tmp_path / "ops")
    assert "most/tztg" in alert and "broken" in alert
