"""Two passes: Vosk streams partials while the person speaks, Whisper writes the final text.

Vosk's partials make the screen respond at once; Whisper's text (about half the character
error rate of Vosk on real Korean speech) is what the NLU gets. For whole files there is
nothing to stream, so ``transcribe`` is Whisper alone.
"""

from __future__ import annotations

import numpy as np

from donghaeng.stt.base import Transcript
from donghaeng.stt.streaming import SpeculativeStream
from donghaeng.stt.vosk import VoskSTT
from donghaeng.stt.whisper import WhisperSTT


class TwoPassSTT:
    name = "two-pass"

    def __init__(self, partial_engine: VoskSTT, final_engine: WhisperSTT):
        self.partial_engine = partial_engine
        self.final_engine = final_engine
        self.load_s = partial_engine.load_s + final_engine.load_s

    def transcribe(self, pcm: np.ndarray) -> Transcript:
        return self.final_engine.transcribe(pcm)

    def stream(self, max_wait_s: float | None = None) -> SpeculativeStream:
        """``max_wait_s``: after the end of speech, how long Whisper may still take before
        Vosk's own final text is used instead (``None``: always wait for Whisper)."""
        return SpeculativeStream(self.final_engine, self.partial_engine.stream(), max_wait_s=max_wait_s)
