"""The archive: SQLAlchemy models, engine helpers and the repository (SQLite or PostgreSQL)."""
