"""Rendering the HTML pages: Jinja2 templates, page words from YAML, security headers.

Templates and static files sit next to this module, so an installed wheel serves them.
Static URLs carry a short content hash, so a new release never shows a stale script.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

# Only our own scripts, styles, images and audio; no third-party requests at all.
_CSP_DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self' blob: data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
)
CONTENT_SECURITY_POLICY = "; ".join(_CSP_DIRECTIVES)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "microphone=(self), geolocation=(self), camera=()",
}


@lru_cache(maxsize=256)
def _file_hash(name: str) -> str:
    path = (STATIC_DIR / name).resolve()
    if STATIC_DIR not in path.parents or not path.is_file():
        return "0"
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def static_url(name: str) -> str:
    return f"/static/{name}?v={_file_hash(name)}"


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    built = Jinja2Templates(directory=str(TEMPLATES_DIR))
    built.env.globals["static_url"] = static_url
    return built


@lru_cache(maxsize=4)
def _page_words(path: str) -> dict[str, Any]:
    file = Path(path)
    if not file.is_file():
        return {}
    return yaml.safe_load(file.read_text(encoding="utf-8")) or {}


def page_words(data_dir: Path) -> dict[str, Any]:
    """The citizen page's words from ``responses/ko/web.yaml`` in the data directory."""
    words = _page_words(str(Path(data_dir) / "responses" / "ko" / "web.yaml"))
    if not words:  # a custom data dir without web words: fall back to the bundled file
        words = _page_words(str(WEB_DIR.parents[1] / "data" / "responses" / "ko" / "web.yaml"))
    return words


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    response = templates().TemplateResponse(request, name, context, status_code=status_code)
    for header, value in SECURITY_HEADERS.items():
        response.headers[header] = value
    response.headers["Cache-Control"] = "no-store"
    return response
