"""The page corpus of issue 15 (tests/facts/pages/): composition, frozen labels, and its scores.

The untouched split is never tuned on; its thresholds below are the after-numbers measured once the
rules were written on the tuning split (docs/extraction.md), so they guard against regressions and
must not be raised by writing rules for its pages.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from parsers.facts.evaluate import EvalReport, evaluate, format_report, load_page_cases

PAGES = Path(__file__).parent / "pages"
# Labels are frozen: changing one means changing this hash in the same commit, saying why.
FROZEN = {
    "tuning": "258ae2f2cbc1473e7a2a30d3b0147733656d4f367adb80ac53bf84bfeef953ae",
    "untouched": "f220e261976b1c027c7b115145c1ff4f9079cd99f8bc070465eb1c1456f7dd7f",
    "blind": "966fe935e458e53675fede5f6dad2ace6d1a05e2437ba5425f447af3d06c588e",
    "blind2": "5e4e922c8c2132fe5f438ad0a9fd7357547891237cea180d565fcb8eff0afdbe",
    "blind3": "1ccfc50dcd7f47d9de8c49019799cb2ecb6c40a7fb0ba2ef7da364ca0225c4e1",
    "blind4": "f5092c349064ccd7cd841fae118d0442be4eb7b052d388f9c06c03088777b69e",
    "blind5": "dd6104c68f79a6d13b47c515252f4475e5f47c43e7bdc3b8262dc0d36c85e2e4",
    "blind6": "c55bff9c673dec40226acd3f016b9ba13a24bb81d0c9922689fe01e78b5e6836",
    "blind7": "b059e0f0cd8741c7d2ad4a79df56dac0182aa9d7823412d580e6e348c047cdb6",
    "blind8": "7070617d2aa1b1a96bbae79eace2565bc7cb98f35e6a63d41afa0aa5f4807979",
    "blind10": "0c1cc6cbf6111ffe8a15b653bcf4132f404a01096a8a364f61bc9b67d130fd82",
    "blind11": "622137db107a0418c91922e58be0a6e482a91bfdac116ca28d4e2ffe642e9792",
    "blind12": "99ae120ac37a3bb17fc5a85d2955b1e266e32b98737bfafdd2c4ef01d828073a",
    "blind13": "297d3fba3dbc9d918fe0cde9a6701ccc071d536017194b00d1a85f5630f001d0",
    "blind9": "0276f6f1168007f12c37127288eb01e750ee869382b01c10909f868a95909593",
}
# Written by helpers that read no code, no tests and no other corpus, frozen with a SHA256SUMS of every file.
BLIND = ["blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11",
         "blind12", "blind13"]


def _cases(split: str) -> list[dict[str, object]]:
    return load_page_cases(PAGES / split)


def test_composition() -> None:
    tuning, untouched = _cases("tuning"), _cases("untouched")
    everything = tuning + untouched
    assert len(everything) >= 150
    assert len({c["template"] for c in everything}) >= 25
    assert not {c["template"] for c in tuning} & {c["template"] for c in untouched}
    assert not {c["host"] for c in tuning} & {c["host"] for c in untouched}
    assert len(untouched) >= 50
    assert {c["encoding"] for c in everything} >= {"utf-8", "gbk", "gb2312"}
    for case in everything:
        assert (PAGES / ("tuning" if case in tuning else "untouched") / str(case["file"])).is_file()


@pytest.mark.parametrize("split", sorted(FROZEN))
def test_labels_are_frozen(split: str) -> None:
    assert hashlib.sha256((PAGES / split / "labels.json").read_bytes()).hexdigest() == FROZEN[split]


def _check(report: EvalReport, floors: dict[str, float], default: float) -> None:
    text = format_report(report)
    for name, score in report.scores.items():
        floor = floors.get(name, default)
        assert score.precision >= floor and score.recall >= floor, text
    assert report.scores["pilot_zone_cities"].precision >= 0.98, text


def test_tuning_split() -> None:
    _check(evaluate(PAGES / "tuning"), {}, 0.98)


def test_untouched_split_does_not_regress() -> None:
    # Title was 0.889 until stop 28's title-suffix and byline rules (written on other pages) reached it.
    _check(evaluate(PAGES / "untouched"), {"funding": 0.92}, 0.98)


def test_blind_split_does_not_regress() -> None:
    """blind/ was written and labelled by a helper that had not read the extractor (its README); the
    floors are the numbers measured on it after the stop-26 rules, which were written without it.
    They only catch regressions: a rule written for its pages would make the split worthless."""
    # Since stop 28 a seen split (its README): 1.000 on every field after the rules for its classes.
    _check(evaluate(PAGES / "blind"), {}, 1.0)


@pytest.mark.parametrize("split", BLIND)
def test_blind_pages_are_the_frozen_ones(split: str) -> None:
    """Every file of the split (pages, documents, generator, labels) is the one committed at the freeze."""
    root = PAGES / split
    sums = dict(reversed(line.split("  ", 1)) for line in (root / "SHA256SUMS").read_text().splitlines() if line)
    assert set(sums) == {p.name for p in root.iterdir() if p.name != "SHA256SUMS" and p.is_file()}
    for name, digest in sums.items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name


def test_blind2_split_does_not_regress() -> None:
    """blind2/ was written by a second helper that had read neither parsers/ nor the extractor's tests,
    frozen before the extractor ran on it (its README). Held out until stop 29, which read its last
    misses (allocations naming their programme, headlines restating a clause, empty metadata cells)
    and fixed those classes on classes5/'s pages: a seen split since, at 1.000 on every field."""
    _check(evaluate(PAGES / "blind2"), {}, 1.0)


