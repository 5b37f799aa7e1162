"""One NLU engine for the whole test session: loading Kiwi and the public name lists takes seconds."""

from __future__ import annotations

from pathlib import Path

import pytest

from donghaeng.nlu.cascade import NluEngine

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def engine(request: pytest.FixtureRequest) -> NluEngine:
    nlu = NluEngine.load(REPO_ROOT / "data", request.config.cache.mkdir("nlu-model"))
    nlu.warm()
    return nlu
