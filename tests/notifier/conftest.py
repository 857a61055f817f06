"""Fixtures for notifier tests (builders live in notifier_builders.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from notifier_builders import FakeClock, make_digest

from notifier.digest import Digest


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def digest_factory() -> Callable[..., Digest]:
    return make_digest
