"""Fixtures for the web tests: an app on a temporary database with users of each role, and
for the browser tests a real uvicorn server on a free loopback port driven by Chromium.

Browser tests skip with a clear reason where Chromium (Debian: ``apt-get install chromium``)
is missing; axe-core comes from npm (``tests/web/package-lock.json``) and is installed with
``npm ci`` on first use when npm is there.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_support import (
    AXE_JS,
    CHROMIUM_ARGS,
    WEB_TESTS,
    LiveServer,
    add_users,
    find_chromium,
    free_port,
    make_settings,
)

from donghaeng.api.app import create_app
from donghaeng.assistant import Assistant


# -- API level ----------------------------------------------------------------------------
@pytest.fixture
def web_app(tmp_path: Path) -> Any:
    return create_app(make_settings(tmp_path))


@pytest.fixture
def client(web_app: Any) -> Iterator[TestClient]:
    with TestClient(web_app) as test_client:
        add_users(web_app.state.assistant)
        yield test_client


# -- browser ------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file() and shutil.which("npm"):
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(WEB_TESTS)],
            check=False,
            capture_output=True,
            timeout=180,
        )
    if not AXE_JS.is_file():
        pytest.skip("axe-core is not installed: run `npm ci --prefix tests/web`")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium); browser tests need it")
    return executable


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, chromium_path: str, nlu_engine: Any
) -> Iterator[LiveServer]:
    """The real app (real NLU, skills, store, voice) on its own temporary database."""
    settings = make_settings(tmp_path_factory.mktemp("live"))
    assistant = Assistant(settings, nlu=nlu_engine)
    server = LiveServer(create_app(settings, assistant=assistant), free_port())
    server.start()
    add_users(server.assistant)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def stream_server(
    tmp_path_factory: pytest.TempPathFactory, chromium_path: str, nlu_engine: Any
) -> Iterator[LiveServer]:
    """Like ``live_server`` but with WebSockets on, so the citizen page streams over ``WS /v1/stream``.
    The speech engines are per process, so a second server costs no second model load."""
    settings = make_settings(tmp_path_factory.mktemp("live-stream"))
    assistant = Assistant(settings, nlu=nlu_engine)
    server = LiveServer(create_app(settings, assistant=assistant), free_port(), ws="auto")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fake_speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Korean question spoken by the product's own TTS (espeak-ng) with silence around it, as
    16-bit PCM WAV: what Chromium's fake microphone plays into getUserMedia."""
    from donghaeng.config import Settings
    from donghaeng.tts import create_tts

    speech = create_tts("espeak", Settings()).synthesize("따릉이 앱 켜줘", fmt="wav")
    with wave.open(io.BytesIO(speech)) as source:
        rate, width, channels = source.getframerate(), source.getsampwidth(), source.getnchannels()
        frames = source.readframes(source.getnframes())
    silence = b"\x00" * (int(rate * 0.6) * width * channels)
    path = tmp_path_factory.mktemp("speech") / "question.wav"
    with wave.open(str(path), "wb") as target:
        target.setnchannels(channels)
        target.setsampwidth(width)
        target.setframerate(rate)
        target.writeframes(silence + frames + silence)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: str, fake_speech_wav: Path) -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is missing")
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={fake_speech_wav}%noloop",
    ]
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=args, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def phone_page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """A phone-sized page (412 x 915 CSS px), Korean locale, CSP bypassed only so axe can be injected."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="ko-KR",
        bypass_csp=True,
        viewport={"width": 412, "height": 915},
        device_scale_factor=1,
    )
    context.set_default_timeout(45_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop_page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(
        base_url=live_server.url, locale="ko-KR", bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(45_000)
    yield context.new_page()
    context.close()
