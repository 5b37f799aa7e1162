"""``donghaeng create-admin``: accounts made from the command line can sign in."""

from __future__ import annotations

from pathlib import Path

import typer
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from web_support import make_settings

from donghaeng.api.app import create_app
from donghaeng.cli.admin import register


def cli_for(tmp_path: Path) -> typer.Typer:
    app = typer.Typer()
    register(app, lambda: make_settings(tmp_path))

    @app.command("noop")
    def noop() -> None:  # a second command keeps Typer in multi-command mode
        """Nothing."""

    return app


def test_create_admin_with_password_from_stdin_then_login(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli_for(tmp_path), ["create-admin", "kim", "--role", "operator"], input="operator-secret-9\n"
    )
    assert result.exit_code == 0, result.output
    assert "created: kim (operator)" in result.output
    with TestClient(create_app(make_settings(tmp_path))) as client:
        response = client.post("/v1/admin/session", json={"username": "kim", "password": "operator-secret-9"})
        assert response.status_code == 200 and response.json()["role"] == "operator"


def test_create_admin_refuses_weak_password_and_bad_role(tmp_path: Path) -> None:
    runner = CliRunner()
    weak = runner.invoke(cli_for(tmp_path), ["create-admin", "lee", "--password", "short"])
    assert weak.exit_code == 2 and "weak-password" in weak.output
    role = runner.invoke(
        cli_for(tmp_path), ["create-admin", "lee", "--password", "long-enough-1", "--role", "boss"]
    )
    assert role.exit_code == 2


def test_create_admin_again_resets_the_password(tmp_path: Path) -> None:
    runner = CliRunner()
    app = cli_for(tmp_path)
    assert runner.invoke(app, ["create-admin", "park", "--password", "first-password"]).exit_code == 0
    again = runner.invoke(app, ["create-admin", "park", "--password", "second-password", "--role", "viewer"])
    assert again.exit_code == 0 and "updated: park (viewer)" in again.output
