"""The event registry: what every event type is called, carries, looks like and can be filtered by.

An event travels as a plain JSON object (``notice.events`` in the archive, webhook payloads, the
Atom feed's state file), always in this shape and key order::

    {"type": NAME, <the spec's fields, in spec order>, "span": [a, b], "source": ..., "rule": ...}

This module is the only place that knows what a ``type`` means. The extractor (``api.py``) builds
events through a spec (`EventSpec.make`), which checks field names and types; the store, notifier
and CLI read names, labels, export columns, filter semantics and digest lines from here and name
no type themselves. Old rows may hold types this version no longer knows: `lookup` then returns
None and `spec_for` a generic spec, never a KeyError.

Adding an event type: CONTRIBUTING.md, "Adding an event type".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .amounts import format_ratio, format_yuan
from .vocab import STAGE_LABELS, TENTATIVE

# Keys every event carries besides its fields; a field may not take one of these names.
_ENVELOPE = ("type", "span", "source", "rule")
# Export columns every event row ends with, whatever its type: the quoted clause and the rule that
# fired are meaningful for any event, so a new type's columns go before them, never after.
_TRAILING_COLUMNS = ("text", "rule")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Field:
    """One value an event of a type carries.

    ``types`` are the accepted Python types of a non-null value; ``required`` fields must not be
    null. ``export`` is the field's column in ``export --what events`` (None: not exported); one
    field name has one column in every type, so a column means the same thing on every row.
    """

    name: str
    types: tuple[type, ...]
    required: bool = False
    export: str | None = None


@dataclass(frozen=True)
class Scoring:
    """How ``policywatch eval`` scores a type against the labelled corpus.

    ``field`` is the key in a case's ``expected``; ``predict`` turns one event into one value of
    that list; ``key`` turns a value (expected or predicted) into what is compared; ``multiset``
    counts repeats (two identical funding rules are two rules) instead of comparing sets.
    """

    field: str
    predict: Callable[[Mapping[str, Any]], Any]
    key: Callable[[Any], Hashable] = lambda value: value
    multiset: bool = False


@dataclass(frozen=True)
class Event:
    """One extracted event, typed; `to_dict` is the stored JSON shape."""

    type: str
    data: Mapping[str, Any]  # the spec's fields, in spec order
    span: tuple[int, int]
    source: str
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, **self.data, "span": [self.span[0], self.span[1]], "source": self.source,
                "rule": self.rule}


Lines = Callable[["EventSpec", Mapping[str, Any]], list[str]]


@dataclass(frozen=True)
class EventSpec:
    """Everything the project knows about one event type.

    * ``label``: Chinese name in digest lines ("试验区获批"); an empty label keeps the type out of
      digests (its events are still in the webhook payload).
    * ``detail``: keys whose first non-empty value follows the label (``试验区获批：德清县``),
      clipped to ``clip`` characters when set; ``lines`` replaces that default line altogether.
    * ``evidence``: the part after ``NAME:`` in the event's Evidence value (``explain`` output);
      the default lists every field as ``name=value``.
    * ``filterable``: subscribers may ask for it (``subscribe --event``, ``search --event``).
    * ``amount_fields``: the fields ``--min-amount`` compares (the largest one counts); a
      ``--min-amount`` subscription passes only notices with an event of such a type.
    * ``scoring``: how ``policywatch eval`` scores it; None for types the corpus does not label.
    """

    name: str
    label: str
    fields: tuple[Field, ...] = ()
    detail: tuple[str, ...] = ()
    clip: int | None = None
    lines: Lines | None = None
    evidence: Callable[[Mapping[str, Any]], str] | None = None
    filterable: bool = False
    amount_fields: tuple[str, ...] = ()
    scoring: Scoring | None = None
    _by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {f.name: f for f in self.fields}
        # A frozen dataclass: the lookup table is derived once, here, and never changes.
        object.__setattr__(self, "_by_name", by_name)
        if not _NAME_RE.match(self.name):
            raise ValueError(f"event type {self.name!r}: use lower-case letters, digits and _")
        if len(by_name) != len(self.fields):
            raise ValueError(f"event type {self.name}: a field name is used twice")
        clash = set(by_name) & set(_ENVELOPE)
        if clash:
            raise ValueError(f"event type {self.name}: field {', '.join(sorted(clash))} is reserved")
        unknown = [n for n in self.amount_fields if n not in by_name]
        if unknown:
            raise ValueError(f"event type {self.name}: amount_fields {unknown} are not fields")

    def make(self, *, span: tuple[int, int], source: str, rule: str, **values: Any) -> Event:
        """An event of this type; omitted fields are null, so every event has every key."""
        unknown = [k for k in values if k not in self._by_name]
        if unknown:
            raise TypeError(f"event type {self.name} has no field {', '.join(unknown)}")
        data = {f.name: values.get(f.name) for f in self.fields}
        for f in self.fields:
            value = data[f.name]
            if value is None and f.required:
                raise ValueError(f"event type {self.name}: field {f.name} is required")
            if value is not None and not isinstance(value, f.types):
                raise TypeError(f"event type {self.name}: field {f.name} is {type(value).__name__}, "
                                f"expected {' or '.join(t.__name__ for t in f.types)}")
        return Event(self.name, data, span, source, rule)

    def summary(self, event: Mapping[str, Any]) -> list[str]:
        """The event's parts of a digest's events line ([] when it is not worth one)."""
        if self.lines is not None:
            return self.lines(self, event)
        if not self.label:
            return []
        detail = _first(event, self.detail)
        if not detail:
            return [self.label]
        text = clip(str(detail), self.clip) if self.clip else str(detail)
        return [f"{self.label}：{text}"]

    def evidence_value(self, event: Mapping[str, Any]) -> str:
        if self.evidence is not None:
            return f"{self.name}:{self.evidence(event)}"
        return f"{self.name}:" + ",".join(f"{f.name}={event.get(f.name)}" for f in self.fields)

    def amount(self, event: Mapping[str, Any]) -> int | None:
        """The largest of the event's amount fields (null counts as 0); None if it has none."""
        if not self.amount_fields:
            return None
        return max(int(event.get(n) or 0) for n in self.amount_fields)


