"""``policywatch browse``: the SQLite archive in Datasette, read-only, with canned analyst queries.

The static part of the metadata (titles, descriptions, facets, queries) lives in
``store/browse-metadata.json``; here it is bound to the actual database name and the source -> city map
from the registry, written next to the archive and handed to ``datasette serve``.
"""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from store.search import SourceLike

METADATA_TEMPLATE = Path(__file__).with_name("browse-metadata.json")
PLUGINS_DIR = Path(__file__).with_name("browse_plugins")  # secret_tables.py: subscriber tables unreadable
SOURCES_PLACEHOLDER = "/*SOURCES*/"


def sqlite_path(database_url: str) -> Path | None:
    """The archive file behind a sqlite:/// URL, or None for any other database."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sources_values(sources: Iterable[SourceLike]) -> str:
    """``VALUES (id, city, name), …`` for the canned queries' source_city CTE.

    The strings come from the source registry (ours or the operator's TOML), never from a web request,
    and are quoted as SQL literals because Datasette metadata cannot carry bound parameters for a CTE.
    """
    rows = [f"({_sql_string(s.id)}, {_sql_string(s.city)}, {_sql_string(s.name)})" for s in sources]
    return "VALUES " + ", ".join(rows) if rows else "SELECT NULL, NULL, NULL WHERE 0"


def build_metadata(db_name: str, sources: Iterable[SourceLike], template: Path = METADATA_TEMPLATE) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(template.read_text(encoding="utf-8"))
    values = sources_values(sources)
    database = meta["databases"].pop("ARCHIVE")
    for query in database.get("queries", {}).values():
        query["sql"] = query["sql"].replace(SOURCES_PLACEHOLDER, values)
    meta["databases"][db_name] = database
    return meta


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def datasette_command(db_path: Path, metadata_path: Path, port: int, open_browser: bool) -> list[str]:
    # Mutable (not --immutable) so Datasette opens the file with mode=ro and still sees WAL writes
    # of a running daemon; immutable=1 would ignore the -wal file.
    cmd = [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(metadata_path),
           "--host", "127.0.0.1", "--port", str(port), "--plugins-dir", str(PLUGINS_DIR),
           "--setting", "sql_time_limit_ms", "5000",
           "--setting", "facet_time_limit_ms", "500"]
    return [*cmd, "--open"] if open_browser else cmd


def prepare(database_url: str, sources: Iterable[SourceLike], port: int | None,
            open_browser: bool) -> list[str]:
    """Write the metadata next to the archive and return the Datasette command line.

    Raises ValueError for a non-SQLite database or a missing archive file.
    """
    db_path = sqlite_path(database_url)
    if db_path is None:
        raise ValueError("browse works on the SQLite archive only; for PostgreSQL point a SQL client at "
                         "the database (docs/schema.md has example queries) or export with "
                         "`policywatch export`")
    if not db_path.exists():
        raise ValueError(f"no archive at {db_path}: run `policywatch crawl` (or `policywatch demo`) first")
    metadata_path = db_path.parent / "browse-metadata.json"
    metadata = build_metadata(db_path.stem, sources)
    metadata_path.write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")
    return datasette_command(db_path, metadata_path, port or free_port(), open_browser)
