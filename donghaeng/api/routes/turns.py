"""POST /v1/turns: one text turn through the whole pipeline."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Request

from donghaeng.api.deps import AssistantDep
from donghaeng.api.schemas import ErrorResponse, TurnRequest, TurnResult
from donghaeng.errors import DonghaengError

router = APIRouter(tags=["turns"])

ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (400, 404, 413, 422, 503)}


@router.post("/v1/turns", response_model=TurnResult, response_model_exclude_none=True, responses=ERRORS)
def create_turn(body: TurnRequest, request: Request, assistant: AssistantDep,
                idempotency_key: Annotated[str | None, Header(max_length=128)] = None) -> dict[str, Any]:
    metrics = request.app.state.metrics
    try:
        result = assistant.handle_text(body.text, session_id=body.session_id, lat=body.lat, lon=body.lon,
                                       client_key=body.client_key or idempotency_key)
    except DonghaengError as err:
        metrics.observe_error(err.code)
        raise
    metrics.observe_turn(result)
    if body.reply_audio and result["reply"].strip():
        result = {**result, "reply_audio_url": _speak(request, assistant, result)}
    return result


def _speak(request: Request, assistant: Any, result: dict[str, Any]) -> str:
    """Synthesize the reply (slowly when the session asked for it) and serve it from the reply cache."""
    audio = assistant.tts().synthesize(result["reply"], rate="slow" if result.get("slow") else "normal")
    audio_id = request.app.state.reply_audio_cache.put(audio, "audio/wav")
    return str(request.url_for("get_reply_audio", audio_id=audio_id).path)
