"""PCM to container bytes: WAV by hand (exact, dependency-free), others through PyAV.

TTS replies go out as WAV (universal) or Ogg/Opus (about a tenth of the size, what browsers
and phones stream well); tests also use this to make fixtures in every input format at
run time instead of shipping recordings.
"""

from __future__ import annotations

import io
import wave
from typing import Any

import numpy as np

# format -> (container, codec, sample format, the rate the codec wants or None to keep)
_FORMATS: dict[str, tuple[str, str, str, int | None]] = {
    "ogg": ("ogg", "libopus", "s16", 48_000),
    "webm": ("webm", "libopus", "s16", 48_000),
    "mp3": ("mp3", "libmp3lame", "s16p", None),
    "m4a": ("ipod", "aac", "fltp", None),
    "flac": ("flac", "flac", "s16", None),
}
CONTENT_TYPES = {"wav": "audio/wav", "ogg": "audio/ogg", "webm": "audio/webm", "mp3": "audio/mpeg",
                 "m4a": "audio/mp4", "flac": "audio/flac"}


def pcm_to_wav(pcm: np.ndarray, rate: int, channels: int = 1) -> bytes:
    """16-bit little-endian WAV; ``pcm`` is float in [-1, 1], interleaved when multichannel."""
    samples = (np.clip(np.asarray(pcm, dtype=np.float32), -1.0, 1.0) * 32767.0).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.tobytes())
    return buffer.getvalue()


def encode_pcm(pcm: np.ndarray, rate: int, fmt: str, *, channels: int = 1, bitrate: int = 32_000) -> bytes:
    """Encode mono (or interleaved multichannel) float PCM into ``fmt`` (wav, ogg, webm, mp3, m4a, flac)."""
    if fmt == "wav":
        return pcm_to_wav(pcm, rate, channels)
    if fmt not in _FORMATS:
        raise ValueError(f"unknown audio format {fmt!r}")
    import av

    container_name, codec, sample_format, codec_rate = _FORMATS[fmt]
    layout = "mono" if channels == 1 else "stereo"
    out_rate = codec_rate or rate
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=container_name) as container:
        stream: Any = container.add_stream(codec, rate=out_rate)
        stream.layout = layout
        if fmt != "flac":
            stream.bit_rate = bitrate * channels
        resampler = av.AudioResampler(format=sample_format, layout=layout, rate=out_rate)
        samples = (np.clip(np.asarray(pcm, dtype=np.float32), -1, 1) * 32767).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout=layout)
        frame.sample_rate = rate
        for resampled in resampler.resample(frame):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for resampled in resampler.resample(None):
            for packet in stream.encode(resampled):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()
