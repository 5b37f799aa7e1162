"""Voice over HTTP and WebSocket: ``POST /v1/turns/audio``, ``GET /v1/audio/{id}``, ``WS /v1/stream``.

The WebSocket does the work while the person is still speaking: Vosk decodes every frame
(partials go out at once), the VAD marks pauses, and at a pause the final recogniser starts
on what was heard so far. When the utterance ends (VAD or the client's ``{"type": "end"}``)
only the unfinished remainder of that work is left, then the reply's first sentence is
synthesised and sent before the rest. Blocking engine calls run in the thread pool.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from donghaeng.audio.cache import ReplyAudioCache
from donghaeng.audio.encode import CONTENT_TYPES
from donghaeng.audio.live import LiveUtterance, StreamConfig
from donghaeng.audio.messages import audio_error
from donghaeng.audio.turn import run_voice_turn
from donghaeng.errors import DonghaengError

router = APIRouter()
_READ_CHUNK = 1024 * 1024


def _error_response(error: DonghaengError) -> JSONResponse:
    return JSONResponse({"error": {"code": error.code, "message": error.message}}, status_code=error.status)


def _audio_cache(app: Any) -> ReplyAudioCache:
    cache = getattr(app.state, "reply_audio_cache", None)
    if cache is None:
        cache = ReplyAudioCache()
        app.state.reply_audio_cache = cache
    return cache


async def _read_bounded(upload: UploadFile, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; one byte more means the upload is too large."""
    chunks: list[bytes] = []
    total = 0
    while chunk := await upload.read(_READ_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise audio_error("audio-too-large")
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/v1/turns/audio")
async def post_audio_turn(
    request: Request,
    audio: Annotated[UploadFile, File()],
    session_id: Annotated[str | None, Form()] = None,
    lat: Annotated[float | None, Form()] = None,
    lon: Annotated[float | None, Form()] = None,
    reply_format: Annotated[str, Form()] = "wav",
) -> Response:
    assistant = request.app.state.assistant
    try:
        if reply_format not in ("wav", "ogg"):
            raise audio_error("audio-unsupported")
        data = await _read_bounded(audio, assistant.settings.max_audio_bytes)
        turn = await run_in_threadpool(run_voice_turn, assistant, data, session_id=session_id, lat=lat,
                                       lon=lon, reply_format=reply_format)
    except DonghaengError as error:
        return _error_response(error)
    finally:
        await audio.close()
    body = dict(turn.result)
    body["reply_audio_url"] = None
    if turn.reply_audio:
        audio_id = _audio_cache(request.app).put(turn.reply_audio, CONTENT_TYPES[turn.reply_format])
        body["reply_audio_url"] = str(request.url_for("get_reply_audio", audio_id=audio_id).path)
    return JSONResponse(body)


@router.get("/v1/audio/{audio_id}", name="get_reply_audio")
async def get_reply_audio(request: Request, audio_id: str) -> Response:
    item = _audio_cache(request.app).get(audio_id)
    if item is None:
        return JSONResponse({"error": {"code": "not-found", "message": "들려 드릴 소리가 없어요. 다시 말씀해 주세요."}},
                            status_code=404)
    audio, content_type = item
    return Response(audio, media_type=content_type, headers={"Cache-Control": "no-store"})


@router.websocket("/v1/stream")
async def voice_stream(websocket: WebSocket) -> None:
    await websocket.accept()
    assistant = websocket.app.state.assistant
    config = StreamConfig()
    utterance: LiveUtterance | None = None
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            if message.get("bytes") is not None:
                if utterance is None:
                    utterance = await run_in_threadpool(LiveUtterance, assistant, config)
                events = await run_in_threadpool(utterance.accept_pcm16, message["bytes"])
                for event in events:
                    await websocket.send_json(event)
                if not utterance.ended:
                    continue
            else:
                command = _parse_command(message.get("text"))
                if command is None:
                    error = audio_error("stream-bad-message")
                    await websocket.send_json({"type": "error", "code": error.code, "message": error.message})
                    continue
                if command.get("type") == "config":
                    config = config.updated(command)
                    continue
                if command.get("type") != "end":
                    continue
                if utterance is None:
                    utterance = await run_in_threadpool(LiveUtterance, assistant, config)
            await _finish_turn(websocket, utterance)
            config = config.updated({"session_id": utterance.session_id})
            utterance = None
    except WebSocketDisconnect:
        pass
    finally:
        if utterance is not None:
            utterance.close()


def _parse_command(text: str | None) -> dict[str, Any] | None:
    try:
        command = json.loads(text or "")
    except ValueError:
        return None
    return command if isinstance(command, dict) else None


async def _finish_turn(websocket: WebSocket, utterance: LiveUtterance) -> None:
    try:
        result = await run_in_threadpool(utterance.finish)
    except DonghaengError as error:
        await websocket.send_json({"type": "error", "code": error.code, "message": error.message})
        return
    await websocket.send_json({"type": "result", **result})
    chunks = utterance.reply_chunks()
    while True:
        chunk = await run_in_threadpool(next, chunks, None)
        if chunk is None:
            break
        await websocket.send_bytes(chunk)
    await websocket.send_json({"type": "audio_end", "format": utterance.config.audio_format})