def _first(event: Mapping[str, Any], keys: Iterable[str]) -> Any:
    return next((event[k] for k in keys if event.get(k)), None)


def clip(text: str, limit: int) -> str:
    """Whitespace folded to single spaces, at most ``limit`` characters (… marks a cut)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- the registry

_SPECS: dict[str, EventSpec] = {}


def register(spec: EventSpec) -> EventSpec:
    """Add a type (returns it, so a module can keep it as a constant). Refuses clashes."""
    if spec.name in _SPECS:
        raise ValueError(f"event type {spec.name} is already registered")
    _check_columns(spec, [*_SPECS.values(), spec])
    _check_scoring(spec)
    _SPECS[spec.name] = spec
    return spec


def unregister(name: str) -> None:
    """Remove a type (tests register throwaway types; events of it then read as unknown)."""
    _SPECS.pop(name, None)


def _check_columns(spec: EventSpec, specs: Iterable[EventSpec]) -> None:
    # Field name <-> export column must be one-to-one over the whole registry, or two types would
    # write different things into one CSV column (or one thing into two).
    column_of: dict[str, str] = {}
    field_of: dict[str, str] = {}
    for s in specs:
        for f in s.fields:
            if f.export is None:
                continue
            if column_of.setdefault(f.name, f.export) != f.export or field_of.setdefault(f.export, f.name) != f.name:
                raise ValueError(f"event type {spec.name}: field {f.name} -> column {f.export} clashes with "
                                 "another type's export columns")


def _check_scoring(spec: EventSpec) -> None:
    if spec.scoring is None:
        return
    taken = {s.scoring.field for s in _SPECS.values() if s.scoring is not None}
    if spec.scoring.field in taken:
        raise ValueError(f"event type {spec.name}: eval field {spec.scoring.field} is already scored")


def lookup(name: object) -> EventSpec | None:
    """The spec of a registered type; None for unknown types (old rows, other producers)."""
    return _SPECS.get(name) if isinstance(name, str) else None


def spec_for(name: object) -> EventSpec:
    """The spec of ``name``, or a generic one for an unknown type: no label (so no digest line),
    not filterable, no amount, evidence ``NAME:``."""
    return lookup(name) or EventSpec(name=_generic_name(name), label="")


def _generic_name(name: object) -> str:
    text = str(name or "unknown").lower()
    return text if _NAME_RE.match(text) else "unknown"


def specs() -> tuple[EventSpec, ...]:
    """Every registered type, in registration order (the order of columns and eval fields)."""
    return tuple(_SPECS.values())


def filter_names() -> tuple[str, ...]:
    """The types a subscription or a search may filter on."""
    return tuple(s.name for s in _SPECS.values() if s.filterable)


def export_columns() -> list[str]:
    """The event columns of ``export --what events``: type, each type's columns, then text, rule."""
    columns = ["type"]
    for spec in _SPECS.values():
        for f in spec.fields:
            if f.export and f.export not in columns and f.export not in _TRAILING_COLUMNS:
                columns.append(f.export)
    return [*columns, *_TRAILING_COLUMNS]


