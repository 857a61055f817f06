"""A static Atom feed per subscription (or per topic), for feed readers and for
people who would rather not get e-mail.

``{directory}/feed-{feed_id}.xml`` holds the newest `max_entries` items; a
sidecar ``feed-{feed_id}.json`` keeps the entries as data so each send merges new
items in without parsing XML back. Both are written atomically under an
exclusive ``flock`` so two senders cannot lose each other's entries.
Serve the directory with any static web server; `self_url` is its public URL.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from notifier.channels.base import SendResult, atomic_write, ensure_directory, log, require
from notifier.digest import Digest, DigestItem
from notifier.render import AtomEntry, atom_entry_id, render_atom

_FEED_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_feed_id(value: str) -> bool:
    """A feed name: letters, digits, '-' and '_' (it becomes a file name and a URL path segment)."""
    return bool(_FEED_ID.fullmatch(value))  # fullmatch: `$` would allow a trailing newline


def feed_file(directory: Path, feed_id: str) -> Path:
    """Where the feed ``feed_id`` is written (and `policywatch web` serves it from)."""
    return directory / f"feed-{feed_id}.xml"
FEED_MODE = 0o644


class AtomFeedChannel:
    kind = "atom"

    def __init__(
        self,
        directory: str | os.PathLike[str],
        feed_id: str,
        title: str,
        self_url: str,
        max_entries: int = 100,
    ) -> None:
        require(
            isinstance(feed_id, str) and is_feed_id(feed_id),
            "atom feed_id must match [A-Za-z0-9_-]{1,64}",
        )
        # file:// is allowed when no public URL is configured; the renderer then omits the self link.
        require(self_url.startswith(("http://", "https://", "file:///")),
                "atom self_url must be an http(s) URL or a file:/// URI")
        require(max_entries >= 1, "atom max_entries must be >= 1")
        self.directory = ensure_directory(directory)
        self.feed_id, self.title, self.self_url = feed_id, title, self_url
        self.max_entries = max_entries

    def __repr__(self) -> str:
        return f"AtomFeedChannel(directory={str(self.directory)!r}, feed_id={self.feed_id!r})"

    @property
    def feed_path(self) -> Path:
        return feed_file(self.directory, self.feed_id)

    @property
    def state_path(self) -> Path:
        return self.directory / f"feed-{self.feed_id}.json"

    def send(self, digest: Digest) -> SendResult:
        try:
            with self._locked():
                entries = merge_entries(self._load(), digest, self.max_entries)
                self._save(entries, digest.created_at)
        except (OSError, ValueError) as exc:
            detail = f"atom {self.feed_id}: cannot update feed: {exc}"
            log.warning(detail)
            return SendResult(False, True, detail)
        return SendResult(True, False, f"atom {self.feed_id}: {len(entries)} entries", 1)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self.directory / f"feed-{self.feed_id}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _load(self) -> list[AtomEntry]:
        if not self.state_path.exists():
            return []
        rows = json.loads(self.state_path.read_text(encoding="utf-8"))
        return [
            AtomEntry(DigestItem.from_json(r["item"]), dt.datetime.fromisoformat(r["updated"])) for r in rows
        ]

    def _save(self, entries: list[AtomEntry], fallback: dt.datetime) -> None:
        rows: list[dict[str, Any]] = [
            {"item": e.item.to_json(), "updated": e.updated.isoformat()} for e in entries
        ]
        atomic_write(self.state_path, json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"))
        updated = max((e.updated for e in entries), default=fallback)
        feed = render_atom(self.feed_id, self.title, entries, updated, self.self_url)
        # The feed is public by design: a web server running as another user must be able to read it.
        atomic_write(self.feed_path, feed, mode=FEED_MODE)


def merge_entries(existing: list[AtomEntry], digest: Digest, limit: int) -> list[AtomEntry]:
    """Merge the digest's items in; newest first; keep `limit`.

    An item whose entry id is already present refreshes the entry's data but keeps
    its first-seen time, so resends never resurface old entries in feed readers.
    """
    by_id = {atom_entry_id(e.item): e for e in existing}
    for item in digest.items:
        key = atom_entry_id(item)
        seen = by_id[key].updated if key in by_id else digest.created_at
        by_id[key] = AtomEntry(item, seen)
    ordered = sorted(by_id.values(), key=lambda e: (e.updated, e.item.notice_id), reverse=True)
    return ordered[:limit]
