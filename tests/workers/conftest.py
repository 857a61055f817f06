"""A private PostgreSQL cluster for the crawl-worker tests (procrastinate runs on PostgreSQL only)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.pg import PgCluster, unavailable_reason


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with PgCluster() as cluster:
        yield cluster
