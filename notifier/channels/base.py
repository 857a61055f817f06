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
from typing import Any, Protocol, runtime_checkable

import requests

from notifier.digest import Digest
from policywatch.errors import ConfigError

log = logging.getLogger("policywatch.notifier")

# (connect, read) seconds for every push API call.
DEFAULT_HTTP_TIMEOUT = (5.0, 20.0)
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


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temp file in the same directory + fsync + rename.

    Readers see either the old file or the new one, never a half-written file.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
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


@dataclass(frozen=True)
class HttpReply:
    """What a push API answered, or why there was no answer."""

    status: int | None  # None: no HTTP response (connection error, timeout)
    payload: Any  # parsed JSON, or None
    error: str  # transport/parse problem, already redacted; "" when fine


def post(
    session: requests.Session,
    url: str,
    *,
    secrets: Iterable[str | None],
    timeout: tuple[float, float],
    json: Any = None,
    data: Any = None,
) -> HttpReply:
    """POST and parse a JSON reply; never raises for transport or JSON errors."""
    secrets = tuple(secrets)
    try:
        response = session.post(url, json=json, data=data, timeout=timeout)
    except requests.RequestException as exc:
        # requests puts the full URL (with the key) into exception messages.
        return HttpReply(None, None, redact(f"{type(exc).__name__}: {exc}", secrets))
    try:
        payload = response.json()
    except ValueError:
        payload = None
    return HttpReply(response.status_code, payload, "")


def http_failure(reply: HttpReply, service: str, sent: int = 0) -> SendResult | None:
    """Map a transport failure or a non-2xx status to a SendResult; None if HTTP looks fine."""
    if reply.status is None:
        return SendResult(False, True, f"{service}: {reply.error}", sent)
    if reply.status == 429 or reply.status >= 500:
        return SendResult(False, True, f"{service}: HTTP {reply.status}", sent)
    if reply.status >= 400:
        return SendResult(False, False, f"{service}: HTTP {reply.status} (rejected)", sent)
    if not (200 <= reply.status < 300):
        return SendResult(False, False, f"{service}: unexpected HTTP {reply.status}", sent)
    return None


def new_session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    return session


def mask(secret: str) -> str:
    """What `repr()` shows for a secret: only that one is set."""
    return "***" if secret else "''"
