"""The live stream decodes an utterance in pieces cut at the speaker's pauses (fake recogniser)."""

from __future__ import annotations

import threading

import numpy as np

from donghaeng.stt.base import Transcript
from donghaeng.stt.streaming import SpeculativeStream

RATE = 16_000


class CountingEngine:
    """Says how many seconds of audio it was given, and remembers every call."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[float] = []
        self._lock = threading.Lock()

    def transcribe(self, pcm: np.ndarray) -> Transcript:
        seconds = round(len(pcm) / RATE, 1)
        with self._lock:
            self.calls.append(seconds)
        return Transcript(text=f"<{seconds}s>", engine=self.name, duration_s=seconds, elapsed_s=0.01, confidence=0.9)

    def stream(self) -> SpeculativeStream:
        return SpeculativeStream(self)


def speak(stream: SpeculativeStream, seconds: float) -> None:
    stream.accept(np.full(int(seconds * RATE), 0.1, dtype=np.float32))


def test_a_long_stretch_before_a_pause_is_decoded_while_the_speaker_goes_on() -> None:
    engine = CountingEngine()
    stream = SpeculativeStream(engine, min_segment_s=2.5)
    speak(stream, 3.0)
    stream.speculate()
    stream.discard_speculation()  # they went on: the 3 s piece is kept
    speak(stream, 2.6)
    stream.speculate()
    result = stream.finish()
    assert result.text == "<3.0s> <2.6s>"
    assert sorted(engine.calls) == [2.6, 3.0], "nothing decoded twice"
    assert result.duration_s == 5.6


def test_a_short_stretch_is_not_decoded_alone() -> None:
    engine = CountingEngine()
    stream = SpeculativeStream(engine, min_segment_s=2.5)
    speak(stream, 1.0)
    stream.speculate()
    stream.discard_speculation()  # too short to keep: decoded again with what follows
    speak(stream, 2.0)
    result = stream.finish()
    assert result.text == "<3.0s>"


def test_a_short_tail_joins_the_segment_before_it() -> None:
    engine = CountingEngine()
    stream = SpeculativeStream(engine, min_segment_s=2.5)
    speak(stream, 3.0)
    stream.speculate()
    stream.discard_speculation()
    speak(stream, 0.5)  # a last word after the pause
    stream.speculate()
    result = stream.finish()
    assert result.text == "<3.5s>"


def test_the_guess_at_the_last_pause_is_the_final_text_when_nothing_follows() -> None:
    engine = CountingEngine()
    stream = SpeculativeStream(engine, min_segment_s=2.5)
    speak(stream, 4.0)
    stream.speculate()
    result = stream.finish()
    assert result.text == "<4.0s>" and engine.calls == [4.0]


def test_closing_an_abandoned_utterance_leaves_no_decode_to_wait_for() -> None:
    engine = CountingEngine()
    stream = SpeculativeStream(engine, min_segment_s=2.5)
    speak(stream, 3.0)
    stream.speculate()
    stream.close()
    assert stream._guess is None
