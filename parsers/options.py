"""Declared adapter options: every platform adapter lists the option keys it reads.

An adapter's options are one frozen dataclass deriving from ``AdapterOptions``; each field is an
option, declared with ``option(default, doc, ...)``: its name, its type (the annotation), its
default and a one-line doc. The dataclass is the one home of an adapter's options — the module
docstrings, CONTRIBUTING.md and docs/sources.md point here instead of repeating the list.

``validate`` checks a channel's raw option mapping against the declaration: an unknown key (a typo
like ``artcle_url``), a value of the wrong type, a bad regex or CSS selector, a value outside the
declared choices, or a missing required option raises ``OptionError`` naming the adapter, the channel,
the key and, for an unknown key, the closest declared one. The registry and the user-sources loader
call it when they load, so a mistake fails at start-up instead of being silently ignored. Adapters
read their options with ``of(ctx)``, which applies the defaults and the same checks, except that
required options may be missing (a detail page is parsed without the list options).

Only the annotation shapes adapters need are understood: ``str``, ``int``, ``bool``, unions with
``None`` or each other (``int | str | None``) and ``tuple[str, ...]`` (written as a list in the
registry and in TOML).
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, Self, Union, get_args, get_origin, get_type_hints

from parsel.csstranslator import css2xpath

CSS = "css"  # a parsel CSS selector (``::text`` and ``::attr()`` allowed)
REGEX = "regex"  # a Python regular expression


class OptionError(ValueError):
    """A channel's options do not match its adapter's declaration."""

    def __init__(self, platform: str, channel: str, key: str, problem: str) -> None:
        self.platform = platform
        self.channel = channel
        self.key = key
        self.problem = problem
        super().__init__(f"{platform} channel {channel}: option {key!r}: {problem}")


def closest(key: str, valid: Iterable[str]) -> str | None:
    """The declared key a typo most likely meant, if any is close enough."""
    found = difflib.get_close_matches(key, sorted(valid), n=1, cutoff=0.6)
    return found[0] if found else None


def _unknown(platform: str, key: str, valid: Iterable[str]) -> str:
    names = sorted(valid)
    guess = closest(key, names)
    hint = f"did you mean {guess!r}?" if guess else f"declared: {', '.join(names)}"
    return f"not a {platform} option ({hint})"


def option(default: Any, doc: str, *, kind: str | None = None, required: bool = False,
           choices: tuple[str, ...] = (), minimum: int | None = None) -> Any:
    """One declared option (a dataclass field). ``kind`` adds a syntax check for strings (``CSS``,
    ``REGEX``); ``required`` options have no useful default and must be given on the channel."""
    meta = {"doc": doc, "kind": kind, "required": required, "choices": choices, "minimum": minimum}
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class OptionSpec:
    """One declared option as docs and checks see it."""

    name: str
    type: Any  # the resolved annotation
    default: Any
    doc: str
    kind: str | None
    required: bool
    choices: tuple[str, ...]
    minimum: int | None


class _HasOptions(Protocol):
    """What ``of`` needs from a channel context (structural, so this module needs no import of it)."""

    @property
    def key(self) -> str: ...

    @property
    def options(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True, kw_only=True)
class AdapterOptions:
    """Base of the per-adapter option declarations; subclasses set ``platform`` and add fields."""

    platform: ClassVar[str] = "?"

    @classmethod
    def specs(cls) -> tuple[OptionSpec, ...]:
        return _specs(cls)

    @classmethod
    def names(cls) -> frozenset[str]:
        return frozenset(s.name for s in cls.specs())

    @classmethod
    def validate(cls, options: Mapping[str, Any], channel: str, *, complete: bool = True) -> Self:
        """``options`` checked against the declaration and completed with the defaults.

        ``complete`` (load time) also insists on the required options."""
        specs = {s.name: s for s in cls.specs()}
        for key in options:
            if key not in specs:
                raise OptionError(cls.platform, channel, str(key), _unknown(cls.platform, str(key), specs))
        values: dict[str, Any] = {}
        for name, spec in specs.items():
            if name in options:
                values[name] = _checked(cls.platform, channel, spec, options[name])
            if complete and spec.required and values.get(name) is None:  # absent, or an explicit None
                raise OptionError(cls.platform, channel, name, f"required: {spec.doc}")
        opts = cls(**values)
        missing = opts.required_together() if complete else None
        if missing:
            raise OptionError(cls.platform, channel, missing[0], missing[1])
        return opts

    def required_together(self) -> tuple[str, str] | None:
        """(key, problem) when options that depend on each other disagree (``jslist``: ``list_item``
        is required in ``document_write`` mode only); checked at load time. None: all is well."""
        return None

    @classmethod
    def of(cls, ctx: _HasOptions) -> Self:
        """The channel's options as the adapter reads them (defaults applied, required not enforced)."""
        return cls.validate(ctx.options, ctx.key, complete=False)


