"""Wiring shared by the CLI and the daemon: settings -> engine, sources, channels, one poll.

Nothing here parses pages or talks to sites itself; it only connects crawler -> parsers -> store
-> notifier in that order.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from crawler.plan import Clock, utcnow
from crawler.registry import SourceSpec
from crawler.sources import all_sources
from notifier.channels.base import Channel
from notifier.channels.factory import build_channel, channel_endpoint
from notifier.channels.pacing import SlidingWindowPacer
from notifier.delivery import NotifyReport, notify
from notifier.dispatch import Dispatcher, DispatchSettings
from notifier.ledger import LedgerPolicy
from policywatch.config import Settings
from store.db import open_database, session_factory
from store.models import Subscription


@dataclass
class App:
    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    sources: tuple[SourceSpec, ...]
    clock: Clock = utcnow
    # One per App, shared by notice digests and ops alerts: its circuit breakers remember a hung relay
    # from one notify cycle of the daemon to the next.
    dispatcher: Dispatcher = field(init=False)

    def __post_init__(self) -> None:
        n = self.settings.notify
        # Breaker cooldowns run on the app clock, like the ledger's backoff (tests move both at once).
        self.dispatcher = Dispatcher(DispatchSettings(n.workers, n.per_endpoint, n.breaker_failures,
                                                      n.breaker_cooldown_seconds),
                                     clock=lambda: self.clock().timestamp())

    @classmethod
    def open(cls, settings: Settings, extra_sources: tuple[SourceSpec, ...] = (), clock: Clock = utcnow) -> App:
        engine = open_database(settings.database_url)
        return cls(settings, engine, session_factory(engine), all_sources(extra_sources), clock)

    def source_names(self) -> dict[str, tuple[str, str]]:
        return {s.id: (s.name, s.city) for s in self.sources}

    def secret(self) -> str:
        """The unsubscribe-token key: from config/env, else generated once into the data dir."""
        if self.settings.notify.secret:
            return self.settings.notify.secret
        path = self.settings.data_path / "secret.key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        return path.read_text().strip()

    def channel_options(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """Options every channel is built with (notifier.channels.factory.OPTION_KEYS)."""
        feeds = self.settings.data_path / "feeds"
        public = self.settings.notify.public_url
        opts: dict[str, Any] = {"outbox_dir": str(self.settings.outbox_path), "feed_dir": str(feeds),
                                # the feed's rel="self" link must be absolute: public URL, else the file itself
                                "feed_base_url": f"{public.rstrip('/')}/feeds" if public else feeds.resolve().as_uri()}
        opts.update(extra or {})
        return opts

    def channel_maker(self, options: dict[str, Any] | None = None) -> Callable[[Subscription], Channel]:
        opts = self.channel_options({"wecom_pacer": SlidingWindowPacer(), **(options or {})})

        def make(sub: Subscription) -> Channel:
            smtp: Any = self.settings.smtp  # structurally an SMTP settings object (see channels.factory)
            return build_channel({"kind": sub.kind, **(sub.target or {})}, smtp, opts)

        return make

    def endpoint_of(self, options: dict[str, Any] | None = None) -> Callable[[Subscription], str]:
        """The relay/host each subscription's messages go through (per-endpoint queues, breakers)."""
        opts = self.channel_options(options)

        def endpoint(sub: Subscription) -> str:
            smtp: Any = self.settings.smtp
            return channel_endpoint({"kind": sub.kind, **(sub.target or {})}, smtp, opts)

        return endpoint

    def ledger_policy(self) -> LedgerPolicy:
        n = self.settings.notify
        return LedgerPolicy(retry_days=n.retry_days, max_attempts=n.max_attempts, lease_seconds=n.lease_seconds)

    def notify(self, options: dict[str, Any] | None = None) -> NotifyReport:
        return notify(self.factory, self.channel_maker(options), self.clock(), self.source_names(),
                      public_url=self.settings.notify.public_url, secret=self.secret(),
                      sender=self.settings.smtp.sender, policy=self.ledger_policy(), dispatcher=self.dispatcher,
                      endpoint_of=self.endpoint_of(options))

    def ensure_default_outbox(self) -> None:
        """With no subscription at all, digests of everything go to the outbox folder."""
        from sqlalchemy import func, select

        from notifier.subscriptions import new_token

        with self.factory() as session:
            if session.scalar(select(func.count()).select_from(Subscription)):
                return
            from store.models import Subscriber

            now = self.clock()
            subscriber = Subscriber(name="default outbox", created_at=now)
            session.add(subscriber)
            session.flush()
            session.add(Subscription(subscriber_id=subscriber.id, kind="outbox", target={}, filters={},
                                     schedule="immediate", active=True, token=new_token(), created_at=now,
                                     since=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)))
            session.commit()


def outbox_files(path: Path) -> list[Path]:
    return sorted(p for p in path.glob("*") if p.is_file()) if path.exists() else []
