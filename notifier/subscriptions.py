"""Subscriptions: targets, filters, schedules and signed unsubscribe tokens."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from parsers.facts.events import FUNDING_CALL_OPENED, filter_names, lookup
from parsers.facts.vocab import APPLICANT, TENTATIVE
from parsers.facts.zone_reference import province_of
from policywatch.errors import ConfigError
from store.reminders import DEADLINE_MOVED, REMINDER

CHINA = ZoneInfo("Asia/Shanghai")
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
T = TypeVar("T")


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
                  keywords: list[str], min_amount: str | None, remind: str | None = None,
                  deadline_within: int | None = None) -> dict[str, Any]:
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
    if remind:
        filters["remind"] = parse_remind(remind)
    if deadline_within is not None:
        if deadline_within < 0:
            raise ConfigError("--deadline-within must be 0 or more days")
        filters["deadline_within"] = deadline_within
    return filters


def parse_remind(text: str) -> list[int]:
    """``7,1`` -> [7, 1]: days before a call's end to send a reminder (0: on the last day)."""
    try:
        days = sorted({int(part) for part in text.replace("，", ",").split(",") if part.strip()}, reverse=True)
    except ValueError:
        raise ConfigError(f"bad --remind {text!r}: use days before the deadline, e.g. 7,1") from None
    if not days or any(d < 0 or d > 365 for d in days):
        raise ConfigError(f"bad --remind {text!r}: use days between 0 and 365, e.g. 7,1")
    return days


def call_end(events: Iterable[Any]) -> tuple[str, str | None] | None:
    """(apply_end, precision) of a notice's call, the applicant stage when it names several."""
    for event in events or ():
        if isinstance(event, Mapping) and event.get("type") == FUNDING_CALL_OPENED.name and event.get("apply_end") \
                and event.get("stage") in (None, APPLICANT):
            return str(event["apply_end"]), event.get("precision")
    return None


def end_day(value: str) -> dt.date:
    """The last day an ISO end can mean: ``2027-01`` is 2027-01-31."""
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date.fromisoformat(value[:10])


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


def _values(filters: Mapping[str, Any], key: str) -> frozenset[Any] | None:
    # A key present with an empty list matches nothing, as it always has; absent means "any".
    return frozenset(filters[key]) if key in filters else None


@dataclass(frozen=True)
class FilterSpec:
    """A subscription's filters, parsed once per plan. ``None``: the filter is not set.

    Everything except keywords is a fact of the notice's columns (source, topics, events), so the
    planner checks it on the few changes it reads, without the body (`passes_facts`). Keywords need
    the title and body: the planner asks the database (store.planning.keyword_hits), and `matches`
    checks them on a loaded notice.
    """

    sources: frozenset[Any] | None = None
    places: frozenset[Any] | None = None  # the city filter: a city name or a source id
    topics: frozenset[Any] | None = None
    events: frozenset[Any] | None = None
    keywords: tuple[str, ...] | None = None
    min_amount: int | None = None
    remind: frozenset[int] | None = None  # days before a call's end to remind (store.reminders)
    deadline_within: int | None = None  # only calls whose end is at most this many days away

    @classmethod
    def parse(cls, filters: Mapping[str, Any]) -> FilterSpec:
        keywords = tuple(dict.fromkeys(str(k) for k in filters["keyword"])) if "keyword" in filters else None
        amount = int(filters["min_amount"]) if "min_amount" in filters else None
        within = int(filters["deadline_within"]) if "deadline_within" in filters else None
        remind = frozenset(int(d) for d in filters["remind"]) if filters.get("remind") else None
        return cls(sources=_values(filters, "source"), places=_values(filters, "city"),
                   topics=_values(filters, "topic"), events=_values(filters, "event"), keywords=keywords,
                   min_amount=amount, remind=remind, deadline_within=within)

    def passes_change(self, kind: str, detail: str | None) -> bool:
        """Reminders go only to subscriptions that asked for that offset, "deadline moved" lines
        to those that asked for any; every other change kind passes."""
        if kind == REMINDER:
            offset = (detail or "").partition("|")[0]
            return self.remind is not None and offset.isdigit() and int(offset) in self.remind
        if kind == DEADLINE_MOVED:
            return self.remind is not None
        return True

    def passes_deadline(self, events: Any, today: dt.date) -> bool:
        """``deadline_within``: the notice is a call whose end is between today and N days away."""
        if self.deadline_within is None:
            return True
        end = call_end(events)
        if end is None or end[1] == TENTATIVE:
            return False
        return today <= end_day(end[0]) <= today + dt.timedelta(days=self.deadline_within)

    def passes_facts(self, facts: NoticeFacts) -> bool:
        """Every filter but keywords."""
        if self.sources is not None and facts.source not in self.sources:
            return False
        if self.places is not None and facts.city not in self.places and facts.source not in self.places \
                and facts.province not in self.places:
            return False
        if self.topics is not None and self.topics.isdisjoint(facts.topics):
            return False
        if self.events is not None and self.events.isdisjoint(facts.event_types):
            return False
        return self.min_amount is None or (facts.max_amount is not None and facts.max_amount >= self.min_amount)

    def passes_keywords(self, title: str, body: str) -> bool:
        if self.keywords is None:
            return True
        hay = f"{title}\n{body}"
        return any(k in hay for k in self.keywords)


