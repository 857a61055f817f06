"""Wiring shared by the CLI and the daemon: settings -> engine, sources, channels, one poll.

Nothing here parses pages or talks to sites itself; it only connects crawler -> parsers -> store
-> notifier in that order.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from crawler.plan import Clock, utcnow
from crawler.registry import SourceSpec
from crawler.sources import all_sources
from notifier.channels.base import Channel, SendResult
from notifier.channels.email import SmtpSessions
from notifier.channels.factory import build_channel, channel_endpoint
from notifier.channels.pacing import SlidingWindowPacer
from notifier.delivery import NotifyReport, Preview, dry_run, notify
from notifier.digest import Digest
from notifier.dispatch import Dispatcher, DispatchSettings
from notifier.ledger import LedgerPolicy
from policywatch.config import Settings
from policywatch.errors import ConfigError
from policywatch.netguard import AllowList
from store.db import open_database, session_factory
from store.models import Subscription

MIN_SECRET_CHARS = 32


def check_overrides(settings: Settings, sources: tuple[SourceSpec, ...]) -> None:
    """``[sources.hefie]`` (a typo) used to be ignored silently: the real source kept its defaults."""
    known = [s.id for s in sources]
    for sid in settings.sources:
        if sid not in known:
            close = difflib.get_close_matches(sid, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(known)}"
            raise ConfigError(f"[sources.{sid}]: no source {sid!r}{hint}")


def _create_secret(path: Path) -> None:
    """Write a new key atomically: fully written and synced under a temporary name, then linked into
    place (``link`` fails if another process won the race). A full disk leaves no empty key file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


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
        sources = all_sources(extra_sources)
        check_overrides(settings, sources)
        engine = open_database(settings.database_url)
        return cls(settings, engine, session_factory(engine), sources, clock)

    def source_names(self) -> dict[str, tuple[str, str]]:
        return {s.id: (s.name, s.city) for s in self.sources}

    def secret(self) -> str:
        """The unsubscribe-token key: from config/env, else generated once into the data dir."""
        if self.settings.notify.secret:
            return self.settings.notify.secret
        path = self.settings.data_path / "secret.key"
        if not path.exists():
            _create_secret(path)
        key = path.read_text().strip()
        if len(key) < MIN_SECRET_CHARS:
            # Signing with an empty or truncated key would make every unsubscribe token forgeable.
            raise ConfigError(f"{path} is empty or damaged; delete it to generate a new key "
                              "(links in digests already sent stop working)")
        return key

    def channel_options(self, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """Options every channel is built with (notifier.channels.factory.OPTION_KEYS)."""
        feeds = self.settings.feeds_path
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

    @contextlib.contextmanager
    def sending(self, options: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Channel options for one run of sends: SMTP connections shared by the run's digests and
        closed when it ends (a caller that brings its own `smtp_sessions` closes them itself)."""
        if options and "smtp_sessions" in options:
            yield options
            return
        sessions = SmtpSessions()
        try:
            yield {**(options or {}), "smtp_sessions": sessions}
        finally:
            sessions.close()

    def notify(self, options: dict[str, Any] | None = None) -> NotifyReport:
        with self.sending(options) as opts:
            return notify(self.factory, self.channel_maker(opts), self.clock(), self.source_names(),
                          public_url=self.settings.notify.public_url, secret=self.secret(),
                          sender=self.settings.smtp.sender, policy=self.ledger_policy(),
                          dispatcher=self.dispatcher, endpoint_of=self.endpoint_of(opts))

    def notify_preview(self) -> list[Preview]:
        """What `notify` would send now, to whom; nothing is sent or recorded (`notify --dry-run`)."""
        return dry_run(self.factory, self.clock(), self.source_names(), public_url=self.settings.notify.public_url,
                       secret=self.secret(), sender=self.settings.smtp.sender)

    def has_subscriptions(self) -> bool:
        from sqlalchemy import func, select

        with self.factory() as session:
            return bool(session.scalar(select(func.count()).select_from(Subscription)))

    def ensure_default_outbox(self) -> None:
        """With no subscription at all, digests of everything go to the outbox folder."""
        from notifier.subscriptions import new_token
        from store.models import Subscriber

        if self.has_subscriptions():
            return
        with self.factory() as session:
            now = self.clock()
            subscriber = Subscriber(name="default outbox", created_at=now)
            session.add(subscriber)
            session.flush()
            session.add(Subscription(subscriber_id=subscriber.id, kind="outbox", target={}, filters={},
                                     schedule="immediate", active=True, token=new_token(), created_at=now,
                                     confirmed_at=now,
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
