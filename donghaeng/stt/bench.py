"""Speech benchmarks for ``donghaeng bench``: recogniser accuracy/speed and voice-turn latency.

CER uses ``kocer`` (reading-equivalent Korean CER: spacing, punctuation and numerals such as
"3개" = "세 개" do not count as errors); "쩜" is mapped to "점" on both sides first because
the corpus spells decimal points the colloquial way. Variants of each clip (telephone band,
noise, slowed) are made at run time and never stored.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import time
import wave
from pathlib import Path
from typing import Any, Iterable

import numpy as np


def load_manifest(audio_dir: Path, limit: int | None = None) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (audio_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows.sort(key=lambda row: row["file"])
    return rows[:limit] if limit else rows


def read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path)) as handle:
        return np.frombuffer(handle.readframes(handle.getnframes()), dtype="<i2").astype(np.float32) / 32768


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def score(reference: str, hypothesis: str) -> tuple[int, int]:
    """(character edits, reference length) after kocer's reading normalisation."""
    import kocer

    result = kocer.measure(reference.replace("쩜", "점"), hypothesis.replace("쩜", "점"))
    return result.substitutions + result.deletions + result.insertions, result.ref_len


def streamed_text(engine: Any, pcm: np.ndarray, frame_s: float = 0.1, trailing_silence_s: float = 0.3) -> str:
    """The final text of ``pcm`` fed as a live stream: 100 ms frames, the VAD's pauses driving the
    engine's early decoding (for Whisper: pieces cut at pauses), as on the WebSocket."""
    from donghaeng.audio.vad import StreamingVad

    audio = np.concatenate([pcm, np.zeros(int(trailing_silence_s * 16_000), dtype=np.float32)])
    stream, vad, frame = engine.stream(), StreamingVad(), int(frame_s * 16_000)
    for offset in range(0, len(audio), frame):
        chunk = audio[offset:offset + frame]
        stream.accept(chunk)
        for event in vad.push(chunk):
            if event.kind == "pause":
                stream.speculate()
            elif event.kind == "resume":
                stream.discard_speculation()
    return stream.finish().text


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else 0.0


def run_stt_benchmark(settings: Any, audio_dir: Path, engines: Iterable[str] = ("vosk", "whisper"),
                      limit: int | None = None,
                      variants: Iterable[str] = ("clean", "telephone_8k", "noise_10db", "slowed_0.8x"),
                      streamed: bool = True) -> dict:
    """Per engine and variant: CER (pooled and mean per clip), real-time factor; per engine load time and RSS.

    ``clean_streamed``: CER of the same clips fed as a live stream (see ``streamed_text``).
    """
    from donghaeng.audio.variants import VARIANTS
    from donghaeng.stt import create_stt

    rows = load_manifest(audio_dir, limit)
    clips = [(row, read_wav(audio_dir / row["file"])) for row in rows]
    report: dict[str, Any] = {"cores": os.cpu_count(), "clips": len(clips), "metric": "kocer CER", "engines": {},
                              "whisper": {"beam_size": getattr(settings, "whisper_beam_size", None),
                                          "compute_type": getattr(settings, "whisper_compute_type", None),
                                          "lm_weight": getattr(settings, "whisper_lm_weight", None)}}
    for name in engines:
        rss_before = _rss_mb()
        started = time.perf_counter()
        engine = create_stt(name, settings)
        load_s = time.perf_counter() - started
        entry: dict[str, Any] = {"load_s": round(load_s, 2), "rss_added_mb": round(_rss_mb() - rss_before, 1)}
        for variant in variants:
            transform = VARIANTS[variant]
            edits = chars = 0
            per_clip: list[float] = []
            decode_s = audio_s = 0.0
            for row, pcm in clips:
                audio = transform(pcm)
                transcript = engine.transcribe(audio)
                clip_edits, clip_chars = score(row["text"], transcript.text)
                edits, chars = edits + clip_edits, chars + clip_chars
                per_clip.append(clip_edits / max(clip_chars, 1))
                decode_s += transcript.elapsed_s
                audio_s += transcript.duration_s
            entry[variant] = {"cer": round(edits / max(chars, 1), 4),
                              "mean_clip_cer": round(statistics.fmean(per_clip), 4) if per_clip else None,
                              "rtf": round(decode_s / max(audio_s, 1e-9), 3)}
        if streamed:
            edits = chars = 0
            for row, pcm in clips:
                clip_edits, clip_chars = score(row["text"], streamed_text(engine, pcm))
                edits, chars = edits + clip_edits, chars + clip_chars
            entry["clean_streamed"] = {"cer": round(edits / max(chars, 1), 4)}
        entry["peak_rss_mb"] = round(_peak_rss_mb(), 1)
        report["engines"][name] = entry
    return report


