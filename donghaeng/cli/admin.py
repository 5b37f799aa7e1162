"""``donghaeng create-admin``: make (or reset) a control-tower account from the command line.

The password comes from ``--password``, from standard input when it is piped, or from a
hidden prompt; it is never echoed and is stored only as an argon2 hash.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer

from donghaeng.api.auth import ROLES


def read_password(given: str | None) -> str:
    if given:
        return given
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("password", hide_input=True, confirmation_prompt=True))


def create_admin_account(settings: Any, username: str, password: str, role: str) -> str:
    """Create or reset the account; returns ``"created"`` or ``"updated"``."""
    from sqlalchemy import select

    from donghaeng.api.auth import create_user
    from donghaeng.store.db import make_engine, migrate, session_factory
    from donghaeng.store.tables import AdminUserRow

    engine = make_engine(settings.resolved_database_url)
    try:
        migrate(engine)
        with session_factory(engine)() as db, db.begin():
            existed = db.scalar(select(AdminUserRow.id).where(AdminUserRow.username == username)) is not None
            create_user(db, username, password, role, actor="cli")
        return "updated" if existed else "created"
    finally:
        engine.dispose()


def register(app: typer.Typer, get_settings: Callable[[], Any]) -> None:
    """Add ``create-admin`` to ``app``."""

    @app.command("create-admin")
    def create_admin(
        username: Annotated[str, typer.Argument(help="login name for the control tower")],
        role: Annotated[str, typer.Option("--role", help="admin, operator or viewer")] = "admin",
        password: Annotated[
            str | None,
            typer.Option("--password", help="the password (else read from stdin or a hidden prompt)"),
        ] = None,
    ) -> None:
        """Create a control-tower account (or reset its password and role)."""
        from donghaeng.errors import DonghaengError

        if role not in ROLES:
            sys.stderr.write(f"role must be one of {', '.join(ROLES)}\n")
            raise typer.Exit(2)
        try:
            outcome = create_admin_account(get_settings(), username.strip(), read_password(password), role)
        except DonghaengError as err:
            sys.stderr.write(f"{err.code}: {err.message}\n")
            raise typer.Exit(2) from err
        sys.stdout.write(f"{outcome}: {username.strip()} ({role})\n")
