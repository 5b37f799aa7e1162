"""Every error leaves the API as JSON {"error": {"code", "message"}} with a fitting status."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from donghaeng.errors import DonghaengError

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DonghaengError)
    async def _domain(_request: Request, err: DonghaengError) -> JSONResponse:
        return error_response(err.status, err.code, err.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, err: RequestValidationError) -> JSONResponse:
        errors = err.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "malformed-json", "요청 형식(JSON)이 올바르지 않아요.")
        if any("utf-8" in str(e.get("msg", "")).lower() or e.get("type") == "unicode_decode" for e in errors):
            return error_response(400, "invalid-encoding", "글자 인코딩(UTF-8)이 올바르지 않아요.")
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) or "body" for e in errors)
        return error_response(422, "invalid-request", f"요청 값이 올바르지 않아요: {fields}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, err: StarletteHTTPException) -> JSONResponse:
        # FastAPI answers a body it cannot parse at all (e.g. invalid UTF-8) with a bare 400.
        code = {400: "malformed-json", 404: "not-found", 405: "method-not-allowed", 401: "unauthorized",
                403: "forbidden"}.get(err.status_code, "http-error")
        message = {400: "요청 형식(JSON)이 올바르지 않아요.", 404: "찾는 주소가 없어요.",
                   405: "이 방법으로는 요청할 수 없어요."}.get(err.status_code, str(err.detail))
        return error_response(err.status_code, code, message)

    @app.exception_handler(UnicodeDecodeError)
    async def _unicode(_request: Request, _err: UnicodeDecodeError) -> JSONResponse:
        return error_response(400, "invalid-encoding", "글자 인코딩(UTF-8)이 올바르지 않아요.")

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, err: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=err)
        return error_response(500, "internal-error", DonghaengError.message)
