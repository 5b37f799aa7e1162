"""An acknowledged complaint survives SIGKILL of a real server process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(tmp_path: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "DONGHAENG_DATABASE_URL": f"sqlite:///{tmp_path / 'durable.sqlite3'}",
           "DONGHAENG_VAR_DIR": str(tmp_path), "DONGHAENG_LOAD_DATA_ON_START": "false",
           "DONGHAENG_WARM_SPEECH": "false"}
    process = subprocess.Popen([sys.executable, "-m", "donghaeng", "serve", "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("server did not start")


def test_receipt_is_readable_after_the_server_is_killed_and_restarted(tmp_path: Path) -> None:
    port = _free_port()
    server = _start(tmp_path, port)
    base = f"http://127.0.0.1:{port}"
    try:
        session = httpx.post(f"{base}/v1/turns", json={"text": "가로등이 고장 났어요 신고할게요"}, timeout=30).json()
        sid = session["session_id"]
        httpx.post(f"{base}/v1/turns", json={"text": "수유동이요", "session_id": sid}, timeout=30)
        filed = httpx.post(f"{base}/v1/turns", json={"text": "네", "session_id": sid}, timeout=30).json()
        receipt = filed["receipt"]
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
    restarted = _start(tmp_path, port)
    try:
        status = httpx.get(f"{base}/v1/complaints/{receipt}", timeout=10).json()
        assert status["category"] == "streetlight" and status["place"] == "수유동"
    finally:
        restarted.send_signal(signal.SIGKILL)
        restarted.wait(timeout=10)
