"""The speech-to-text seam: one Protocol for whole utterances, one for live streams.

Engines differ a lot (Vosk decodes as audio arrives, Whisper decodes whole windows), so
the pipeline only depends on these two small shapes. A ``Transcript`` carries timing so
benchmarks and the turn's ``latency_ms`` can report where the time went.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

SAMPLE_RATE = 16_000


@dataclass(frozen=True)
class Transcript:
    """What was heard: the text plus how long the audio was and how long decoding took."""

    text: str
    engine: str
    duration_s: float
    elapsed_s: float
    partials: tuple[str, ...] = ()
    confidence: float | None = None

    @property
    def real_time_factor(self) -> float:
        """Decoding time over audio time: below 1 means faster than the person spoke."""
        return self.elapsed_s / self.duration_s if self.duration_s > 0 else 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "engine": self.engine,
            "duration_s": round(self.duration_s, 3),
            "elapsed_s": round(self.elapsed_s, 3),
            "confidence": self.confidence,
        }


@runtime_checkable
class SpeechStream(Protocol):
    """One live utterance: feed 16 kHz mono float32 chunks, read partials, then finish.

    ``accept`` returns the current partial text (or ``None`` when nothing new formed) so the
    WebSocket can push it at once; ``finish`` returns the final transcript.
    """

    def accept(self, pcm: np.ndarray) -> str | None: ...

    def finish(self) -> Transcript: ...

    def speculate(self) -> None:
        """The VAD saw a short pause: an engine may start its final decode early."""

    def discard_speculation(self) -> None:
        """Speech resumed after a pause: an early decode no longer covers the utterance."""

    def close(self) -> None:
        """The utterance was abandoned: stop any decoding still to do."""


@runtime_checkable
class SpeechToText(Protocol):
    """A recogniser of Korean speech given as 16 kHz mono float32 samples in [-1, 1]."""

    name: str

    def transcribe(self, pcm: np.ndarray) -> Transcript: ...

    def stream(self) -> SpeechStream: ...


def pcm_duration_s(pcm: np.ndarray) -> float:
    return float(len(pcm)) / SAMPLE_RATE
