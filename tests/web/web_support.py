"""Helpers for the web tests, imported by ``conftest.py`` and the test modules."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from donghaeng.api.auth import hash_password
from donghaeng.config import Settings
from donghaeng.store.complaints import NewComplaint, file_complaint
from donghaeng.store.tables import AdminUserRow

WEB_TESTS = Path(__file__).resolve().parent
REPO_ROOT = WEB_TESTS.parents[1]
ARTIFACTS = REPO_ROOT / "var" / "test-artifacts"
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"
AXE_JS = WEB_TESTS / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PASSWORDS = {"chief": "chief-password-1", "oper": "operator-pass-1", "watcher": "viewer-pass-1"}
ROLES = {"chief": "admin", "oper": "operator", "watcher": "viewer"}


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": f"sqlite:///{tmp_path}/t.sqlite",
        "load_data_on_start": False,
        "var_dir": tmp_path,
        **overrides,
    }
    return Settings(**values)


@cache
def password_hash(password: str) -> str:
    """argon2 is slow on purpose; hash each test password once per run."""
    return hash_password(password)


def add_users(assistant: Any) -> None:
    with assistant.sessions() as db, db.begin():
        for name, role in ROLES.items():
            db.add(AdminUserRow(username=name, password_hash=password_hash(PASSWORDS[name]), role=role))


def add_complaint(assistant: Any, **fields: Any) -> str:
    values: dict[str, Any] = {
        "category": "trash",
        "place": "망원역 2번 출구",
        "gu": "마포구",
        "department": "마포구청 청소행정과",
        **fields,
    }
    with assistant.sessions() as db, db.begin():
        return file_complaint(db, NewComplaint(**values)).receipt or ""


def api_login(client: TestClient, username: str) -> str:
    """Sign in over the JSON API; returns the CSRF token for write requests."""
    response = client.post("/v1/admin/session", json={"username": username, "password": PASSWORDS[username]})
    assert response.status_code == 200, response.text
    return str(response.json()["csrf_token"])


def find_chromium() -> str | None:
    explicit = os.environ.get("DONGHAENG_CHROMIUM")
    if explicit and Path(explicit).is_file():
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def has_route(app: Any, path: str) -> bool:
    return path in app.openapi().get("paths", {})


class LiveServer:
    """The real app under uvicorn in a thread, on its own temporary database."""

    def __init__(self, app: Any, port: int, *, ws: str = "none"):
        """``ws="none"`` (the default) refuses WebSocket upgrades, so the citizen page takes its
        recording → ``POST /v1/turns/audio`` path; ``ws="auto"`` serves ``WS /v1/stream`` too."""
        import uvicorn

        self.app = app
        self.url = f"http://127.0.0.1:{port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", ws=ws, lifespan="on")
        )
        self.thread = threading.Thread(target=self.server.run, name="donghaeng-test-server", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)

    @property
    def assistant(self) -> Any:
        return self.app.state.assistant


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations (WCAG 2.0/2.1/2.2 A and AA, plus best practice) on the page as it is now."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def save_screenshot(page: Any, name: str, *, publish: bool = False) -> Path:
    """Always a test artefact under var/test-artifacts; with DONGHAENG_UPDATE_SCREENSHOTS=1 the
    published ones also refresh docs/screenshots (kept out of ordinary runs so the tree stays clean)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    if publish and os.environ.get("DONGHAENG_UPDATE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, SCREENSHOTS / f"{name}.png")
    return path
