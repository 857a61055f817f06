"""Fixtures for notifier tests (builders live in notifier_builders.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from notifier_builders import FakeClock, make_digest

from notifier.digest import Digest
from tests.pg import PgCluster, unavailable_reason


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One private PostgreSQL cluster for the notifier tests that run on both backends."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with PgCluster() as cluster:
        yield cluster


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def digest_factory() -> Callable[..., Digest]:
    return make_digest
