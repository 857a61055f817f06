"""Alembic environment: metadata and URL come from the application, never from alembic.ini."""

from __future__ import annotations

from typing import Any

from sqlalchemy import engine_from_config, pool

from alembic import context
from store.models import Base

config = context.config
target_metadata = Base.metadata


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    # FTS virtual tables and their shadow tables (SQLite) and the pg_trgm indexes (PostgreSQL) are
    # created by hand in migration 0002; autogenerate would otherwise report them as "removed" (stack.md §4).
    if type_ in ("table", "index") and name is not None and name.startswith("procrastinate_"):
        return False  # the job engine's own schema (policywatch/engine.py applies it), not ours
    return not (type_ in ("table", "index") and name is not None and "_fts" in name)


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
