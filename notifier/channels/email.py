"""E-mail digests over SMTP (stdlib `smtplib` + `email.message.EmailMessage`).

Setup: any SMTP relay works. For QQ Mail / 163 the password is the 授权码 (an
app-specific code from the mailbox settings), not the login password; QQ uses
`smtp.qq.com:465` with `security="ssl"`, most relays `587` with `"starttls"`.

The message is multipart/alternative (text/plain first, text/html last, so the
HTML part is preferred), carries RFC 2369/8058 `List-Unsubscribe` headers, RFC
3834 `Auto-Submitted`, and a Message-ID derived from the digest id so a resend is
recognisably the same message.

Connections: one notify run sends many digests through the same relay. Opening a connection costs
a TCP handshake, TLS and AUTH (and relays such as QQ/163 throttle logins), so channels built with a
shared `SmtpSessions` hand their connection back after a message and the next digest for the same
relay and account reuses it. A connection idle for more than a moment is checked with NOOP first: a
relay that dropped it while idle costs a reconnect, never an ambiguous half-sent message. Any error
during a send closes that connection; the ledger decides about retrying the digest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import smtplib
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

from notifier.channels.base import SendResult, log, mask, redact, require
from notifier.digest import Digest, digest_subject
from notifier.render import render_html, render_text, safe_url

SECURITY_MODES = ("none", "starttls", "ssl")
# Mail filters (and the ops tests) tell notice digests from ops alerts by this header.
_ID_HEADER = {"notices": "X-Policywatch-Digest-Id", "ops": "X-Policywatch-Alert-Id"}
_MSGID_UNSAFE = re.compile(r"[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _address(value: str, what: str) -> str:
    """Validate an e-mail address (optionally "Name <addr>") and return it unchanged."""
    _, addr = parseaddr(value or "")
    local, _, domain = addr.rpartition("@")
    ok = bool(local) and "." in domain and not any(c in value for c in "\r\n")
    if ok:
        try:
            Address(addr_spec=addr)
        except (ValueError, IndexError):
            ok = False
    require(ok, f"{what} is not an e-mail address")
    return value


def sender_domain(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2].lower()


def message_id(digest_id: str, domain: str) -> str:
    """`<{digest_id}@{domain}>`; characters not allowed in a Message-ID are replaced and a
    short hash of the original id keeps distinct ids distinct."""
    local = _MSGID_UNSAFE.sub("-", digest_id).strip(".") or "digest"
    if local != digest_id:
        local += "." + hashlib.sha1(digest_id.encode("utf-8")).hexdigest()[:10]
    return f"<{local}@{domain}>"


def _one_line(text: str) -> str:
    # Header values must not contain CR/LF (header injection); fold all whitespace.
    return " ".join(text.split())


def _unsubscribe_headers(msg: EmailMessage, digest: Digest) -> None:
    url = safe_url(digest.unsubscribe_url)
    mailto = digest.unsubscribe_mailto
    mailto = _one_line(mailto) if mailto and mailto.lower().startswith("mailto:") else None
    targets = [f"<{t}>" for t in (url if url and url.startswith("https://") else None, mailto) if t]
    if targets:
        msg["List-Unsubscribe"] = ", ".join(targets)
    if url and url.startswith("https://"):
        # RFC 8058 one-click: only valid with an https URL that accepts a cookie-less POST.
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"


def build_email_message(
    digest: Digest, sender: str, recipient: str, date: dt.datetime | None = None
) -> EmailMessage:
    """The complete digest e-mail (also what the outbox stores as .eml)."""
    domain = sender_domain(sender)
    msg = EmailMessage()
    msg["Subject"] = _one_line(digest_subject(digest))  # non-ASCII → RFC 2047 by the policy
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = format_datetime(date or digest.created_at)
    msg["Message-ID"] = message_id(digest.digest_id, domain)
    msg["Auto-Submitted"] = "auto-generated"
    msg["List-Id"] = f"<subscription-{digest.subscription_id}.policywatch.{domain}>"
    msg[_ID_HEADER[digest.kind]] = _one_line(digest.digest_id)
    _unsubscribe_headers(msg, digest)
    msg.set_content(render_text(digest), charset="utf-8")
    msg.add_alternative(render_html(digest), subtype="html", charset="utf-8")
    # A boundary derived from the id keeps the message byte-identical on rebuild
    # (the outbox relies on that); "=_" cannot occur in base64 or quoted-printable.
    msg.set_boundary("=_pw_" + hashlib.sha1(digest.digest_id.encode("utf-8")).hexdigest())
    return msg


@dataclass
class _Connection:
    smtp: smtplib.SMTP
    opened: float
    idle_since: float = 0.0
    sent: int = 0


@dataclass
class SmtpSessions:
    """Open SMTP connections kept between messages of one notify run (thread-safe).

    A connection is reused for at most ``max_messages`` messages (relays cap messages per session:
    QQ Mail and Exchange at 100 by default), at most ``max_age`` seconds after it was opened, and only
    if it has been idle less than ``max_idle`` seconds (relays drop idle sessions after 60-300 s);
    one idle longer than ``probe_after`` seconds is checked with NOOP first (catching the relays that
    dropped it sooner). `close()` ends every idle connection: the run calls it
    when its sends are done. Two threads never share a connection: `take` hands each out to one.
    """

    max_messages: int = 100
    max_age: float = 600.0
    max_idle: float = 50.0
    probe_after: float = 2.0  # idle seconds after which a connection is checked with NOOP before use
    clock: Callable[[], float] = time.monotonic
    opened: int = 0  # connections opened through this pool (the benchmark and the tests read it)
    _idle: dict[tuple[object, ...], list[_Connection]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: tuple[object, ...]) -> _Connection | None:
        """A live idle connection for this relay and account, or None."""
        while True:
            with self._lock:
                pool = self._idle.get(key)
                conn = pool.pop() if pool else None
            if conn is None:
                return None
            idle = self.clock() - conn.idle_since
            # Back-to-back messages skip the NOOP: a relay does not drop a session it answered a
            # moment ago, and if it did, MAIL FROM fails before any data (retryable, never a duplicate).
            if idle <= self.max_idle and (idle < self.probe_after or _alive(conn.smtp)):
                return conn
            _close_quietly(conn.smtp)

    def put(self, key: tuple[object, ...], conn: _Connection) -> None:
        """Hand a connection back after a successful message; worn-out ones are closed."""
        now = self.clock()
        if conn.sent >= self.max_messages or now - conn.opened >= self.max_age:
            _close_quietly(conn.smtp)
            return
        conn.idle_since = now
        with self._lock:
            self._idle.setdefault(key, []).append(conn)

    def opening(self) -> float:
        """Count a new connection; its opening time."""
        with self._lock:
            self.opened += 1
        return self.clock()

    def close(self) -> None:
        with self._lock:
            conns = [c for pool in self._idle.values() for c in pool]
            self._idle.clear()
        for conn in conns:
            _close_quietly(conn.smtp)


def _alive(smtp: smtplib.SMTP) -> bool:
    try:
        return smtp.noop()[0] == 250
    except (smtplib.SMTPException, OSError):
        return False


class EmailChannel:
    """Send each digest as one e-mail to one recipient."""

    kind = "email"

    def __init__(
        self,
        host: str,
        port: int,
        username: str | None,
        password: str | None,
        security: str,
        sender: str,
        recipient: str,
        timeout: float = 30.0,
        *,
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], dt.datetime] = _now,
        allow_plaintext_auth: bool = False,
        sessions: SmtpSessions | None = None,
    ) -> None:
        require(bool(host) and isinstance(host, str), "smtp host is required")
        require(isinstance(port, int) and 0 < port < 65536, "smtp port must be 1-65535")
        require(security in SECURITY_MODES, f"smtp security must be one of {SECURITY_MODES}")
        require(bool(username) == bool(password), "smtp username and password go together")
        # smtplib encodes AUTH credentials as ASCII and would crash mid-send otherwise.
        require((username or "").isascii() and (password or "").isascii(), "smtp credentials must be ASCII")
        require(timeout > 0, "smtp timeout must be positive")
        # AUTH PLAIN/LOGIN is base64, not encryption: without TLS anyone on the path reads the password.
        require(
            security != "none" or not username or allow_plaintext_auth,
            'smtp security "none" would send the password in cleartext; use "starttls" or "ssl", '
            "or set [smtp] allow_plaintext_auth = true for a trusted local relay",
        )
        self.host, self.port, self.security, self.timeout = host, port, security, float(timeout)
        self.username = username or None
        self._password = password or None
        self.sender = _address(sender, "smtp sender")
        self.recipient = _address(recipient, "recipient")
        self._ssl_context = ssl_context
        self._clock = clock
        self._sessions = sessions
        # What makes a connection reusable for this channel: same relay, same TLS mode and trust, same
        # account. The password is part of it so a changed password never rides an old login.
        self._session_key: tuple[object, ...] = (host, port, security, id(ssl_context), self.username,
                                                 self._password)

    def __repr__(self) -> str:
        return (
            f"EmailChannel(host={self.host!r}, port={self.port}, security={self.security!r}, "
            f"username={self.username!r}, password={mask(self._password or '')}, "
            f"sender={self.sender!r}, recipient={self.recipient!r})"
        )

    def build_message(self, digest: Digest) -> EmailMessage:
        return build_email_message(digest, self.sender, self.recipient, self._clock())

    def send(self, digest: Digest) -> SendResult:
        return self.send_message(self.build_message(digest))

    def send_message(self, msg: EmailMessage) -> SendResult:
        """Deliver a ready message over this channel's transport (TLS, auth, error classification)."""
        try:
            refused = self._deliver(msg)
        except (smtplib.SMTPException, OSError) as exc:  # ssl.SSLError is an OSError
            result = self._failure(exc)
            log.warning("email to %s failed: %s", self.recipient, result.detail)
            return result
        if refused:
            return SendResult(False, False, f"email: recipient refused: {sorted(refused)}")
        return SendResult(True, False, f"email: sent {msg['Message-ID']} to {self.recipient}", 1)

    def _context(self) -> ssl.SSLContext:
        return self._ssl_context or ssl.create_default_context()

    def _connect(self) -> smtplib.SMTP:
        if self.security == "ssl":
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self._context())
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _open(self) -> smtplib.SMTP:
        smtp = self._connect()
        try:
            smtp.ehlo()
            if self.security == "starttls":
                smtp.starttls(context=self._context())
                smtp.ehlo()
            if self.username and self._password:
                smtp.login(self.username, self._password)
        except BaseException:
            _close_quietly(smtp)
            raise
        return smtp

    def _deliver(self, msg: EmailMessage) -> dict[str, tuple[int, bytes]]:
        sessions = self._sessions
        if sessions is None:
            smtp = self._open()
            try:
                return smtp.send_message(msg)
            finally:
                _close_quietly(smtp)
        conn = sessions.take(self._session_key)
        if conn is None:
            opened = sessions.opening()
            conn = _Connection(self._open(), opened)
        try:
            refused = conn.smtp.send_message(msg)
        except BaseException:
            _close_quietly(conn.smtp)  # its state is unknown: never reuse it
            raise
        conn.sent += 1
        sessions.put(self._session_key, conn)
        return refused

    def _failure(self, exc: BaseException) -> SendResult:
        retryable, what = classify_smtp_error(exc)
        detail = redact(f"email: {what}: {type(exc).__name__}: {exc}", [self._password, self.username])
        return SendResult(False, retryable, detail)


def _close_quietly(smtp: smtplib.SMTP) -> None:
    # The message is already accepted when QUIT fails; reporting that as a failure
    # would make the caller resend a delivered digest.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def classify_smtp_error(exc: BaseException) -> tuple[bool, str]:
    """(retryable, short reason) for an exception raised while talking SMTP."""
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return False, "authentication failed"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return all(400 <= c < 500 for c in codes), "recipient refused"
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500, f"server replied {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return False, "server lacks a required extension (STARTTLS/AUTH)"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return False, "TLS certificate not trusted"
    return True, "transport error"
