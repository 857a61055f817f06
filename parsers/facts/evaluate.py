"""Evaluate the extractor on the labelled corpus: per-field precision, recall and F1.

Scoring: single-valued fields (文号, dates) count a wrong value as one false positive and one
false negative; list fields (issuers, pilot-zone cities, repeals) are scored as sets; funding
rules as a multiset of ``(max_amount_yuan, ratio, fund_size_yuan)`` triples.
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
from .model import DocText, Facts

FIELDS = (
    "doc_number",
    "written_date",
    "published_date",
    "issuers",
    "funding",
    "pilot_zone_cities",
    "repeals",
)


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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
    scores: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    misses: list[Miss] = field(default_factory=list)


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
    events = facts.events
    return {
        "doc_number": facts.doc_number,
        "written_date": facts.written_date.isoformat() if facts.written_date else None,
        "published_date": facts.published_date.isoformat() if facts.published_date else None,
        "issuers": list(facts.issuers),
        "funding": [
            {k: e[k] for k in ("max_amount_yuan", "ratio", "fund_size_yuan")}
            for e in events
            if e["type"] == "funding_rule"
        ],
        "pilot_zone_cities": [e["city"] for e in events if e["type"] == "pilot_zone_approved"],
        "repeals": [e["doc_number"] or f"《{e['title']}》" for e in events if e["type"] == "repeal"],
    }


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


def _funding_key(rule: dict[str, Any]) -> tuple[Any, ...]:
    ratio = rule.get("ratio")
    return (
        rule.get("max_amount_yuan"),
        None if ratio is None else round(float(ratio), 4),
        rule.get("fund_size_yuan"),
    )


def score_case(report: EvalReport, case: dict[str, Any], got: dict[str, Any]) -> None:
    exp = case["expected"]
    for f in FIELDS:
        e, g = exp.get(f), got[f]
        if f in ("doc_number", "written_date", "published_date"):
            ok = _single(report.scores[f], e, g)
        elif f == "funding":
            ok = _bag(report.scores[f], map(_funding_key, e or []), map(_funding_key, g))
        else:
            ok = _bag(report.scores[f], set(e or []), set(g))
        if not ok:
            report.misses.append(Miss(case["id"], f, e, g))


# Shipped inside the package (wheel included), so `policywatch eval` works from any folder.
DEFAULT_CORPUS = Path(__file__).with_name("corpus")


def evaluate(corpus_dir: Path = DEFAULT_CORPUS) -> EvalReport:
    """Run ``extract_facts`` over every ``*.json`` case in ``corpus_dir`` and score it.

    An empty or missing corpus is an error: "0 cases, every score perfect" must never be printed.
    """
    report = EvalReport()
    paths = sorted(Path(corpus_dir).glob("*.json"))
    if not paths:
        raise ParseError(f"no labelled cases (*.json) in {corpus_dir}")
    for path in paths:
        case, doc = load_case(path)
        report.cases += 1
        score_case(report, case, predicted(extract_facts(doc)))
    return report


def format_report(report: EvalReport) -> str:
    lines = [f"cases: {report.cases}", f"{'field':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>5}{'fn':>5}"]
    for name, s in report.scores.items():
        lines.append(f"{name:<20}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>5}{s.fn:>5}")
    if report.misses:
        lines.append("misses:")
        lines.extend(f"  {m.case_id} {m.field}: expected {m.expected!r} got {m.got!r}" for m in report.misses)
    return "\n".join(lines)