class EchoAssistant:
    """A stand-in dialogue for latency runs when the real assistant is not supplied."""

    def __init__(self, settings: Any):
        self.settings = settings

    def handle_text(self, text: str, session_id: str | None = None, lat: float | None = None,
                    lon: float | None = None, channel: str = "text") -> dict[str, Any]:
        return {"session_id": session_id or "bench", "intent": "faq.general", "slots": {},
                "reply": "네, 말씀하신 내용을 확인했어요. 더 필요하신 게 있으면 말씀해 주세요.",
                "actions": [], "state": "done", "latency_ms": {}}


def run_voice_latency_benchmark(settings: Any, audio_dir: Path, engine: str | None = None, limit: int | None = 10,
                                assistant: Any = None, trailing_silence_s: float = 0.3,
                                frame_s: float = 0.1, max_wait_ms: float | None = None) -> dict:
    """End of speech → first reply audio byte through ``WS /v1/stream`` (FastAPI TestClient, in process).

    Each clip is streamed in real time in 100 ms PCM16 frames (so work done while the person is
    speaking happens as it would live), followed by ``trailing_silence_s`` of silence and the
    client's ``{"type": "end"}`` (push-to-talk release). Two figures: from the ``end`` message,
    and from the last frame that held speech (VAD of the clip), which adds the trailing silence.
    """
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from donghaeng.api.routes.audio import router
    from donghaeng.audio.decode import float_to_pcm16
    from donghaeng.audio.vad import speech_segments

    app = FastAPI()
    app.include_router(router)
    app.state.assistant = assistant or EchoAssistant(settings)
    engine_name = engine or settings.stt_engine
    from_end: list[float] = []
    from_speech: list[float] = []
    final_engines: list[str] = []
    with TestClient(app) as client:
        warm = np.zeros(1600, dtype=np.float32)
        for row in load_manifest(audio_dir, limit):
            pcm = read_wav(audio_dir / row["file"])
            segments = speech_segments(pcm)
            speech_end = segments[-1][1] if segments else len(pcm) / 16_000
            pcm = np.concatenate([pcm[: int(speech_end * 16_000)], np.zeros(int(trailing_silence_s * 16_000), np.float32)])
            frame = int(frame_s * 16_000)
            with client.websocket_connect("/v1/stream") as ws:
                ws.send_json({"type": "config", "engine": engine_name, "vad_end": False, "max_wait_ms": max_wait_ms})
                ws.send_bytes(float_to_pcm16(warm))
                start = time.perf_counter()
                speech_sent_at = start
                for index, offset in enumerate(range(0, len(pcm), frame)):
                    target = start + index * frame_s
                    delay = target - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    ws.send_bytes(float_to_pcm16(pcm[offset:offset + frame]))
                    if offset < speech_end * 16_000:
                        speech_sent_at = time.perf_counter()
                delay = start + len(pcm) / 16_000 - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                ended_at = time.perf_counter()
                ws.send_json({"type": "end"})
                while True:
                    message = ws.receive()
                    if message.get("text") and json.loads(message["text"]).get("type") == "result":
                        final_engines.append(json.loads(message["text"]).get("stt_engine"))
                    if message.get("bytes") is not None:
                        first_audio = time.perf_counter()
                        break
                    if message.get("text") and json.loads(message["text"]).get("type") == "error":
                        first_audio = None
                        break
            if first_audio is not None:
                from_end.append((first_audio - ended_at) * 1000)
                from_speech.append((first_audio - speech_sent_at) * 1000)
    return {
        "cores": os.cpu_count(), "engine": engine_name, "turns": len(from_end), "transport": "TestClient WebSocket",
        "max_wait_ms": max_wait_ms, "final_text_by": {name: final_engines.count(name) for name in set(final_engines)},
        "end_to_first_audio_ms": {"p50": round(_percentile(from_end, 50), 1), "p95": round(_percentile(from_end, 95), 1)},
        "speech_end_to_first_audio_ms": {"p50": round(_percentile(from_speech, 50), 1),
                                         "p95": round(_percentile(from_speech, 95), 1),
                                         "trailing_silence_s": trailing_silence_s},
    }
