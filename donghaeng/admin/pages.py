"""The control tower's HTML pages under ``/admin``: dashboard, complaint queue, logs.

Plain server-rendered forms, no JavaScript needed. Every form that changes something
carries the session's CSRF token; the role gate is in ``page_base``.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from donghaeng.admin.api import csv_response
from donghaeng.admin.charts import bar_chart, column_chart
from donghaeng.admin.dashboard import build_dashboard
from donghaeng.admin.logs import distinct_intents, list_audit, search_turns
from donghaeng.admin.page_base import gate, render_page
from donghaeng.admin.queue import PAGE_SIZE, QueueFilterDep, complaint_detail, filter_choices, list_complaints
from donghaeng.api.auth import AdminUser, tokens_match
from donghaeng.errors import DonghaengError
from donghaeng.store.complaints import STATUSES, change_status

router = APIRouter(prefix="/admin", include_in_schema=False)


# -- dashboard ----------------------------------------------------------------------------
@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, days: int = Query(7, ge=1, le=90)) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        board = build_dashboard(db, days=days)
    charts = {
        "per_hour": column_chart(
            board.turns_per_hour, title="최근 24시간 시간별 대화 수", chart_id="per-hour", label_every=3
        ),
        "per_day": column_chart(
            board.turns_per_day,
            title=f"최근 {days}일 날짜별 대화 수",
            chart_id="per-day",
            label_every=max(1, days // 10),
        ),
        "intents": bar_chart(
            board.intents[:15],
            title="의도별 대화 수",
            chart_id="intents",
            alert_labels=("unknown", "safety.emergency"),
        ),
        "latency": bar_chart(
            [(s.stage, s.p95_ms) for s in board.latency],
            title="단계별 응답 시간 p95 (ms)",
            chart_id="latency",
            unit=" ms",
        ),
        "stt": bar_chart(board.stt_engines, title="음성 인식 엔진 사용", chart_id="stt"),
    }
    return render_page(
        request, user, "admin_dashboard.html", {"board": board, "charts": charts, "days": days}
    )


# -- complaints ---------------------------------------------------------------------------
@router.get("/complaints", response_class=HTMLResponse)
def complaints(
    request: Request,
    flt: QueueFilterDep,
    page: int = Query(1, ge=1),
) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        items, total = list_complaints(db, flt, page=page)
        choices = filter_choices(db)
    query = flt.query_args()
    return render_page(
        request,
        user,
        "admin_complaints.html",
        {
            "items": items,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "filters": query,
            "choices": choices,
            "query": urlencode(query),
            "flt": flt,
        },
    )


@router.get("/complaints/export.csv")
def complaints_csv(
    request: Request,
    flt: QueueFilterDep,
) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    return csv_response(request, flt)


@router.get("/complaints/{receipt}", response_class=HTMLResponse)
def complaint(request: Request, receipt: str, done: str | None = None) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    return _complaint_page(request, user, receipt, message="상태를 바꿨어요." if done else None)


def _complaint_page(
    request: Request,
    user: AdminUser,
    receipt: str,
    *,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with request.app.state.assistant.sessions() as db:
        try:
            item = complaint_detail(db, receipt)
        except DonghaengError as err:
            return render_page(
                request,
                user,
                "admin_message.html",
                {"title": "민원", "error": err.message},
                status_code=err.status,
            )
    return render_page(
        request,
        user,
        "admin_complaint.html",
        {"item": item, "message": message, "error": error, "statuses": STATUSES},
        status_code=status_code,
    )


@router.post("/complaints/{receipt}/status", response_class=HTMLResponse)
def complaint_status(
    request: Request,
    receipt: str,
    status: Annotated[str, Form(max_length=16)],
    csrf_token: Annotated[str, Form(max_length=128)],
    reason: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    user = gate(request, "operator")
    if not isinstance(user, AdminUser):
        return user
    if not tokens_match(user.csrf_token, csrf_token):
        return _complaint_page(
            request,
            user,
            receipt,
            error="보안 확인 값이 맞지 않아요. 화면을 새로 고쳐 주세요.",
            status_code=403,
        )
    try:
        with request.app.state.assistant.sessions() as db, db.begin():
            change_status(db, receipt, status, actor=user.username, reason=reason or None)
    except DonghaengError as err:
        return _complaint_page(request, user, receipt, error=err.message, status_code=err.status)
    return RedirectResponse(f"/admin/complaints/{quote(receipt)}?done=1", status_code=303)


# -- logs ---------------------------------------------------------------------------------
@router.get("/turns", response_class=HTMLResponse)
def turns(
    request: Request,
    q: str = Query("", max_length=200),
    intent: str = "",
    state: str = "",
    page: int = Query(1, ge=1),
) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        items, total = search_turns(db, q=q, intent=intent, state=state, page=page)
        intents = distinct_intents(db)
    query = {k: v for k, v in {"q": q, "intent": intent, "state": state}.items() if v}
    return render_page(
        request,
        user,
        "admin_turns.html",
        {
            "items": items,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "q": q,
            "intent": intent,
            "state": state,
            "intents": intents,
            "query": urlencode(query),
            "states": ("done", "need_slot", "confirm", "handoff", "emergency"),
        },
    )


@router.get("/audit", response_class=HTMLResponse)
def audit(
    request: Request,
    actor: str = Query("", max_length=64),
    action: str = Query("", max_length=48),
    page: int = Query(1, ge=1),
) -> Response:
    user = gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        items, total = list_audit(db, actor=actor, action=action, page=page)
    query = {k: v for k, v in {"actor": actor, "action": action}.items() if v}
    return render_page(
        request,
        user,
        "admin_audit.html",
        {
            "items": items,
            "total": total,
            "page": page,
            "pages": max(1, -(-total // PAGE_SIZE)),
            "actor": actor,
            "action": action,
            "query": urlencode(query),
        },
    )
