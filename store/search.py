"""Ranked full-text search over the archive, on SQLite and PostgreSQL alike.

SQLite (migration 0002): ``notice_fts`` is an external-content FTS5 table with the trigram tokenizer.
A trigram index holds nothing shorter than three characters, so terms of 3+ characters go through
``MATCH`` (ranked by bm25) and 1–2 character terms through ``instr()`` on the ``notice`` table itself.
``LIKE`` on the FTS table is *not* used: SQLite 3.40 answers non-ASCII 1–2 character LIKE patterns
there with no rows (stack.md §4).

PostgreSQL: ``ILIKE '%term%'`` served by the pg_trgm GIN indexes, ranked by title hits, occurrences
and ``similarity()``.

On both, the snippet is cut and highlighted in Python from the ranked page of results (see
:func:`_sqlite_fts_statement` for why not FTS5's snippet()), so highlighting is identical everywhere.

Several words are ANDed. All user input reaches the database as bound parameters only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    bindparam,
    case,
    column,
    exists,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from parsers.facts.zone_reference import PROVINCE_PINYIN, province_of
from policywatch.errors import ConfigError
from store.models import Notice

MIN_FTS_CHARS = 3  # the trigram tokenizer indexes nothing shorter
DEFAULT_MARKS = ("**", "**")  # Markdown bold: readable in a terminal, a .md report and JSON
SNIPPET_CHARS = 64
TITLE_WEIGHT = 10.0  # a hit in the title outweighs several in the body
# Matches ranked per query at most: keeps a common word's search fast on a million notices
# (benchmarks/README.md); an archive with fewer matches than this is ranked exactly.
RANK_WINDOW = 2000

_FTS = table("notice_fts", column("rowid"))
_WORD_SPLIT = re.compile(r"[\s\u3000]+")


class SourceLike(Protocol):
    """What search needs to know about a source (crawler.registry.SourceSpec fits)."""

    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def city(self) -> str: ...


@dataclass(frozen=True)
class SearchFilters:
    """Filters AND together; several values of one filter OR together."""

    cities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 20
    only_ids: tuple[int, ...] | None = None  # e.g. the open calls (store.calls) for ``search --open``


@dataclass(frozen=True)
class SearchHit:
    notice_id: int
    url: str
    title: str
    source: str
    city: str
    channel: str
    doc_number: str | None
    published_date: dt.date | None
    snippet: str
    score: float
    topics: list[Any] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.notice_id, "url": self.url, "title": self.title, "source": self.source,
                "city": self.city, "channel": self.channel, "doc_number": self.doc_number,
                "published_date": self.published_date.isoformat() if self.published_date else None,
                "snippet": self.snippet, "score": round(self.score, 4), "topics": self.topics}


# -- query terms ---------------------------------------------------------------------------------

def split_terms(query: str) -> list[str]:
    """Whitespace-separated words (ASCII or ideographic space), quotes stripped, duplicates dropped."""
    out: list[str] = []
    for raw in _WORD_SPLIT.split(query.strip()):
        term = raw.strip("\"'“”‘’")
        if term and term not in out:
            out.append(term)
    return out


def fts_match_expression(terms: Iterable[str]) -> str:
    """An FTS5 query ANDing each term as a quoted string, so no term is parsed as FTS syntax."""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def like_pattern(term: str) -> str:
    """``%term%`` with LIKE wildcards in the term escaped (ESCAPE '\\')."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# -- places --------------------------------------------------------------------------------------

def city_of(sources: Iterable[SourceLike]) -> dict[str, str]:
    return {s.id: s.city for s in sources}


def place_names(sources: Iterable[SourceLike]) -> dict[str, str]:
    """Every accepted spelling of a place (lower-cased) -> its canonical city: 上海 / 上海市 / shanghai /
    Shanghai / the source name, and the source id (the built-in ids are the pinyin / English names);
    and the provinces the sources lie in (浙江 / 浙江省 / zhejiang -> 浙江)."""
    out: dict[str, str] = {}
    provinces: set[str] = set()
    for src in sources:
        city = src.city.removesuffix("市")
        for alias in (city, f"{city}市", src.city, src.id, src.name):
            out.setdefault(alias.strip().lower(), city)
        province = province_of(city)
        if province:
            provinces.add(province)
    # A province is a place too: it stands for its own departments' sources and its cities'.
    for province in sorted(provinces):
        for alias in (province, f"{province}省", PROVINCE_PINYIN.get(province, province)):
            out.setdefault(alias.lower(), province)
    return out


