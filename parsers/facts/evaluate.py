"""Evaluate the extractor on the labelled corpus: per-field precision, recall and F1.

Two corpus shapes: a folder of ``*.json`` cases holding the text (title, body, meta) the
extractor sees, and a page corpus (a folder with ``labels.json`` beside raw ``*.html`` bytes), whose
pages go through the whole detail path (decoding, generic main-content detection, title choice,
attachments) first; page cases also score ``title`` and ``attachments`` (link names, as a set).
A field missing from a case's ``expected`` is not scored on that case (``funding`` is labelled only
where relevant). Every field reports how many templates it was scored on.

Scoring: single-valued fields (文号, dates) count a wrong value as one false positive and one
false negative; issuers are scored as a set; each event type with a ``Scoring`` in the registry
(events.py) adds one field, scored as its spec says: pilot-zone cities and repeals as sets,
funding rules as a multiset of ``(max_amount_yuan, ratio, fund_size_yuan)`` triples, grant
calls as a multiset of ``(apply_end, precision, stage)``. A case is scored on the fields its
``expected`` names and no others: the grant-call set (``corpus_calls``) labels only the lifecycle
events, the older corpora every other field.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policywatch.errors import ParseError

from .api import extract_facts
from .events import Scoring, specs
from .model import DocText, Facts
from .vocab import DAY, EXACT, MONTH, TENTATIVE

_SINGLE_FIELDS = ("doc_number", "written_date", "published_date")
_PAGE_FIELDS = ("title", "attachments")  # scored on page corpora only
LABELS_FILE = "labels.json"


def _scorings() -> dict[str, tuple[str, Scoring]]:
    """eval field -> (event type, how it is scored), in registry order."""
    return {s.scoring.field: (s.name, s.scoring) for s in specs() if s.scoring is not None}


def fields() -> tuple[str, ...]:
    """The scored fields: 文号, dates, issuers, then one per scored event type."""
    return (*_SINGLE_FIELDS, "issuers", *_scorings())


FIELDS = fields()  # the fields of the built-in types (a type registered later joins `fields()`)


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    templates: set[str] = field(default_factory=set)  # the templates (or case ids) it was scored on
    cases: int = 0  # cases that label the field (a field no case labels is not reported)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Miss:
    case_id: str
    field: str
    expected: Any
    got: Any


@dataclass
class EvalReport:
    cases: int = 0
    scores: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in fields()})
    misses: list[Miss] = field(default_factory=list)
    # Cases where the text leaves a deadline uncertain (tentative / month) and the extractor
    # claimed an exact date or a day: the one error the issue forbids outright.
    false_certainty: list[str] = field(default_factory=list)


def load_case(path: Path) -> tuple[dict[str, Any], DocText]:
    case = json.loads(path.read_text(encoding="utf-8"))
    doc = DocText(
        title=case.get("title", ""),
        body=case.get("body", ""),
        url=case.get("url", ""),
        meta=dict(case.get("meta") or {}),
        attachment_texts=tuple((str(n), str(t)) for n, t in case.get("attachments") or ()),
    )
    return case, doc


def predicted(facts: Facts) -> dict[str, Any]:
    """The extractor's output in the corpus's ``expected`` shape."""
    out: dict[str, Any] = {
        "doc_number": facts.doc_number,
        "written_date": facts.written_date.isoformat() if facts.written_date else None,
        "published_date": facts.published_date.isoformat() if facts.published_date else None,
        "issuers": list(facts.issuers),
    }
    for name, (event_type, scoring) in _scorings().items():
        out[name] = [scoring.predict(e) for e in facts.events if e["type"] == event_type]
    return out


def _single(score: FieldScore, exp: Any, got: Any) -> bool:
    if exp is not None and exp == got:
        score.tp += 1
        return True
    score.fp += got is not None
    score.fn += exp is not None
    return exp == got


def _bag(score: FieldScore, exp: Iterable[Hashable], got: Iterable[Hashable]) -> bool:
    e, g = Counter(exp), Counter(got)
    score.tp += sum((e & g).values())
    score.fp += sum((g - e).values())
    score.fn += sum((e - g).values())
    return e == g


def _scored(scoring: Scoring, values: Iterable[Any]) -> Iterable[Hashable]:
    keys = map(scoring.key, values)
    return keys if scoring.multiset else set(keys)


def score_case(report: EvalReport, case: dict[str, Any], got: dict[str, Any]) -> None:
    exp = case["expected"]
    scorings = _scorings()
    for f in dict.fromkeys([*report.scores, *(p for p in _PAGE_FIELDS if p in got)]):
        if f not in exp:
            continue  # a case scores only the fields it labels (a page case, a grant-call case labels no 文号)
        e, g = exp[f], got[f]
        score = report.scores.setdefault(f, FieldScore())
        score.templates.add(str(case.get("template") or case["id"]))
        score.cases += 1
        if f in _SINGLE_FIELDS or f == "title":
            ok = _single(score, e, g)
        elif f in scorings:
            scoring = scorings[f][1]
            ok = _bag(score, _scored(scoring, e or []), _scored(scoring, g))
        else:
            ok = _bag(score, set(e or []), set(g))
        if not ok:
            report.misses.append(Miss(case["id"], f, e, g))
    if "calls" in exp and _claims_certainty(exp["calls"] or [], got.get("calls") or []):
        report.false_certainty.append(case["id"])


def _claims_certainty(expected: list[dict[str, Any]], got: list[dict[str, Any]]) -> bool:
    """A predicted exact/day end where the label, for the same stage, is tentative or month-only."""
    vague = {c.get("stage") for c in expected if c.get("precision") in (TENTATIVE, MONTH)}
    return any(g.get("precision") in (EXACT, DAY) and g.get("stage") in vague for g in got)


# Shipped inside the package (wheel included), so `policywatch eval` works from any folder.
DEFAULT_CORPUS = Path(__file__).with_name("corpus")


def evaluate(corpus_dir: Path = DEFAULT_CORPUS) -> EvalReport:
    """Run ``extract_facts`` over every ``*.json`` case in ``corpus_dir`` and score it.

    An empty or missing corpus is an error: "0 cases, every score perfect" must never be printed.
    """
    if (Path(corpus_dir) / LABELS_FILE).is_file():
        return evaluate_pages(Path(corpus_dir))
    report = EvalReport()
    paths = sorted(Path(corpus_dir).glob("*.json"))
    if not paths:
        raise ParseError(f"no labelled cases (*.json) in {corpus_dir}")
    for path in paths:
        case, doc = load_case(path)
        report.cases += 1
        score_case(report, case, predicted(extract_facts(doc)))
    return report


def load_page_cases(corpus_dir: Path) -> list[dict[str, Any]]:
    cases = json.loads((corpus_dir / LABELS_FILE).read_text(encoding="utf-8"))["cases"]
    if not cases:
        raise ParseError(f"no labelled pages in {corpus_dir / LABELS_FILE}")
    return list(cases)


def predicted_page(data: bytes, url: str) -> dict[str, Any]:
    """A raw page through the whole generic detail path, in the labels' ``expected`` shape."""
    # Imported here: parsers.notice itself imports this package (a top-level import would be a cycle).
    from parsers.notice import parse_bytes

    record = parse_bytes(data, url, is_text=False, source=None, channel=None)
    facts = Facts(record.doc_number, record.doc_number_raw, record.issuers, record.written_date,
                  record.published_date, record.topics, record.events, ())
    out = predicted(facts)
    out["title"] = record.title
    out["attachments"] = [a.name for a in record.attachments]
    return out


