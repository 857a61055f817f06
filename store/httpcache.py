"""The HTTP cache's entries in the archive: the conditional-request validators and the page they validate.

Scrapy's cache storage (``crawler.cache.ArchiveCacheStorage``) is the only writer; this module knows
nothing of Scrapy. An entry is one row, written by one statement in one transaction: a worker killed
mid-write leaves the previous row or none, never a new ETag beside an old body. Two workers storing
the same URL at once both succeed (``INSERT … ON CONFLICT DO UPDATE`` on SQLite and PostgreSQL): the
last to commit wins, and either row is a consistent (validators, body) pair.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from store.models import HttpCache

# Headers never kept: a replayed Set-Cookie would overwrite a newer cookie (a challenge clearance)
# with the one of the day the page was first fetched, and cookies are secrets in a shared database.
DROPPED_HEADERS = frozenset({"set-cookie", "set-cookie2"})


@dataclass(frozen=True)
class CachedPage:
    fingerprint: str
    url: str
    status: int
    headers: dict[str, list[str]]  # as received, latin-1 text, minus DROPPED_HEADERS
    body: bytes  # uncompressed
    stored_at: dt.datetime


def _header(headers: dict[str, list[str]], name: str) -> str | None:
    for key, values in headers.items():
        if key.lower() == name and values:
            return values[0]
    return None


def save_page(session: Session, page: CachedPage) -> None:
    """Insert or replace the entry of ``page.fingerprint`` (last writer wins)."""
    headers = {k: list(v) for k, v in page.headers.items() if k.lower() not in DROPPED_HEADERS}
    values: dict[str, Any] = {
        "fingerprint": page.fingerprint, "url": page.url, "status": page.status, "headers": headers,
        "body": zlib.compress(page.body, 6), "body_bytes": len(page.body),
        "etag": _header(headers, "etag"), "last_modified": _header(headers, "last-modified"),
        "stored_at": page.stored_at,
    }
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(HttpCache).values(**values)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[HttpCache.fingerprint],
        set_={k: getattr(stmt.excluded, k) for k in values if k != "fingerprint"}))


def load_page(session: Session, fingerprint: str) -> CachedPage | None:
    row = session.execute(select(HttpCache.url, HttpCache.status, HttpCache.headers, HttpCache.body,
                                 HttpCache.stored_at).where(HttpCache.fingerprint == fingerprint)).first()
    if row is None:
        return None
    return CachedPage(fingerprint, row.url, row.status, dict(row.headers), zlib.decompress(row.body),
                      row.stored_at)


def forget_page(session: Session, fingerprint: str) -> None:
    session.execute(delete(HttpCache).where(HttpCache.fingerprint == fingerprint))


def prune(session: Session, stored_before: dt.datetime) -> int:
    """Drop entries not stored (nor revalidated: a 304 stores the entry again) since ``stored_before``."""
    return session.execute(delete(HttpCache).where(HttpCache.stored_at < stored_before)).rowcount  # type: ignore[attr-defined]
