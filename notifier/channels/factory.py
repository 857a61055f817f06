"""Build a channel from a subscription's target spec (explicit map, no registration magic)."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

from notifier.channels.atom import AtomFeedChannel
from notifier.channels.base import Channel, require
from notifier.channels.email import EmailChannel, SmtpSessions
from notifier.channels.http import HttpTransport
from notifier.channels.outbox import OutboxChannel
from notifier.channels.pacing import SlidingWindowPacer
from notifier.channels.pushplus import DEFAULT_BASE_URL as PUSHPLUS_URL
from notifier.channels.pushplus import PushPlusChannel
from notifier.channels.serverchan import DEFAULT_BASE_URL as SERVERCHAN_URL
from notifier.channels.serverchan import ServerChanChannel
from notifier.channels.webhook import WebhookChannel
from notifier.channels.wecom import DEFAULT_BASE_URL as WECOM_URL
from notifier.channels.wecom import WeComBotChannel
from policywatch.errors import ConfigError

# Every key `options` may carry; anything else is a typo and fails loudly.
OPTION_KEYS = frozenset(
    {
        "wecom_base_url",  # self-hosted gateway / test server instead of qyapi.weixin.qq.com
        "serverchan_base_url",
        "pushplus_base_url",
        "wecom_pacer",  # a SlidingWindowPacer shared by every channel of this process
        "http_timeout",  # (connect, read) seconds per socket operation
        "http_deadline",  # seconds for a whole push exchange (connect + send + read)
        "webhook_allow_hosts",  # internal hosts/networks push channels may reach ([notify] webhook_allow_hosts)
        "outbox_dir",
        "feed_dir",
        "feed_base_url",  # public URL of feed_dir, for the Atom self link
        "smtp_ssl_context",  # ssl.SSLContext, e.g. trusting a private CA
        "smtp_sessions",  # an email.SmtpSessions shared by the run: one connection per relay, reused
    }
)


class SmtpSettings(Protocol):
    host: str
    port: int
    username: str | None
    password: str | None
    security: str
    sender: str
    timeout: float


def _target(target: Mapping[str, Any], key: str) -> Any:
    value = target.get(key)
    require(bool(value), f"{target.get('kind')} target needs {key!r}")
    return value


def _transport(options: Mapping[str, Any]) -> HttpTransport:
    """The HTTP rules (timeouts, deadline, allow-list) for one push channel."""
    allow = options.get("webhook_allow_hosts", ())
    # A bare string would be read as a list of one-letter host names.
    require(isinstance(allow, list | tuple | set | frozenset), "webhook_allow_hosts must be a list of hosts")
    kwargs: dict[str, Any] = {"allow_hosts": allow}
    if "http_timeout" in options:
        kwargs["timeout"] = tuple(options["http_timeout"])
    if "http_deadline" in options:
        kwargs["deadline"] = float(options["http_deadline"])
    return HttpTransport(**kwargs)


def _http_kwargs(options: Mapping[str, Any]) -> dict[str, Any]:
    return {"transport": _transport(options)}


def _email(target: Mapping[str, Any], smtp: SmtpSettings | None, options: Mapping[str, Any]) -> Channel:
    require(smtp is not None, "email target needs SMTP settings")
    assert smtp is not None
    context = options.get("smtp_ssl_context")
    require(context is None or isinstance(context, ssl.SSLContext), "smtp_ssl_context must be an SSLContext")
    sessions = options.get("smtp_sessions")
    require(sessions is None or isinstance(sessions, SmtpSessions), "smtp_sessions must be an SmtpSessions")
    return EmailChannel(
        smtp.host,
        smtp.port,
        smtp.username,
        smtp.password,
        smtp.security,
        smtp.sender,
        _target(target, "address"),
        smtp.timeout,
        ssl_context=context,
        # Not part of the SmtpSettings protocol so older settings objects keep working; absent = refuse.
        allow_plaintext_auth=bool(getattr(smtp, "allow_plaintext_auth", False)),
        sessions=sessions,
    )


def _wecom(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    pacer = options.get("wecom_pacer")
    require(
        pacer is None or isinstance(pacer, SlidingWindowPacer), "wecom_pacer must be a SlidingWindowPacer"
    )
    return WeComBotChannel(
        _target(target, "key"), options.get("wecom_base_url", WECOM_URL), pacer=pacer, **_http_kwargs(options)
    )


def _serverchan(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    base = options.get("serverchan_base_url", SERVERCHAN_URL)
    return ServerChanChannel(_target(target, "key"), base, **_http_kwargs(options))


def _pushplus(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    base = options.get("pushplus_base_url", PUSHPLUS_URL)
    return PushPlusChannel(_target(target, "token"), base, **_http_kwargs(options))


def _webhook(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    return WebhookChannel(_target(target, "url"), **_http_kwargs(options))


def _outbox(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    directory = str(target.get("directory") or options.get("outbox_dir") or "")
    require(bool(directory), "outbox target needs a directory (target 'directory' or option 'outbox_dir')")
    return OutboxChannel(directory)


def _atom(target: Mapping[str, Any], _smtp: Any, options: Mapping[str, Any]) -> Channel:
    directory = str(target.get("directory") or options.get("feed_dir") or "")
    require(bool(directory), "atom target needs a directory (target 'directory' or option 'feed_dir')")
    feed_id = _target(target, "feed_id")
    base = str(options.get("feed_base_url") or target.get("self_url") or "")
    self_url = base if base.endswith(".xml") else f"{base.rstrip('/')}/feed-{feed_id}.xml"
    return AtomFeedChannel(
        directory, feed_id, target.get("title") or "政策速递", self_url, int(target.get("max_entries", 100))
    )


BUILDERS: dict[str, Callable[[Mapping[str, Any], Any, Mapping[str, Any]], Channel]] = {
    "email": _email,
    "wecom": _wecom,
    "serverchan": _serverchan,
    "pushplus": _pushplus,
    "webhook": _webhook,
    "outbox": _outbox,
    "atom": _atom,
}


def build_channel(
    target: Mapping[str, Any],
    smtp_settings: SmtpSettings | None = None,
    options: Mapping[str, Any] | None = None,
) -> Channel:
    """Build the channel for one target spec, e.g. ``{"kind": "wecom", "key": "…"}``.

    Raises `errors.ConfigError` for an unknown kind, a missing/malformed field or
    an unknown option key; never touches the network.
    """
    options = dict(options or {})
    unknown = set(options) - OPTION_KEYS
    if unknown:
        raise ConfigError(f"unknown channel option(s): {sorted(unknown)}")
    if not isinstance(target, Mapping):
        raise ConfigError("channel target must be a mapping with a 'kind'")
    builder = BUILDERS.get(str(target.get("kind")))
    if builder is None:
        raise ConfigError(f"unknown channel kind {target.get('kind')!r}; known: {sorted(BUILDERS)}")
    return builder(target, smtp_settings, options)


_BASE_URL_DEFAULTS = {"wecom": WECOM_URL, "serverchan": SERVERCHAN_URL, "pushplus": PUSHPLUS_URL}


def _origin(url: str) -> str:
    """scheme://host:port of a URL: never its path or query, which may carry a key."""
    parts = urlsplit(url)
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:  # a malformed port: the channel will refuse the URL; the queue needs only a name
        port = ":?"
    return f"{parts.scheme}://{parts.hostname or '?'}{port}"


def channel_endpoint(target: Mapping[str, Any], smtp_settings: SmtpSettings | None = None,
                     options: Mapping[str, Any] | None = None) -> str:
    """The relay or host a target's messages go through, e.g. ``smtp://mail.example.org:587``.

    notifier.dispatch queues messages, limits concurrency and keeps a circuit breaker per endpoint,
    so one hung relay holds up only the messages that have to go through it. Never contains secrets:
    it appears in reports and logs."""
    options = options or {}
    kind = str(target.get("kind"))
    if kind == "email":
        return f"smtp://{smtp_settings.host}:{smtp_settings.port}" if smtp_settings else "smtp://?"
    if kind == "webhook":
        return _origin(str(target.get("url") or ""))
    if kind in _BASE_URL_DEFAULTS:
        return _origin(str(options.get(f"{kind}_base_url") or _BASE_URL_DEFAULTS[kind]))
    folder = target.get("directory") or options.get("feed_dir" if kind == "atom" else "outbox_dir") or ""
    return f"{kind}:{folder}"  # local files: one queue per folder
