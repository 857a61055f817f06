"""Wiring shared by the CLI and the daemon: settings -> engine, sources, channels, one poll.

Nothing here parses pages or talks to sites itself; it only connects crawler -> parsers -> store
-> notifier in that order.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from crawler.plan import Clock, utcnow
from crawler.registry import SourceSpec
from crawler.sources import all_sources
from notifier.channels.base import Channel, SendResult
from notifier.channels.factory import build_channel
from notifier.channels.pacing import SlidingWindowPacer
from notifier.delivery import NotifyReport, notify
from notifier.digest import Digest
from policywatch.config import Settings
from policywatch.errors import ConfigError
from policywatch.netguard import AllowList
from store.db import open_database, session_factory
from store.models import Subscription


@dataclass
class App:
    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    sources: tuple[SourceSpec, ...]
    clock: Clock = utcnow

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
        allow = self.settings.notify.webhook_allow_hosts
        # Checked here, before any delivery is claimed: a typo must stop `notify`, not kill every digest.
        AllowList.parse(allow, "[notify] webhook_allow_hosts")
        opts: dict[str, Any] = {"outbox_dir": str(self.settings.outbox_path), "feed_dir": str(feeds),
                                # the feed's rel="self" link must be absolute: public URL, else the file itself
                                "feed_base_url": f"{public.rstrip('/')}/feeds" if public else feeds.resolve().as_uri(),
                                "webhook_allow_hosts": tuple(allow)}
        opts.update(extra or {})
        return opts

    def channel_maker(self, options: dict[str, Any] | None = None) -> Callable[[Subscription], Channel]:
        opts = self.channel_options({"wecom_pacer": SlidingWindowPacer(), **(options or {})})

        def make(sub: Subscription) -> Channel:
            smtp: Any = self.settings.smtp  # structurally an SMTP settings object (see channels.factory)
            try:
                return build_channel({"kind": sub.kind, **(sub.target or {})}, smtp, opts)
            except ConfigError as exc:
                # A stored target that is no longer valid (bad port, internal webhook address, plaintext
                # SMTP AUTH): that subscription's digest fails with the reason, the others go out.
                return UnusableChannel(sub.kind, str(exc))

        return make

    def notify(self, options: dict[str, Any] | None = None) -> NotifyReport:
        return notify(self.factory, self.channel_maker(options), self.clock(), self.source_names(),
                      public_url=self.settings.notify.public_url, secret=self.secret(),
                      sender=self.settings.smtp.sender, max_attempts=self.settings.notify.max_attempts)

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


@dataclass
class UnusableChannel:
    """Stands in for a channel whose configuration is invalid: every send fails, not retryable."""

    kind: str
    reason: str

    def send(self, digest: Digest) -> SendResult:
        return SendResult(False, False, f"{self.kind}: configuration error: {self.reason}")


def outbox_files(path: Path) -> list[Path]:
    return sorted(p for p in path.glob("*") if p.is_file()) if path.exists() else []