def test_blind3_split_does_not_regress() -> None:
    """blind3/ was written by a third helper that had read neither parsers/, the tests nor the other
    corpora's pages and generators (pages in its own idea of real sites' markup), frozen before the
    extractor ran on it. Its before-scores are in its README; the classes it showed (joint titles led by
    the site's bureau, cut ArticleTitle metas, issuer short forms, 文号 prefixes and order lines, listed
    repeals) were then fixed on other pages (classes4/, test_generic_titles.py): since stop 28 a seen
    split. Its last two classes (a date above the news heading, a repost signed after the letter it
    forwards) were fixed on classes5/ in stop 29: 1.000 on every field since."""
    _check(evaluate(PAGES / "blind3"), {}, 1.0)


def test_stop29_blind_splits_do_not_regress() -> None:
    """blind4/ … blind13/ were written in stop 29 by ten helpers that read no code, no tests and no other
    corpus (pages from their own knowledge of the sites' markup and ../shared/reference), frozen before the
    extractor ran on them. Each was measured once as a held-out split (tests/facts/pages/README.md keeps
    those numbers), then its failure classes were fixed on other pages (pages_rules/classes6-11): seen
    splits since, held at their after-scores."""
    for split in ("blind4", "blind5", "blind6", "blind8", "blind9", "blind10", "blind12"):
        _check(evaluate(PAGES / split), {}, 1.0)
    # blind7's one miss: a re-lending quota ("额度由5000亿元增加至8000亿元") labelled a fund size, and the
    # 60% share of a loan the central bank re-lends labelled a ratio; its own writer doubted both labels.
    _check(evaluate(PAGES / "blind7"), {"funding": 0.92}, 1.0)
    # blind11's one miss: "同批获批的还有沈阳、哈尔滨" (a batch reported after the sentence naming 郑州) is
    # not read as approvals; pilot zones favour precision (docs/extraction.md, Known gaps).
    _check(evaluate(PAGES / "blind11"), {"pilot_zone_cities": 0.8}, 1.0)
    # blind13: a city plan reposted by the S&T bureau, signed by 市政府办公室 while its 发布机构 names the
    # bureau (metadata wins); a news item reporting an approval of 南昌, a city outside the eighteen zones.
    _check(evaluate(PAGES / "blind13"), {"issuers": 0.97, "pilot_zone_cities": 0.75}, 1.0)
