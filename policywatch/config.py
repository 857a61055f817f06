"""One typed settings object, loaded once.

Precedence, lowest to highest: built-in defaults < TOML file (``--config FILE`` or
``POLICYWATCH_CONFIG``) < environment variables (``POLICYWATCH_*``) < command-line flags.
Every key is documented in ``docs/config.md`` and in the file ``policywatch init`` writes.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from policywatch.errors import ConfigError

ENV_PREFIX = "POLICYWATCH_"
DEFAULT_USER_AGENT = "policywatch/0.1 (+https://github.com/policywatch/policywatch; policy-change monitor)"


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = ""  # empty: SQLite file in data_dir


@dataclass(frozen=True)
class OutboxSettings:
    dir: str = ""  # empty: <data_dir>/outbox


@dataclass(frozen=True)
class CrawlSettings:
    user_agent: str = DEFAULT_USER_AGENT
    download_delay: float = 2.0
    concurrent_per_host: int = 1
    timeout: float = 30.0
    retries: int = 2
    max_page_bytes: int = 10 * 1024 * 1024
    max_attachment_bytes: int = 50 * 1024 * 1024
    # Attachment text is extracted in a child process under these limits (crawler/sandbox.py).
    attachment_cpu_seconds: int = 20
    attachment_memory_mb: int = 1024
    attachment_timeout: float = 60.0
    attachment_max_chars: int = 200_000
    obey_robots: bool = True
    autothrottle: bool = True
    http_cache: bool = True
    # Where the HTTP cache's entries (validators + page) live: "archive" (the http_cache table: every
    # crawl worker revalidates what any other fetched) or "folder" (<data_dir>/httpcache, one machine).
    http_cache_store: str = "archive"
    max_pages: int = 3
    backfill_pages: int = 5
    recheck_hours: float = 72.0
    # The mainland egress for the channels the registry marks geo-fenced (needs_egress) only; other
    # channels go direct unless [sources.<id>] / [sources.<id>.channels.<cid>] proxy says otherwise.
    proxy: str = ""


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    username: str = ""
    password: str = field(default="", repr=False)
    security: str = "starttls"  # "none" | "starttls" | "ssl"
    allow_plaintext_auth: bool = False  # AUTH over security "none" only when explicitly allowed
    sender: str = ""
    timeout: float = 30.0


@dataclass(frozen=True)
class NotifySettings:
    public_url: str = ""  # base URL for one-click unsubscribe links; empty: mailto
    secret: str = field(default="", repr=False)  # signs unsubscribe tokens; generated if empty
    # A failed digest is retried (backoff 1, 2, 4 ... min, at most 6 h apart) for retry_days of
    # attempts, then it is dead: an ops alert and a `status --check` failure until requeued.
    retry_days: float = 7.0
    max_attempts: int = 0  # also give up after this many attempts; 0: only retry_days decides
    lease_seconds: float = 600.0  # a claimed digest is another sender's to resend only after this
    workers: int = 8  # messages sent at once, over all channels
    per_endpoint: int = 2  # messages sent at once through one SMTP relay / API host / webhook host
    breaker_failures: int = 3  # transport failures in a row that open an endpoint's circuit breaker
    breaker_cooldown_seconds: float = 300.0  # how long an open breaker skips its endpoint
    # Internal hosts, IPs or CIDR networks push channels may reach (intranet webhooks); others must be public.
    webhook_allow_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Checked here rather than in _validate: every way of setting a key goes through replace().
        # The upper bound keeps durations inside what datetime can add (1e309 is a valid TOML float).
        for name in ("retry_days", "lease_seconds", "workers", "per_endpoint", "breaker_failures"):
            value = getattr(self, name)
            if not 0 < value <= 1e8:  # also rejects NaN
                raise ConfigError(f"[notify] {name} must be a positive number up to 1e8, not {value!r}")
        for name in ("max_attempts", "breaker_cooldown_seconds"):
            value = getattr(self, name)
            if not 0 <= value <= 1e8:
                raise ConfigError(f"[notify] {name} must be 0 or more (up to 1e8), not {value!r}")


@dataclass(frozen=True)
class WebSettings:
    host: str = "127.0.0.1"  # `policywatch web` listens here; put a TLS reverse proxy in front (docs/deploy.md)
    port: int = 8080
    signup: bool = True  # GET / and POST /subscribe: visitors subscribe themselves (double opt-in)
    signup_per_client_hour: int = 10  # sign-up forms accepted per client IP per hour (then 429)
    signup_per_address_day: int = 3  # confirmation messages per address / push key per 24 h (then none)
    confirm_hours: int = 72  # a confirmation link is valid this long; the unconfirmed sign-up is then deleted

    def __post_init__(self) -> None:
        if not 0 < self.port < 65536:
            raise ConfigError(f"[web] port must be 1-65535, not {self.port!r}")
        for key in ("signup_per_client_hour", "signup_per_address_day", "confirm_hours"):
            if not 1 <= getattr(self, key) <= 100_000:
                raise ConfigError(f"[web] {key} must be 1-100000, not {getattr(self, key)!r}")


# Government sites publish in office hours (China time): poll every 30 min Mon-Fri 08:00-19:00,
# every 3 h otherwise. Crontab strings, OR-ed together; override per source in [sources.<id>].
DEFAULT_POLL_CRON = ("*/30 8-18 * * mon-fri", "0 */3 * * *")


@dataclass(frozen=True)
class ScheduleSettings:
    poll_cron: tuple[str, ...] = DEFAULT_POLL_CRON  # daemon default for every source
    jitter_seconds: int = 120  # spreads polls so sources do not hit at the same second
    notify_seconds: float = 60.0  # how often due digests, retries and alerts are processed
    misfire_grace_seconds: int = 3600  # a slot missed by up to this much still runs (once)


@dataclass(frozen=True)
class AlertSettings:
    error_streak: int = 3  # failed polls in a row before ops hears (blocks/selector errors: at once)
    drop_ratio: float = 0.3  # alert when items seen < ratio x median of the last ok runs
    drop_window: int = 10  # how many ok runs make the median
    silent_factor: float = 3.0  # silent when no new notice for factor x the median publishing gap...
    silent_min_days: float = 7.0  # ...and at least this many days
    silent_min_notices: int = 5  # cadence is learned only from this many notices


@dataclass(frozen=True)
class BrowserSettings:
    """The browser tier (crawler/browser.py): Chromium for JS challenges and JS-built lists."""

    enabled: bool = True  # used when Chromium is present; channels needing it are reported when not
    executable: str = "/usr/bin/chromium"  # the distribution's Chromium; nothing is downloaded
    timeout: float = 30.0  # seconds for a page load or a challenge's rounds


CACHE_STORES = ("archive", "folder")  # [crawl] http_cache_store (crawler/cache.py)
ENGINES = ("local", "procrastinate")  # [engine] kind: who runs the polls (docs/deploy.md)


@dataclass(frozen=True)
class EngineSettings:
    """Who runs the polls: the daemon itself, or crawl workers through procrastinate (policywatch/engine.py)."""

    kind: str = "local"  # "local": `policywatch run` polls and notifies itself; "procrastinate": it defers jobs
    # A worker whose heartbeat is older than this is dead: its running poll/notify is retried elsewhere.
    stall_seconds: float = 60.0
    heartbeat_seconds: float = 10.0  # how often a worker proves it is alive (must be well under stall_seconds)
    stall_check_seconds: float = 15.0  # how often the scheduler looks for the jobs of dead workers


@dataclass(frozen=True)
class Settings:
    data_dir: str = ""
    log_format: str = "text"  # "text" | "json"
    log_level: str = "INFO"
    sources_file: str = ""  # user-defined sources (TOML, crawler/user_sources.py) for every command
    database: DatabaseSettings = field(default_factory=DatabaseSettings)
    outbox: OutboxSettings = field(default_factory=OutboxSettings)
    crawl: CrawlSettings = field(default_factory=CrawlSettings)
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    notify: NotifySettings = field(default_factory=NotifySettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    web: WebSettings = field(default_factory=WebSettings)
    browser: BrowserSettings = field(default_factory=BrowserSettings)
    engine: EngineSettings = field(default_factory=EngineSettings)
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # per-source overrides

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir).expanduser() if self.data_dir else default_data_dir(os.environ)

    @property
    def database_url(self) -> str:
        if self.database.url:
            return self.database.url
        return f"sqlite:///{self.data_path / 'policywatch.sqlite3'}"

    @property
    def outbox_path(self) -> Path:
        return Path(self.outbox.dir).expanduser() if self.outbox.dir else self.data_path / "outbox"

    @property
    def feeds_path(self) -> Path:
        """Atom feeds of `--atom` subscriptions (served by `policywatch web` under /feeds/)."""
        return self.data_path / "feeds"

    @property
    def cache_path(self) -> Path:
        return self.data_path / "httpcache"


def default_data_dir(env: Mapping[str, str]) -> Path:
    xdg = env.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "policywatch"


_SECTIONS: dict[str, type] = {
    "database": DatabaseSettings,
    "outbox": OutboxSettings,
    "crawl": CrawlSettings,
    "smtp": SmtpSettings,
    "notify": NotifySettings,
    "schedule": ScheduleSettings,
    "alerts": AlertSettings,
    "web": WebSettings,
    "browser": BrowserSettings,
    "engine": EngineSettings,
}
_TOP_LEVEL = {"data_dir", "log_format", "log_level", "sources_file"}
# Environment variables that map onto keys; secrets are read only from here or the file.
_ENV_KEYS = {
    "DATA_DIR": ("", "data_dir"),
    "LOG_FORMAT": ("", "log_format"),
    "LOG_LEVEL": ("", "log_level"),
    "SOURCES_FILE": ("", "sources_file"),
    "DATABASE_URL": ("database", "url"),
    "OUTBOX_DIR": ("outbox", "dir"),
    "SMTP_HOST": ("smtp", "host"),
    "SMTP_PORT": ("smtp", "port"),
    "SMTP_USERNAME": ("smtp", "username"),
    "SMTP_PASSWORD": ("smtp", "password"),
    "SMTP_SECURITY": ("smtp", "security"),
    "SMTP_SENDER": ("smtp", "sender"),
    "SMTP_ALLOW_PLAINTEXT_AUTH": ("smtp", "allow_plaintext_auth"),
    "WEBHOOK_ALLOW_HOSTS": ("notify", "webhook_allow_hosts"),
    "PUBLIC_URL": ("notify", "public_url"),
    "WEB_HOST": ("web", "host"),
    "WEB_PORT": ("web", "port"),
    "SECRET": ("notify", "secret"),
    "USER_AGENT": ("crawl", "user_agent"),
    "PROXY": ("crawl", "proxy"),
    "BROWSER_ENABLED": ("browser", "enabled"),
    "BROWSER_EXECUTABLE": ("browser", "executable"),
    "DOWNLOAD_DELAY": ("crawl", "download_delay"),
    "ENGINE": ("engine", "kind"),
}


def _coerce(section: str, key: str, value: Any, target: type) -> Any:
    kinds = {f.name: f.type for f in fields(target)}
    if key not in kinds:
        where = f"[{section}] " if section else ""
        raise ConfigError(f"unknown config key {where}{key!r}; see docs/config.md")
    kind = str(kinds[key])
    try:
        if kind == "bool":
            if isinstance(value, str):
                if value.lower() in {"1", "true", "yes", "on"}:
                    return True
                if value.lower() in {"0", "false", "no", "off"}:
                    return False
                raise ValueError(value)
            return bool(value)
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError(value)
            return int(value)
        if kind == "float":
            if isinstance(value, bool):
                raise ValueError(value)
            return float(value)
        if kind == "tuple[str, ...]":
            # A crontab list; from the environment a ";"-separated string.
            items = value.split(";") if isinstance(value, str) else value
            if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
                raise ValueError(value)
            return tuple(i.strip() for i in items if i.strip())
        if kind == "str":
            if not isinstance(value, str | int | float):
                raise ValueError(value)
            return str(value)
    except (TypeError, ValueError):
        where = f"[{section}] " if section else ""
        raise ConfigError(f"config key {where}{key}: invalid value {value!r} (expected {kind})") from None
    return value


def _apply(settings: Settings, section: str, key: str, value: Any) -> Settings:
    if not section:
        if key not in _TOP_LEVEL:
            raise ConfigError(f"unknown config key {key!r}; see docs/config.md")
        return replace(settings, **{key: _coerce("", key, value, Settings)})
    target = _SECTIONS[section]
    current = getattr(settings, section)
    return replace(settings, **{section: replace(current, **{key: _coerce(section, key, value, target)})})


_SOURCE_NUMBERS = ("max_pages", "max_rechecks", "poll_minutes", "poll_seconds", "download_delay")


def _check_source_overrides(sid: str, table: Any) -> None:
    """Catch bad per-source overrides at load time, not as a crash in the middle of a poll."""
    if not isinstance(table, dict):
        raise ConfigError(f"[sources.{sid}] must be a table")
    for key in _SOURCE_NUMBERS:
        value = table.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ConfigError(f"[sources.{sid}] {key}: invalid value {value!r} (expected a number)")
    if not isinstance(table.get("proxy", ""), str):
        raise ConfigError(f"[sources.{sid}] proxy must be a string")
    channels = table.get("channels", {})
    if not isinstance(channels, dict) or not all(isinstance(t, dict) for t in channels.values()):
        raise ConfigError(f"[sources.{sid}.channels.<id>] must be tables")
    for cid, sub in channels.items():
        unknown = set(sub) - {"proxy"}
        if unknown or not isinstance(sub.get("proxy", ""), str):
            raise ConfigError(f"[sources.{sid}.channels.{cid}]: only proxy (a string) may be set here, "
                              f"not {', '.join(sorted(unknown)) or repr(sub.get('proxy'))}")


def _from_mapping(settings: Settings, data: Mapping[str, Any]) -> Settings:
    for name, value in data.items():
        if name == "sources":
            if not isinstance(value, dict):
                raise ConfigError("[sources] must be a table of per-source tables")
            for sid, table in value.items():
                _check_source_overrides(sid, table)
            settings = replace(settings, sources={**settings.sources, **value})
        elif name in _SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"[{name}] must be a table")
            for key, sub in value.items():
                settings = _apply(settings, name, key, sub)
        else:
            settings = _apply(settings, "", name, value)
    return settings


# Allowed ranges (inclusive) of numeric keys; every other number must be finite and >= 0. Values
# outside them used to surface as tracebacks deep in Scrapy, APScheduler or smtplib.
_RANGES: dict[tuple[str, str], tuple[float, float]] = {
    ("crawl", "download_delay"): (0, 3600),
    ("crawl", "concurrent_per_host"): (1, 64),
    ("crawl", "timeout"): (0.1, 3600),
    ("crawl", "retries"): (0, 50),
    ("crawl", "max_page_bytes"): (1024, 2**30),
    ("crawl", "max_attachment_bytes"): (1024, 2**31),
    ("crawl", "attachment_cpu_seconds"): (1, 3600),
    ("crawl", "attachment_memory_mb"): (32, 65536),
    ("crawl", "attachment_timeout"): (0.1, 3600),
    ("crawl", "attachment_max_chars"): (1, 10**8),
    ("crawl", "max_pages"): (1, 1000),
    ("crawl", "backfill_pages"): (1, 1000),
    ("crawl", "recheck_hours"): (0, 24 * 3660),
    ("smtp", "port"): (1, 65535),
    ("smtp", "timeout"): (0.1, 600),
    ("notify", "max_attempts"): (0, 100_000),  # 0: retry_days alone decides
    ("schedule", "jitter_seconds"): (0, 86_400),
    ("schedule", "notify_seconds"): (0.01, 86_400),
    ("schedule", "misfire_grace_seconds"): (0, 31 * 86_400),
    ("alerts", "error_streak"): (1, 1000),
    ("alerts", "drop_ratio"): (0, 1),
    ("alerts", "drop_window"): (1, 1000),
    ("alerts", "silent_min_notices"): (2, 10_000),
    ("engine", "stall_seconds"): (1, 86_400),
    ("engine", "heartbeat_seconds"): (0.1, 3600),
    ("engine", "stall_check_seconds"): (0.1, 3600),
}
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _check_numbers(settings: Settings) -> None:
    for section, kind in _SECTIONS.items():
        current = getattr(settings, section)
        for f in fields(kind):
            value = getattr(current, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            low, high = _RANGES.get((section, f.name), (0, float("inf")))
            if not math.isfinite(value) or not low <= value <= high:
                bound = f"between {low:g} and {high:g}" if math.isfinite(high) else f"a finite number >= {low:g}"
                raise ConfigError(f"[{section}] {f.name}: invalid value {value!r} (expected {bound})")


def _check_text(settings: Settings) -> None:
    if settings.log_level.upper() not in LOG_LEVELS:
        raise ConfigError(f"log_level must be one of {', '.join(LOG_LEVELS)}, not {settings.log_level!r}")
    for name, value in (("data_dir", settings.data_dir), ("[outbox] dir", settings.outbox.dir)):
        if any(ord(c) < 32 or c == "\x7f" for c in value):
            raise ConfigError(f"{name} must not contain control characters (NUL, newline ...): {value!r}")


def _validate(settings: Settings) -> Settings:
    _check_numbers(settings)
    _check_text(settings)
    if settings.notify.secret and len(settings.notify.secret) < 16:
        raise ConfigError("[notify] secret must be at least 16 characters (it signs unsubscribe links); "
                          "leave it empty to have one generated")
    if settings.smtp.security not in {"none", "starttls", "ssl"}:
        raise ConfigError(f"[smtp] security must be none, starttls or ssl, not {settings.smtp.security!r}")
    if settings.log_format not in {"text", "json"}:
        raise ConfigError(f"log_format must be text or json, not {settings.log_format!r}")
    url = settings.database.url
    if url and not url.startswith(("sqlite", "postgresql")):
        raise ConfigError("[database] url must be a sqlite:/// or postgresql+psycopg:// URL")
    _check_engine(settings.engine)
    if settings.crawl.http_cache_store not in CACHE_STORES:
        raise ConfigError(f"[crawl] http_cache_store must be one of {', '.join(CACHE_STORES)}, "
                          f"not {settings.crawl.http_cache_store!r}")
    return settings


def _check_engine(engine: EngineSettings) -> None:
    if engine.kind not in ENGINES:
        raise ConfigError(f"[engine] kind must be one of {', '.join(ENGINES)}, not {engine.kind!r}")
    if engine.heartbeat_seconds * 2 > engine.stall_seconds:
        # One late heartbeat must not make a live worker look dead and its poll run twice.
        raise ConfigError(f"[engine] heartbeat_seconds ({engine.heartbeat_seconds:g}) must be at most half "
                          f"of stall_seconds ({engine.stall_seconds:g})")


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path}: {exc}") from None
    except UnicodeDecodeError as exc:  # tomllib decodes the bytes as UTF-8 itself
        raise ConfigError(f"config file {path}: must be UTF-8 ({exc.reason})") from None
    except OSError as exc:  # a directory, no permission, ...
        raise ConfigError(f"config file {path}: cannot read: {exc.strerror or exc}") from None
    except RecursionError:
        raise ConfigError(f"config file {path}: nested too deeply") from None


def config_candidates(env: Mapping[str, str], cwd: Path) -> list[Path]:
    """Where the CLI looks for a config file when neither --config nor POLICYWATCH_CONFIG names one."""
    xdg = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".config")
    return [cwd / "policywatch.toml", Path(xdg) / "policywatch" / "config.toml",
            Path("/etc/policywatch/config.toml")]


def find_config(env: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path | None:
    """The first existing file of ``config_candidates``, or None (defaults, env and flags only)."""
    env = os.environ if env is None else env
    return next((p for p in config_candidates(env, cwd or Path.cwd()) if p.is_file()), None)


def load_settings(
    config_file: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Build the settings once: defaults, then the TOML file, then env, then CLI overrides.

    ``overrides`` takes dotted keys (``{"database.url": "..."}``) from command-line flags.
    """
    env = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or env.get(ENV_PREFIX + "CONFIG")
    if path:
        settings = _from_mapping(settings, read_toml(Path(path)))
    for name, (section, key) in _ENV_KEYS.items():
        if ENV_PREFIX + name in env:
            settings = _apply(settings, section, key, env[ENV_PREFIX + name])
    for dotted, value in (overrides or {}).items():
        if value is None:
            continue
        section, _, key = dotted.rpartition(".")
        settings = _apply(settings, section, key, value)
    if not settings.data_dir:
        settings = replace(settings, data_dir=str(default_data_dir(env)))
    return _validate(settings)