def canonical_cities(sources: Iterable[SourceLike], values: Sequence[str]) -> list[str]:
    """``values`` as the cities digests and the archive use; an unknown one is a ConfigError listing the
    known ones (a typo'd city used to create a subscription that never matched)."""
    names = place_names(list(sources))
    unknown = [v for v in values if v.strip().lower() not in names]
    if unknown:
        known = sorted(set(names.values()))
        raise ConfigError(f"unknown city {', '.join(map(repr, unknown))}; known: {', '.join(known)} "
                          "(Chinese, pinyin or English names)")
    return [names[v.strip().lower()] for v in values]


def resolve_places(sources: Iterable[SourceLike], cities: Sequence[str], source_ids: Sequence[str]) -> set[str] | None:
    """Source ids matching --city / --source values, or None when neither was given.

    A city matches by city (``上海`` or ``上海市``), by source name (``科技部``) or by source id.
    """
    if not cities and not source_ids:
        return None
    sources = list(sources)
    names = place_names(sources)
    wanted_cities = {names.get(c.strip().lower(), c.strip().removesuffix("市")) for c in cities}
    wanted_sources = {s.strip() for s in source_ids}
    out: set[str] = set()
    for src in sources:
        city = src.city.removesuffix("市")
        by_city = (city in wanted_cities or src.name in wanted_cities or src.id in wanted_cities
                   or province_of(city) in wanted_cities)
        by_source = src.id in wanted_sources or src.name in wanted_sources
        if (not cities or by_city) and (not source_ids or by_source):
            out.add(src.id)
    return out


# -- dialect-specific JSON filters ---------------------------------------------------------------

def json_contains_any(dialect: str, column_sql: str, values: Sequence[str], name: str) -> ColumnElement[bool]:
    """``column_sql`` (a JSON array of strings) holds any of ``values``."""
    if dialect == "postgresql":
        sql = f"EXISTS (SELECT 1 FROM json_array_elements_text({column_sql}) AS j(v) WHERE j.v IN :{name})"
    else:
        sql = f"EXISTS (SELECT 1 FROM json_each({column_sql}) AS j WHERE j.value IN :{name})"
    return text(sql).bindparams(bindparam(name, list(values), expanding=True))  # type: ignore[return-value]


def has_event_type(dialect: str, types: Sequence[str], name: str = "event_types",
                   column_sql: str = "notice.events") -> ColumnElement[bool]:
    """The notice's events JSON array holds an event whose ``type`` is one of ``types``."""
    if dialect == "postgresql":
        sql = f"EXISTS (SELECT 1 FROM json_array_elements({column_sql}) AS e(v) WHERE e.v->>'type' IN :{name})"
    else:
        sql = (f"EXISTS (SELECT 1 FROM json_each({column_sql}) AS e "
               f"WHERE json_extract(e.value, '$.type') IN :{name})")
    return text(sql).bindparams(bindparam(name, list(types), expanding=True))  # type: ignore[return-value]


def _filter_clauses(dialect: str, filters: SearchFilters, places: set[str] | None) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if places is not None:
        clauses.append(Notice.source.in_(sorted(places)) if places else false())
    if filters.topics:
        clauses.append(json_contains_any(dialect, "notice.topics", filters.topics, "topics"))
    if filters.events:
        clauses.append(has_event_type(dialect, filters.events))
    if filters.since:
        clauses.append(Notice.published_date >= filters.since)
    if filters.until:
        clauses.append(Notice.published_date <= filters.until)
    if filters.only_ids is not None:
        clauses.append(Notice.id.in_(filters.only_ids) if filters.only_ids else false())
    return clauses


# -- term matching and scoring -------------------------------------------------------------------

def _folds_case(term: str) -> bool:
    return term.isascii() and any(ch.isalpha() for ch in term)


def _contains(col: Any, term: str, name: str) -> ColumnElement[bool]:
    """Substring test with instr() (SQLite), case-insensitive for ASCII words."""
    if _folds_case(term):
        return func.instr(func.lower(col), bindparam(name, term.lower())) > 0
    return func.instr(col, bindparam(name, term)) > 0


def _occurrences(col: Any, term: str, name: str) -> ColumnElement[Any]:
    """How often ``term`` occurs in ``col``: (len - len(replace)) / len(term)."""
    value = func.lower(col) if _folds_case(term) else col
    needle: BindParameter[str] = bindparam(name, term.lower() if _folds_case(term) else term)
    return (func.length(value) - func.length(func.replace(value, needle, ""))) / len(term)


def _substring_score(terms: Sequence[str], ilike: bool) -> ColumnElement[Any]:
    """Relevance without an FTS rank: title hits weigh TITLE_WEIGHT, each body occurrence 1."""
    score: ColumnElement[Any] = literal(0.0)
    for i, term in enumerate(terms):
        in_title = Notice.title.ilike(like_pattern(term), escape="\\") if ilike else _contains(
            Notice.title, term, f"st{i}")
        score = score + case((in_title, TITLE_WEIGHT), else_=0.0) + _occurrences(Notice.body, term, f"so{i}")
    return score


