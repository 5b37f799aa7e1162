"""Fixtures for the voice tests: speech made at test time, real clips read from ../shared/audio."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from donghaeng.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_AUDIO = REPO_ROOT.parent / "shared" / "audio"


@pytest.fixture(scope="session")
def voice_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(var_dir=tmp_path_factory.mktemp("var"), load_data_on_start=False)


@pytest.fixture(scope="session")
def spoken_korean() -> tuple[np.ndarray, int]:
    """A sentence of espeak Korean: speech-shaped audio for mechanics (not for accuracy)."""
    from donghaeng.tts.espeak import EspeakTTS

    tts = EspeakTTS()
    return tts.synthesize_pcm("안녕하세요. 따릉이 앱을 열어 주세요.", "normal"), tts.sample_rate


class FakeAssistant:
    """Just enough of the lead's Assistant for the voice routes: real STT/TTS, canned dialogue."""

    def __init__(self, settings: Settings, slow: bool = False):
        self.settings = settings
        self.slow = slow
        self.calls: list[dict[str, Any]] = []

    def stt(self, engine: str | None = None) -> Any:
        from donghaeng.stt import create_stt

        return create_stt(engine or self.settings.stt_engine, self.settings)

    def tts(self) -> Any:
        from donghaeng.tts import create_tts

        return create_tts(self.settings.tts_engine, self.settings)

    def handle_text(self, text: str, session_id: str | None = None, lat: float | None = None,
                    lon: float | None = None, channel: str = "text", **_pipeline: Any) -> dict[str, Any]:
        self.calls.append({"text": text, "session_id": session_id, "lat": lat, "lon": lon, "channel": channel})
        return {"session_id": session_id or "s-test", "intent": "faq.general", "slots": {},
                "reply": "네, 알겠어요. 다산콜센터는 02-120이에요.", "actions": [], "state": "done",
                "latency_ms": {"nlu": 1.0}, "slow": self.slow}


@pytest.fixture()
def fake_assistant_factory():
    return FakeAssistant
