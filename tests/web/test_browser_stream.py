"""The citizen page's live voice path in real headless Chromium: microphone → AudioWorklet →
16 kHz PCM16 frames over ``WS /v1/stream`` → partial text in "들은 말" → result → reply audio,
and the fallback to ``POST /v1/turns/audio`` when the WebSocket does not work out.

These pages run with the page's real Content-Security-Policy (no ``bypass_csp``), so the
WebSocket, the worklet module and the Blob-URL reply audio are all allowed by it. That CSP
also forbids string evaluation, so waits use locators rather than ``wait_for_function``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import has_route

pytestmark = pytest.mark.browser

SPEECH_S = 3.2  # the fake microphone's question: 0.6 s silence, about 2 s of speech, 0.6 s silence

# Records what "들은 말" and "답" looked like after every change, so the test can tell whether
# the partial text was on screen before the answer arrived.
WATCH_HEARD = """
document.addEventListener("DOMContentLoaded", () => {
  window.__screens = [];
  const heard = document.querySelector("#heard"), answer = document.querySelector("#answer");
  const snap = () => window.__screens.push({
    heard: heard.textContent, partial: heard.classList.contains("is-partial"), answer: answer.textContent });
  const observer = new MutationObserver(snap);
  for (const node of [heard, answer]) {
    observer.observe(node, { childList: true, characterData: true, subtree: true, attributes: true });
  }
});
"""


@pytest.fixture
def stream_page(browser: Any, stream_server: Any) -> Iterator[Any]:
    if not has_route(stream_server.app, "/v1/turns/audio"):
        pytest.skip("the voice routes are not part of the app (voice stage not installed)")
    context = browser.new_context(
        base_url=stream_server.url, locale="ko-KR", viewport={"width": 412, "height": 915}
    )
    context.set_default_timeout(45_000)
    page = context.new_page()
    page.add_init_script(WATCH_HEARD)
    yield page
    context.close()


def tap_and_speak(page: Any) -> None:
    """Tap to start, let the fake microphone play the question; the caller taps again to stop."""
    page.locator("#talk").click()
    page.wait_for_selector(
        "#talk[aria-pressed=true]", timeout=120_000
    )  # microphone start is slow on a busy machine
    page.wait_for_timeout(SPEECH_S * 1000)


def test_live_transcript_and_streamed_reply_over_the_websocket(stream_page: Any) -> None:
    page = stream_page
    received: list[Any] = []  # every WebSocket frame the page got, in order
    posts: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda frame: received.append(frame)))
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    page.goto("/")
    empty_answer = page.inner_text("#answer")

    tap_and_speak(page)
    page.locator("#talk").click()  # the second tap sends {"type": "end"}
    page.wait_for_selector("#talk[aria-pressed=false]")
    expect(page.locator("#history li")).to_have_count(1, timeout=120_000)

    messages = [json.loads(frame) for frame in received if isinstance(frame, str)]
    kinds = [message["type"] for message in messages]
    assert "result" in kinds, messages
    result = messages[kinds.index("result")]
    assert "partial" in kinds[: kinds.index("result")], kinds  # the server streamed words while we spoke

    # the page showed those words, marked as still forming, before it showed the answer
    screens = page.evaluate("window.__screens")
    live_screens = [s for s in screens if s["partial"] and s["heard"].strip()]
    assert live_screens, screens
    assert all(s["answer"] == empty_answer for s in live_screens)

    # the answer is the result, rendered as the POST path renders it
    assert page.inner_text("#answer").strip() == result["reply"].strip()
    assert page.inner_text("#heard").strip() == result["transcript"].strip()
    assert page.get_attribute("#heard", "class") == "heard-text"  # settled
    assert page.evaluate("sessionStorage.getItem('donghaeng.session')") == result["session_id"]
    assert not any(url.endswith("/v1/turns/audio") for url in posts)  # no fallback was needed

    # the reply audio came as playable WAV files, and the first is on the page's <audio>
    expect(page.locator("#reply-audio")).to_have_attribute("src", re.compile(r"^blob:"), timeout=30_000)
    chunks = [frame for frame in received if isinstance(frame, bytes)]
    assert chunks and all(chunk[:4] == b"RIFF" for chunk in chunks)


# Browsers without AudioWorklet: hide it, so the page captures with a ScriptProcessorNode.
NO_WORKLET = "Object.defineProperty(BaseAudioContext.prototype, 'audioWorklet', { get: () => undefined });"


@pytest.mark.parametrize("capture", ["worklet", "script-processor"])
def test_hold_to_talk_streams_until_release(stream_page: Any, capture: str) -> None:
    page = stream_page
    if capture == "script-processor":
        page.add_init_script(NO_WORKLET)
    sent: list[Any] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
    page.goto("/")
    box = page.locator("#talk").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_selector("#talk[aria-pressed=true]", timeout=120_000)
    assert "손을 떼" in page.inner_text("#status")
    page.wait_for_timeout(SPEECH_S * 1000)
    page.mouse.up()
    page.wait_for_selector("#talk[aria-pressed=false]")
    expect(page.locator("#talk")).to_have_attribute("aria-busy", "false", timeout=120_000)
    texts = [json.loads(frame) for frame in sent if isinstance(frame, str)]
    frames = [frame for frame in sent if isinstance(frame, bytes)]
    assert texts[0]["type"] == "config" and texts[0]["sample_rate"] == 16000
    assert texts[-1] == {"type": "end"}
    # 100 ms frames of 16 kHz PCM16 (3200 bytes), only the last one may be shorter
    assert len(frames) >= 20 and all(len(frame) == 3200 for frame in frames[:-1])
    assert page.inner_text("#answer").strip()


@pytest.mark.parametrize("failure", ["refused", "dropped-after-end"])
def test_post_fallback_when_the_websocket_fails(stream_page: Any, failure: str) -> None:
    """Refused: the socket closes at once. Dropped: it closes when the person has finished,
    before any result. Either way the recording is posted and the person gets an answer."""
    page = stream_page

    def route(ws: Any) -> None:
        if failure == "refused":
            ws.close(code=1011)
            return
        server = ws.connect_to_server()

        def to_server(message: Any) -> None:
            if isinstance(message, str) and json.loads(message).get("type") == "end":
                ws.close(code=1011)  # the connection drops just when the answer would be made
            else:
                server.send(message)

        ws.on_message(to_server)

    page.route_web_socket("**/v1/stream", route)
    page.goto("/")
    tap_and_speak(page)
    with page.expect_response(lambda r: r.url.endswith("/v1/turns/audio"), timeout=120_000) as answered:
        page.locator("#talk").click()
    response = answered.value
    assert response.ok, response.text()
    body = response.json()
    expect(page.locator("#history li")).to_have_count(1, timeout=120_000)
    assert page.inner_text("#answer").strip() == body["reply"].strip()
    assert page.inner_text("#heard").strip() == body["transcript"].strip()
    assert page.get_attribute("#heard", "class") == "heard-text"
    if body.get("reply_audio_url"):
        assert page.get_attribute("#reply-audio", "src") == body["reply_audio_url"]