def _sqlite_term_clause(term: str, i: int) -> ColumnElement[bool]:
    return or_(_contains(Notice.title, term, f"t{i}"), _contains(Notice.body, term, f"b{i}"),
               _contains(func.coalesce(Notice.doc_number, ""), term, f"d{i}"))


def _pg_term_clause(term: str) -> ColumnElement[bool]:
    pattern = like_pattern(term)
    return or_(Notice.title.ilike(pattern, escape="\\"), Notice.body.ilike(pattern, escape="\\"),
               Notice.doc_number.ilike(pattern, escape="\\"))


_COLUMNS = (Notice.id, Notice.url, Notice.title, Notice.source, Notice.channel, Notice.doc_number,
            Notice.published_date, Notice.body, Notice.topics)
_FTS_TABLE: ColumnElement[Any] = literal_column("notice_fts")


def _fts_match(query: BindParameter[str]) -> ColumnElement[bool]:
    return _FTS_TABLE.op("MATCH", is_comparison=True)(query)


def _sqlite_fts_statement(long_terms: Sequence[str], short_terms: Sequence[str],
                          where: Sequence[ColumnElement[bool]], limit: int, window: int) -> Select[Any]:
    """MATCH for the 3+ character words, instr() for the shorter ones, bm25 to rank.

    Shaped for a large archive (measured in benchmarks/README.md):

    * notice_fts is the only table in the scan and is read in rowid order, newest first, so the
      ``LIMIT window`` stops the scan early; filters and short words are a correlated EXISTS (one
      primary-key lookup per candidate). A plain join would let the planner start from a
      notice index and probe FTS5 with ``MATCH … AND rowid = ?``, which re-reads the term's
      whole doclist for every row (~1 ms each at 20 000 notices, growing with the archive).
    * bm25 is computed during that scan, for the window only; the best ``limit`` are kept and
      joined to notice afterwards. snippet() is not used for the same reason as above: outside the
      scan it costs a doclist re-read per row; the Python snippet highlights identically.
    """
    query: BindParameter[str] = bindparam("fts_query", fts_match_expression(long_terms))
    rank = func.bm25(_FTS_TABLE, TITLE_WEIGHT, 1.0, 5.0)  # lower is better; weights: title, body, doc_number
    scan = select(_FTS.c.rowid.label("id"), rank.label("bm25_rank")).select_from(_FTS).where(_fts_match(query))
    checks = [*[_sqlite_term_clause(t, i) for i, t in enumerate(short_terms)], *where]
    if checks:
        scan = scan.where(exists().where(Notice.id == _FTS.c.rowid, *checks))
    cand = scan.order_by(_FTS.c.rowid.desc()).limit(window).subquery("cand")
    top = select(cand).order_by(cand.c.bm25_rank, cand.c.id.desc()).limit(limit).subquery("top")
    return (select(*_COLUMNS, (-top.c.bm25_rank).label("score"))
            .select_from(top.join(Notice.__table__, Notice.id == top.c.id))
            .order_by(top.c.bm25_rank, top.c.id.desc()))


def _substring_statement(term_clauses: Sequence[ColumnElement[bool]], score: ColumnElement[Any],
                         where: Sequence[ColumnElement[bool]], limit: int, window: int) -> Select[Any]:
    """instr() (SQLite) or ILIKE (PostgreSQL) for every word; rank the newest ``window`` matches."""
    cand = (select(Notice.id).where(*term_clauses, *where).order_by(Notice.id.desc()).limit(window)
            .cte("cand"))
    labelled = score.label("score")
    return (select(*_COLUMNS, labelled)
            .where(Notice.id.in_(select(cand.c.id)))
            .order_by(labelled.desc(), Notice.published_date.desc().nulls_last(), Notice.id.desc())
            .limit(limit))


def _listing_statement(where: Sequence[ColumnElement[bool]], limit: int) -> Select[Any]:
    """No query words: the filtered notices, newest first."""
    stmt = select(*_COLUMNS, literal(0.0).label("score")).where(*where)
    return stmt.order_by(Notice.published_date.desc().nulls_last(), Notice.id.desc()).limit(limit)


def build_statement(dialect: str, terms: Sequence[str], where: Sequence[ColumnElement[bool]], limit: int,
                    window: int) -> Select[Any]:
    """The SELECT for this backend and query."""
    if not terms:
        return _listing_statement(where, limit)
    if dialect == "postgresql":
        score = _substring_score(terms, ilike=True) + func.similarity(Notice.title, " ".join(terms))
        return _substring_statement([_pg_term_clause(t) for t in terms], score, where, limit, window)
    long_terms = [t for t in terms if len(t) >= MIN_FTS_CHARS]
    short_terms = [t for t in terms if len(t) < MIN_FTS_CHARS]
    if long_terms:
        return _sqlite_fts_statement(long_terms, short_terms, where, limit, window)
    clauses = [_sqlite_term_clause(t, i) for i, t in enumerate(short_terms)]
    return _substring_statement(clauses, _substring_score(short_terms, ilike=False), where, limit, window)