def evaluate_pages(corpus_dir: Path) -> EvalReport:
    """Score a page corpus: ``labels.json`` plus the raw pages it names."""
    report = EvalReport()
    for case in load_page_cases(corpus_dir):
        report.cases += 1
        try:
            got = predicted_page((corpus_dir / case["file"]).read_bytes(), case["url"])
        except ParseError:
            got = {**dict.fromkeys(_SINGLE_FIELDS), "title": None, "issuers": [], "attachments": [],
                   **{f: [] for f in _scorings()}}  # an unparseable page misses every field
        score_case(report, case, got)
    return report


def format_report(report: EvalReport) -> str:
    lines = [f"cases: {report.cases}",
             f"{'field':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}{'templates':>11}"]
    for name, s in report.scores.items():
        if not s.cases:
            continue
        lines.append(f"{name:<20}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}"
                     f"{len(s.templates):>11}")
    if "calls" in report.scores and report.scores["calls"].cases:
        lines.append(f"tentative/month deadlines given as exact: {len(report.false_certainty)}"
                     + (f" ({', '.join(report.false_certainty)})" if report.false_certainty else ""))
    if report.misses:
        lines.append("misses:")
        lines.extend(f"  {m.case_id} {m.field}: expected {m.expected!r} got {m.got!r}" for m in report.misses)
    return "\n".join(lines)
