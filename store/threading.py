"""Threading a grant call's follow-ups (extension, 公示, final list) to the call they belong to.

A follow-up is linked to the most recent earlier call that it names, tried in this order:

* ``thread.cited_title``: the follow-up cites the call's title (``根据《…的通知》``);
* ``thread.cited_docnum``: it cites the call's 文号;
* ``thread.programme``: same source and the same programme in both titles
  (`parsers.facts.lifecycle.programme_key`: 2026年度杭州市人工智能重大科技创新).

The link is stored (`CallLink`) with its rule and the quoted evidence. A follow-up archived before
its call is not linked when the call arrives later (known gap: docs/extraction.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from parsers.facts.events import CALL_THREAD_TYPES, DEADLINE_EXTENDED, FUNDING_CALL_OPENED
from parsers.facts.lifecycle import programme_key
from store.callchanges import note_deadline_moved
from store.models import CallLink, Notice

_CANDIDATES = 200  # calls considered for one programme match: the newest of the source


def _events(notice: Notice, types: Iterable[str]) -> list[Mapping[str, Any]]:
    wanted = set(types)
    return [e for e in notice.events or [] if isinstance(e, dict) and e.get("type") in wanted]


def is_call(notice: Notice) -> bool:
    return bool(_events(notice, (FUNDING_CALL_OPENED.name,)))


def follow_up_event(notice: Notice) -> Mapping[str, Any] | None:
    """The lifecycle event that makes ``notice`` a follow-up, or None."""
    found = _events(notice, CALL_THREAD_TYPES)
    return found[0] if found else None


def _when(notice: Notice) -> dt.date:
    return notice.published_date or notice.first_seen.date()


def _earlier_calls(candidates: Iterable[Notice], follow: Notice) -> list[Notice]:
    calls = [c for c in candidates if c.id != follow.id and is_call(c) and _when(c) <= _when(follow)]
    return sorted(calls, key=lambda c: (_when(c), c.id), reverse=True)


def _norm(text: str) -> str:
    return "".join(text.split()).strip("《》“”\"")


@dataclass(frozen=True)
class Match:
    call: Notice
    rule: str
    evidence: str


def find_call(session: Session, follow: Notice) -> Match | None:
    """The call ``follow`` belongs to, with the rule and evidence; None when nothing matches."""
    event = follow_up_event(follow)
    if event is None:
        return None
    ref = _norm(str(event.get("call_ref") or ""))
    if ref:
        rows = session.scalars(select(Notice).where(or_(Notice.title.contains(ref), Notice.doc_number == ref)))
        for call in _earlier_calls(rows, follow):
            if call.doc_number == ref:
                return Match(call, "thread.cited_docnum", f"cites 文号 {ref}")
            return Match(call, "thread.cited_title", f"cites 《{ref}》")
    key = programme_key(follow.title)
    if key is None:
        return None
    rows = session.scalars(select(Notice).where(Notice.source == follow.source)
                           .order_by(Notice.id.desc()).limit(_CANDIDATES))
    for call in _earlier_calls(rows, follow):
        if programme_key(call.title) == key:
            return Match(call, "thread.programme", f"same source {follow.source} and programme {key}")
    return None


def link_follow_up(session: Session, follow: Notice, now: dt.datetime) -> CallLink | None:
    """Store (or replace) the link of a follow-up notice; None when it is none or has no call."""
    match = find_call(session, follow)
    session.execute(delete(CallLink).where(CallLink.follow_id == follow.id))
    if match is None:
        return None
    event = follow_up_event(follow)
    assert event is not None  # find_call matched, so there is one
    link = CallLink(call_id=match.call.id, follow_id=follow.id, event_type=str(event["type"]),
                    rule=match.rule, evidence=match.evidence, created_at=now)
    session.add(link)
    session.flush()
    if link.event_type == DEADLINE_EXTENDED.name and event.get("new_end"):
        note_deadline_moved(session, match.call, event.get("old_end"), str(event["new_end"]), now)
    return link


@dataclass(frozen=True)
class Thread:
    """A call and its linked follow-ups, oldest first."""

    call: Notice
    follow_ups: list[tuple[Notice, CallLink]]

    def effective_end(self) -> tuple[str | None, str | None]:
        """(apply_end, precision) after the latest extension (by publish date) of the call."""
        ends = [e for e in _events(self.call, (FUNDING_CALL_OPENED.name,)) if e.get("stage") in (None, "applicant")]
        end = (ends[0].get("apply_end"), ends[0].get("precision")) if ends else (None, None)
        for notice, link in self.follow_ups:
            if link.event_type == DEADLINE_EXTENDED.name:
                ext = _events(notice, (DEADLINE_EXTENDED.name,))
                if ext and ext[0].get("new_end"):
                    end = (ext[0]["new_end"], ext[0].get("precision"))
        return end


def thread_of(session: Session, notice: Notice) -> Thread | None:
    """The thread ``notice`` is part of (as the call or as a follow-up); None when it is in none."""
    call_id = notice.id
    own = session.scalar(select(CallLink).where(CallLink.follow_id == notice.id))
    if own is not None:
        call_id = own.call_id
    links = list(session.scalars(select(CallLink).where(CallLink.call_id == call_id)))
    if not links:
        return None
    call = session.get(Notice, call_id)
    if call is None:
        return None
    follows = {n.id: n for n in session.scalars(select(Notice).where(Notice.id.in_([x.follow_id for x in links])))}
    pairs = sorted(((follows[x.follow_id], x) for x in links if x.follow_id in follows),
                   key=lambda p: (_when(p[0]), p[0].id))
    return Thread(call, pairs)
