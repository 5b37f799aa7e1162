"""The citizen page at ``/`` and the static files under ``/static`` (scripts, styles, icons)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.routing import APIWebSocketRoute
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from donghaeng.api.deps import AssistantDep
from donghaeng.web.render import STATIC_DIR, page_words, render

router = APIRouter(include_in_schema=False)
router.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")


@router.get("/", response_class=HTMLResponse)
def citizen_page(request: Request, assistant: AssistantDep) -> HTMLResponse:
    words = page_words(assistant.settings.data_dir)
    return render(
        request,
        "citizen.html",
        {
            "t": words.get("citizen", {}),
            "script_words": words.get("script", {}),
            "audio_enabled": _has_route(request, "/v1/turns/audio"),
            # The live path; when the app has no WebSocket route the page only records and posts.
            "stream_path": "/v1/stream" if _has_websocket(request, "/v1/stream") else None,
        },
    )


def _has_route(request: Request, path: str) -> bool:
    """Whether the app serves ``path`` (the voice route is optional in a slim install)."""
    return path in request.app.openapi().get("paths", {})


def _has_websocket(request: Request, path: str) -> bool:
    """WebSocket routes are not in the OpenAPI document, so look at the routing table."""
    return any(isinstance(route, APIWebSocketRoute) and route.path == path for route in request.app.routes)
