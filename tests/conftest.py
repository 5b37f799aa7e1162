"""Shared fixtures: the real bundled data loaded once, temporary stores, one NLU engine.

Loading the public datasets takes seconds, so it happens once per test session into a
template SQLite file; each test that needs a store gets its own copy of that file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import Engine

from donghaeng.assistant import Assistant
from donghaeng.catalog.loader import LoadReport, load_public_data
from donghaeng.config import REPO_DIR, Settings
from donghaeng.geo.resolver import LocationResolver
from donghaeng.phrasebook import Phrasebook
from donghaeng.skills.public_data import build_location_resolver
from donghaeng.store.db import make_engine, migrate

SHARED_DIR = REPO_DIR.parent / "shared"
REPO_DATA = REPO_DIR / "data"


def shared_or_skip(relative: str) -> Path:
    path = SHARED_DIR / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not present (evaluation material lives outside the repo)")
    return path


@pytest.fixture(scope="session")
def real_clip() -> tuple[Any, str]:
    """The shortest real recording in ../shared/audio with its transcript (16 kHz float32)."""
    import json
    import wave

    import numpy as np

    audio_dir = shared_or_skip("audio")
    rows = [json.loads(line) for line in (audio_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    shortest = min(rows, key=lambda row: (audio_dir / row["file"]).stat().st_size)
    with wave.open(str(audio_dir / shortest["file"])) as handle:
        pcm = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768
    return pcm, shortest["text"]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return REPO_DATA


@pytest.fixture(scope="session")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, LoadReport]]:
    """A migrated store with every bundled dataset loaded (shared, read-only for tests)."""
    path = tmp_path_factory.mktemp("catalog") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    report = load_public_data(engine, REPO_DATA)
    yield engine, report
    engine.dispose()


@pytest.fixture(scope="session")
def template_db(loaded: tuple[Engine, LoadReport], tmp_path_factory: pytest.TempPathFactory) -> Path:
    engine = loaded[0]
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path_factory.mktemp("template") / "loaded.sqlite3"
    shutil.copyfile(engine.url.database or "", copy)
    return copy


@pytest.fixture(scope="session")
def engine(loaded: tuple[Engine, LoadReport]) -> Engine:
    return loaded[0]


@pytest.fixture(scope="session")
def resolver(engine: Engine) -> LocationResolver:
    return build_location_resolver(engine, REPO_DATA)


@pytest.fixture(scope="session")
def phrasebook() -> Phrasebook:
    return Phrasebook.load(REPO_DATA)


@pytest.fixture(scope="session")
def nlu_engine(request: pytest.FixtureRequest) -> Any:
    from donghaeng.nlu.cascade import NluEngine

    nlu = NluEngine.load(REPO_DATA, request.config.cache.mkdir("nlu-model"))
    nlu.warm()
    return nlu


def make_settings(tmp_path: Path, template: Path | None = None, **overrides: Any) -> Settings:
    database = tmp_path / "test.sqlite3"
    if template is not None:
        shutil.copyfile(template, database)
    values: dict[str, Any] = {"database_url": f"sqlite:///{database}", "var_dir": tmp_path,
                              "load_data_on_start": False}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture()
def settings(tmp_path: Path, template_db: Path) -> Settings:
    return make_settings(tmp_path, template_db)


@pytest.fixture()
def assistant(settings: Settings, nlu_engine: Any) -> Iterator[Assistant]:
    instance = Assistant(settings, nlu=nlu_engine)
    instance.prepare_store()
    yield instance
    instance.engine.dispose()
