"""Backends for the archive tests: SQLite files and a private PostgreSQL cluster started once per session.

``db_url`` gives each test a fresh, migrated database on both backends. ``demo_archive`` crawls the
bundled snapshots (the same data as ``policywatch demo``) once per backend and session; tests that use
it must only read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tests.pg import PgCluster

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def pg_template(pg_cluster: PgCluster) -> str:
    """A database migrated to head, used as CREATE DATABASE … TEMPLATE (much faster than migrating)."""
    from store.db import open_database

    url = pg_cluster.create_database(prefix="pw_template")
    open_database(url).dispose()
    return url.split("/", 3)[-1].split("?", 1)[0]


def _fresh_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database(template=request.getfixturevalue("pg_template"))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database on each backend, migrated to head."""
    url = _fresh_url(request.param, tmp_path, request)
    yield url
    if request.param == "postgresql":
        request.getfixturevalue("pg_cluster").drop_database(url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    from store.db import open_database

    eng = open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def archive_factory(engine: Engine) -> sessionmaker[Session]:
    from store.db import session_factory

    return session_factory(engine)


@dataclass
class DemoArchive:
    backend: str
    url: str
    factory: sessionmaker[Session]
    data_dir: Path
    settings: Any


def _crawl_demo(url: str, data_dir: Path) -> DemoArchive:
    from crawler.mirror_server import MirrorServer
    from crawler.runner import crawl
    from crawler.sources import builtin_sources
    from policywatch.config import load_settings
    from store.db import open_database, session_factory
    from tests.conftest import as_rendered

    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(data_dir), "POLICYWATCH_DATABASE_URL": url,
                                      "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    factory = session_factory(open_database(url))
    with MirrorServer() as mirror:
        # What the demo archives with Chromium (the JS-built Tianjin list rendered): tests.conftest.as_rendered.
        asyncio.run(crawl(as_rendered(builtin_sources()), settings, factory, mirror=mirror.url, reactor=False,
                          polite=False))
    backend = "postgresql" if url.startswith("postgresql") else "sqlite"
    return DemoArchive(backend, url, factory, data_dir, settings)


@pytest.fixture(scope="session")
def sqlite_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoArchive]:
    data_dir = tmp_path_factory.mktemp("demo-sqlite")
    archive = _crawl_demo(f"sqlite:///{data_dir / 'policywatch.sqlite3'}", data_dir)
    yield archive
    archive.factory.kw["bind"].dispose()


@pytest.fixture(scope="session")
def pg_demo(pg_cluster: PgCluster, pg_template: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoArchive]:
    archive = _crawl_demo(pg_cluster.create_database(template=pg_template, prefix="demo"),
                          tmp_path_factory.mktemp("demo-pg"))
    yield archive
    archive.factory.kw["bind"].dispose()


@pytest.fixture(params=BACKENDS)
def demo_archive(request: pytest.FixtureRequest) -> DemoArchive:
    """The crawled demo archive on each backend (read only: shared by the whole session)."""
    return request.getfixturevalue("sqlite_demo" if request.param == "sqlite" else "pg_demo")
