"""The control tower in real headless Chromium: login, roles, status changes, accessibility."""

from __future__ import annotations

from typing import Any

import pytest
from web_support import PASSWORDS, add_complaint, run_axe, save_screenshot

pytestmark = pytest.mark.browser


def login(page: Any, username: str) -> None:
    page.goto("/admin/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORDS[username])
    page.click("form.login button[type=submit]")
    page.wait_for_url("**/admin")


def test_admin_redirects_to_login_without_a_session(desktop_page: Any) -> None:
    desktop_page.goto("/admin/complaints")
    assert "/admin/login" in desktop_page.url
    assert desktop_page.locator("h1").inner_text() == "관제실 로그인"


def test_operator_changes_a_complaint_status(desktop_page: Any, live_server: Any) -> None:
    receipt = add_complaint(live_server.assistant, place="홍대입구역 9번 출구")
    page = desktop_page
    login(page, "oper")
    page.goto("/admin/complaints?status=접수")
    page.click(f"text={receipt}")
    page.select_option("#new-status", "배정")
    page.fill("#reason", "현장 확인 요청")
    page.click("form.status-form button[type=submit]")
    page.wait_for_selector("p.ok")
    assert page.inner_text("#complaint-status") == "배정"
    history = page.inner_text("#history-heading + table")
    assert "oper" in history and "접수 → 배정" in history and "현장 확인 요청" in history


def test_viewer_cannot_change_a_complaint_status(desktop_page: Any, live_server: Any) -> None:
    receipt = add_complaint(live_server.assistant)
    page = desktop_page
    login(page, "watcher")
    page.goto(f"/admin/complaints/{receipt}")
    assert page.locator("form.status-form").count() == 0
    # even a hand-made form post is refused for a viewer
    status = page.evaluate(
        """async ([receipt, token]) => (await fetch(`/admin/complaints/${receipt}/status`, {method: 'POST',
             body: new URLSearchParams({status: '배정', reason: '', csrf_token: token})})).status""",
        [receipt, page.get_attribute("input[name=csrf_token]", "value")],
    )
    assert status == 403
    page.reload()
    assert page.inner_text("#complaint-status") == "접수"


def test_admin_pages_have_no_axe_violations_and_screenshot(
    desktop_page: Any, live_server: Any, axe_source: str
) -> None:
    assistant = live_server.assistant
    add_complaint(assistant, lat=37.5563, lon=126.9104)
    add_complaint(assistant, lat=37.5564, lon=126.9105)
    for text in (
        "따릉이 앱 켜줘",
        "불이 났어요 도와주세요",
        "내 전화번호 010-1234-5678 저장해줘",
        "오늘 날씨 어때",
        "우리 강아지 이름 좀 지어 줄래",
    ):
        assistant.handle_text(text)
    page = desktop_page
    page.goto("/admin/login")
    assert run_axe(page, axe_source) == []
    login(page, "chief")
    problems = {}
    for path in ("/admin", "/admin/complaints", "/admin/turns", "/admin/audit", "/admin/users"):
        page.goto(path)
        violations = run_axe(page, axe_source)
        if violations:
            problems[path] = violations
        if path == "/admin":
            save_screenshot(page, "admin", publish=True)
    assert problems == {}
    page.goto("/admin/turns?q=전화번호")
    assert "010-1234-5678" not in page.content()
