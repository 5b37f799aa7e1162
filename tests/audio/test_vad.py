"""VAD: speech is found, silence and noise are not, and streaming equals offline segmentation."""

from __future__ import annotations

import numpy as np

from donghaeng.audio.decode import decode_bytes
from donghaeng.audio.encode import pcm_to_wav
from donghaeng.audio.vad import StreamingVad, VadConfig, has_speech, speech_segments


def speech_16k(spoken_korean) -> np.ndarray:
    pcm, rate = spoken_korean
    return decode_bytes(pcm_to_wav(pcm, rate), max_bytes=10**8, max_seconds=60).pcm


def test_silence_has_no_speech() -> None:
    assert not has_speech(np.zeros(32_000, dtype=np.float32))


def test_noise_has_no_speech() -> None:
    noise = np.random.default_rng(7).normal(0, 0.05, 48_000).astype(np.float32)
    assert not has_speech(noise)


def test_two_utterances_are_two_segments(spoken_korean) -> None:
    speech = speech_16k(spoken_korean)
    gap = np.zeros(24_000, dtype=np.float32)
    segments = speech_segments(np.concatenate([gap, speech, gap, speech, gap]))
    assert len(segments) == 2
    assert segments[0][0] >= 1.0
    assert segments[1][0] > segments[0][1]


def test_streaming_in_odd_chunks_reports_end_of_utterance(spoken_korean) -> None:
    audio = np.concatenate([speech_16k(spoken_korean), np.zeros(16_000, dtype=np.float32)])
    vad = StreamingVad(VadConfig(end_silence_s=0.5))
    kinds = []
    for start in range(0, len(audio), 777):
        kinds += [event.kind for event in vad.push(audio[start:start + 777])]
    assert kinds[0] == "speech_start"
    assert kinds[-1] == "speech_end"
    assert vad.ended and vad.last_speech_end_s is not None


def test_short_pause_then_more_speech_resumes(spoken_korean) -> None:
    speech = speech_16k(spoken_korean)
    audio = np.concatenate([speech, np.zeros(6_400, dtype=np.float32), speech])
    vad = StreamingVad(VadConfig(pause_s=0.2, end_silence_s=1.0))
    kinds = [event.kind for event in vad.push(audio)]
    assert "pause" in kinds
    assert "speech_end" not in kinds
