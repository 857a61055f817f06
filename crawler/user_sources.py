"""User-defined sources from a TOML file (``crawl --sources FILE``): CSS selectors, no code.

Format::

    [[source]]
    id = "mock"                      # [a-z0-9_]+
    name = "测试站"
    city = "测试"                     # optional
    referer = "http://…/"            # optional
    download_delay = 1.5             # optional, seconds
    hosts = ["files.example.gov.cn"] # optional: other hosts its pages may link to (crawler/siteguard.py)
    [[source.channel]]
    id = "tzgg"
    name = "通知公告"
    url = "http://127.0.0.1:8000/tzgg/"   # http(s) only
    list_item = "ul.list li"
    link = "a::attr(href)"           # optional
    title = "a::attr(title)"         # optional
    date = "span::text"              # optional
    next_page = "a.next::attr(href)" # optional
    max_pages = 5                    # optional
    content = "#zoom"                # optional
    download_delay = 0               # optional
    needs_browser = false            # optional: the list is built by JS, render it (crawler/browser.py)
    needs_egress = false             # optional: geo-fenced abroad, [crawl] proxy applies (crawler/egress.py)

Every channel runs on the ``generic`` platform; its selector keys are the options that adapter
declares (``GenericOptions`` in ``parsers/platforms/generic.py``), checked against that declaration
too. A channel's ``download_delay`` overrides its source's; requests are paced per host, so channels
sharing a host share the larger of their delays (politeness errs on the slow side;
``crawler/politeness.py``). Every problem is a ``ConfigError`` naming the file, the line and the
key, e.g. ``sources.toml:12: source[0].channel[1].url: only http(s) URLs are allowed``; a misspelt
key names the closest valid one (``unknown key 'titel' (did you mean 'title'?)``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from parsel import Selector

from crawler.registry import ID_RE, ChannelSpec, SourceSpec, validate
from parsers.options import CSS, OptionError, closest
from parsers.platforms.generic import GenericOptions
from policywatch.errors import ConfigError

SOURCE_KEYS = {"id", "name", "city", "referer", "download_delay", "hosts", "channel"}
# A channel table holds the registry's own keys plus the generic adapter's declared options.
CHANNEL_KEYS = {"id", "name", "url", "max_pages", "download_delay", "needs_browser", "needs_egress",
                *GenericOptions.names()}
MAX_PAGES_LIMIT = 1000
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_\-]+))\s*=""")


@dataclass(frozen=True)
class _Where:
    """Where a key sits: source index, channel index (None for source keys), key name."""

    source: int | None = None
    channel: int | None = None
    key: str | None = None

    def label(self) -> str:
        parts = []
        if self.source is not None:
            parts.append(f"source[{self.source}]")
        if self.channel is not None:
            parts.append(f"channel[{self.channel}]")
        if self.key:
            parts.append(self.key)
        return ".".join(parts) or "file"


class _Lines:
    """Line numbers of ``[[source]]``/``[[source.channel]]`` tables and their keys, by scanning the text.

    tomllib reports lines only for syntax errors; for semantic errors this finds the offending key.
    """

    def __init__(self, text: str) -> None:
        self.keys: dict[tuple[int | None, int | None, str | None], int] = {}
        source, channel = -1, -1
        in_table: tuple[int | None, int | None] = (None, None)
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line)
            if header:
                name = header.group(2).replace(" ", "")
                if name == "source" and header.group(1) == "[[":
                    source, channel = source + 1, -1
                    in_table = (source, None)
                elif name == "source.channel" and header.group(1) == "[[":
                    channel += 1
                    in_table = (max(source, 0), channel)
                else:
                    in_table = (None, None)
                self.keys.setdefault((*in_table, None), number)
                continue
            key = _KEY.match(line)
            if key:
                name = next(g for g in key.groups() if g is not None)
                self.keys.setdefault((*in_table, name), number)

    def find(self, where: _Where) -> int | None:
        for probe in ((where.source, where.channel, where.key), (where.source, where.channel, None),
                      (where.source, None, None)):
            if probe in self.keys:
                return self.keys[probe]
        return None


