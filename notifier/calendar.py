"""A subscription's deadline calendar: one iCalendar (RFC 5545) event per open call it would match.

Written by hand (a few properties, no dependency); tests read it back with the ``icalendar`` parser.
Each call keeps one UID, and its SEQUENCE counts the extensions threaded to it, so a calendar app
that re-reads the feed moves the event instead of adding a second one. A call whose text gives
no end has no event; a tentative or month-only end is an all-day event marked （暂定）/（月内截止）.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping

from sqlalchemy.orm import Session

from notifier.subscriptions import CHINA, matches
from parsers.facts.vocab import EXACT, MONTH, TENTATIVE
from store.calls import OpenCall, open_calls
from store.models import Subscription

PRODID = "-//policywatch//grant call deadlines//ZH"
_MARK = {TENTATIVE: "（暂定）", MONTH: "（月内截止）"}


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold(line: str) -> str:
    """Content lines of at most 75 octets, continued with CRLF + space, never splitting a character."""
    out: list[str] = []
    current = ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > (75 if not out else 74):
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    return "\r\n ".join(out)


def _utc(value: str) -> str:
    """``2026-12-25T16:30`` China time as a UTC DATE-TIME (24:00 is the next day's 00:00)."""
    day, _, hhmm = value.partition("T")
    hour, minute = (int(x) for x in hhmm.split(":"))
    local = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(0, minute), tzinfo=CHINA)
    return (local + dt.timedelta(hours=hour)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(call: OpenCall, stamp: str) -> Iterator[str]:
    end = call.deadline
    assert end is not None  # the caller skips calls without an end
    notice = call.notice
    yield "BEGIN:VEVENT"
    yield f"UID:call-{notice.id}@policywatch"
    yield f"DTSTAMP:{stamp}"
    yield f"SEQUENCE:{call.extensions}"
    if end.precision == EXACT and "T" in end.value:
        yield f"DTSTART:{_utc(end.value)}"
    else:
        yield f"DTSTART;VALUE=DATE:{end.last_day:%Y%m%d}"
        yield f"DTEND;VALUE=DATE:{end.last_day + dt.timedelta(days=1):%Y%m%d}"
    yield "SUMMARY:" + escape_text(f"申报截止{_MARK.get(end.precision or '', '')}：{notice.title}")
    yield "DESCRIPTION:" + escape_text(f"{notice.title}\n截止：{end.value.replace('T', ' ')}\n{notice.url}")
    yield f"URL:{notice.url}"
    yield "END:VEVENT"


def calendar_feed(session: Session, subscription: Subscription, cities: Mapping[str, str], now: dt.datetime) -> str:
    """The feed of ``subscription``: open calls passing its filters (``cities``: source id -> city)."""
    today = now.astimezone(CHINA).date()
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:" + escape_text(f"policywatch 申报截止 #{subscription.id}")]
    for call in open_calls(session, today):
        city = cities.get(call.notice.source, call.notice.source)
        if call.deadline is None or not matches(subscription.filters or {}, call.notice, city):
            continue
        lines.extend(_event(call, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
