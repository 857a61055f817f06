"""The repository: every read and write of the archive goes through here. It never commits;
the caller owns the transaction (``store.db.transaction``)."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from parsers.facts.events import REPEAL
from parsers.model import NoticeRecord
from parsers.urls import canonical_url, url_uid
from store.models import AttachmentRow, Change, CrawlRun, FetchFailure, Notice, NoticeVersion
from store.threading import follow_up_event, link_follow_up

UpsertKind = Literal["inserted", "updated", "unchanged"]


@dataclass(frozen=True)
class UpsertResult:
    kind: UpsertKind
    notice_id: int
    version: int


def repealed_doc_numbers(record: NoticeRecord) -> list[str]:
    """The 文号 of the documents a notice declares repealed (its ``repeal`` events)."""
    return [str(e["doc_number"]) for e in record.events if e.get("type") == REPEAL.name and e.get("doc_number")]


def content_hash(record: NoticeRecord) -> str:
    """Hash of what a reader sees: title, body text and the attachment list (whitespace-insensitive)."""
    body = " ".join(record.body.split())
    atts = "\n".join(f"{a.name}\t{a.url}" for a in sorted(record.attachments, key=lambda a: a.url))
    return hashlib.sha256(f"{record.title.strip()}\n{body}\n{atts}".encode()).hexdigest()


def short_diff(old: str, new: str, limit: int = 600) -> str:
    """A few changed lines as evidence of a revision, not a full patch."""
    old_lines = [ln.strip() for ln in old.splitlines() if ln.strip()]
    new_lines = [ln.strip() for ln in new.splitlines() if ln.strip()]
    out: list[str] = []
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        out.append(line)
    text = "\n".join(out)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _attachments_json(record: NoticeRecord) -> list[dict[str, str]]:
    return [{"name": a.name, "url": a.url} for a in record.attachments]


class Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- notices -----------------------------------------------------------------
    def known_uids(self, uids: list[str]) -> dict[str, Notice]:
        if not uids:
            return {}
        rows = self.session.scalars(select(Notice).where(Notice.uid.in_(uids)))
        return {n.uid: n for n in rows}

    def channel_state(self, source: str, channel: str) -> list[Any]:
        """What a poll needs about each archived notice of a channel: identity, list fingerprint,
        last check, status, URL and date. Column rows only: bodies are never loaded for a poll."""
        return list(self.session.execute(
            select(Notice.uid, Notice.list_fingerprint, Notice.last_checked, Notice.status, Notice.url,
                   Notice.published_date).where(Notice.source == source, Notice.channel == channel)))

    def deferred_uids(self, source: str, channel: str, now: dt.datetime) -> set[str]:
        """Permanently failed entries whose backoff has not run out."""
        return set(self.session.scalars(select(FetchFailure.uid).where(
            FetchFailure.source == source, FetchFailure.channel == channel, FetchFailure.next_retry_at > now)))

    def get_notice(self, notice_id: int) -> Notice | None:
        return self.session.get(Notice, notice_id)

    def upsert_notice(self, record: NoticeRecord, source: str, channel: str, now: dt.datetime) -> UpsertResult:
        """Insert a new notice, record a new version of a changed one, or just touch last_seen."""
        uid = url_uid(record.url)
        digest = content_hash(record)
        notice = self.session.scalar(select(Notice).where(Notice.uid == uid))
        if notice is None:
            notice = Notice(uid=uid, source=source, channel=channel, url=canonical_url(record.url),
                            content_hash=digest, version=1, status="active", first_seen=now,
                            last_seen=now, last_checked=now, last_changed=now)
            self._apply(notice, record)
            self.session.add(notice)
            self.session.flush()
            self._add_version(notice, record, now)
            self._replace_attachments(notice, record)
            self.session.add(Change(notice_id=notice.id, kind="new", version=1, detected_at=now))
            self.session.flush()
            return UpsertResult("inserted", notice.id, 1)
        notice.last_seen = now
        notice.last_checked = now
        if notice.status == "withdrawn":
            notice.status = "active"
        if notice.content_hash == digest:
            self._apply(notice, record)  # facts may improve with a newer extractor; not a change
            return UpsertResult("unchanged", notice.id, notice.version)
        diff = short_diff(f"{notice.title}\n{notice.body}", f"{record.title}\n{record.body}")
        if not diff:
            diff = "附件变更 / attachments changed"
        notice.version += 1
        notice.content_hash = digest
        notice.last_changed = now
        self._apply(notice, record)
        self._add_version(notice, record, now)
        self._replace_attachments(notice, record)
        self.session.add(Change(notice_id=notice.id, kind="revised", version=notice.version,
                                detected_at=now, diff=diff))
        self.session.flush()
        return UpsertResult("updated", notice.id, notice.version)

    # -- what a poll writes (crawler.pipeline -> crawler.runner.StoreSink -> here) -------------
    def record_notice(self, record: NoticeRecord, source: str, channel: str, list_fingerprint: str,
                      now: dt.datetime) -> UpsertResult:
        """Archive a crawled notice with its archive rules: the list entry it was fetched from (so
        an unchanged entry is not refetched), its fetch failure cleared, and the notices it repeals
        marked — only when the notice is new or changed, so a re-check never repeats a repeal."""
        result = self.upsert_notice(record, source, channel, now)
        notice = self.get_notice(result.notice_id)
        assert notice is not None
        notice.list_fingerprint = list_fingerprint
        self.clear_failure(record.url)
        if result.kind != "unchanged":
            for doc_number in repealed_doc_numbers(record):
                self.mark_repealed(doc_number, notice, now)
            if follow_up_event(notice) is not None:
                link_follow_up(self.session, notice, now)
        return result

    def withdraw_url(self, url: str, now: dt.datetime, reason: str) -> bool:
        """Mark the notice at ``url`` withdrawn (its own URL answers 404/410); False if unknown."""
        notice = self.known_uids([url_uid(url)]).get(url_uid(url))
        if notice is None:
            return False
        self.mark_withdrawn(notice, now, reason)
        return True

    def touch_seen(self, uids: list[str], now: dt.datetime) -> None:
        """Listed again (``last_seen``) without a refetch: one UPDATE, no notice rows loaded."""
        if uids:
            self.session.execute(update(Notice).where(Notice.uid.in_(uids)).values(last_seen=now))

    def mark_withdrawn(self, notice: Notice, now: dt.datetime, reason: str) -> None:
        if notice.status == "withdrawn":
            return
        notice.status = "withdrawn"
        self.session.add(Change(notice_id=notice.id, kind="withdrawn", version=notice.version,
                                detected_at=now, detail=reason))

    def mark_repealed(self, doc_number: str, by: Notice, now: dt.datetime) -> list[Notice]:
        targets = list(self.session.scalars(
            select(Notice).where(Notice.doc_number == doc_number, Notice.id != by.id,
                                 Notice.status != "repealed")))
        for target in targets:
            target.status = "repealed"
            self.session.add(Change(notice_id=target.id, kind="repealed", version=target.version,
                                    detected_at=now, detail=f"{by.title}（{by.doc_number or ''}）"))
        return targets

    def _apply(self, notice: Notice, record: NoticeRecord) -> None:
        notice.title = record.title
        notice.doc_number = record.doc_number
        notice.doc_number_raw = record.doc_number_raw
        notice.issuers = list(record.issuers)
        notice.written_date = record.written_date
        notice.published_date = record.published_date
        notice.body = record.body
        notice.topics = list(record.topics)
        notice.events = [dict(e) for e in record.events]

    def _add_version(self, notice: Notice, record: NoticeRecord, now: dt.datetime) -> None:
        self.session.add(NoticeVersion(notice_id=notice.id, version=notice.version, title=record.title,
                                       body=record.body, attachments=_attachments_json(record),
                                       content_hash=notice.content_hash, fetched_at=now))

    def _replace_attachments(self, notice: Notice, record: NoticeRecord) -> None:
        existing = {a.url: a for a in self.session.scalars(
            select(AttachmentRow).where(AttachmentRow.notice_id == notice.id))}
        wanted = {a.url: a for a in record.attachments}
        for url, row in existing.items():
            if url not in wanted:
                self.session.delete(row)
        for url, att in wanted.items():
            if url in existing:
                existing[url].name = att.name
            else:
                self.session.add(AttachmentRow(notice_id=notice.id, name=att.name, url=url))

    # -- fetch failures ----------------------------------------------------------
    def failure_blocks(self, uid: str, now: dt.datetime) -> bool:
        row = self.session.scalar(select(FetchFailure).where(FetchFailure.uid == uid))
        return row is not None and row.next_retry_at > now

    def record_failure(self, url: str, source: str, channel: str, reason: str, now: dt.datetime) -> None:
        uid = url_uid(url)
        row = self.session.scalar(select(FetchFailure).where(FetchFailure.uid == uid))
        if row is None:
            row = FetchFailure(uid=uid, url=url, source=source, channel=channel, reason=reason, attempts=0,
                               first_failed=now, next_retry_at=now)
            self.session.add(row)
        row.attempts += 1
        row.reason = reason
        # Permanent failures back off from 6 hours to 4 days; not every poll.
        hours = min(6 * 2 ** (row.attempts - 1), 96)
        row.next_retry_at = now + dt.timedelta(hours=hours)

    def clear_failure(self, url: str) -> None:
        row = self.session.scalar(select(FetchFailure).where(FetchFailure.uid == url_uid(url)))
        if row is not None:
            self.session.delete(row)

    # -- crawl runs ----------------------------------------------------------------
    def add_run(self, run: CrawlRun) -> CrawlRun:
        self.session.add(run)
        self.session.flush()
        return run

    def has_history(self, source: str, channel: str) -> bool:
        count = self.session.scalar(select(func.count()).select_from(CrawlRun).where(
            CrawlRun.source == source, CrawlRun.channel == channel,
            CrawlRun.status.in_(["ok", "partial"])))
        return bool(count)

    def recent_runs(self, source: str, channel: str, limit: int = 20) -> list[CrawlRun]:
        return list(self.session.scalars(
            select(CrawlRun).where(CrawlRun.source == source, CrawlRun.channel == channel)
            .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc()).limit(limit)))

    def export_rows(self, batch: int = 500) -> Iterator[dict[str, Any]]:
        """Every notice as `notice_to_json`, in id order, ``batch`` notices in memory at a time.

        Keyset pages (``id > last ORDER BY id LIMIT batch``) rather than one result set: constant
        memory on both backends without a server-side cursor, and no transaction held open for the
        whole export on PostgreSQL."""
        last = 0
        while True:
            notices = list(self.session.scalars(select(Notice).where(Notice.id > last).order_by(Notice.id)
                                                .limit(batch)))
            if not notices:
                return
            atts = self.attachments_of([n.id for n in notices])
            for notice in notices:
                yield notice_to_json(notice, atts[notice.id])
                for obj in (notice, *atts[notice.id]):  # nothing of the page stays in the session
                    self.session.expunge(obj)
            last = notices[-1].id

    def attachments_of(self, notice_ids: list[int]) -> dict[int, list[AttachmentRow]]:
        out: dict[int, list[AttachmentRow]] = {i: [] for i in notice_ids}
        if not notice_ids:
            return out
        for row in self.session.scalars(select(AttachmentRow).where(AttachmentRow.notice_id.in_(notice_ids))
                                        .order_by(AttachmentRow.id)):
            out[row.notice_id].append(row)
        return out


def notice_to_json(notice: Notice, attachments: list[AttachmentRow]) -> dict[str, Any]:
    return {
        "url": notice.url,
        "source": notice.source,
        "channel": notice.channel,
        "title": notice.title,
        "doc_number": notice.doc_number,
        "issuers": list(notice.issuers or []),
        "written_date": notice.written_date.isoformat() if notice.written_date else None,
        "published_date": notice.published_date.isoformat() if notice.published_date else None,
        "body": notice.body,
        "attachments": [{"name": a.name, "url": a.url} for a in attachments],
        "topics": list(notice.topics or []),
        "events": list(notice.events or []),
        "status": notice.status,
        "first_seen": notice.first_seen.isoformat(),
        "last_seen": notice.last_seen.isoformat(),
        "version": notice.version,
    }
