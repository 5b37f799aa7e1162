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
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace

import numpy as np

from donghaeng.stt.base import SpeechStream, SpeechToText, Transcript

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt-speculate")


class SpeculativeStream:
    """Buffers audio, shows partials from ``partial_stream``, decodes with ``final_engine``."""

    def __init__(self, final_engine: SpeechToText, partial_stream: SpeechStream | None = None,
                 max_wait_s: float | None = None):
        self._engine = final_engine
        # With a partial stream, wait at most this long for the final engine after the end of
        # speech, then answer with the streaming engine's text (bounded latency over accuracy).
        self.max_wait_s = max_wait_s
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
        quick = self._partial.finish() if self._partial is not None else None
        guess = self._guess
        if guess is None or guess.cancelled():
            guess = _executor.submit(self._engine.transcribe, self._audio())
        try:
            transcript = guess.result(timeout=self.max_wait_s if quick is not None else None)
        except FutureTimeout:
            if quick is None or not quick.text:
                transcript = guess.result()
            else:
                return replace(quick, partials=tuple(self._partials))
        return replace(transcript, duration_s=self._samples / 16_000, partials=tuple(self._partials))
