"""The one interface every delivery channel implements, plus small shared helpers.

Contract (Apprise's, see docs/channels.md):
- bad configuration raises `errors.ConfigError` in the constructor;
- `send()` returns a `SendResult` and never raises on transport errors;
- secrets never appear in `repr()`, `SendResult.detail` or log records.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from notifier.digest import Digest
from policywatch.errors import ConfigError

log = logging.getLogger("policywatch.notifier")

USER_AGENT = "policywatch-notifier/1"


@dataclass(frozen=True)
class SendResult:
    ok: bool
    retryable: bool  # transport errors / rate limits → True; bad key / rejected → False
    detail: str  # human-readable, never contains secrets
    messages_sent: int = 0
    # On a partial failure of a chunked channel (WeCom): indices into digest.items whose messages
    # were acknowledged. The ledger marks those sent, so a retry carries only the rest.
    delivered_items: tuple[int, ...] = ()


@runtime_checkable
class Channel(Protocol):
    kind: str  # "email", "wecom", "serverchan", "pushplus", "webhook", "outbox", "atom"

    def send(self, digest: Digest) -> SendResult: ...


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every occurrence of each secret in `text` with "***"."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


def require(condition: bool, message: str) -> None:
    """Raise ConfigError(message) unless `condition` holds (constructor validation)."""
    if not condition:
        raise ConfigError(message)


def atomic_write(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write `data` to `path` via a temp file in the same directory + fsync + rename.

    Readers see either the old file or the new one, never a half-written file. The temp file
    is created 0600 (`mkstemp`); `mode` sets the final permissions before the rename, so a
    file meant for others (an Atom feed a web server serves) is never visible with the wrong ones.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def ensure_directory(directory: str | os.PathLike[str]) -> Path:
    """Create `directory` if needed; a path that cannot be a directory is a config error."""
    path = Path(directory)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot use {path} as a directory: {exc.strerror}") from exc
    return path


def mask(secret: str) -> str:
    """What `repr()` shows for a secret: only that one is set."""
    return "***" if secret else "''"
