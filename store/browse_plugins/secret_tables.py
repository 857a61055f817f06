"""Datasette plugin: the subscriber tables cannot be read at all, not even by custom SQL.

Table permissions in the metadata (``allow: false``) only hide the table pages; Datasette's SQL box
runs any SELECT, so ``?sql=select kind, target from subscription`` returned WeCom keys, PushPlus tokens
and e-mail addresses. A SQLite authorizer on every connection Datasette opens denies reading those
tables, whatever the query.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from datasette import hookimpl

SECRET_TABLES = frozenset({"subscriber", "subscription", "delivery", "alert_delivery"})


def authorizer(action: int, arg1: str | None, _arg2: str | None, _db: str | None, _source: str | None) -> int:
    if action == sqlite3.SQLITE_READ and arg1 in SECRET_TABLES:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: Any, datasette: Any) -> None:
    conn.set_authorizer(authorizer)
