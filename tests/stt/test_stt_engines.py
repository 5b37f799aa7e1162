"""Both recognisers on a short real Korean clip, the streaming interfaces and the model cache."""

from __future__ import annotations

import numpy as np
import pytest

from donghaeng.errors import AudioError
from donghaeng.stt import create_stt
from donghaeng.stt.base import SpeechToText, Transcript
from donghaeng.stt.vosk import clean_vosk_text
from donghaeng.stt.whisper import VOCABULARY_SIZE, build_vocabulary, ensure_model_dir


def char_error_rate(reference: str, hypothesis: str) -> float:
    import kocer

    return float(kocer.measure(reference.replace("쩜", "점"), hypothesis.replace("쩜", "점")).cer)


@pytest.mark.slow
def test_whisper_transcribes_real_speech(stt_settings, real_clip) -> None:
    pcm, reference = real_clip
    engine = create_stt("whisper", stt_settings)
    assert isinstance(engine, SpeechToText)
    transcript = engine.transcribe(pcm)
    assert isinstance(transcript, Transcript) and transcript.engine == "whisper"
    assert char_error_rate(reference, transcript.text) < 0.35
    assert transcript.elapsed_s > 0 and transcript.duration_s > 1.0


@pytest.mark.slow
def test_whisper_reads_audio_longer_than_its_short_window(stt_settings, real_clip) -> None:
    from donghaeng.stt.whisper import WINDOW_S

    pcm, reference = real_clip
    gap = np.zeros(8000, dtype=np.float32)
    repeats = int(WINDOW_S // (len(pcm) / 16_000 + 0.5)) + 2
    long_pcm = np.concatenate([np.concatenate([pcm, gap]) for _ in range(repeats)])
    assert len(long_pcm) / 16_000 > WINDOW_S, "the standard 30 s path is the one under test"
    engine = create_stt("whisper", stt_settings)
    transcript = engine.transcribe(long_pcm)
    # Whisper merges verbatim repeats, so compare with the clip's own words, not the repeated reference.
    assert transcript.duration_s > WINDOW_S and transcript.text
    letters = "".join(ch for ch in reference if ch.isalnum())
    assert letters[:2] in "".join(ch for ch in transcript.text if ch.isalnum())


@pytest.mark.slow
def test_vosk_streams_partials_on_real_speech(stt_settings, real_clip) -> None:
    pcm, reference = real_clip
    stream = create_stt("vosk", stt_settings).stream()
    partials = [text for start in range(0, len(pcm), 1600) if (text := stream.accept(pcm[start:start + 1600]))]
    transcript = stream.finish()
    assert partials, "Vosk should report partial text while audio arrives"
    assert transcript.partials == tuple(partials)
    assert char_error_rate(reference, transcript.text) < 0.6


@pytest.mark.slow
def test_two_pass_uses_whisper_text_after_speculation(stt_settings, real_clip) -> None:
    pcm, _ = real_clip
    engine = create_stt("two-pass", stt_settings)
    stream = engine.stream()
    for start in range(0, len(pcm), 3200):
        stream.accept(pcm[start:start + 3200])
    stream.speculate()
    transcript = stream.finish()
    assert transcript.engine == "whisper"
    assert transcript.partials
    assert transcript.text == create_stt("whisper", stt_settings).transcribe(pcm).text


@pytest.mark.slow
def test_engines_load_once_per_process(stt_settings) -> None:
    assert create_stt("vosk", stt_settings) is create_stt("vosk", stt_settings)
    assert create_stt("two-pass", stt_settings).final_engine is create_stt("whisper", stt_settings)


@pytest.mark.slow
def test_empty_audio_is_an_error(stt_settings) -> None:
    with pytest.raises(AudioError) as caught:
        create_stt("whisper", stt_settings).transcribe(np.zeros(0, dtype=np.float32))
    assert caught.value.code == "audio-empty"


def test_unknown_engine_is_refused(stt_settings) -> None:
    with pytest.raises(ValueError):
        create_stt("sphinx", stt_settings)


def test_vocabulary_matches_the_model(stt_settings) -> None:
    model_dir = ensure_model_dir(stt_settings.var_dir / "models")
    lines = (model_dir / "vocabulary.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == VOCABULARY_SIZE == len(build_vocabulary(model_dir / "tokenizer.json"))
    assert lines[50_257] == "<|endoftext|>" and lines[-1] == "<|30.00|>" and lines[50_364] == "<|0.00|>"
    assert not [p for p in model_dir.parent.iterdir() if p.name.startswith(".")], "no staging folder left"


def test_vosk_number_tokens_are_unwrapped() -> None:
    assert clean_vosk_text("[unk] 버스 [472] 번 (천) 원") == "버스 472 번 천 원"
