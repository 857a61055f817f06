"""Shared fixtures. Tests are offline: any connection to a non-loopback address fails the test."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.pg import PgCluster

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_create_connection = socket.create_connection


def _check(address: Any) -> None:
    if not isinstance(address, tuple) or not address:
        return  # unix sockets
    host = str(address[0])
    if host in ("localhost", ""):
        return
    try:
        if ipaddress.ip_address(host.split("%")[0]).is_loopback:
            return
    except ValueError:
        pass
    raise RuntimeError(f"test tried to reach {host}: tests must stay on 127.0.0.1")


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    _check(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    _check(address)
    return _real_connect_ex(self, address)


def _guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    _check(address)
    return _real_create_connection(address, *args, **kwargs)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.create_connection = _guarded_create_connection  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "crawler" / "snapshots"


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from policywatch.config import load_settings

    return load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
                                  "POLICYWATCH_DOWNLOAD_DELAY": "0"})


@pytest.fixture
def factory(settings: Any) -> Any:
    from store.db import open_database, session_factory

    engine = open_database(settings.database_url)
    yield session_factory(engine)
    engine.dispose()


@pytest.fixture
def mirror() -> Iterator[Any]:
    from crawler.mirror_server import MirrorServer

    with MirrorServer(record=True) as server:
        yield server


def as_rendered(sources: Any) -> Any:
    """The sources with every ``needs_browser`` channel read plainly. In-process crawls are
    reactorless, so the browser tier cannot run there; the snapshots hold the static template that
    the browser would render, so reading them plainly archives what the production path does."""
    from dataclasses import replace

    return tuple(replace(src, channels=tuple(replace(ch, needs_browser=False) for ch in src.channels))
                 for src in sources)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One private PostgreSQL cluster (tests/pg.py) for every test that runs on PostgreSQL: the archive
    and notifier tests on both backends, the crawl workers (procrastinate is PostgreSQL only)."""
    from tests.pg import PgCluster, unavailable_reason

    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with PgCluster() as cluster:
        yield cluster