def export_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event as export cells (keys: `export_columns`).

    Cells are filled by field name whatever the type, so an event of a type this version no longer
    knows still exports every value that has a column.
    """
    row: dict[str, Any] = dict.fromkeys(export_columns())
    row["type"], row["rule"] = event.get("type"), event.get("rule")
    for spec in _SPECS.values():
        for f in spec.fields:
            if f.export:
                row[f.export] = event.get(f.name)
    return row


# ---------------------------------------------------------------- the types
# Registration order is the order of export columns and eval fields: keep new types at the end.


def _funding_lines(spec: EventSpec, event: Mapping[str, Any]) -> list[str]:
    terms = []
    if event.get("max_amount_yuan") is not None:
        terms.append("最高" + format_yuan(event["max_amount_yuan"]))
    if event.get("ratio") is not None:
        terms.append("比例" + format_ratio(event["ratio"]))
    parts = [f"{spec.label}：" + "，".join(terms)] if terms else []
    if event.get("fund_size_yuan") is not None:
        parts.append("基金规模" + format_yuan(event["fund_size_yuan"]))
    text = str(event.get("text") or "")
    if not parts and "一事一议" in text:
        parts.append("一事一议")
    elif not parts and text:
        parts.append(f"{spec.label}：" + clip(text, 40))
    return parts


def _funding_evidence(event: Mapping[str, Any]) -> str:
    return f"max={event.get('max_amount_yuan')},ratio={event.get('ratio')},fund={event.get('fund_size_yuan')}"


def _funding_triple(event: Mapping[str, Any]) -> dict[str, Any]:
    return {k: event.get(k) for k in ("max_amount_yuan", "ratio", "fund_size_yuan")}


def _funding_key(rule: Mapping[str, Any]) -> Hashable:
    # The corpus writes 30% as 0.3; float noise in a computed ratio must not count as a miss.
    ratio = rule.get("ratio")
    return (rule.get("max_amount_yuan"), None if ratio is None else round(float(ratio), 4), rule.get("fund_size_yuan"))


FUNDING_RULE = register(EventSpec(
    name="funding_rule",
    label="资金",
    fields=(
        Field("max_amount_yuan", (int,), export="max_amount_yuan"),  # cap per project/company
        Field("ratio", (int, float), export="ratio"),  # share of the investment, 0.3 = 30%
        Field("fund_size_yuan", (int,), export="fund_size_yuan"),  # total size of a fund
        Field("text", (str,), required=True, export="text"),  # the clause, verbatim
        Field("per_year", (bool,)),
        Field("years", (int,)),
    ),
    lines=_funding_lines,
    evidence=_funding_evidence,
    filterable=True,
    amount_fields=("max_amount_yuan", "fund_size_yuan"),
    scoring=Scoring("funding", _funding_triple, key=_funding_key, multiset=True),
))


def _pilot_city(event: Mapping[str, Any]) -> Any:
    return event.get("city")


def _pilot_evidence(event: Mapping[str, Any]) -> str:
    return str(event.get("city"))


PILOT_ZONE_APPROVED = register(EventSpec(
    name="pilot_zone_approved",
    label="试验区获批",
    fields=(
        Field("city", (str,), required=True, export="event_city"),
        Field("program", (str,), required=True, export="program"),
        Field("approver", (str,), required=True, export="approver"),
        Field("doc_number", (str,), export="event_doc_number"),  # the approval letter's 文号
    ),
    # Hand-written events (webhook tests, other producers) may name the place "zone" or "name".
    detail=("zone", "city", "name"),
    evidence=_pilot_evidence,
    filterable=True,
    scoring=Scoring("pilot_zone_cities", _pilot_city),
))


def _repeal_evidence(event: Mapping[str, Any]) -> str:
    return str(event.get("doc_number") or event.get("title"))


def _repealed_document(event: Mapping[str, Any]) -> str:
    # The corpus labels a repeal by its 文号, or by its 《title》 when the text gives none.
    return event.get("doc_number") or f"《{event.get('title')}》"


REPEAL = register(EventSpec(
    name="repeal",
    label="废止",
    fields=(
        Field("doc_number", (str,), export="event_doc_number"),  # of the repealed document
        Field("title", (str,), export="event_title"),
    ),
    detail=("doc_number", "title"),
    evidence=_repeal_evidence,
    filterable=True,
    scoring=Scoring("repeals", _repealed_document),
))


def _announced(name: str, label: str) -> EventSpec:
    # Types digests already word but no finder emits yet: not filterable, so a subscription
    # cannot wait for something that never comes. Their line shows the deadline or the clause.
    return EventSpec(name=name, label=label,
                     fields=(Field("deadline", (str,)), Field("text", (str,), export="text")),
                     detail=("deadline", "text"), clip=40)


for _name, _label in (("rule_revised", "规则修订"), ("repealed", "废止")):
    register(_announced(_name, _label))


# ---------------------------------------------------------------- the grant-call lifecycle
# A call opens (funding_call_opened), may be extended (deadline_extended), narrows to a 公示
# (shortlist_published) and ends with a final list (final_list_published). Dates are ISO strings:
# "2026-12-31T17:00" (exact), "2026-12-31" (day), "2026-12" (month); `precision` says which, or
# "tentative" when the text itself says the date may move (暂定…另行通知). See deadlines.py.


def when_text(value: object) -> str:
    """An ISO date/time of this module as a reader writes it: 2026-12-31T17:00 -> 2026-12-31 17:00."""
    return str(value).replace("T", " ")


def _call_lines(spec: EventSpec, event: Mapping[str, Any]) -> list[str]:
    end = event.get("apply_end")
    stage = STAGE_LABELS.get(str(event.get("stage")), "")
    if end is None:
        tail = "截止时间另行通知" if event.get("precision") == TENTATIVE else "未写明截止时间"
    else:
        tail = f"{stage}截止 {when_text(end)}" + ("（暂定）" if event.get("precision") == TENTATIVE else "")
    return [f"{spec.label}：{tail}"]


def _call_evidence(event: Mapping[str, Any]) -> str:
    return f"end={event.get('apply_end')},precision={event.get('precision')},stage={event.get('stage')}"


def _call_key(value: Mapping[str, Any]) -> Hashable:
    return (value.get("apply_end"), value.get("precision"), value.get("stage"))


FUNDING_CALL_OPENED = register(EventSpec(
    name="funding_call_opened",
    label="申报开启",
    fields=(
        Field("apply_start", (str,), export="apply_start"),
        Field("apply_end", (str,), export="apply_end"),  # null: the text gives no end date
        Field("precision", (str,), export="deadline_precision"),  # PRECISIONS; null with no end
        Field("stage", (str,), export="stage"),  # STAGES, only when the text names several
        Field("year_inferred", (bool,)),  # the year was taken from the publish date
        Field("system", (str,), export="submission_system"),  # "上海市科技管理信息系统"
        Field("text", (str,), export="text"),
    ),
    lines=_call_lines,
    evidence=_call_evidence,
    filterable=True,
    scoring=Scoring("calls", lambda e: e, key=_call_key, multiset=True),
))


def _extension_lines(spec: EventSpec, event: Mapping[str, Any]) -> list[str]:
    old = event.get("old_end")
    moved = (f"{when_text(old)} → " if old else "延至 ") + when_text(event.get("new_end"))
    return [f"{spec.label}：{moved}"]


DEADLINE_EXTENDED = register(EventSpec(
    name="deadline_extended",
    label="截止延期",
    fields=(
        Field("old_end", (str,), export="old_end"),
        Field("new_end", (str,), required=True, export="new_end"),
        Field("precision", (str,), export="deadline_precision"),  # of new_end
        Field("year_inferred", (bool,)),
        Field("call_ref", (str,), export="call_ref"),  # the call's 《title》 or 文号 as cited
        Field("text", (str,), export="text"),
    ),
    lines=_extension_lines,
    evidence=lambda e: f"old={e.get('old_end')},new={e.get('new_end')}",
    filterable=True,
    scoring=Scoring("extensions", lambda e: e, key=lambda v: (v.get("old_end"), v.get("new_end")), multiset=True),
))


def _shortlist_lines(spec: EventSpec, event: Mapping[str, Any]) -> list[str]:
    end, days = event.get("objection_end"), event.get("objection_days")
    if end:
        return [f"{spec.label}：异议截止 {when_text(end)}"]
    if days:
        return [f"{spec.label}：公示期{days}个{'工作日' if event.get('working_days') else '天'}"]
    return [spec.label]


def _shortlist_key(value: Mapping[str, Any]) -> Hashable:
    return (value.get("objection_start"), value.get("objection_end"), value.get("objection_days"),
            bool(value.get("working_days")))


SHORTLIST_PUBLISHED = register(EventSpec(
    name="shortlist_published",
    label="公示",
    fields=(
        Field("objection_start", (str,), export="objection_start"),
        Field("objection_end", (str,), export="objection_end"),
        Field("objection_days", (int,), export="objection_days"),
        Field("working_days", (bool,)),  # objection_days counts working days (工作日)
        Field("call_ref", (str,), export="call_ref"),
        Field("text", (str,), export="text"),
    ),
    lines=_shortlist_lines,
    evidence=lambda e: f"start={e.get('objection_start')},end={e.get('objection_end')},days={e.get('objection_days')}",
    filterable=True,
    scoring=Scoring("shortlists", lambda e: e, key=_shortlist_key, multiset=True),
))

FINAL_LIST_PUBLISHED = register(EventSpec(
    name="final_list_published",
    label="名单公布",
    fields=(
        Field("list_kind", (str,), required=True, export="list_kind"),  # LIST_KINDS: 立项 / 拟支持 / 认定
        Field("call_ref", (str,), export="call_ref"),
        Field("text", (str,), export="text"),
    ),
    detail=("list_kind",),
    evidence=lambda e: str(e.get("list_kind")),
    filterable=True,
    scoring=Scoring("final_lists", lambda e: e, key=lambda v: v.get("list_kind")),
))

# The types that belong to one call's thread, and the one that opens it.
CALL_THREAD_TYPES = (DEADLINE_EXTENDED.name, SHORTLIST_PUBLISHED.name, FINAL_LIST_PUBLISHED.name)
