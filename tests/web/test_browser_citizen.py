"""The citizen page in real headless Chromium against the real app on a uvicorn server."""

from __future__ import annotations

import re
from typing import Any

import pytest
from web_support import has_route, run_axe, save_screenshot

pytestmark = pytest.mark.browser


def ask_by_typing(page: Any, text: str) -> None:
    page.fill("#ask-text", text)
    page.click("#ask-form button[type=submit]")


def test_typed_question_gets_an_answer_and_the_app_button(phone_page: Any) -> None:
    page = phone_page
    page.goto("/")
    ask_by_typing(page, "따릉이 앱 켜줘")
    app_button = page.locator("#actions a.action-app")
    app_button.wait_for()
    assert "따릉이" in app_button.inner_text()
    assert app_button.get_attribute("href", timeout=1000).startswith(
        "https://"
    )  # not Android: the web address
    assert "따릉이" in page.inner_text("#answer")
    assert page.inner_text("#heard") == "따릉이 앱 켜줘"
    first_session = page.evaluate("sessionStorage.getItem('donghaeng.session')")
    assert first_session
    # the session carries over: "다시 듣기" repeats the last answer in the same conversation
    before = page.inner_text("#answer")
    page.click("#repeat")
    page.wait_for_function("document.querySelectorAll('#history li').length >= 2")
    assert page.evaluate("sessionStorage.getItem('donghaeng.session')") == first_session
    assert page.inner_text("#answer") == before


def test_push_to_talk_with_a_fake_microphone(phone_page: Any, live_server: Any) -> None:
    if not has_route(live_server.app, "/v1/turns/audio"):
        pytest.skip("POST /v1/turns/audio is not part of the app yet (voice stage not installed)")
    page = phone_page
    page.goto("/")
    empty_heard = page.inner_text("#heard")
    talk = page.locator("#talk")
    talk.click()  # a short tap starts listening ...
    page.wait_for_selector("#talk[aria-pressed=true]", timeout=120_000)  # microphone start is slow on a busy machine
    page.wait_for_timeout(3200)  # the fake microphone plays the spoken question (about 2.8 s)
    with page.expect_response(lambda r: r.url.endswith("/v1/turns/audio"), timeout=120_000) as answered:
        talk.click()  # ... and a second tap ends it
    page.wait_for_selector("#talk[aria-pressed=false]")
    response = answered.value
    assert response.ok, response.text()
    body = response.json()
    page.wait_for_function(
        "(empty) => document.querySelector('#heard').textContent.trim() !== empty", arg=empty_heard
    )
    assert page.inner_text("#heard").strip() == body["transcript"].strip()
    assert page.inner_text("#answer").strip() == body["reply"].strip()
    assert page.locator("#history li").count() == 1
    assert page.evaluate("sessionStorage.getItem('donghaeng.session')") == body["session_id"]
    if body.get("reply_audio_url"):  # the answer is spoken with the server's voice
        assert page.get_attribute("#reply-audio", "src") == body["reply_audio_url"]


def test_press_and_hold_records_until_release(phone_page: Any, live_server: Any) -> None:
    if not has_route(live_server.app, "/v1/turns/audio"):
        pytest.skip("POST /v1/turns/audio is not part of the app yet (voice stage not installed)")
    page = phone_page
    page.goto("/")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    box = page.locator("#talk").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_selector("#talk[aria-pressed=true]", timeout=120_000)  # microphone start is slow on a busy machine
    assert "손을 떼" in page.inner_text("#status")  # "hold" mode tells the person to let go when done
    page.wait_for_timeout(1500)
    page.mouse.up()
    page.wait_for_selector("#talk[aria-pressed=false]")
    page.wait_for_function(
        "document.querySelector('#talk').getAttribute('aria-busy') === 'false'", timeout=120_000
    )
    assert any(url.endswith("/v1/turns/audio") for url in requests)


def test_keyboard_only_use(phone_page: Any) -> None:
    page = phone_page
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Enter")
    page.focus("#ask-text")
    page.keyboard.type("도움말")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#history li') !== null")
    assert page.inner_text("#answer").strip()


def test_font_size_control_and_always_visible_120(phone_page: Any) -> None:
    page = phone_page
    page.goto("/")
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert base >= 20
    page.click("#text-bigger")
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > base
    page.reload()  # the choice is remembered
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > base
    help_link = page.locator("a.help-120")
    assert help_link.get_attribute("href") == "tel:120" and help_link.is_visible()
    page.mouse.wheel(0, 4000)
    assert help_link.is_visible()


def test_location_is_asked_once_and_sent_with_the_turn(browser: Any, live_server: Any) -> None:
    context = browser.new_context(
        base_url=live_server.url,
        locale="ko-KR",
        permissions=["geolocation"],
        geolocation={"latitude": 37.55631, "longitude": 126.91041},
    )
    page = context.new_page()
    try:
        page.goto("/")
        page.click("#location-yes")
        page.wait_for_function("document.querySelector('#status').textContent.includes('위치')")
        with page.expect_request(lambda r: r.url.endswith("/v1/turns")) as sent:
            ask_by_typing(page, "도움말")
        body = sent.value.post_data_json
        assert body["lat"] == pytest.approx(37.55631) and body["lon"] == pytest.approx(126.91041)
        page.reload()
        assert page.locator("#location-ask").is_hidden()  # asked once only
    finally:
        context.close()


def test_citizen_page_has_no_axe_violations_and_screenshot(phone_page: Any, axe_source: str) -> None:
    page = phone_page
    page.goto("/")
    assert run_axe(page, axe_source) == []
    ask_by_typing(page, "따릉이 앱 켜줘")
    page.locator("#actions a.action-app").wait_for()
    page.wait_for_function("document.querySelector('#status').textContent.length > 0")
    violations = run_axe(page, axe_source)
    assert violations == [], violations
    save_screenshot(page, "citizen", publish=True)
    assert re.search(r"\S", page.inner_text("#answer"))


def test_a_stale_session_id_starts_a_new_conversation(phone_page: Any) -> None:
    page = phone_page
    page.goto("/")
    page.evaluate("sessionStorage.setItem('donghaeng.session', 'no-such-session')")
    page.reload()
    ask_by_typing(page, "따릉이 앱 켜줘")
    page.locator("#actions a.action-app").wait_for()
    assert page.evaluate("sessionStorage.getItem('donghaeng.session')") not in (None, "no-such-session")
