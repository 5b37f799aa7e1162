"""Any common audio container to 16 kHz mono float32, bounded in size, length and time.

PyAV carries FFmpeg, so wav, webm/opus (browser MediaRecorder), ogg, mp3 and m4a all decode
from memory without temp files. Limits are enforced while decoding, so a 2-hour file or a
decompression bomb stops at the limit instead of filling memory.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from donghaeng.audio.messages import audio_error

TARGET_RATE = 16_000
MIN_INPUT_RATE = 8_000
MAX_INPUT_RATE = 192_000
# A file whose decoded length falls this far short of its declared length was cut off.
_TRUNCATION_TOLERANCE_S = 0.25
# Beyond this share of samples at full scale the waveform is no longer speech-shaped.
_CLIPPED_REJECT_RATIO = 0.25
_CLIP_LEVEL = 0.999


@dataclass(frozen=True)
class DecodedAudio:
    """16 kHz mono float32 samples in [-1, 1] plus what the source was, for logs and checks."""

    pcm: np.ndarray
    source_rate: int
    source_channels: int
    codec: str
    clipped_ratio: float

    @property
    def duration_s(self) -> float:
        return len(self.pcm) / TARGET_RATE

    @property
    def clipped(self) -> bool:
        return self.clipped_ratio > 0.001


def decode_file(path: str | Path, *, max_bytes: int, max_seconds: float) -> DecodedAudio:
    """Read a file from disk (size checked before reading) and decode it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise audio_error("audio-corrupt") from err
    if size > max_bytes:
        raise audio_error("audio-too-large")
    return decode_bytes(path.read_bytes(), max_bytes=max_bytes, max_seconds=max_seconds)


def decode_bytes(data: bytes, *, max_bytes: int, max_seconds: float) -> DecodedAudio:
    """Decode an in-memory file; raises ``AudioError`` with a stable code for bad input."""
    import av  # FFmpeg bindings: heavy, so only loaded when audio arrives

    if not data:
        raise audio_error("audio-empty")
    if len(data) > max_bytes:
        raise audio_error("audio-too-large")
    if _wav_is_truncated(data):
        raise audio_error("audio-corrupt")
    max_samples = int(max_seconds * TARGET_RATE)
    try:
        container: Any = av.open(io.BytesIO(data), mode="r")
    except av.error.FFmpegError as err:
        raise audio_error("audio-corrupt") from err
    except (UnicodeDecodeError, ValueError, OSError) as err:
        raise audio_error("audio-corrupt") from err
    with container:
        if not container.streams.audio:
            raise audio_error("audio-unsupported")
        stream = container.streams.audio[0]
        rate = int(stream.codec_context.sample_rate or stream.rate or 0)
        channels = int(stream.codec_context.channels or 0)
        codec = stream.codec_context.name or "unknown"
        if rate and not MIN_INPUT_RATE <= rate <= MAX_INPUT_RATE:
            raise audio_error("audio-unsupported")
        declared_s = _declared_seconds(container, stream)
        if declared_s is not None and declared_s > max_seconds + 0.5:
            raise audio_error("audio-too-long", max_seconds=int(max_seconds))
        pcm = _decode_stream(av, container, stream, max_samples, max_seconds)
    if len(pcm) == 0:
        raise audio_error("audio-corrupt" if declared_s else "audio-empty")
    decoded_s = len(pcm) / TARGET_RATE
    if declared_s is not None and decoded_s + _TRUNCATION_TOLERANCE_S < declared_s * 0.9:
        raise audio_error("audio-corrupt")
    clipped_ratio = float(np.mean(np.abs(pcm) >= _CLIP_LEVEL))
    if clipped_ratio > _CLIPPED_REJECT_RATIO:
        raise audio_error("audio-clipped")
    return DecodedAudio(pcm=pcm, source_rate=rate, source_channels=channels, codec=codec,
                        clipped_ratio=clipped_ratio)


def _wav_is_truncated(data: bytes) -> bool:
    """FFmpeg reads a cut-off WAV without complaint; its ``data`` chunk header still says how long it was."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return False
    position = 12
    while position + 8 <= len(data):
        chunk_id = data[position:position + 4]
        size = int.from_bytes(data[position + 4:position + 8], "little")
        if chunk_id == b"data":
            streaming = size in (0, 0xFFFFFFFF)  # recorders that never went back to fill in the size
            return not streaming and position + 8 + size > len(data) + 1
        position += 8 + size + (size & 1)
    return position > len(data)


def _declared_seconds(container: Any, stream: Any) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return float(container.duration) / 1_000_000
    return None


def _decode_stream(av: Any, container: Any, stream: Any, max_samples: int, max_seconds: float) -> np.ndarray:
    resampler = av.AudioResampler(format="flt", layout="mono", rate=TARGET_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                total = _append(chunks, out, total, max_samples, max_seconds)
        for out in resampler.resample(None):
            total = _append(chunks, out, total, max_samples, max_seconds)
    except av.error.FFmpegError as err:
        # A damaged packet after good audio still counts as damaged: the citizen should resend.
        raise audio_error("audio-corrupt") from err
    if not chunks:
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(chunks).astype(np.float32, copy=False)


def _append(chunks: list[np.ndarray], frame: Any, total: int, max_samples: int, max_seconds: float) -> int:
    samples = frame.to_ndarray().reshape(-1)
    total += len(samples)
    if total > max_samples + TARGET_RATE // 2:
        raise audio_error("audio-too-long", max_seconds=int(max_seconds))
    chunks.append(samples.astype(np.float32, copy=False))
    return total


def pcm16_to_float(data: bytes) -> np.ndarray:
    """Raw little-endian PCM16 (the WebSocket's wire format) to float32 in [-1, 1]."""
    usable = len(data) - (len(data) % 2)
    return np.frombuffer(data[:usable], dtype="<i2").astype(np.float32) / 32768.0


def float_to_pcm16(pcm: np.ndarray) -> bytes:
    return (np.clip(pcm, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
