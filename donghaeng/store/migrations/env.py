"""Alembic environment: uses the connection handed over by ``donghaeng.store.db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from donghaeng.store import tables  # noqa: F401  (registers core tables)

try:  # catalogue tables are optional at this layer
    from donghaeng.store import catalog_tables  # noqa: F401
except ImportError:  # pragma: no cover
    pass

target_metadata = tables.Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