def _is_host(host: str) -> bool:
    """``host``, ``host:port`` or an origin URL (``https://host[:port]/``): nothing else."""
    try:
        parts = urlsplit(host if "://" in host else f"https://{host}/")
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    return (parts.scheme in {"http", "https"} and bool(parts.hostname) and parts.path in {"", "/"}
            and not parts.query and not parts.username)


class _Reader:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = _Lines(text)

    def error(self, where: _Where, problem: str) -> ConfigError:
        line = self.lines.find(where)
        place = f"{self.name}:{line}" if line else self.name
        return ConfigError(f"{place}: {where.label()}: {problem}")

    def string(self, table: Mapping[str, Any], where: _Where, *, required: bool) -> str | None:
        assert where.key is not None
        value = table.get(where.key)
        if value is None:
            if required:
                raise self.error(_Where(where.source, where.channel), f"missing required key {where.key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(where, "must be a non-empty string")
        return value.strip()

    def ident(self, table: Mapping[str, Any], where: _Where) -> str:
        value = self.string(table, where, required=True)
        assert value is not None
        if not ID_RE.match(value):
            raise self.error(where, f"{value!r} must match [a-z0-9_]+")
        return value

    def url(self, table: Mapping[str, Any], where: _Where, *, required: bool) -> str | None:
        value = self.string(table, where, required=required)
        if value is None:
            return None
        try:
            parts = urlsplit(value)
        except ValueError as exc:
            raise self.error(where, f"not a URL ({exc})") from None
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise self.error(where, f"only http(s) URLs are allowed, not {value!r}")
        return value

    def hosts(self, table: Mapping[str, Any], where: _Where) -> tuple[str, ...]:
        """Extra hosts the source's pages may link to: ``["files.example.gov.cn", "cdn.example.com:8443"]``."""
        assert where.key is not None
        value = table.get(where.key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(where, "must be a list of host names (\"host\" or \"host:port\")")
        out = []
        for raw in value:
            host = raw.strip()
            if not _is_host(host):
                raise self.error(where, f"not a host name: {raw!r}")
            out.append(host)
        return tuple(out)

    def selector(self, table: Mapping[str, Any], where: _Where, *, required: bool) -> str | None:
        value = self.string(table, where, required=required)
        if value is not None:
            try:
                Selector(text="<html><body></body></html>").css(value)
            except Exception as exc:  # cssselect raises its own SelectorSyntaxError / ExpressionError
                raise self.error(where, f"invalid CSS selector {value!r}: {exc}") from None
        return value

    def number(self, table: Mapping[str, Any], where: _Where, *, integer: bool, minimum: float,
               maximum: float | None = None) -> float | None:
        assert where.key is not None
        value = table.get(where.key)
        if value is None:
            return None
        kinds = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise self.error(where, "must be an integer" if integer else "must be a number")
        if value != value or value < minimum or (maximum is not None and value > maximum):  # NaN too
            bound = f">= {minimum}" + (f" and <= {maximum}" if maximum is not None else "")
            raise self.error(where, f"must be {bound}")
        return value

    def flag(self, table: Mapping[str, Any], where: _Where) -> bool:
        value = table.get(where.key or "", False)
        if not isinstance(value, bool):
            raise self.error(where, f"expected true or false, not {value!r}")
        return value

    def unknown(self, table: Mapping[str, Any], allowed: set[str], where: _Where) -> None:
        for key in table:
            if key not in allowed:
                guess = closest(key, allowed)
                hint = f"did you mean {guess!r}?" if guess else f"allowed: {', '.join(sorted(allowed))}"
                raise self.error(_Where(where.source, where.channel, key), f"unknown key {key!r} ({hint})")

    def options(self, table: Mapping[str, Any], source: int, index: int) -> dict[str, Any]:
        """The channel's generic-adapter options: every declared one the table sets, selectors
        checked here (non-empty, valid CSS), then all of them against the declaration."""
        options: dict[str, Any] = {}
        for spec in GenericOptions.specs():
            where = _Where(source, index, spec.name)
            css = spec.kind == CSS
            value = self.selector(table, where, required=spec.required) if css else table.get(spec.name)
            if value is not None:
                options[spec.name] = value
        try:
            GenericOptions.validate(options, _Where(source, index).label())
        except OptionError as exc:
            raise self.error(_Where(source, index, exc.key), exc.problem) from None
        return options

    # -- tables ---------------------------------------------------------------------------
    def sources(self, data: Mapping[str, Any]) -> tuple[SourceSpec, ...]:
        self.unknown(data, {"source"}, _Where())
        raw = data.get("source")
        if not isinstance(raw, list) or not raw:
            raise self.error(_Where(key="source"), "expected at least one [[source]] table")
        seen: set[str] = set()
        out = []
        for index, table in enumerate(raw):
            if not isinstance(table, dict):
                raise self.error(_Where(index), "must be a [[source]] table")
            spec = self.source(table, index)
            if spec.id in seen:
                raise self.error(_Where(index, None, "id"), f"duplicate source id {spec.id!r}")
            seen.add(spec.id)
            out.append(spec)
        return tuple(out)

    def source(self, table: Mapping[str, Any], index: int) -> SourceSpec:
        def at(key: str) -> _Where:
            return _Where(index, None, key)

        self.unknown(table, SOURCE_KEYS, _Where(index))
        sid = self.ident(table, at("id"))
        name = self.string(table, at("name"), required=True) or sid
        city = self.string(table, at("city"), required=False) or ""
        referer = self.url(table, at("referer"), required=False)
        delay = self.number(table, at("download_delay"), integer=False, minimum=0, maximum=3600)
        raw = table.get("channel")
        if not isinstance(raw, list) or not raw:
            raise self.error(at("channel"), "expected at least one [[source.channel]] table")
        channels: list[ChannelSpec] = []
        for cindex, ctable in enumerate(raw):
            if not isinstance(ctable, dict):
                raise self.error(_Where(index, cindex), "must be a [[source.channel]] table")
            channel = self.channel(ctable, index, cindex)
            if channel.id in {c.id for c in channels}:
                raise self.error(_Where(index, cindex, "id"), f"duplicate channel id {channel.id!r}")
            channels.append(channel)
        return SourceSpec(id=sid, name=name, city=city, channels=tuple(channels), referer=referer,
                          download_delay=float(delay) if delay is not None else None,
                          hosts=self.hosts(table, at("hosts")))

    def channel(self, table: Mapping[str, Any], source: int, index: int) -> ChannelSpec:
        def at(key: str) -> _Where:
            return _Where(source, index, key)

        self.unknown(table, CHANNEL_KEYS, _Where(source, index))
        cid = self.ident(table, at("id"))
        name = self.string(table, at("name"), required=True) or cid
        url = self.url(table, at("url"), required=True)
        assert url is not None
        options = self.options(table, source, index)
        max_pages = self.number(table, at("max_pages"), integer=True, minimum=1, maximum=MAX_PAGES_LIMIT)
        delay = self.number(table, at("download_delay"), integer=False, minimum=0, maximum=3600)
        return ChannelSpec(id=cid, name=name, url=url, platform="generic", options=options,
                           publishes="user-defined channel", max_pages=int(max_pages) if max_pages else None,
                           download_delay=float(delay) if delay is not None else None,
                           # A client-rendered list (crawler/browser.py) / a geo-fenced host (crawler/egress.py).
                           needs_browser=self.flag(table, at("needs_browser")),
                           needs_egress=self.flag(table, at("needs_egress")))


def load_sources_text(text: str, name: str = "<sources>") -> tuple[SourceSpec, ...]:
    """Parse the TOML text of a sources file; ``name`` is used in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message carries "(at line N, column M)"
        raise ConfigError(f"{name}: invalid TOML: {exc}") from None
    except RecursionError:  # absurdly nested inline arrays/tables
        raise ConfigError(f"{name}: invalid TOML: nested too deeply") from None
    sources = _Reader(name, text).sources(data)
    return validate(sources)  # the registry's own checks, as a backstop


def load_sources_file(path: str | Path) -> tuple[SourceSpec, ...]:
    """Load user sources from a TOML file; every problem is a ``ConfigError`` naming key and line."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read sources file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{file}:{line}: sources file must be UTF-8 ({exc.reason})") from None
    return load_sources_text(text, str(file))
