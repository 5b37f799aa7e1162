"""``donghaeng data load``: bring the bundled public datasets into the store and print counts."""

from __future__ import annotations

import json
from typing import Any, Callable

import typer


def register(app: typer.Typer, get_settings: Callable[[], Any]) -> None:
    data_app = typer.Typer(help="Public datasets: load into the store.", no_args_is_help=True)

    @data_app.command("load")
    def load(
        as_json: bool = typer.Option(False, "--json", help="One JSON object on stdout."),
        force: bool = typer.Option(False, "--force", help="Reload even unchanged datasets."),
    ) -> None:
        """Load (or update) every dataset; unchanged files are skipped, so it is safe to repeat."""
        from donghaeng.catalog.loader import load_public_data
        from donghaeng.store.db import make_engine, migrate

        settings = get_settings()
        engine = make_engine(settings.resolved_database_url)
        try:
            migrate(engine)
            report = load_public_data(engine, settings.data_dir, force=force)
        finally:
            engine.dispose()
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
            return
        for item in report.datasets:
            reasons = ", ".join(f"{k} {v}" for k, v in item.skipped_by_reason.items()) or "-"
            typer.echo(f"{item.name:28} {item.status:9} loaded {item.loaded:6}  skipped {item.skipped:5}  ({reasons})")
        typer.echo(f"total loaded {report.total_loaded}, skipped {report.total_skipped}")

    app.add_typer(data_app, name="data")
