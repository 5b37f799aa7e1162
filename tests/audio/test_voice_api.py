"""The HTTP and WebSocket voice routes against a fake assistant with real engines."""

from __future__ import annotations

import io
import os
import wave

import numpy as np
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from donghaeng.api.routes.audio import router
from donghaeng.audio.decode import decode_bytes, float_to_pcm16
from donghaeng.audio.encode import encode_pcm, pcm_to_wav


def make_client(assistant) -> TestClient:
    app = FastAPI()
    app.include_router(router)
    app.state.assistant = assistant
    return TestClient(app)


def to_16k(pcm: np.ndarray, rate: int) -> np.ndarray:
    return decode_bytes(pcm_to_wav(pcm, rate), max_bytes=10**8, max_seconds=60).pcm


@pytest.fixture()
def assistant(voice_settings, fake_assistant_factory):
    return fake_assistant_factory(voice_settings.model_copy(update={"stt_engine": "vosk"}))


@pytest.mark.slow
def test_post_audio_turn_returns_result_transcript_and_audio_url(assistant, real_clip) -> None:
    pcm, _ = real_clip
    client = make_client(assistant)
    body = encode_pcm(pcm, 16_000, "webm")
    response = client.post("/v1/turns/audio", files={"audio": ("q.webm", body, "audio/webm")},
                           data={"session_id": "abc", "lat": "37.5", "lon": "127.0"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["transcript"] and result["reply"] and result["state"] == "done"
    assert assistant.calls[-1] == {"text": result["transcript"], "session_id": "abc", "lat": 37.5,
                                   "lon": 127.0, "channel": "voice"}
    audio = client.get(result["reply_audio_url"])
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(audio.content)) as handle:
        assert handle.getnframes() > 0


@pytest.mark.slow
@pytest.mark.parametrize(("body", "code", "status"), [
    (b"", "audio-empty", 400),
    (os.urandom(3000), "audio-corrupt", 400),
    (pcm_to_wav(np.zeros(32_000, dtype=np.float32), 16_000), "stt-no-text-recognized", 422),
    (pcm_to_wav(np.random.default_rng(1).normal(0, 0.02, 32_000).astype(np.float32), 8_000),
     "stt-no-text-recognized", 422),
])
def test_post_bad_audio_gets_error_code(assistant, body: bytes, code: str, status: int) -> None:
    response = make_client(assistant).post("/v1/turns/audio", files={"audio": ("x.wav", body, "audio/wav")})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_silence_message_is_the_agreed_phrase(assistant) -> None:
    body = pcm_to_wav(np.zeros(16_000, dtype=np.float32), 16_000)
    response = make_client(assistant).post("/v1/turns/audio", files={"audio": ("x.wav", body, "audio/wav")})
    assert response.json()["error"]["message"] == "잘 못 들었어요, 다시 말씀해 주세요."


def test_post_too_large_upload(assistant) -> None:
    small = assistant.settings.model_copy(update={"max_audio_bytes": 1000})
    assistant.settings = small
    response = make_client(assistant).post("/v1/turns/audio", files={"audio": ("x.wav", b"\0" * 5000)})
    assert response.status_code == 413 and response.json()["error"]["code"] == "audio-too-large"


def test_unknown_reply_audio_is_404(assistant) -> None:
    assert make_client(assistant).get("/v1/audio/nope").status_code == 404


def stream_messages(ws, stop_on: str = "audio_end") -> tuple[list[dict], list[bytes]]:
    messages, chunks = [], []
    while True:
        message = ws.receive()
        if message.get("bytes") is not None:
            chunks.append(message["bytes"])
            continue
        import json

        payload = json.loads(message["text"])
        messages.append(payload)
        if payload["type"] in (stop_on, "error"):
            return messages, chunks


@pytest.mark.slow
def test_websocket_flow_partials_result_then_audio(assistant, real_clip) -> None:
    pcm, _ = real_clip
    audio = np.concatenate([pcm, np.zeros(16_000, dtype=np.float32)])
    with make_client(assistant).websocket_connect("/v1/stream") as ws:
        ws.send_json({"type": "config", "session_id": "ws-1", "engine": "vosk"})
        for start in range(0, len(audio), 1600):
            ws.send_bytes(float_to_pcm16(audio[start:start + 1600]))
        messages, chunks = stream_messages(ws)
    kinds = [message["type"] for message in messages]
    assert "partial" in kinds
    assert kinds.index("partial") < kinds.index("result") < kinds.index("audio_end")
    result = next(message for message in messages if message["type"] == "result")
    assert result["session_id"] == "ws-1" and result["transcript"] and result["reply"]
    assert len(chunks) == 2  # the fake reply has two sentences, one playable file each
    assert all(chunk[:4] == b"RIFF" for chunk in chunks)


@pytest.mark.slow
def test_websocket_client_end_and_8k_input_with_two_pass(assistant, real_clip) -> None:
    pcm, _ = real_clip
    narrow = decode_bytes(pcm_to_wav(pcm, 16_000), max_bytes=10**8, max_seconds=60).pcm[::2]
    with make_client(assistant).websocket_connect("/v1/stream") as ws:
        ws.send_json({"type": "config", "sample_rate": 8000, "engine": "whisper", "vad_end": False,
                      "audio_format": "ogg"})
        for start in range(0, len(narrow), 800):
            ws.send_bytes(float_to_pcm16(narrow[start:start + 800]))
        ws.send_json({"type": "end"})
        messages, chunks = stream_messages(ws)
    result = next(message for message in messages if message["type"] == "result")
    assert result["stt_engine"] == "whisper" and result["transcript"]
    assert chunks and all(chunk[:4] == b"OggS" for chunk in chunks)


@pytest.mark.slow
def test_websocket_silence_then_end_is_not_heard(assistant) -> None:
    with make_client(assistant).websocket_connect("/v1/stream") as ws:
        ws.send_bytes(float_to_pcm16(np.zeros(16_000, dtype=np.float32)))
        ws.send_json({"type": "end"})
        messages, _ = stream_messages(ws)
        assert messages[-1]["type"] == "error" and messages[-1]["code"] == "stt-no-text-recognized"
        ws.send_text("not json")
        assert ws.receive_json()["code"] == "stream-bad-message"


def test_websocket_too_long_is_an_error(assistant) -> None:
    assistant.settings = assistant.settings.model_copy(update={"max_audio_seconds": 1.0})
    with make_client(assistant).websocket_connect("/v1/stream") as ws:
        ws.send_json({"type": "config", "vad_end": False})
        for _ in range(3):
            ws.send_bytes(float_to_pcm16(np.zeros(16_000, dtype=np.float32)))
        ws.send_json({"type": "end"})
        messages, _ = stream_messages(ws)
    assert messages[-1]["code"] == "audio-too-long"
