"""The citizen page at ``/`` and the static files under ``/static`` (scripts, styles, icons)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.routing import NoMatchFound
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
            "stream_path": _route_path(request, "voice_stream"),
        },
    )


def _has_route(request: Request, path: str) -> bool:
    """Whether the app serves ``path`` (the voice route is optional in a slim install)."""
    return path in request.app.openapi().get("paths", {})


def _route_path(request: Request, name: str) -> str | None:
    """The path of a named route (WebSocket routes are not in the OpenAPI document), or None."""
    try:
        return str(request.app.url_path_for(name))
    except NoMatchFound:
        return None
