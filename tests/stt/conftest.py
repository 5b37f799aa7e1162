"""Fixtures for recogniser tests: a session var dir (model cache) and one short real clip."""

from __future__ import annotations

from pathlib import Path

import pytest

from donghaeng.config import Settings

SHARED_AUDIO = Path(__file__).resolve().parents[2].parent / "shared" / "audio"


@pytest.fixture(scope="session")
def stt_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(var_dir=tmp_path_factory.mktemp("var"), load_data_on_start=False)


