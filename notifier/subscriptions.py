"""Subscriptions: targets, filters, schedules and signed unsubscribe tokens."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from parsers.facts.events import filter_names, lookup
from policywatch.errors import ConfigError

CHINA = ZoneInfo("Asia/Shanghai")
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Schedule:
    kind: str  # immediate | daily | weekly
    hour: int = 0
    minute: int = 0
    weekday: int | None = None

    def __str__(self) -> str:
        if self.kind == "immediate":
            return "immediate"
        hhmm = f"{self.hour:02d}:{self.minute:02d}"
        if self.kind == "daily":
            return f"daily {hhmm}"
        day = next(k for k, v in DAYS.items() if v == self.weekday)
        return f"weekly {day} {hhmm}"

    def last_slot(self, now: dt.datetime) -> dt.datetime | None:
        """The most recent scheduled moment at or before ``now`` (China time); None for immediate."""
        if self.kind == "immediate":
            return None
        local = now.astimezone(CHINA)
        slot = local.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)
        if self.kind == "daily":
            return slot if slot <= local else slot - dt.timedelta(days=1)
        assert self.weekday is not None
        slot -= dt.timedelta(days=(local.weekday() - self.weekday) % 7)
        return slot if slot <= local else slot - dt.timedelta(days=7)

    def is_due(self, now: dt.datetime, last_planned: dt.datetime | None) -> bool:
        slot = self.last_slot(now)
        if slot is None:
            return True
        return last_planned is None or last_planned < slot


def parse_schedule(text: str) -> Schedule:
    """``immediate``, ``daily HH:MM`` or ``weekly DAY HH:MM`` (China time)."""
    parts = text.strip().lower().split()
    if parts == ["immediate"]:
        return Schedule("immediate")
    if len(parts) == 2 and parts[0] == "daily" and _HHMM.match(parts[1]):
        h, m = parts[1].split(":")
        return Schedule("daily", int(h), int(m))
    if len(parts) == 3 and parts[0] == "weekly" and parts[1][:3] in DAYS and _HHMM.match(parts[2]):
        h, m = parts[2].split(":")
        return Schedule("weekly", int(h), int(m), DAYS[parts[1][:3]])
    raise ConfigError(f"bad schedule {text!r}: use 'immediate', 'daily HH:MM' or 'weekly DAY HH:MM' (China time)")


def build_filters(*, cities: list[str], sources: list[str], topics: list[str], events: list[str],
                  keywords: list[str], min_amount: str | None) -> dict[str, Any]:
    allowed = filter_names()
    bad = [e for e in events if e not in allowed]
    if bad:
        raise ConfigError(f"unknown event type {', '.join(bad)}; use {', '.join(allowed)}")
    filters: dict[str, Any] = {}
    for key, values in (("city", cities), ("source", sources), ("topic", topics), ("event", events),
                        ("keyword", keywords)):
        if values:
            filters[key] = sorted(set(values))
    if min_amount:
        filters["min_amount"] = parse_amount(min_amount)
    return filters


def parse_amount(text: str) -> int:
    """``5000000``, ``500万`` or ``1亿`` (yuan)."""
    raw = text.strip().rstrip("元")
    scale = 1
    if raw.endswith("万"):
        raw, scale = raw[:-1], 10_000
    elif raw.endswith("亿"):
        raw, scale = raw[:-1], 100_000_000
    try:
        value = float(raw) * scale
    except ValueError:
        raise ConfigError(f"bad amount {text!r}: use e.g. 5000000, 500万 or 1亿") from None
    if value < 0:
        raise ConfigError("amount must not be negative")
    return int(value)


def _amounts(events: list[Any]) -> list[int]:
    """The amount of every event whose type has amount fields (the registry says which)."""
    out = []
    for event in events:
        spec = lookup(event.get("type"))
        amount = spec.amount(event) if spec else None
        if amount is not None:
            out.append(amount)
    return out


def matches(filters: Mapping[str, Any], notice: Any, city: str) -> bool:
    """Does a notice (store.models.Notice) pass a subscription's filters? Empty filters pass all."""
    if "source" in filters and notice.source not in filters["source"]:
        return False
    if "city" in filters and city not in filters["city"] and notice.source not in filters["city"]:
        return False
    topics = set(notice.topics or [])
    if "topic" in filters and not topics & set(filters["topic"]):
        return False
    events = list(notice.events or [])
    if "event" in filters and not {e.get("type") for e in events} & set(filters["event"]):
        return False
    if "keyword" in filters:
        hay = f"{notice.title}\n{notice.body}"
        if not any(k in hay for k in filters["keyword"]):
            return False
    if "min_amount" in filters:
        amounts = _amounts(events)
        if not amounts or max(amounts) < int(filters["min_amount"]):
            return False
    return True


def new_token() -> str:
    return secrets.token_urlsafe(18)


def sign_token(token: str, secret: str) -> str:
    """``token.signature``: unguessable and tamper-evident without a database lookup."""
    mac = hmac.new(secret.encode(), token.encode(), hashlib.sha256).digest()[:12]
    return f"{token}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def verify_token(signed: str, secret: str) -> str | None:
    token, _, _sig = signed.strip().rpartition(".")
    if not token:
        return None
    # Compare bytes: compare_digest raises TypeError on non-ASCII str, and a forged token may be anything.
    expected = sign_token(token, secret).encode("utf-8")
    return token if hmac.compare_digest(expected, signed.strip().encode("utf-8", "surrogatepass")) else None
