"""Text to speech: ``create_tts(name, settings)`` with one engine instance per process.

``espeak`` is the bundled offline voice. A better voice plugs in without touching this
package: set ``tts_engine`` to ``"package.module:ClassName"``; the class is built with the
settings and must provide ``synthesize`` and ``stream`` (subclassing
``donghaeng.tts.base.SentenceSynthesizer`` gives both from one ``synthesize_pcm``).
"""

from __future__ import annotations

import importlib
import threading
from typing import Any

from donghaeng.tts.base import SpeechChunk, TextToSpeech, split_sentences

ENGINES = ("espeak",)
_cache: dict[str, TextToSpeech] = {}
_lock = threading.Lock()

__all__ = ["ENGINES", "SpeechChunk", "TextToSpeech", "create_tts", "split_sentences"]


def create_tts(name: str, settings: Any) -> TextToSpeech:
    name = (name or "espeak").strip()
    with _lock:
        engine = _cache.get(name)
        if engine is None:
            engine = _build(name, settings)
            _cache[name] = engine
        return engine


def _build(name: str, settings: Any) -> TextToSpeech:
    if name == "espeak":
        from donghaeng.tts.espeak import EspeakTTS

        return EspeakTTS()
    if ":" in name:
        module_name, _, class_name = name.partition(":")
        engine_class = getattr(importlib.import_module(module_name), class_name)
        engine = engine_class(settings)
        if not isinstance(engine, TextToSpeech):
            raise ValueError(f"{name} does not provide synthesize() and stream()")
        return engine
    raise ValueError(f"unknown text-to-speech engine {name!r}; use espeak or 'module:Class'")
