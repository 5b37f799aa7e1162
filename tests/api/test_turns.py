"""POST /v1/turns and GET /v1/complaints/{receipt}: the HTTP contract of DESIGN.md."""

from __future__ import annotations

import re

import pytest


def test_opening_an_app_answers_with_intent_slot_and_open_app_action(client) -> None:
    body = client.post("/v1/turns", json={"text": "따릉이 앱 켜줘"}).json()
    assert body["intent"] == "app.open"
    assert body["slots"] == {"app": "ttareungyi"}
    assert body["actions"][0]["type"] == "open_app" and body["actions"][0]["app"] == "ttareungyi"
    assert body["state"] == "done" and body["session_id"]
    assert {"nlu", "dialogue", "skill", "reply"} <= set(body["latency_ms"])


def test_a_complaint_filed_over_the_api_is_readable_by_receipt(client) -> None:
    first = client.post("/v1/turns", json={"text": "불법주차 신고할게요"}).json()
    session = first["session_id"]
    client.post("/v1/turns", json={"text": "망원동이요", "session_id": session})
    filed = client.post("/v1/turns", json={"text": "네", "session_id": session}).json()
    assert re.fullmatch(r"\d{4}-\d{6}", filed["receipt"])
    status = client.get(f"/v1/complaints/{filed['receipt']}").json()
    assert status["category"] == "illegal_parking" and status["place"] == "망원동" and status["status"] == "접수"


def test_emergency_is_answered_at_once_with_a_call_action(client) -> None:
    body = client.post("/v1/turns", json={"text": "사람이 쓰러졌어요 도와주세요"}).json()
    assert body["state"] == "emergency"
    assert body["actions"][0] == {**body["actions"][0], "type": "call", "number": "119"}


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"text": ""}, 400, "empty-text"),
        ({"text": "   \n "}, 400, "empty-text"),
        ({"text": "가" * 10_000}, 413, "text-too-long"),
        ({"text": "안녕", "session_id": "no-such-session"}, 404, "unknown-session"),
        ({}, 422, "invalid-request"),
        ({"text": "안녕", "lat": 500}, 422, "invalid-request"),
    ],
)
def test_bad_turn_requests_get_a_clear_json_error(client, payload, status, code) -> None:
    response = client.post("/v1/turns", json=payload)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_malformed_json_is_a_400_json_error(client) -> None:
    response = client.post("/v1/turns", content='{"text": "안녕"'.encode(), headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed-json"


def test_invalid_utf8_is_a_400_json_error(client) -> None:
    response = client.post("/v1/turns", content=b'{"text": "\xff\xfe\xfa"}', headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["error"]["code"] in {"malformed-json", "invalid-encoding"}


def test_bad_input_writes_nothing(client, assistant) -> None:
    from sqlalchemy import func, select

    from donghaeng.store.tables import SessionRow, TurnRow

    client.post("/v1/turns", json={"text": ""})
    client.post("/v1/turns", json={"text": "안녕", "session_id": "nope"})
    with assistant.sessions() as db:
        assert db.scalar(select(func.count()).select_from(TurnRow)) == 0
        assert db.scalar(select(func.count()).select_from(SessionRow)) == 0


def test_unknown_receipt_is_404(client) -> None:
    response = client.get("/v1/complaints/1999-000042")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "receipt-not-found"


def test_health_metrics_and_openapi_are_served(client) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    client.post("/v1/turns", json={"text": "안녕하세요"})
    metrics = client.get("/metrics").text
    assert "donghaeng_turns_total" in metrics
    assert 'donghaeng_window_intent_turns{intent="meta.greet",window="7d"} 1.0' in metrics
    assert "/v1/turns" in client.get("/openapi.json").json()["paths"]


def test_turn_text_is_stored_with_personal_data_masked(client, assistant) -> None:
    from sqlalchemy import select

    from donghaeng.store.tables import TurnRow

    client.post("/v1/turns", json={"text": "제 번호 010-1234-5678로 연락 주세요"})
    with assistant.sessions() as db:
        stored = db.scalars(select(TurnRow.text_masked)).all()
    assert stored and all("1234-5678" not in text for text in stored)


def test_a_typed_turn_can_ask_for_the_reply_spoken_by_the_server_voice(client) -> None:
    body = client.post("/v1/turns", json={"text": "안녕하세요", "reply_audio": True}).json()
    audio = client.get(body["reply_audio_url"])
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/wav"
    assert audio.content[:4] == b"RIFF" and len(audio.content) > 8000
