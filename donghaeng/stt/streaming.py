"""Speculative final decoding for window-based recognisers (Whisper) on a live stream.

Whisper cannot decode incrementally, and a full decode of a 5 s utterance takes about half
a second on 2 cores. So when the VAD reports a short pause, the stream starts the final
decode of everything heard so far in a background thread. If the speaker stays silent
until the end of the utterance, that result is used as is and the end-of-speech wait is
only what is left of the decode; if they go on speaking, the guess is discarded.
Partials (what the person sees while speaking) come from an optional streaming engine.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace

import numpy as np

from donghaeng.stt.base import SpeechStream, SpeechToText, Transcript

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt-speculate")


class SpeculativeStream:
    """Buffers audio, shows partials from ``partial_stream``, decodes with ``final_engine``."""

    def __init__(self, final_engine: SpeechToText, partial_stream: SpeechStream | None = None):
        self._engine = final_engine
        self._partial = partial_stream
        self._chunks: list[np.ndarray] = []
        self._samples = 0
        self._lock = threading.Lock()
        self._guess: Future[Transcript] | None = None
        self._guess_samples = 0
        self._partials: list[str] = []

    def accept(self, pcm: np.ndarray) -> str | None:
        pcm = np.asarray(pcm, dtype=np.float32)
        with self._lock:
            self._chunks.append(pcm)
            self._samples += len(pcm)
        if self._partial is None:
            return None
        text = self._partial.accept(pcm)
        if text:
            self._partials.append(text)
        return text

    def _audio(self) -> np.ndarray:
        with self._lock:
            return np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.float32)

    def speculate(self) -> None:
        """The speaker paused: start the final decode of what has been heard so far."""
        audio = self._audio()
        if len(audio) == 0:
            return
        self._guess_samples = len(audio)
        self._guess = _executor.submit(self._engine.transcribe, audio)

    def discard_speculation(self) -> None:
        """The speaker went on: the guess no longer covers the utterance."""
        if self._guess is not None:
            self._guess.cancel()
        self._guess = None

    def finish(self) -> Transcript:
        if self._partial is not None:
            self._partial.finish()  # releases the recogniser; its text only served as partials
        guess = self._guess
        if guess is not None and not guess.cancelled():
            transcript = guess.result()
            return replace(transcript, duration_s=self._samples / 16_000, partials=tuple(self._partials))
        transcript = self._engine.transcribe(self._audio())
        return replace(transcript, partials=tuple(self._partials))
