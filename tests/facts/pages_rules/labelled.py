"""The labelled class pages (``classes2/`` … ``classes4/``) read the way every class test reads them.

One comparison for all of them: list fields as sorted lists, funding as sorted (max amount, ratio,
fund size) tuples; and one way to hand a page to build.py's variations (its charset declared as
``charset='utf-8'``, which ``encodings`` swaps for GBK, and ``©``, which GBK lacks, as an entity).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parsers.decode import decode_html
from parsers.facts.evaluate import predicted_page
from tests.facts.pages_rules.build import VARIATIONS, encodings

FUNDING_KEYS = ("max_amount_yuan", "ratio", "fund_size_yuan")


def load_cases(folder: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["cases"]
    return cases


def labels_digest(folder: Path) -> str:
    return hashlib.sha256((folder / "labels.json").read_bytes()).hexdigest()


def _form(key: str, value: Any) -> Any:
    if key == "funding":
        return sorted(tuple(f.get(k) or 0 for k in FUNDING_KEYS) for f in value or [])
    return sorted(value) if isinstance(value, list | tuple) else value


def as_labelled(got: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    """The extractor's values of the labelled fields, in the labels' form."""
    return {k: _form(k, got.get(k) or ([] if isinstance(v, list) else None)) for k, v in expected.items()}


def labelled(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: _form(k, v) for k, v in expected.items()}


def variable_html(path: Path) -> str:
    """The page as text for build.py's variations, declared UTF-8 the way ``encodings`` expects."""
    text, _ = decode_html(path.read_bytes(), None)
    return re.sub(r"charset=['\"]?(?:gbk|gb2312|gb18030|utf-8)['\"]?", "charset='utf-8'", text,
                  flags=re.I).replace("©", "&copy;")


def assert_reads(folder: Path, case: dict[str, Any]) -> None:
    """The page as served gives every labelled value."""
    got = predicted_page((folder / case["file"]).read_bytes(), case["url"])
    assert as_labelled(got, case["expected"]) == labelled(case["expected"])


def assert_reads_under(folder: Path, case: dict[str, Any], variation: str) -> None:
    """The page under one of build.py's variations, in UTF-8 and GBK, gives every labelled value."""
    for encoding, data in encodings(VARIATIONS[variation](variable_html(folder / case["file"]))):
        got = predicted_page(data, case["url"])
        assert as_labelled(got, case["expected"]) == labelled(case["expected"]), (variation, encoding)


def page_tests(folder: Path, frozen: str) -> tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    """The three tests every class-page folder runs, bound to it: its labels are the frozen ones, every page
    gives every labelled value, and so it does under every variation of build.py (UTF-8 and GBK). A test
    module takes them as ``test_labels_are_frozen, test_every_labelled_field,
    test_every_field_under_variations = page_tests(PAGES, FROZEN)``."""
    cases = load_cases(folder)
    ids = [c["id"] for c in cases]

    def test_labels_are_frozen() -> None:
        assert labels_digest(folder) == frozen

    @pytest.mark.parametrize("case", cases, ids=ids)
    def test_every_labelled_field(case: dict[str, Any]) -> None:
        assert_reads(folder, case)

    @pytest.mark.parametrize("variation", sorted(set(VARIATIONS) - {"as_written"}))
    @pytest.mark.parametrize("case", cases, ids=ids)
    def test_every_field_under_variations(case: dict[str, Any], variation: str) -> None:
        assert_reads_under(folder, case, variation)

    return test_labels_are_frozen, test_every_labelled_field, test_every_field_under_variations