@dataclass(frozen=True)
class NoticeFacts:
    """What filters compare, from a notice's columns (never its body)."""

    source: str
    city: str
    topics: frozenset[Any]
    event_types: frozenset[Any]
    max_amount: int | None
    province: str | None = None  # a city filter naming the province passes the city's notices

    @classmethod
    def of(cls, source: str, city: str, topics: Any, events: Any) -> NoticeFacts:
        event_list = [e for e in (events or []) if isinstance(e, Mapping)]
        amounts = _amounts(event_list)
        return cls(source=source, city=city, topics=frozenset(topics or []),
                   event_types=frozenset(e.get("type") for e in event_list),
                   max_amount=max(amounts) if amounts else None, province=province_of(city))


def matches(filters: Mapping[str, Any], notice: Any, city: str) -> bool:
    """Does a notice (store.models.Notice) pass a subscription's filters? Empty filters pass all."""
    spec = FilterSpec.parse(filters)
    facts = NoticeFacts.of(notice.source, city, notice.topics, notice.events)
    return spec.passes_facts(facts) and spec.passes_keywords(notice.title, notice.body)


def new_token() -> str:
    return secrets.token_urlsafe(18)


def sign_token(token: str, secret: str) -> str:
    """``token.signature``: unguessable and tamper-evident without a database lookup."""
    mac = hmac.new(secret.encode(), token.encode(), hashlib.sha256).digest()[:12]
    return f"{token}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


# The purposes a scoped token is signed for (`sign_scoped`): each link opens one page of one subscription.
CALENDAR_SCOPE = "calendar"  # /calendar/{token}.ics
CONFIRM_SCOPE = "confirm"  # /confirm/{token}: double opt-in
PREFS_SCOPE = "prefs"  # /p/{token}: the preferences page


def sign_scoped(purpose: str, token: str, secret: str) -> str:
    """``token.signature`` valid for one purpose only (``calendar``): a calendar URL shared with a
    calendar app cannot unsubscribe, and an unsubscribe link cannot read the calendar."""
    mac = sign_token(f"{purpose}:{token}", secret).rpartition(".")[2]
    return f"{token}.{mac}"


def verify_scoped(purpose: str, signed: str, secret: str) -> str | None:
    token, _, _sig = signed.strip().rpartition(".")
    if not token:
        return None
    expected = sign_scoped(purpose, token, secret).encode("utf-8")
    return token if hmac.compare_digest(expected, signed.strip().encode("utf-8", "surrogatepass")) else None


def verify_token(signed: str, secret: str) -> str | None:
    token, _, _sig = signed.strip().rpartition(".")
    if not token:
        return None
    # Compare bytes: compare_digest raises TypeError on non-ASCII str, and a forged token may be anything.
    expected = sign_token(token, secret).encode("utf-8")
    return token if hmac.compare_digest(expected, signed.strip().encode("utf-8", "surrogatepass")) else None


class FilterIndex(Generic[T]):
    """Subscriptions' filters grouped and indexed so that one change is compared only with the
    filters that can pass it.

    Identical filters are one group, checked once per change. A group with a source filter is
    filed under each of its sources, one with only a city filter under each city name / source id
    it lists; a group with neither is checked against every change. For a change from source S in
    city C of province P the candidates are the groups under S, C, P and the unfiled ones.
    """

    def __init__(self, specs: Iterable[tuple[FilterSpec, T]]) -> None:
        self.groups: dict[FilterSpec, list[T]] = {}
        for spec, member in specs:
            self.groups.setdefault(spec, []).append(member)
        self._by_source: dict[Any, list[FilterSpec]] = {}
        self._by_place: dict[Any, list[FilterSpec]] = {}
        self._unfiled: list[FilterSpec] = []
        for spec in self.groups:
            if spec.sources is not None:
                for value in spec.sources:
                    self._by_source.setdefault(value, []).append(spec)
            elif spec.places is not None:
                for value in spec.places:
                    self._by_place.setdefault(value, []).append(spec)
            else:
                self._unfiled.append(spec)
        self._cache: dict[tuple[str, str], list[FilterSpec]] = {}

    def candidates(self, source: str, city: str) -> list[FilterSpec]:
        key = (source, city)
        if key not in self._cache:
            province = province_of(city)
            places = self._by_place.get(source, []) + self._by_place.get(city, []) + (
                self._by_place.get(province, []) if province and province != city else [])
            found = self._by_source.get(source, []) + list(dict.fromkeys(places)) + self._unfiled
            self._cache[key] = found
        return self._cache[key]
