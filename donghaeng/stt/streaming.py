"""Final decoding for window-based recognisers (Whisper) while the person is still speaking.

Whisper cannot decode incrementally, and a full decode of a 6 s utterance takes over a
second on 2 cores, far too long to wait for after the person stops. So the stream decodes
the utterance in pieces cut at the speaker's own pauses:

* at every short pause (VAD ``pause``) the audio since the last cut is decoded in a
  background thread, a *guess* at the rest of the utterance;
* if the speaker goes on (``resume``) and that stretch was long enough to decode well on its
  own (``min_segment_s``), it is kept as a finished segment and the next one starts at the
  pause; a shorter guess is dropped and its audio waits for the next pause;
* at the end, only the guess of the last stretch can still be running, so the wait after the
  end of speech is what is left of a decode of a few seconds of audio, not of all of it.

The final text joins the segments in order. Partials (what the person sees while speaking)
come from an optional streaming engine.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, replace

import numpy as np

from donghaeng.stt.base import SAMPLE_RATE, SpeechStream, SpeechToText, Transcript

_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt-speculate")
# A stretch shorter than this is not decoded alone: Whisper guesses badly on a word or two.
MIN_SEGMENT_S = 2.5


@dataclass
class _Piece:
    """The decode of samples [start, end) of the utterance, running or done."""

    start: int
    end: int
    future: Future[Transcript]


class SpeculativeStream:
    """Buffers audio, shows partials from ``partial_stream``, decodes with ``final_engine``."""

    def __init__(self, final_engine: SpeechToText, partial_stream: SpeechStream | None = None,
                 max_wait_s: float | None = None, min_segment_s: float | None = None):
        self._engine = final_engine
        # With a partial stream, wait at most this long for the final engine after the end of
        # speech, then answer with the streaming engine's text (bounded latency over accuracy).
        self.max_wait_s = max_wait_s
        self._min_segment = int((MIN_SEGMENT_S if min_segment_s is None else min_segment_s) * SAMPLE_RATE)
        self._partial = partial_stream
        self._chunks: list[np.ndarray] = []
        self._samples = 0
        self._lock = threading.Lock()
        self._done: list[_Piece] = []   # finished segments, in order
        self._guess: _Piece | None = None
        self._partials: list[str] = []

    @property
    def _cut(self) -> int:
        """Where the audio not yet covered by a finished segment begins."""
        return self._done[-1].end if self._done else 0

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

    def _audio(self, start: int = 0, end: int | None = None) -> np.ndarray:
        with self._lock:
            audio = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.float32)
        return audio[start:end]

    def speculate(self) -> None:
        """The speaker paused: decode what was said since the last cut."""
        self._drop_guess()
        start, end = self._tail_start(), self._samples
        if end <= start:
            return
        self._guess = _Piece(start, end, _executor.submit(self._engine.transcribe, self._audio(start, end)))

    def _tail_start(self) -> int:
        """Start of the last piece: a tail too short to decode alone joins the segment before it."""
        if self._done and self._samples - self._cut < self._min_segment:
            merged = self._done.pop()
            merged.future.cancel()
            return merged.start
        return self._cut

    def discard_speculation(self) -> None:
        """The speaker went on: a long enough guess becomes a finished segment, a short one is dropped."""
        guess = self._guess
        if guess is not None and guess.end - guess.start >= self._min_segment:
            self._done.append(guess)
            self._guess = None
        else:
            self._drop_guess()

    def _drop_guess(self) -> None:
        if self._guess is not None:
            self._guess.future.cancel()
        self._guess = None

    def close(self) -> None:
        """The utterance is abandoned: stop whatever has not started decoding."""
        self._drop_guess()
        for piece in self._done:
            piece.future.cancel()

    def finish(self) -> Transcript:
        quick = self._partial.finish() if self._partial is not None else None
        guess = self._guess
        if guess is None or guess.future.cancelled():
            start = self._tail_start()
            guess = _Piece(start, self._samples, _executor.submit(self._engine.transcribe, self._audio(start)))
        pieces = [*self._done, guess]
        try:
            results = self._results(pieces, self.max_wait_s if quick is not None else None)
        except FutureTimeout:
            if quick is None or not quick.text:
                results = self._results(pieces, None)
            else:
                return replace(quick, partials=tuple(self._partials))
        text = " ".join(r.text.strip() for r in results if r.text.strip())
        scores = [r.confidence for r in results if r.confidence is not None and r.text.strip()]
        return replace(results[-1], text=text, duration_s=self._samples / SAMPLE_RATE,
                       elapsed_s=sum(r.elapsed_s for r in results), partials=tuple(self._partials),
                       confidence=float(np.mean(scores)) if scores else None)

    @staticmethod
    def _results(pieces: list[_Piece], timeout: float | None) -> list[Transcript]:
        """Each piece's transcript, all within ``timeout`` seconds from now (None: no limit)."""
        if timeout is None:
            return [piece.future.result() for piece in pieces]
        deadline = time.perf_counter() + timeout
        return [piece.future.result(timeout=max(0.0, deadline - time.perf_counter())) for piece in pieces]
