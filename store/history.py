"""One notice with its full version history (``policywatch show ID|URL``)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsers.facts.events import spec_for
from parsers.facts.vocab import TENTATIVE
from parsers.urls import url_uid
from store.models import Change, Notice, NoticeVersion
from store.status import CHINA
from store.threading import Thread, thread_of


@dataclass(frozen=True)
class History:
    notice: Notice
    versions: list[NoticeVersion]
    changes: list[Change]
    thread: Thread | None = None


def find_notice(session: Session, ident: str) -> Notice | None:
    """By numeric id, or by URL in any of its spellings (canonicalised like the crawler does)."""
    ident = ident.strip()
    if ident.isdigit():
        number = int(ident)
        # Beyond a 64-bit integer no row can match, and the drivers raise OverflowError instead.
        return session.get(Notice, number) if number < 2**63 else None
    return session.scalar(select(Notice).where(Notice.uid == url_uid(ident)))


def load_history(session: Session, ident: str) -> History | None:
    notice = find_notice(session, ident)
    if notice is None:
        return None
    versions = list(session.scalars(select(NoticeVersion).where(NoticeVersion.notice_id == notice.id)
                                    .order_by(NoticeVersion.version)))
    changes = list(session.scalars(select(Change).where(Change.notice_id == notice.id)
                                   .order_by(Change.detected_at, Change.id)))
    return History(notice, versions, changes, thread_of(session, notice))


def _lines(version: NoticeVersion) -> list[str]:
    # The title is part of what a reader sees, so a retitled notice shows up in the diff too.
    return [version.title, "", *version.body.splitlines()]


def _people(value: dt.datetime) -> str:
    """For people: China time, labelled (the sites publish on China office hours). Machine formats
    (``--json``, exports) keep ISO 8601 with the offset."""
    return f"{value.astimezone(CHINA):%Y-%m-%d %H:%M} CST"


def _stamp(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def version_diff(old: NoticeVersion, new: NoticeVersion, context: int = 2) -> str:
    """A unified diff of two versions' title and body text (empty when only attachments differ)."""
    diff = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"v{old.version} {_stamp(old.fetched_at)}",
                                tofile=f"v{new.version} {_stamp(new.fetched_at)}", lineterm="", n=context)
    return "\n".join(diff)


def attachment_changes(old: NoticeVersion, new: NoticeVersion) -> list[str]:
    def names(v: NoticeVersion) -> set[str]:
        return {f"{a.get('name', '')} <{a.get('url', '')}>" for a in (v.attachments or []) if isinstance(a, dict)}

    before, after = names(old), names(new)
    return [f"- attachment {a}" for a in sorted(before - after)] + [f"+ attachment {a}" for a in sorted(after - before)]


def _attachments(history: History) -> list[dict[str, Any]]:
    """The newest version's attachment list (the notice's own rows are not loaded for this)."""
    latest = history.versions[-1] if history.versions else None
    return [a for a in (latest.attachments or []) if isinstance(a, dict)] if latest else []


def history_json(history: History) -> dict[str, Any]:
    n = history.notice
    pairs = zip(history.versions, history.versions[1:], strict=False)
    return {
        "id": n.id, "url": n.url, "source": n.source, "channel": n.channel, "title": n.title,
        "doc_number": n.doc_number, "status": n.status, "version": n.version,
        "published_date": n.published_date.isoformat() if n.published_date else None,
        "issuers": list(n.issuers or []), "body": n.body, "attachments": _attachments(history),
        "events": list(n.events or []),
        "versions": [{"version": v.version, "fetched_at": _stamp(v.fetched_at), "title": v.title,
                      "content_hash": v.content_hash} for v in history.versions],
        "changes": [{"kind": c.kind, "version": c.version, "detected_at": _stamp(c.detected_at),
                     "detail": c.detail} for c in history.changes],
        "diffs": [{"from": a.version, "to": b.version, "diff": version_diff(a, b),
                   "attachments": attachment_changes(a, b)} for a, b in pairs],
        "thread": _thread_json(history.thread),
    }


def _thread_json(thread: Thread | None) -> dict[str, Any] | None:
    if thread is None:
        return None
    end, precision = thread.effective_end()
    return {"call": {"id": thread.call.id, "title": thread.call.title, "apply_end": end, "precision": precision},
            "follow_ups": [{"id": n.id, "title": n.title, "type": link.event_type, "rule": link.rule,
                            "evidence": link.evidence} for n, link in thread.follow_ups]}


def render_thread(thread: Thread, current: int) -> Iterator[str]:
    """The call and its follow-ups, one line each, the shown notice marked with *."""
    end, precision = thread.effective_end()
    deadline = f"  截止 {end.replace('T', ' ')}" + ("（暂定）" if precision == TENTATIVE else "") if end else ""
    yield "thread:"
    mark = "*" if thread.call.id == current else " "
    yield f" {mark}call     #{thread.call.id} {_day(thread.call)} {thread.call.title}{deadline}"
    for notice, link in thread.follow_ups:
        mark = "*" if notice.id == current else " "
        label = spec_for(link.event_type).label or link.event_type
        yield f" {mark}{label:<6} #{notice.id} {_day(notice)} {notice.title}  [{link.rule}: {link.evidence}]"


def _day(notice: Notice) -> str:
    return (notice.published_date or notice.first_seen.date()).isoformat()


def render_history(history: History) -> Iterator[str]:
    """Lines for the terminal: header, versions, changes, then each consecutive diff."""
    n = history.notice
    yield f"{n.title}"
    yield f"  id {n.id}  {n.source}/{n.channel}  status {n.status}  version {n.version}"
    yield f"  {n.url}"
    if n.doc_number:
        yield f"  文号 {n.doc_number}"
    if n.published_date:
        yield f"  published {n.published_date.isoformat()}"
    if n.issuers:
        yield f"  issuers {'、'.join(str(i) for i in n.issuers)}"
    for event in n.events or []:
        parts = spec_for(event.get("type")).summary(event) if isinstance(event, dict) else []
        yield f"  event {event.get('type') if isinstance(event, dict) else event}" + (
            f": {'；'.join(parts)}" if parts else "")
    if history.thread is not None:
        yield from render_thread(history.thread, n.id)
    for att in _attachments(history):
        yield f"  attachment {att.get('name', '')} <{att.get('url', '')}>"
    yield ""
    yield from (n.body or "(no body text)").splitlines()
    yield ""
    yield "versions (China time):"
    for v in history.versions:
        yield f"  v{v.version}  {_people(v.fetched_at)}  {v.content_hash[:12]}"
    if history.changes:
        yield "changes:"
        for c in history.changes:
            yield f"  {_people(c.detected_at)}  {c.kind:9} v{c.version}" + (f"  {c.detail}" if c.detail else "")
    for old, new in zip(history.versions, history.versions[1:], strict=False):
        yield ""
        yield f"=== v{old.version} -> v{new.version} ==="
        diff = version_diff(old, new)
        yield diff if diff else "(text unchanged)"
        yield from attachment_changes(old, new)
    if len(history.versions) <= 1:
        yield ""
        yield "(only one version archived: nothing to diff)"
