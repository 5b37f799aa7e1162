"""The text-to-speech seam: WAV bytes for a whole reply, or chunks sentence by sentence.

espeak-ng is the offline default; a neural Korean voice from a local path or a cloud voice
plugs in by implementing ``synthesize_pcm`` (see ``tts/__init__.py``). Everything else —
reading rules, sentence splitting, WAV/Ogg packaging, streaming — is shared here, so a new
voice only has to turn one sentence of Korean into samples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Protocol, runtime_checkable

import numpy as np

from donghaeng.audio.encode import encode_pcm, pcm_to_wav

RATES = ("normal", "slow")


@dataclass(frozen=True)
class SpeechChunk:
    """One sentence of speech: float32 mono samples at ``sample_rate`` and the text spoken."""

    text: str
    pcm: np.ndarray
    sample_rate: int


@runtime_checkable
class TextToSpeech(Protocol):
    name: str

    def synthesize(self, text: str, rate: str = "normal", fmt: str = "wav") -> bytes: ...

    def stream(self, text: str, rate: str = "normal") -> Iterator[SpeechChunk]: ...


def split_sentences(text: str) -> list[str]:
    """Sentence pieces, so the first one can be spoken while the rest are still synthesised."""
    pieces = [piece.strip() for piece in re.split(r"(?<=[.!?。])\s+|\n+", text)]
    return [piece for piece in pieces if piece]


def check_rate(rate: str) -> str:
    if rate not in RATES:
        raise ValueError(f"unknown speaking rate {rate!r}; choose one of {', '.join(RATES)}")
    return rate


class SentenceSynthesizer:
    """Base for voices that render one sentence at a time (one level of inheritance, no more)."""

    name = "base"
    sample_rate = 22_050

    def synthesize_pcm(self, sentence: str, rate: str) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def prepare(self, text: str) -> str:
        """Rewrite numbers, phone and bus numbers so they are read the way a listener expects."""
        from donghaeng.tts.reading import rewrite_for_listening

        return rewrite_for_listening(text)

    def stream(self, text: str, rate: str = "normal") -> Iterator[SpeechChunk]:
        check_rate(rate)
        for sentence in split_sentences(self.prepare(text)):
            yield SpeechChunk(sentence, self.synthesize_pcm(sentence, rate), self.sample_rate)

    def synthesize(self, text: str, rate: str = "normal", fmt: str = "wav") -> bytes:
        from donghaeng.audio.messages import audio_error

        if not text or not text.strip():
            raise audio_error("tts-empty-text")
        gap = np.zeros(int(0.15 * self.sample_rate), dtype=np.float32)
        parts: list[np.ndarray] = []
        for chunk in self.stream(text, rate):
            parts += [chunk.pcm, gap]
        pcm = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)
        if fmt == "wav":
            return pcm_to_wav(pcm, self.sample_rate)
        return encode_pcm(pcm, self.sample_rate, fmt)
