"""Silero VAD v6 (the ONNX file that ships inside faster-whisper) as a streaming segmenter.

Run through onnxruntime directly: the ``silero-vad`` package would pull in torch. The model
scores 32 ms windows (512 samples at 16 kHz, plus 64 samples of context) and carries an LSTM
state, so audio can be pushed as it arrives and the end of an utterance is known within
one window of the configured trailing silence.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import numpy as np

WINDOW = 512
CONTEXT = 64
SAMPLE_RATE = 16_000
WINDOW_S = WINDOW / SAMPLE_RATE

_session_lock = threading.Lock()
_session: Any = None


def _vad_session() -> Any:
    """One ONNX session per process; sessions are thread-safe for ``run``, state lives outside."""
    global _session
    with _session_lock:
        if _session is None:
            import onnxruntime

            options = onnxruntime.SessionOptions()
            options.inter_op_num_threads = 1
            options.intra_op_num_threads = 1
            options.log_severity_level = 4
            path = str(resources.files("faster_whisper").joinpath("assets/silero_vad_v6.onnx"))
            _session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"],
                                                    sess_options=options)
        return _session


@dataclass(frozen=True)
class VadEvent:
    """``speech_start``, ``pause`` (a short gap: the speaker may go on), ``resume`` (they did) or
    ``speech_end`` (the utterance is over)."""

    kind: str
    time_s: float


@dataclass
class VadConfig:
    threshold: float = 0.5
    neg_threshold: float = 0.35
    min_speech_s: float = 0.25  # shorter blips (a cough, a click) do not open an utterance
    pause_s: float = 0.12  # a gap this long lets the recogniser start its final pass early
    end_silence_s: float = 0.7  # this much silence after speech ends the utterance


@dataclass
class StreamingVad:
    """Push 16 kHz float32 audio in any chunk size; get speech start / pause / end events back."""

    config: VadConfig = field(default_factory=VadConfig)

    def __post_init__(self) -> None:
        self._session = _vad_session()
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)
        self._pending = np.zeros(0, dtype=np.float32)
        self._windows = 0
        self._speech_run = 0.0
        self._silence_run = 0.0
        self.in_speech = False
        self.heard_speech = False
        self.ended = False
        self.last_speech_end_s: float | None = None
        self._pause_sent = False

    @property
    def time_s(self) -> float:
        return self._windows * WINDOW_S

    def probability(self, window: np.ndarray) -> float:
        frame = np.concatenate([self._context, window]).reshape(1, -1).astype(np.float32)
        probs, self._h, self._c = self._session.run(None, {"input": frame, "h": self._h, "c": self._c})
        self._context = window[-CONTEXT:]
        return float(np.asarray(probs).reshape(-1)[0])

    def push(self, pcm: np.ndarray) -> list[VadEvent]:
        events: list[VadEvent] = []
        buffer = np.concatenate([self._pending, np.asarray(pcm, dtype=np.float32)])
        usable = len(buffer) - len(buffer) % WINDOW
        for start in range(0, usable, WINDOW):
            events.extend(self._step(self.probability(buffer[start:start + WINDOW])))
        self._pending = buffer[usable:]
        return events

    def _step(self, prob: float) -> list[VadEvent]:
        self._windows += 1
        now = self.time_s
        cfg = self.config
        events: list[VadEvent] = []
        if prob >= cfg.threshold:
            self._speech_run += WINDOW_S
            self._silence_run = 0.0
            if self._pause_sent:
                events.append(VadEvent("resume", now))
            self._pause_sent = False
            if not self.in_speech and self._speech_run >= cfg.min_speech_s:
                self.in_speech = True
                self.heard_speech = True
                self.ended = False
                events.append(VadEvent("speech_start", now - self._speech_run))
        elif prob < cfg.neg_threshold or not self.in_speech:
            self._silence_run += WINDOW_S
            if not self.in_speech:
                self._speech_run = 0.0
            elif self._silence_run >= cfg.end_silence_s:
                self.in_speech = False
                self.ended = True
                self._speech_run = 0.0
                self.last_speech_end_s = now - self._silence_run
                events.append(VadEvent("speech_end", self.last_speech_end_s))
            elif self._silence_run >= cfg.pause_s and not self._pause_sent:
                self._pause_sent = True
                self.last_speech_end_s = now - self._silence_run
                events.append(VadEvent("pause", self.last_speech_end_s))
        return events


def speech_segments(pcm: np.ndarray, config: VadConfig | None = None) -> list[tuple[float, float]]:
    """Offline use of the same segmenter: (start_s, end_s) of each utterance in a recording."""
    vad = StreamingVad(config or VadConfig())
    segments: list[tuple[float, float]] = []
    start: float | None = None
    for event in vad.push(pcm):
        if event.kind == "speech_start":
            start = event.time_s
        elif event.kind == "speech_end" and start is not None:
            segments.append((max(0.0, start), event.time_s))
            start = None
    if start is not None:
        segments.append((max(0.0, start), vad.time_s))
    return segments


def has_speech(pcm: np.ndarray, config: VadConfig | None = None) -> bool:
    return bool(speech_segments(pcm, config))
