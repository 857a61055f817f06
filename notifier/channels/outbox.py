"""Write each digest to a directory instead of sending it (dry runs, archives, debugging).

Per digest three files share one stem, ``{created:%Y%m%dT%H%M%S%z}-{digest_id}`` (the digest's
creation time in China time, with its offset, e.g. ``20261203T142621+0800``, so a file name never
reads as UTC):
``.eml`` (the complete e-mail, openable in any mail client), ``.md`` and ``.html``.
Each is written atomically (temp file + rename). The stem depends only on the
digest, so re-sending a digest overwrites its files instead of adding copies.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from notifier.channels.base import SendResult, atomic_write, ensure_directory, log
from notifier.channels.email import build_email_message
from notifier.digest import Digest
from notifier.render import render_html, render_markdown

_FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
DEFAULT_SENDER = "policywatch <policywatch@policywatch.local>"
DEFAULT_RECIPIENT = "outbox@policywatch.local"


def outbox_stem(digest: Digest) -> str:
    """File-name stem for a digest; unsafe characters in the id are replaced and a short
    hash of the original id keeps distinct ids apart."""
    safe = _FILENAME_UNSAFE.sub("-", digest.digest_id).strip(".-") or "digest"
    if safe != digest.digest_id:
        safe += "-" + hashlib.sha1(digest.digest_id.encode("utf-8")).hexdigest()[:10]
    return f"{digest.created_at:%Y%m%dT%H%M%S%z}-{safe[:120]}"


class OutboxChannel:
    kind = "outbox"

    def __init__(
        self,
        directory: str | os.PathLike[str],
        sender: str = DEFAULT_SENDER,
        recipient: str = DEFAULT_RECIPIENT,
    ) -> None:
        self.directory = ensure_directory(directory)
        self.sender = sender
        self.recipient = recipient

    def __repr__(self) -> str:
        return f"OutboxChannel(directory={str(self.directory)!r})"

    def paths(self, digest: Digest) -> dict[str, Path]:
        stem = outbox_stem(digest)
        return {ext: self.directory / f"{stem}.{ext}" for ext in ("eml", "md", "html")}

    def send(self, digest: Digest) -> SendResult:
        # Date = created_at, not "now": the .eml of a digest must be byte-identical on resend.
        message = build_email_message(digest, self.sender, self.recipient, digest.created_at)
        contents = {
            "eml": message.as_bytes(),
            "md": render_markdown(digest).encode("utf-8"),
            "html": render_html(digest).encode("utf-8"),
        }
        paths = self.paths(digest)
        try:
            for ext, data in contents.items():
                atomic_write(paths[ext], data)
        except OSError as exc:
            detail = f"outbox: cannot write {paths['eml'].name}: {exc.strerror or exc}"
            log.warning(detail)
            return SendResult(False, True, detail)
        return SendResult(True, False, f"outbox: wrote {paths['eml']}", 1)
