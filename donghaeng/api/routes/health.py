"""Liveness/readiness and Prometheus metrics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import text

from donghaeng.api.deps import AssistantDep
from donghaeng.api.errors import error_response

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(assistant: AssistantDep) -> Any:
    try:
        with assistant.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:  # the store is down: say so, with the documented error shape
        return error_response(503, "store-unavailable", "저장소에 연결할 수 없어요.")
    return {"status": "ok", "database": assistant.engine.url.get_backend_name()}


@router.get("/metrics")
def metrics(request: Request) -> Response:
    return Response(request.app.state.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")
