"""Decoding: every container the citizen page or a phone may send, and every kind of bad input."""

from __future__ import annotations

import os
import tempfile

import numpy as np
import pytest

from donghaeng.audio.decode import TARGET_RATE, decode_bytes, decode_file
from donghaeng.audio.encode import encode_pcm, pcm_to_wav
from donghaeng.errors import AudioError

LIMITS = {"max_bytes": 20 * 1024 * 1024, "max_seconds": 60.0}


def tone(seconds: float, rate: int, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def code_of(data: bytes, **limits: float) -> str:
    with pytest.raises(AudioError) as caught:
        decode_bytes(data, **{**LIMITS, **limits})
    return caught.value.code


@pytest.mark.parametrize("fmt", ["wav", "ogg", "webm", "mp3", "m4a", "flac"])
def test_each_format_decodes_to_16k_mono(fmt: str, spoken_korean) -> None:
    pcm, rate = spoken_korean
    decoded = decode_bytes(encode_pcm(pcm, rate, fmt), **LIMITS)
    assert decoded.pcm.dtype == np.float32 and decoded.pcm.ndim == 1
    assert abs(decoded.duration_s - len(pcm) / rate) < 0.15
    assert np.abs(decoded.pcm).max() > 0.05


@pytest.mark.parametrize("rate", [8_000, 11_025, 22_050, 44_100, 48_000])
def test_any_rate_is_resampled(rate: int) -> None:
    decoded = decode_bytes(pcm_to_wav(tone(1.0, rate), rate), **LIMITS)
    assert decoded.source_rate == rate
    assert abs(len(decoded.pcm) - TARGET_RATE) < 200


def test_stereo_is_downmixed() -> None:
    left = tone(1.0, 44_100)
    stereo = np.stack([left, np.zeros_like(left)], axis=1).reshape(-1)
    decoded = decode_bytes(encode_pcm(stereo, 44_100, "wav", channels=2), **LIMITS)
    assert decoded.source_channels == 2
    assert abs(decoded.duration_s - 1.0) < 0.05


def test_decode_file_reads_from_disk(tmp_path) -> None:
    path = tmp_path / "clip.ogg"
    path.write_bytes(encode_pcm(tone(0.5, 16_000), 16_000, "ogg"))
    assert abs(decode_file(path, **LIMITS).duration_s - 0.5) < 0.1


def test_zero_length_is_empty() -> None:
    assert code_of(b"") == "audio-empty"


def test_wav_without_samples_is_empty() -> None:
    assert code_of(pcm_to_wav(np.zeros(0, dtype=np.float32), 16_000)) in {"audio-empty", "audio-corrupt"}


def test_garbage_is_corrupt() -> None:
    assert code_of(os.urandom(4096)) == "audio-corrupt"


def test_truncated_file_is_corrupt() -> None:
    data = pcm_to_wav(tone(3.0, 16_000), 16_000)
    assert code_of(data[: len(data) // 3]) == "audio-corrupt"


def test_truncated_mp3_is_corrupt_or_short() -> None:
    data = encode_pcm(tone(3.0, 16_000), 16_000, "mp3")
    with pytest.raises(AudioError) as caught:
        decode_bytes(data[:200], **LIMITS)
    assert caught.value.code in {"audio-corrupt", "audio-empty"}


def test_file_without_audio_stream_is_unsupported() -> None:
    assert code_of(b"WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n") in {"audio-unsupported", "audio-corrupt"}


def test_unsupported_sample_rate_is_refused() -> None:
    assert code_of(pcm_to_wav(tone(0.5, 4_000), 4_000)) == "audio-unsupported"


def test_too_long_stops_while_decoding() -> None:
    assert code_of(pcm_to_wav(tone(3.0, 8_000), 8_000), max_seconds=2.0) == "audio-too-long"


def test_more_than_60_seconds_is_too_long() -> None:
    assert code_of(encode_pcm(tone(61.0, 8_000, 0.1), 8_000, "ogg")) == "audio-too-long"


def test_too_large_is_refused_before_decoding() -> None:
    assert code_of(b"\0" * 2048, max_bytes=1024) == "audio-too-large"


def test_over_20_megabytes_is_refused() -> None:
    assert code_of(b"\0" * (20 * 1024 * 1024 + 1)) == "audio-too-large"


def test_lightly_clipped_audio_passes_with_a_flag() -> None:
    pcm = np.clip(tone(1.0, 16_000, 1.02), -1, 1)
    decoded = decode_bytes(pcm_to_wav(pcm, 16_000), **LIMITS)
    assert decoded.clipped


def test_square_wave_clipping_is_refused() -> None:
    pcm = np.sign(tone(1.0, 16_000)).astype(np.float32)
    assert code_of(pcm_to_wav(pcm, 16_000)) == "audio-clipped"


def test_errors_carry_korean_messages() -> None:
    with pytest.raises(AudioError) as caught:
        decode_bytes(b"", **LIMITS)
    assert "다시" in caught.value.message


def test_no_temp_files_are_left(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None
    try:
        for data in (encode_pcm(tone(1.0, 16_000), 16_000, "m4a"), os.urandom(1000), b""):
            try:
                decode_bytes(data, **LIMITS)
            except AudioError:
                pass
        assert list(tmp_path.iterdir()) == []
    finally:
        tempfile.tempdir = None
