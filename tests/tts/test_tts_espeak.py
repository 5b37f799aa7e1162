"""espeak-ng TTS: valid WAV and Ogg, slow is slower, sentences stream one by one."""

from __future__ import annotations

import io
import wave

import pytest

from donghaeng.audio.decode import decode_bytes
from donghaeng.config import Settings
from donghaeng.errors import AudioError
from donghaeng.tts import create_tts
from donghaeng.tts.base import TextToSpeech, split_sentences

TEXT = "안녕하세요. 사백칠십이 번 버스는 삼 분 뒤에 와요."


@pytest.fixture(scope="module")
def tts() -> TextToSpeech:
    return create_tts("espeak", Settings())


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as handle:
        assert handle.getnchannels() == 1 and handle.getsampwidth() == 2
        return handle.getnframes() / handle.getframerate()


def test_wav_is_valid_and_long_enough(tts) -> None:
    data = tts.synthesize(TEXT)
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert 1.5 < wav_seconds(data) < 15


def test_slow_is_longer_than_normal(tts) -> None:
    assert wav_seconds(tts.synthesize(TEXT, rate="slow")) > 1.2 * wav_seconds(tts.synthesize(TEXT))


def test_ogg_opus_decodes(tts) -> None:
    data = tts.synthesize(TEXT, fmt="ogg")
    assert data[:4] == b"OggS"
    decoded = decode_bytes(data, max_bytes=10**7, max_seconds=60)
    assert decoded.codec == "opus" and decoded.duration_s > 1.5


def test_stream_yields_one_chunk_per_sentence(tts) -> None:
    chunks = list(tts.stream(TEXT))
    assert len(chunks) == 2
    assert chunks[1].text.startswith("사백칠십이")
    assert all(len(chunk.pcm) > 1000 for chunk in chunks)


def test_numbers_are_rewritten_before_speaking(tts) -> None:
    assert next(iter(tts.stream("472번 버스"))).text == "사백칠십이 번 버스"


def test_empty_text_is_an_error(tts) -> None:
    with pytest.raises(AudioError) as caught:
        tts.synthesize("  ")
    assert caught.value.code == "tts-empty-text"


def test_unknown_rate_is_refused(tts) -> None:
    with pytest.raises(ValueError):
        list(tts.stream(TEXT, rate="fast"))


def test_engine_is_cached_and_pluggable() -> None:
    assert create_tts("espeak", Settings()) is create_tts("espeak", Settings())
    with pytest.raises(ValueError):
        create_tts("no-such-voice", Settings())


def test_split_sentences() -> None:
    assert split_sentences("하나요. 둘이요!\n셋") == ["하나요.", "둘이요!", "셋"]
