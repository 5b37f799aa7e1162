"""The citizen page and its static files over HTTP (no browser needed)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient


def test_citizen_page_is_korean_with_strict_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert '<html lang="ko"' in response.text
    assert "누르고 말씀하세요" in response.text and 'href="tel:120"' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_page_words_for_the_script_come_from_yaml(client: TestClient) -> None:
    html = client.get("/").text
    block = re.search(r'<script type="application/json" id="page-words">(.*?)</script>', html, re.S)
    assert block, "the page carries its script words"
    assert json.loads(block.group(1))["repeat_text"] == "다시 말해 주세요"


def test_static_files_are_served_with_a_version_and_no_cdn(client: TestClient) -> None:
    html = client.get("/").text
    assert "/static/citizen.js?v=" in html and "/static/citizen.css?v=" in html
    assert "https://" not in html.split("<body>")[0]  # nothing fetched from elsewhere
    script = client.get("/static/citizen.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert client.get("/static/../config.py").status_code == 404
