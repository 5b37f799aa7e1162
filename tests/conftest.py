"""Shared fixtures: temporary stores and one NLU engine for the whole test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from donghaeng.assistant import Assistant
from donghaeng.config import REPO_DIR, Settings

SHARED_DIR = REPO_DIR.parent / "shared"


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"database_url": f"sqlite:///{tmp_path / 'test.sqlite3'}", "var_dir": tmp_path,
                              "load_data_on_start": False}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="session")
def nlu_engine() -> Any:
    from donghaeng.nlu.cascade import NluEngine

    engine = NluEngine.load(REPO_DIR / "data")
    engine.warm()
    return engine


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture()
def assistant(settings: Settings, nlu_engine: Any) -> Iterator[Assistant]:
    instance = Assistant(settings, nlu=nlu_engine)
    instance.prepare_store()
    yield instance
    instance.engine.dispose()


def shared_or_skip(relative: str) -> Path:
    path = SHARED_DIR / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not present (evaluation material lives outside the repo)")
    return path