_SPECS: dict[type[AdapterOptions], tuple[OptionSpec, ...]] = {}


def _specs(cls: type[AdapterOptions]) -> tuple[OptionSpec, ...]:
    # Resolving the annotations is the slow part, and every list page asks: once per class.
    if cls not in _SPECS:
        _SPECS[cls] = _read_specs(cls)
    return _SPECS[cls]


def _read_specs(cls: type[AdapterOptions]) -> tuple[OptionSpec, ...]:
    hints = get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        meta = f.metadata
        out.append(OptionSpec(name=f.name, type=hints[f.name], default=f.default, doc=meta.get("doc", ""),
                              kind=meta.get("kind"), required=bool(meta.get("required")),
                              choices=tuple(meta.get("choices") or ()), minimum=meta.get("minimum")))
    return tuple(out)


def _checked(platform: str, channel: str, spec: OptionSpec, value: Any) -> Any:
    """``value`` if it fits ``spec`` (lists become tuples, so the options stay frozen); else OptionError."""
    problem = _type_problem(spec, value) or _value_problem(spec, value)
    if problem:
        raise OptionError(platform, channel, spec.name, problem)
    return tuple(value) if isinstance(value, list) else value


def _type_problem(spec: OptionSpec, value: Any) -> str | None:
    if _accepts(spec.type, value):
        return None
    return f"must be {_describe(spec.type)}, not {type(value).__name__} ({value!r})"


def _value_problem(spec: OptionSpec, value: Any) -> str | None:
    if spec.choices and value not in spec.choices:
        return f"{value!r} is not one of {', '.join(spec.choices)}"
    if spec.minimum is not None and isinstance(value, int) and value < spec.minimum:
        return f"must be >= {spec.minimum}, not {value}"
    strings = value if isinstance(value, list | tuple) else [value]
    for item in strings:
        if isinstance(item, str) and spec.kind is not None:
            problem = _syntax_problem(spec.kind, item)
            if problem:
                return problem
    return None


def _syntax_problem(kind: str, value: str) -> str | None:
    try:
        if kind == CSS:
            css2xpath(value)  # parsel's own translator, cached, so this is what parsing will run
        elif kind == REGEX:
            re.compile(value)
    except Exception as exc:  # cssselect and re raise their own error types
        what = "CSS selector" if kind == CSS else "regular expression"
        return f"invalid {what} {value!r}: {exc}"
    return None


def _accepts(hint: Any, value: Any) -> bool:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_accepts(arm, value) for arm in get_args(hint))
    if hint is type(None):
        return value is None
    if origin is tuple:  # tuple[str, ...]: a list (registry, TOML) or a tuple of that element type
        (element, _) = get_args(hint)
        return isinstance(value, list | tuple) and all(_accepts(element, v) for v in value)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)  # True is an int to Python only
    return isinstance(value, hint)


_NAMES = {str: "a string", int: "an integer", bool: "true or false", type(None): "None"}


def _describe(hint: Any) -> str:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_describe(arm) for arm in get_args(hint))
    if origin is tuple:
        return f"a list of {_describe(get_args(hint)[0]).removeprefix('a ').removeprefix('an ')}s"
    return _NAMES.get(hint, getattr(hint, "__name__", str(hint)))
