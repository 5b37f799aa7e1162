"""Speech to text: engines behind one Protocol, built once per process.

``create_stt("whisper" | "vosk" | "two-pass" | "vosk-biased", settings)``. Models take
seconds and hundreds of MB to load, so each engine is cached for the life of the process
and shared by the CLI, the HTTP route and every WebSocket.
"""

from __future__ import annotations

import threading
from typing import Any

from donghaeng.stt.base import SpeechStream, SpeechToText, Transcript

ENGINES = ("whisper", "vosk", "two-pass", "vosk-biased")
WHISPER_THREADS = 2

_cache: dict[tuple[str, str], SpeechToText] = {}
_cache_lock = threading.RLock()

__all__ = ["ENGINES", "SpeechStream", "SpeechToText", "Transcript", "create_stt", "clear_stt_cache"]


def create_stt(name: str, settings: Any) -> SpeechToText:
    """The engine called ``name``, loading it on first use; raises ValueError for unknown names."""
    name = (name or "whisper").strip().lower()
    if name not in ENGINES:
        raise ValueError(f"unknown speech-to-text engine {name!r}; choose one of {', '.join(ENGINES)}")
    key = (name, str(getattr(settings, "var_dir", "")))
    with _cache_lock:
        engine = _cache.get(key)
        if engine is None:
            engine = _build(name, settings)
            _cache[key] = engine
        return engine


def clear_stt_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _build(name: str, settings: Any) -> SpeechToText:
    if name == "whisper":
        from donghaeng.stt.rescoring import DEFAULT_WEIGHT, KiwiRescorer
        from donghaeng.stt.whisper import WhisperSTT, default_cache_dir

        weight = float(getattr(settings, "whisper_lm_weight", DEFAULT_WEIGHT))
        return WhisperSTT(default_cache_dir(getattr(settings, "var_dir", None)), threads=WHISPER_THREADS,
                          beam_size=int(getattr(settings, "whisper_beam_size", 5)),
                          compute_type=str(getattr(settings, "whisper_compute_type", "int8")),
                          rescorer=KiwiRescorer(weight) if weight > 0 else None)
    if name == "vosk":
        from donghaeng.stt.vosk import VoskSTT

        return VoskSTT()
    if name == "vosk-biased":
        from donghaeng.stt.phrases import catalogue_phrases
        from donghaeng.stt.vosk import VoskSTT

        return VoskSTT(phrases=catalogue_phrases(settings.data_dir))
    from donghaeng.stt.twopass import TwoPassSTT

    return TwoPassSTT(create_stt("vosk", settings), create_stt("whisper", settings))  # type: ignore[arg-type]
