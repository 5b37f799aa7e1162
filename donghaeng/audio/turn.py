"""One spoken turn from recorded bytes: decode → VAD gate → STT → assistant → TTS.

Shared by ``donghaeng voice`` and ``POST /v1/turns/audio`` so both behave identically; the
WebSocket runs the same stages incrementally (``api/routes/audio.py``). Silence is caught
by the VAD before the recogniser runs, because Whisper tends to invent text for silence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from donghaeng.audio.decode import TARGET_RATE, decode_bytes
from donghaeng.audio.messages import audio_error
from donghaeng.audio.vad import speech_segments
from donghaeng.stt.base import SpeechToText, Transcript

_PAD_S = 0.3  # keep a little audio around the speech so word edges are not cut


@dataclass(frozen=True)
class VoiceTurn:
    result: dict[str, Any]
    transcript: Transcript
    reply_audio: bytes
    reply_format: str


def speech_only(pcm: np.ndarray) -> np.ndarray:
    """The span from the first to the last speech segment, padded; raises for pure silence/noise."""
    segments = speech_segments(pcm)
    if not segments:
        raise audio_error("stt-no-text-recognized")
    start = max(0, int((segments[0][0] - _PAD_S) * TARGET_RATE))
    end = min(len(pcm), int((segments[-1][1] + _PAD_S) * TARGET_RATE))
    return pcm[start:end]


def transcribe_bytes(data: bytes, stt: SpeechToText, settings: Any) -> Transcript:
    decoded = decode_bytes(data, max_bytes=settings.max_audio_bytes, max_seconds=settings.max_audio_seconds)
    return transcribe_pcm(decoded.pcm, stt)


def transcribe_pcm(pcm: np.ndarray, stt: SpeechToText) -> Transcript:
    transcript = stt.transcribe(speech_only(pcm))
    if not transcript.text.strip():
        raise audio_error("stt-no-text-recognized")
    return transcript


def get_stt(assistant: Any, engine: str | None = None) -> SpeechToText:
    """The assistant's cached engine when it offers one, else the process-wide factory."""
    if hasattr(assistant, "stt"):
        return assistant.stt(engine)
    from donghaeng.stt import create_stt

    return create_stt(engine or assistant.settings.stt_engine, assistant.settings)


def get_tts(assistant: Any) -> Any:
    if hasattr(assistant, "tts"):
        return assistant.tts()
    from donghaeng.tts import create_tts

    return create_tts(assistant.settings.tts_engine, assistant.settings)


def reply_rate(result: dict[str, Any]) -> str:
    return "slow" if result.get("slow") else "normal"


def run_voice_turn(assistant: Any, data: bytes, *, session_id: str | None = None, lat: float | None = None,
                   lon: float | None = None, engine: str | None = None, reply_format: str = "wav") -> VoiceTurn:
    started = time.perf_counter()
    transcript = transcribe_bytes(data, get_stt(assistant, engine), assistant.settings)
    stt_ms = (time.perf_counter() - started) * 1000
    result = dict(assistant.handle_text(transcript.text, session_id=session_id, lat=lat, lon=lon, channel="voice",
                                        stt_engine=transcript.engine, stage_latency={"stt": stt_ms}))
    tts_started = time.perf_counter()
    reply = str(result.get("reply") or "")
    audio = get_tts(assistant).synthesize(reply, rate=reply_rate(result), fmt=reply_format) if reply.strip() else b""
    latency = dict(result.get("latency_ms") or {})
    latency.update(stt=round(stt_ms, 1), tts=round((time.perf_counter() - tts_started) * 1000, 1))
    result["latency_ms"] = latency
    result["transcript"] = transcript.text
    return VoiceTurn(result=result, transcript=transcript, reply_audio=audio, reply_format=reply_format)
