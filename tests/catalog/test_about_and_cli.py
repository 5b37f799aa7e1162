"""The attribution page and the ``data load`` command."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import typer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from donghaeng.api.routes.about import router
from donghaeng.catalog.loader import DATASETS
from donghaeng.cli.data import register


def test_about_page_names_every_publisher() -> None:
    app = FastAPI()
    app.include_router(router)
    page = TestClient(app).get("/about/data")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for publisher in ("서울특별시", "한국사회보장정보원", "보건복지부", "공공누리"):
        assert publisher in page.text
    assert '<html lang="ko">' in page.text


def test_about_page_covers_every_loaded_dataset() -> None:
    from donghaeng.api.routes.about import PROVENANCE

    assert {spec.name for spec in DATASETS} == set(PROVENANCE)


def test_data_load_command_is_idempotent(tmp_path: Path, data_dir: Path) -> None:
    settings = SimpleNamespace(resolved_database_url=f"sqlite:///{tmp_path / 'cli.sqlite3'}", data_dir=data_dir)
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """donghaeng"""

    register(app, lambda: settings)
    runner = CliRunner()
    first = runner.invoke(app, ["data", "load", "--json"])
    second = runner.invoke(app, ["data", "load", "--json"])
    assert first.exit_code == 0, first.output
    one, two = json.loads(first.stdout), json.loads(second.stdout)
    assert one["total_loaded"] == two["total_loaded"] > 20000
    assert {d["status"] for d in two["datasets"]} == {"unchanged"}
    text = runner.invoke(app, ["data", "load"])
    assert "heat_shelters" in text.stdout and "total loaded" in text.stdout
