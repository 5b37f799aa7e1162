"""The control tower's JSON API and HTML pages, through TestClient on a temporary database."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from web_support import PASSWORDS, add_complaint, api_login


def page_csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def form_login(client: TestClient, username: str, password: str) -> object:
    token = page_csrf(client.get("/admin/login").text)
    return client.post(
        "/admin/login",
        data={"username": username, "password": password, "csrf_token": token, "next": "/admin"},
        follow_redirects=False,
    )


# -- authentication -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "path",
    [
        "/v1/admin/dashboard",
        "/v1/admin/complaints",
        "/v1/admin/turns",
        "/v1/admin/audit",
        "/v1/admin/me",
        "/v1/admin/complaints/export.csv",
    ],
)
def test_admin_api_without_a_session_is_401_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize(
    "path", ["/admin", "/admin/complaints", "/admin/turns", "/admin/audit", "/admin/users"]
)
def test_admin_pages_without_a_session_redirect_to_login(client: TestClient, path: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=")


def test_first_admin_comes_from_settings(web_app: object) -> None:
    with TestClient(web_app) as fresh:  # type: ignore[arg-type]
        wrong = fresh.post("/v1/admin/session", json={"username": "admin", "password": "guess-guess"})
        assert wrong.status_code == 401
        response = fresh.post("/v1/admin/session", json={"username": "admin", "password": "donghaeng-dev"})
        assert response.status_code == 200
        assert response.json()["role"] == "admin"


def test_wrong_password_is_refused_and_audited(client: TestClient) -> None:
    response = client.post("/v1/admin/session", json={"username": "oper", "password": "nope-nope"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "login-failed"
    api_login(client, "chief")
    actions = [item["action"] for item in client.get("/v1/admin/audit").json()["items"]]
    assert "admin.login_failed" in actions


def test_passwords_are_stored_as_argon2_hashes(client: TestClient) -> None:
    from sqlalchemy import select

    from donghaeng.store.tables import AdminUserRow

    with client.app.state.assistant.sessions() as db:  # type: ignore[attr-defined]
        stored = db.scalar(select(AdminUserRow.password_hash).where(AdminUserRow.username == "oper"))
    assert stored.startswith("$argon2id$") and PASSWORDS["oper"] not in stored


def test_form_login_needs_the_login_csrf_token(client: TestClient) -> None:
    client.get("/admin/login")
    response = client.post(
        "/admin/login",
        data={"username": "oper", "password": PASSWORDS["oper"], "csrf_token": "forged"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "donghaeng_admin" not in response.cookies


def test_form_login_then_dashboard_and_logout(client: TestClient) -> None:
    response = form_login(client, "watcher", PASSWORDS["watcher"])
    assert response.status_code == 303 and response.headers["location"] == "/admin"
    dashboard = client.get("/admin")
    assert dashboard.status_code == 200 and "대시보드" in dashboard.text
    assert "frame-ancestors 'none'" in dashboard.headers["content-security-policy"]
    client.post("/admin/logout", data={"csrf_token": page_csrf(dashboard.text)})
    assert client.get("/admin", follow_redirects=False).status_code == 303


def test_session_cookie_is_http_only_and_strict(client: TestClient) -> None:
    cookie = form_login(client, "watcher", PASSWORDS["watcher"]).headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie


def test_a_tampered_session_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set("donghaeng_admin", "eyJ1IjoiY2hpZWYiLCJjIjoieCJ9.forged.sig")
    assert client.get("/v1/admin/me").status_code == 401


# -- complaint status changes and roles ---------------------------------------------------
def test_operator_changes_status_with_reason_and_it_is_audited(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    csrf = api_login(client, "oper")
    response = client.post(
        f"/v1/admin/complaints/{receipt}/status",
        json={"status": "배정", "reason": "현장 확인"},
        headers={"X-CSRF-Token": csrf},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "배정" and body["status_reason"] == "현장 확인"
    change = body["history"][-1]
    assert change["actor"] == "oper" and change["detail"]["to"] == "배정" and change["at"]


def test_status_change_without_csrf_header_is_refused(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    api_login(client, "oper")
    response = client.post(f"/v1/admin/complaints/{receipt}/status", json={"status": "배정"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf-failed"


def test_viewer_cannot_change_status(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    csrf = api_login(client, "watcher")
    response = client.post(
        f"/v1/admin/complaints/{receipt}/status", json={"status": "배정"}, headers={"X-CSRF-Token": csrf}
    )
    assert response.status_code == 403
    assert client.get(f"/v1/admin/complaints/{receipt}").json()["status"] == "접수"


def test_rejecting_needs_a_reason_and_bad_transitions_are_409(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    csrf = api_login(client, "oper")
    headers = {"X-CSRF-Token": csrf}
    no_reason = client.post(
        f"/v1/admin/complaints/{receipt}/status", json={"status": "반려"}, headers=headers
    )
    assert no_reason.status_code == 400 and no_reason.json()["error"]["code"] == "reason-required"
    skip = client.post(f"/v1/admin/complaints/{receipt}/status", json={"status": "완료"}, headers=headers)
    assert skip.status_code == 409


def test_operator_form_changes_status_on_the_page(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    form_login(client, "oper", PASSWORDS["oper"])
    page = client.get(f"/admin/complaints/{receipt}")
    response = client.post(
        f"/admin/complaints/{receipt}/status",
        data={"status": "처리중", "reason": "", "csrf_token": page_csrf(page.text)},
    )
    assert response.status_code == 200 and "상태를 바꿨어요." in response.text
    assert '<dd id="complaint-status">처리중</dd>' in response.text


def test_viewer_form_post_is_forbidden(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    form_login(client, "watcher", PASSWORDS["watcher"])
    page = client.get(f"/admin/complaints/{receipt}")
    assert "단계 바꾸기</button>" not in page.text
    response = client.post(
        f"/admin/complaints/{receipt}/status", data={"status": "배정", "csrf_token": page_csrf(page.text)}
    )
    assert response.status_code == 403


# -- queue, duplicates, CSV ---------------------------------------------------------------
def test_queue_filters_and_duplicate_links(client: TestClient) -> None:
    assistant = client.app.state.assistant  # type: ignore[attr-defined]
    first = add_complaint(assistant, lat=37.5563, lon=126.9104)
    second = add_complaint(assistant, lat=37.5564, lon=126.9105)
    add_complaint(assistant, category="noise", gu="종로구", place="종로3가")
    api_login(client, "watcher")
    trash = client.get("/v1/admin/complaints", params={"category": "trash"}).json()
    assert trash["total"] == 2
    linked = next(item for item in trash["items"] if item["receipt"] == second)
    assert linked["duplicate_of"] == first
    assert client.get("/v1/admin/complaints", params={"gu": "종로구"}).json()["total"] == 1
    assert client.get("/v1/admin/complaints", params={"status": "완료"}).json()["total"] == 0
    today = client.get("/v1/admin/dashboard").json()["generated_at"][:10]
    assert (
        client.get("/v1/admin/complaints", params={"date_from": today, "date_to": today}).json()["total"] == 3
    )
    assert client.get("/v1/admin/complaints", params={"date_to": "2000-01-01"}).json()["total"] == 0
    detail = client.get(f"/v1/admin/complaints/{first}").json()
    assert [d["receipt"] for d in detail["duplicates"]] == [second]
    assert detail["department"] == "마포구청 청소행정과"


def test_csv_export_follows_filters_and_masks_pii(client: TestClient) -> None:
    assistant = client.app.state.assistant  # type: ignore[attr-defined]
    add_complaint(assistant, detail="연락처 010-1234-5678 로 주세요")
    add_complaint(assistant, category="noise", gu="종로구", detail='=HYPERLINK("x")')
    api_login(client, "watcher")
    response = client.get("/v1/admin/complaints/export.csv", params={"category": "trash"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.text.lstrip("\ufeff").strip().splitlines()
    assert lines[0].startswith("receipt,created_at,status") and len(lines) == 2
    assert "010-1234-5678" not in response.text and "[전화번호]" in response.text
    noise = client.get("/admin/complaints/export.csv", params={"category": "noise"}).text
    assert "'=HYPERLINK" in noise


# -- logs and users -----------------------------------------------------------------------
def test_turn_log_is_masked_and_searchable(client: TestClient) -> None:
    from donghaeng.store.sessions import create_session
    from donghaeng.store.turns import record_turn

    assistant = client.app.state.assistant  # type: ignore[attr-defined]
    with assistant.sessions() as db, db.begin():
        session_id = create_session(db, "text").id
        record_turn(
            db,
            session_id,
            "제 번호는 010-9876-5432 이고 주민번호 900101-1234567 이에요",
            {"intent": "unknown", "state": "done", "reply": "잘 모르겠어요."},
        )
        record_turn(
            db, session_id, "따릉이 앱 켜줘", {"intent": "app.open", "state": "done", "reply": "열게요"}
        )
    api_login(client, "watcher")
    found = client.get("/v1/admin/turns", params={"q": "번호"}).json()
    assert found["total"] == 1
    text = found["items"][0]["text"]
    assert "010-9876-5432" not in text and "900101-1234567" not in text and "[전화번호]" in text
    assert client.get("/v1/admin/turns", params={"intent": "app.open"}).json()["total"] == 1
    board = client.get("/v1/admin/dashboard").json()
    assert board["turns_total"] == 2 and board["unknown_rate"] == 0.5
    assert board["unanswered"][0]["text"].startswith("제 번호는 [전화번호]")
    page = client.get("/admin/turns", params={"q": "따릉이"})
    assert page.status_code == 200 and "따릉이 앱 켜줘" in page.text


def test_only_admins_manage_users(client: TestClient) -> None:
    csrf = api_login(client, "oper")
    refused = client.post(
        "/v1/admin/users",
        json={"username": "new1", "password": "password-123", "role": "viewer"},
        headers={"X-CSRF-Token": csrf},
    )
    assert refused.status_code == 403
    csrf = api_login(client, "chief")
    made = client.post(
        "/v1/admin/users",
        json={"username": "new1", "password": "password-123", "role": "viewer"},
        headers={"X-CSRF-Token": csrf},
    )
    assert made.status_code == 201
    promoted = client.post(
        "/v1/admin/users/new1/role", json={"role": "operator"}, headers={"X-CSRF-Token": csrf}
    )
    assert promoted.json()["role"] == "operator"
    names = {u["username"]: u["role"] for u in client.get("/v1/admin/users").json()["items"]}
    assert names["new1"] == "operator" and "password_hash" not in str(names)
    assert (
        client.post(
            "/v1/admin/users",
            json={"username": "weak", "password": "short", "role": "viewer"},
            headers={"X-CSRF-Token": csrf},
        ).status_code
        == 400
    )


def test_every_admin_page_renders_for_an_admin(client: TestClient) -> None:
    receipt = add_complaint(client.app.state.assistant)  # type: ignore[attr-defined]
    form_login(client, "chief", PASSWORDS["chief"])
    for path in (
        "/admin",
        "/admin?days=1",
        "/admin/complaints?status=접수",
        "/admin/turns",
        "/admin/audit",
        "/admin/users",
        f"/admin/complaints/{receipt}",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
    assert client.get("/admin/complaints/2000-999999").status_code == 404


def test_dashboard_counts_voice_turns_by_engine(client: TestClient) -> None:
    from donghaeng.store.sessions import create_session
    from donghaeng.store.turns import record_turn

    assistant = client.app.state.assistant  # type: ignore[attr-defined]
    with assistant.sessions() as db, db.begin():
        session_id = create_session(db, "voice").id
        result = {
            "intent": "app.open",
            "state": "done",
            "latency_ms": {"stt": 900.0, "nlu": 5.0, "total": 950.0},
        }
        record_turn(db, session_id, "따릉이", result, channel="voice", stt_engine="whisper")
        record_turn(db, session_id, "따릉이", result, channel="voice")
    api_login(client, "watcher")
    board = client.get("/v1/admin/dashboard").json()
    assert {e["engine"]: e["turns"] for e in board["stt_engines"]} == {"whisper": 1, "(기록 없음)": 1}
    stt = next(s for s in board["latency_ms"] if s["stage"] == "stt")
    assert stt == {"stage": "stt", "count": 2, "p50": 900.0, "p95": 900.0}
