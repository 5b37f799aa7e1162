"""A live utterance on the WebSocket: frames in, partials and VAD events out, then one turn.

Keeps all per-connection state (recogniser stream, VAD, resampler, limits) out of the route
so it can be driven and tested without a socket. Errors become messages on the wire, not
exceptions, except at ``finish`` where the route turns them into an ``error`` message.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Any, Iterator

import numpy as np

from donghaeng.audio.decode import TARGET_RATE, pcm16_to_float
from donghaeng.audio.encode import encode_pcm, pcm_to_wav
from donghaeng.audio.messages import audio_error
from donghaeng.audio.turn import get_stt, get_tts, reply_rate
from donghaeng.audio.vad import StreamingVad
from donghaeng.errors import AudioError


@dataclass(frozen=True)
class StreamConfig:
    """What the client said in its optional first ``{"type": "config", ...}`` message."""

    session_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    sample_rate: int = TARGET_RATE
    audio_format: str = "wav"  # each reply sentence is sent as one playable wav or ogg file
    engine: str | None = None
    vad_end: bool = True  # end the utterance on trailing silence, not only on {"type": "end"}
    # Two-pass only: after the end of speech wait at most this long for Whisper, else use Vosk's text.
    max_wait_ms: float | None = None

    def updated(self, message: dict[str, Any]) -> "StreamConfig":
        fields = {key: message[key] for key in ("session_id", "lat", "lon", "sample_rate", "audio_format",
                                                "engine", "vad_end", "max_wait_ms") if key in message}
        return replace(self, **fields)


def live_engine_name(configured: str | None, default: str) -> str:
    """Whisper has no partials, so live streams pair it with Vosk (two-pass)."""
    name = configured or default
    return "two-pass" if name == "whisper" else name


class LiveUtterance:
    def __init__(self, assistant: Any, config: StreamConfig):
        self.assistant = assistant
        self.config = config
        settings = assistant.settings
        self.session_id = config.session_id
        self._max_samples = int(settings.max_audio_seconds * TARGET_RATE)
        engine = get_stt(assistant, live_engine_name(config.engine, settings.stt_engine))
        if config.max_wait_ms is not None and getattr(engine, "name", "") == "two-pass":
            self._stream = engine.stream(max_wait_s=float(config.max_wait_ms) / 1000)  # type: ignore[call-arg]
        else:
            self._stream = engine.stream()
        self._vad = StreamingVad()
        self._resampler: Any = None
        if config.sample_rate != TARGET_RATE:
            if not 8_000 <= int(config.sample_rate) <= 48_000:
                raise audio_error("audio-unsupported")
            import av

            self._resampler = av.AudioResampler(format="flt", layout="mono", rate=TARGET_RATE)
        self._samples = 0
        self._error: AudioError | None = None
        self._reply = ""
        self._rate = "normal"
        self.ended = False
        self.ended_at: float | None = None

    def _to_16k(self, data: bytes) -> np.ndarray:
        pcm = pcm16_to_float(data)
        if self._resampler is None or len(pcm) == 0:
            return pcm
        import av

        frame = av.AudioFrame.from_ndarray((pcm * 32767).astype(np.int16).reshape(1, -1), format="s16",
                                           layout="mono")
        frame.sample_rate = int(self.config.sample_rate)
        out = [f.to_ndarray().reshape(-1) for f in self._resampler.resample(frame)]
        return np.concatenate(out).astype(np.float32) if out else np.zeros(0, dtype=np.float32)

    def accept_pcm16(self, data: bytes) -> list[dict[str, Any]]:
        if self.ended or self._error is not None:
            return []
        pcm = self._to_16k(data)
        self._samples += len(pcm)
        if self._samples > self._max_samples:
            self._error = audio_error("audio-too-long", max_seconds=int(self._max_samples / TARGET_RATE))
            self._mark_end()
            return []
        messages: list[dict[str, Any]] = []
        partial = self._stream.accept(pcm)
        if partial:
            messages.append({"type": "partial", "text": partial})
        for event in self._vad.push(pcm):
            if event.kind == "pause":
                self._stream.speculate()
            elif event.kind == "resume":
                self._stream.discard_speculation()
            elif event.kind == "speech_end" and self.config.vad_end:
                self._mark_end()
            messages.append({"type": "vad", "event": event.kind, "time_s": round(event.time_s, 3)})
        return messages

    def _mark_end(self) -> None:
        self.ended = True
        self.ended_at = time.perf_counter()

    def finish(self) -> dict[str, Any]:
        """Final transcript → assistant turn; raises ``AudioError`` for silence or limits."""
        if self.ended_at is None:
            self._mark_end()
        if self._error is not None:
            raise self._error
        started = time.perf_counter()
        transcript = self._stream.finish()
        if not self._vad.heard_speech or not transcript.text.strip():
            raise audio_error("stt-no-text-recognized")
        stt_ms = (time.perf_counter() - started) * 1000
        result = dict(self.assistant.handle_text(transcript.text, session_id=self.config.session_id,
                                                 lat=self.config.lat, lon=self.config.lon, channel="voice",
                                                 stt_engine=transcript.engine, stage_latency={"stt": stt_ms}))
        latency = dict(result.get("latency_ms") or {})
        latency["stt_final"] = round(stt_ms, 1)
        result.update(latency_ms=latency, transcript=transcript.text, stt_engine=transcript.engine)
        self.session_id = result.get("session_id", self.session_id)
        self._reply = str(result.get("reply") or "")
        self._rate = reply_rate(result)
        return result

    def reply_chunks(self) -> Iterator[bytes]:
        """The reply, one playable file per sentence, produced lazily so the first goes out first."""
        if not self._reply.strip():
            return
        for chunk in get_tts(self.assistant).stream(self._reply, self._rate):
            if self.config.audio_format == "ogg":
                yield encode_pcm(chunk.pcm, chunk.sample_rate, "ogg")
            else:
                yield pcm_to_wav(chunk.pcm, chunk.sample_rate)

    def close(self) -> None:
        self._stream.close()