# -- snippets ------------------------------------------------------------------------------------

def highlight(text_: str, terms: Sequence[str], marks: tuple[str, str] = DEFAULT_MARKS) -> str:
    """Wrap every occurrence of any term (longest first, case-insensitive) in the marks."""
    if not terms:
        return text_
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    return pattern.sub(lambda m: f"{marks[0]}{m.group(0)}{marks[1]}", text_)


def make_snippet(body: str, terms: Sequence[str], marks: tuple[str, str] = DEFAULT_MARKS,
                 width: int = SNIPPET_CHARS) -> str:
    """A window of ``body`` around the first hit of any term, with every hit highlighted."""
    flat = " ".join(body.split())
    lowered = flat.lower()
    hits = [p for p in (lowered.find(t.lower()) for t in terms) if p >= 0]
    start = max(0, min(hits) - width // 4) if hits else 0
    end = min(len(flat), start + width)
    window = highlight(flat[start:end], terms, marks)
    return ("…" if start > 0 else "") + window + ("…" if end < len(flat) else "")


# -- entry point ---------------------------------------------------------------------------------

def search(session: Session, query: str, filters: SearchFilters | None = None, *,
           sources: Iterable[SourceLike], marks: tuple[str, str] = DEFAULT_MARKS,
           rank_window: int = RANK_WINDOW) -> list[SearchHit]:
    """Ranked notices matching every word of ``query`` and the filters (best first).

    When more than ``rank_window`` notices match, only the newest ``rank_window`` of them are ranked
    (see :func:`_sqlite_fts_statement`); with fewer matches the ranking is exact.
    """
    filters = filters or SearchFilters()
    source_list = tuple(sources)
    cities = city_of(source_list)
    dialect = session.get_bind().dialect.name
    terms = split_terms(query)
    where = _filter_clauses(dialect, filters, resolve_places(source_list, filters.cities, filters.sources))
    limit = max(1, filters.limit)
    stmt = build_statement(dialect, terms, where, limit, max(limit, rank_window))
    hits = []
    for row in session.execute(stmt):
        snippet = make_snippet(row.body, terms, marks)
        hits.append(SearchHit(notice_id=row.id, url=row.url, title=row.title, source=row.source,
                              city=cities.get(row.source, ""), channel=row.channel, doc_number=row.doc_number,
                              published_date=row.published_date, snippet=snippet, score=float(row.score or 0.0),
                              topics=list(row.topics or [])))
    return hits


# -- bulk loading (benchmarks, imports) ----------------------------------------------------------

SQLITE_SYNC_TRIGGERS: Mapping[str, str] = {
    "notice_fts_ai": """CREATE TRIGGER IF NOT EXISTS notice_fts_ai AFTER INSERT ON notice BEGIN
        INSERT INTO notice_fts(rowid, title, body, doc_number)
        VALUES (new.id, new.title, new.body, new.doc_number);
    END""",
    "notice_fts_ad": """CREATE TRIGGER IF NOT EXISTS notice_fts_ad AFTER DELETE ON notice BEGIN
        INSERT INTO notice_fts(notice_fts, rowid, title, body, doc_number)
        VALUES ('delete', old.id, old.title, old.body, old.doc_number);
    END""",
    "notice_fts_au": """CREATE TRIGGER IF NOT EXISTS notice_fts_au
    AFTER UPDATE OF title, body, doc_number ON notice BEGIN
        INSERT INTO notice_fts(notice_fts, rowid, title, body, doc_number)
        VALUES ('delete', old.id, old.title, old.body, old.doc_number);
        INSERT INTO notice_fts(rowid, title, body, doc_number)
        VALUES (new.id, new.title, new.body, new.doc_number);
    END""",
}


def begin_bulk_load(conn: Any) -> None:
    """SQLite: drop the FTS sync triggers so a bulk insert does not index row by row.

    Must be followed by :func:`end_bulk_load`, which re-creates them (same DDL as migration 0002)
    and rebuilds the index in one pass: much faster than per-row trigger updates.
    """
    if conn.dialect.name != "sqlite":
        return
    for name in SQLITE_SYNC_TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def end_bulk_load(conn: Any) -> None:
    if conn.dialect.name != "sqlite":
        return
    for ddl in SQLITE_SYNC_TRIGGERS.values():
        conn.exec_driver_sql(ddl)
    conn.exec_driver_sql("INSERT INTO notice_fts(notice_fts) VALUES ('rebuild')")
    conn.exec_driver_sql("INSERT INTO notice_fts(notice_fts) VALUES ('optimize')")
