from sqlalchemy import inspect

from donghaeng.store.db import make_engine, migrate


def test_migrations_create_core_tables_and_are_idempotent(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    migrate(engine)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"sessions", "session_events", "turns", "complaints", "audit_events", "admin_users"} <= tables


def test_sqlite_runs_in_wal_mode_for_durable_writes(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'w.sqlite3'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
