"""The independent pages (tests/sources/independent/README.md): every notice, with its exact URL,
title, date and 文号, through the pages the adapters ask for; and the title a detail page is stored
under. These pages are evidence only because they are never edited to make this test pass."""

from __future__ import annotations

import pytest

from tests.sources.independent.harness import EXPECTED, detail_cases, score, stored_title


@pytest.mark.parametrize("key", sorted(EXPECTED["lists"]))
def test_every_independent_notice_is_found_exactly(key: str) -> None:
    found, total, notes = score(key)
    assert found == total, notes


@pytest.mark.parametrize(("key", "url", "title"), detail_cases())
def test_stored_title_is_the_documents_own(key: str, url: str, title: str) -> None:
    assert stored_title(key, url) == title
