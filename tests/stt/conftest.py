"""Fixtures for recogniser tests: a session var dir (model cache) and one short real clip."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from donghaeng.config import Settings

SHARED_AUDIO = Path(__file__).resolve().parents[2].parent / "shared" / "audio"


@pytest.fixture(scope="session")
def stt_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(var_dir=tmp_path_factory.mktemp("var"), load_data_on_start=False)


@pytest.fixture(scope="session")
def real_clip() -> tuple[np.ndarray, str]:
    """The shortest real recording in ../shared/audio with its transcript (16 kHz float32)."""
    manifest = SHARED_AUDIO / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip("../shared/audio is not present on this machine: real-speech tests need it")
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()]
    shortest = min(rows, key=lambda row: (SHARED_AUDIO / row["file"]).stat().st_size)
    with wave.open(str(SHARED_AUDIO / shortest["file"])) as handle:
        pcm = np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768
    return pcm, shortest["text"]