# libpq takes the password in the query too: postgresql://host/db?password=...
_QUERY_SECRET = re.compile(r"(?i)([?&][\w-]*(?:password|passwd|pwd|secret|token)[\w-]*=)[^&#]*")


def redact(url: str) -> str:
    """Hide the passwords in a database URL (userinfo and query) for logs and printed output."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    # The userinfo ends at the last "@" before the query: a password may hold an unencoded "/".
    end = rest.split("?", 1)[0].rfind("@")
    if end >= 0 and ":" in rest[:end]:
        rest = f"{rest[:end].split(':', 1)[0]}:***{rest[end:]}"
    return scheme + sep + _QUERY_SECRET.sub(r"\1***", rest)


EXAMPLE_CONFIG = '''\
# policywatch configuration (TOML). Every key is optional; the values shown are the defaults.
# Environment variables override this file: POLICYWATCH_DATABASE_URL, POLICYWATCH_SMTP_PASSWORD, ...
# See docs/config.md for the full list.

# Where the SQLite archive, the HTTP cache and the outbox live (default: ~/.local/share/policywatch).
# data_dir = "/var/lib/policywatch"
# log_format = "text"        # "text" or "json" (JSON lines)
# log_level = "INFO"
# sources_file = "/etc/policywatch/sources.toml"   # user-defined sources, for every command (not only crawl)

[database]
# url = "sqlite:////var/lib/policywatch/policywatch.sqlite3"
# url = "postgresql+psycopg://policywatch@localhost/policywatch"   # password: use POLICYWATCH_DATABASE_URL

[outbox]
# Digests are written here when a subscription has no delivery channel (default: <data_dir>/outbox).
# dir = "/var/lib/policywatch/outbox"

[crawl]
# user_agent = "policywatch/0.1 (+https://github.com/policywatch/policywatch; policy-change monitor)"
# download_delay = 2.0          # seconds between requests to one host (AutoThrottle adapts above it)
# concurrent_per_host = 1
# timeout = 30.0                # seconds per request
# retries = 2                   # on 5xx and timeouts
# max_page_bytes = 10485760     # 10 MiB cap for pages
# max_attachment_bytes = 52428800
# attachment_cpu_seconds = 20   # attachment text is extracted in a child process under these limits
# attachment_memory_mb = 1024
# attachment_timeout = 60.0     # seconds, wall clock
# attachment_max_chars = 200000 # text kept per attachment
# obey_robots = true
# autothrottle = true
# http_cache = true             # conditional requests (ETag / Last-Modified)
# http_cache_store = "archive"  # the cached pages and their validators: "archive" (the database, shared by
#                               # every crawl worker) or "folder" (<data_dir>/httpcache, this machine only)
# max_pages = 3                 # list pages followed per poll while they hold unknown notices
# backfill_pages = 5            # list pages read on a channel's first run
# recheck_hours = 72            # re-fetch known notices this often to catch silent edits
# proxy = ""                    # mainland egress for the geo-fenced channels only, e.g. "http://cn-egress:3128"

[browser]
# enabled = true                # Chromium for JS challenges (Jiasule, WZWS) and JS-built lists
# executable = "/usr/bin/chromium"  # the distribution's package (apt install chromium); nothing is downloaded
# timeout = 30.0                # seconds per page load / challenge

[smtp]
# host = "smtp.example.org"
# port = 587
# username = "policywatch@example.org"
# password = ""                 # better: POLICYWATCH_SMTP_PASSWORD
# security = "starttls"         # "none", "starttls" or "ssl"
# allow_plaintext_auth = false  # with security "none", send the password anyway (trusted local relay only)
# sender = "policywatch@example.org"

[notify]
# public_url = "https://policywatch.example.org"   # enables one-click List-Unsubscribe links
# secret = ""                   # signs unsubscribe tokens; better: POLICYWATCH_SECRET
# webhook_allow_hosts = []      # internal hosts/networks webhooks may reach, e.g. ["hooks.intranet", "10.20.0.0/16"]
# retry_days = 7                # retry a failed digest this long (backoff up to 6 h), then it is dead
# max_attempts = 0              # also give up after this many attempts (0: no limit)
# lease_seconds = 600           # a digest claimed by a sender that died is resent after this
# workers = 8                   # messages sent at once
# per_endpoint = 2              # ... of which through one SMTP relay or API/webhook host
# breaker_failures = 3          # failures in a row that make a notify run skip an endpoint
# breaker_cooldown_seconds = 300

[web]
# host = "127.0.0.1"            # `policywatch web`: sign-up, preferences, unsubscribe, feeds (behind a TLS proxy)
# port = 8080
# signup = true                 # the public sign-up page at / (double opt-in); false: operators subscribe people
# signup_per_client_hour = 10
# signup_per_address_day = 3
# confirm_hours = 72

# Per-source overrides, e.g. a mainland egress proxy for Hefei:
# [sources.hefei]
# proxy = "http://cn-egress:3128"
# download_delay = 5
# ... or for one channel; ${VAR} is read from the environment (keep credentials out of this file):
# [sources.tianjin.channels.kxjs_tzgg]
# proxy = "socks5://${CN_EGRESS_AUTH}@cn-egress:1080"
# poll_minutes = 60             # fixed interval instead of the [schedule] crontabs
# poll_cron = "15 9,14 * * mon-fri"   # or own crontab(s), China time (a string or a list)

[schedule]
# When the daemon (`policywatch run`) polls each source: crontab strings in China time, OR-ed.
# poll_cron = ["*/30 8-18 * * mon-fri", "0 */3 * * *"]   # 30 min in office hours, else 3 h
# jitter_seconds = 120
# notify_seconds = 60           # digests due, delivery retries and ops alerts are processed this often
# misfire_grace_seconds = 3600  # a poll slot missed while down runs once after restart

[engine]
# Who runs the polls (docs/deploy.md). "local": this daemon polls and notifies itself (SQLite or PostgreSQL).
# "procrastinate": `policywatch run` only schedules; `policywatch worker` processes on any machine run the
# polls and notify jobs from the PostgreSQL archive (pip install 'policywatch[workers]').
# kind = "local"
# stall_seconds = 60            # a worker silent this long is dead; its running poll is retried by another
# heartbeat_seconds = 10        # how often workers report alive (at most half of stall_seconds)
# stall_check_seconds = 15      # how often the scheduler retries the jobs of dead workers

[alerts]
# Ops alerts go to subscriptions made with `policywatch subscribe --ops ...`.
# error_streak = 3              # failed polls in a row; blocks and selector errors alert at once
# drop_ratio = 0.3              # items seen below 30% of the median of the last ok runs
# drop_window = 10
# silent_factor = 3.0           # no new notice for 3x the usual publishing gap...
# silent_min_days = 7           # ...and at least 7 days
# silent_min_notices = 5        # learn the cadence only from this many notices
'''
