"""The notifier's exactly-once delivery ledger on both backends: crawl, subscribe, notify twice."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from notifier.admin import subscribe
from policywatch.app import App
from policywatch.config import load_settings
from store.models import Delivery, Notice
from tests.notifier.smtp_servers import smtp_server


def _args(**kw: Any) -> argparse.Namespace:
    base: dict[str, Any] = dict(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None, webhook=None,
                                outbox=False, city=[], source=[], topic=[], event=[], keyword=[], min_amount=None,
                                schedule="immediate", name=None, backlog_days=7)
    base.update(kw)
    return argparse.Namespace(**base)


def test_crawl_subscribe_notify_exactly_once(db_url: str, tmp_path: Path) -> None:
    with smtp_server() as server:
        settings = load_settings(environ={
            "POLICYWATCH_DATA_DIR": str(tmp_path / "d"), "POLICYWATCH_DATABASE_URL": db_url,
            "POLICYWATCH_SMTP_HOST": "127.0.0.1", "POLICYWATCH_SMTP_PORT": str(server.port),
            "POLICYWATCH_SMTP_SECURITY": "none", "POLICYWATCH_SMTP_SENDER": "monitor@example.org"})
        app = App.open(settings)
        try:
            with MirrorServer() as mirror:
                asyncio.run(crawl(select_sources(builtin_sources(), ["most"]), app.settings, app.factory,
                                  mirror=mirror.url, reactor=False, polite=False))
            subscribe(app, _args(email="a@example.org"))
            first, second = app.notify(), app.notify()
            with app.factory() as s:
                notices = s.scalar(select(func.count()).select_from(Notice))
                ledger = list(s.scalars(select(Delivery)))
        finally:
            app.engine.dispose()
        assert (first.sent, second.sent, second.planned) == (1, 0, 0)
        assert len(server.mailbox.messages) == 1
    assert notices and len(ledger) == notices  # one ledger row per notice's "new" change
    assert {d.status for d in ledger} == {"sent"}
