"""CLI: transcribe, say and voice, including one-line errors and JSON lines."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from donghaeng.audio.decode import decode_file
from donghaeng.audio.encode import encode_pcm, pcm_to_wav
from donghaeng.cli.voice import register


@pytest.fixture()
def cli(voice_settings, fake_assistant_factory, monkeypatch):
    monkeypatch.setenv("DONGHAENG_VAR_DIR", str(voice_settings.var_dir))
    monkeypatch.setenv("DONGHAENG_STT_ENGINE", "vosk")
    app = typer.Typer()
    assistant = fake_assistant_factory(voice_settings.model_copy(update={"stt_engine": "vosk"}))
    register(app, lambda: assistant)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(arg) for arg in args])


def test_say_writes_wav_and_slow_is_longer(cli, tmp_path) -> None:
    normal, slow = tmp_path / "n.wav", tmp_path / "s.wav"
    assert cli("say", "서울시 다산콜센터는 02-120이에요.", "-o", normal).exit_code == 0
    assert cli("say", "서울시 다산콜센터는 02-120이에요.", "-o", slow, "--rate", "slow").exit_code == 0
    limits = {"max_bytes": 10**7, "max_seconds": 60}
    assert decode_file(slow, **limits).duration_s > decode_file(normal, **limits).duration_s


def test_say_ogg(cli, tmp_path) -> None:
    out = tmp_path / "reply.ogg"
    assert cli("say", "안녕하세요", "-o", out).exit_code == 0
    assert out.read_bytes()[:4] == b"OggS"


def test_say_bad_rate_fails(cli, tmp_path) -> None:
    result = cli("say", "안녕하세요", "-o", tmp_path / "x.wav", "--rate", "fast")
    assert result.exit_code != 0


@pytest.mark.slow
def test_transcribe_json_lines_and_errors(cli, tmp_path, real_clip) -> None:
    pcm, _ = real_clip
    good = tmp_path / "q.m4a"
    good.write_bytes(encode_pcm(pcm, 16_000, "m4a"))
    silent = tmp_path / "silent.wav"
    silent.write_bytes(pcm_to_wav(np.zeros(16_000, dtype=np.float32), 16_000))
    broken = tmp_path / "broken.mp3"
    broken.write_bytes(os.urandom(2000))
    result = cli("transcribe", good, silent, broken, "--engine", "vosk", "--json")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["file"] == str(good) and lines[0]["text"]
    assert "stt-no-text-recognized" in result.stderr and "audio-corrupt" in result.stderr


def test_transcribe_unknown_engine(cli, tmp_path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(pcm_to_wav(np.zeros(1600, dtype=np.float32), 16_000))
    assert cli("transcribe", path, "--engine", "sphinx").exit_code == 2


@pytest.mark.slow
def test_voice_turn_with_reply_audio(cli, tmp_path, real_clip) -> None:
    pcm, _ = real_clip
    question, reply = tmp_path / "q.wav", tmp_path / "reply.wav"
    question.write_bytes(pcm_to_wav(pcm, 16_000))
    result = cli("voice", question, "--session", "s-9", "--json", "-o", reply)
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout.strip())
    assert payload["transcript"] and payload["reply"] and payload["session_id"] == "s-9"
    assert reply.read_bytes()[:4] == b"RIFF"


def test_voice_missing_file_is_one_line_error(cli, tmp_path) -> None:
    result = cli("voice", tmp_path / "nope.wav")
    assert result.exit_code != 0 and len(result.stderr.strip().splitlines()) == 1
