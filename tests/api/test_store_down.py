"""The API when the database is down: a clear 503 JSON error, nothing half-written."""

from __future__ import annotations

from sqlalchemy.exc import OperationalError


def test_the_api_answers_503_json_when_the_store_is_down(client, assistant, monkeypatch) -> None:
    def down(*_args, **_kwargs):
        raise OperationalError("SELECT", {}, Exception("could not connect to server"))

    monkeypatch.setattr(assistant, "sessions", down)
    response = client.post("/v1/turns", json={"text": "안녕하세요"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "store-unavailable"
