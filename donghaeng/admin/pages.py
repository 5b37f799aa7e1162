"""The control tower's HTML pages under ``/admin``: plain server-rendered forms, no JS needed.

Without a session every page redirects to the login form; a signed-in user without the
role for a page or action gets a 403 page. Every form that changes something carries the
session's CSRF token.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from donghaeng.admin.api import csv_response
from donghaeng.admin.charts import bar_chart, column_chart
from donghaeng.admin.dashboard import build_dashboard
from donghaeng.admin.logs import distinct_intents, list_audit, search_turns
from donghaeng.admin.queue import PAGE_SIZE, QueueFilter, complaint_detail, filter_choices, list_complaints
from donghaeng.admin.session import clear_session_cookie, set_session_cookie, sign_in
from donghaeng.admin.users import list_users
from donghaeng.api.auth import (
    LOGIN_CSRF_COOKIE,
    ROLES,
    AdminUser,
    cookie_options,
    create_user,
    current_user,
    new_csrf_token,
    set_role,
    tokens_match,
)
from donghaeng.errors import DonghaengError
from donghaeng.store.complaints import STATUSES, change_status
from donghaeng.web.render import render

router = APIRouter(prefix="/admin", include_in_schema=False)


def _gate(request: Request, role: str = "viewer") -> AdminUser | Response:
    user = current_user(request)
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/admin/login?next={quote(target)}", status_code=303)
    if not user.can(role):
        return _page(request, user, "admin_forbidden.html", {"needed": role}, status_code=403)
    return user


def _page(request: Request, user: AdminUser | None, name: str, context: dict[str, Any],
          status_code: int = 200) -> HTMLResponse:
    phrases = request.app.state.assistant.phrases
    categories = {key: _category_name(phrases, key) for key in ("illegal_parking", "trash", "noise", "road_damage",
                                                                 "streetlight", "illegal_banner", "other")}
    return render(request, name, {"user": user, "nav": request.url.path, "category_names": categories, **context},
                  status_code=status_code)


def _category_name(phrases: Any, key: str) -> str:
    name = f"complaints.categories.{key}"
    return phrases.say(name) if phrases.has(name) else key


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/admin") and not target.startswith("//") else "/admin"


# -- login --------------------------------------------------------------------------------
@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    if current_user(request) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_page(request, next, error=None)


def _login_page(request: Request, next_url: str | None, error: str | None, status_code: int = 200) -> HTMLResponse:
    token = new_csrf_token()
    response = _page(request, None, "admin_login.html", {"csrf_token": token, "next": _safe_next(next_url),
                                                         "error": error}, status_code=status_code)
    options = cookie_options(request.app.state.assistant.settings)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **{**options, "path": "/admin"})
    return response


@router.post("/login", response_class=HTMLResponse)
def login_submit(request: Request, username: Annotated[str, Form(max_length=64)],
                 password: Annotated[str, Form(max_length=256)], csrf_token: Annotated[str, Form(max_length=128)],
                 next: Annotated[str, Form(max_length=500)] = "/admin") -> Response:
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token):
        return _login_page(request, next, "보안 확인이 끝나지 않았어요. 다시 로그인해 주세요.", status_code=403)
    try:
        user = sign_in(request, username, password)
    except DonghaengError as err:
        return _login_page(request, next, err.message, status_code=err.status)
    if user is None:
        return _login_page(request, next, "아이디나 비밀번호가 맞지 않아요.", status_code=401)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(request, response, user)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/admin")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form(max_length=128)] = "") -> Response:
    user = current_user(request)
    response = RedirectResponse("/admin/login", status_code=303)
    if user is not None and tokens_match(user.csrf_token, csrf_token):
        clear_session_cookie(request, response)
    return response


# -- dashboard ----------------------------------------------------------------------------
@router.get("", response_class=HTMLResponse)
def dashboard(request: Request, days: int = Query(7, ge=1, le=90)) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        board = build_dashboard(db, days=days)
    charts = {
        "per_hour": column_chart(board.turns_per_hour, title="최근 24시간 시간별 대화 수", chart_id="per-hour",
                                 label_every=3),
        "per_day": column_chart(board.turns_per_day, title=f"최근 {days}일 날짜별 대화 수", chart_id="per-day",
                                label_every=max(1, days // 10)),
        "intents": bar_chart(board.intents[:15], title="의도별 대화 수", chart_id="intents",
                             alert_labels=("unknown", "safety.emergency")),
        "latency": bar_chart([(s.stage, s.p95_ms) for s in board.latency], title="단계별 응답 시간 p95 (ms)",
                             chart_id="latency", unit=" ms"),
        "stt": bar_chart(board.stt_engines, title="음성 인식 엔진 사용", chart_id="stt"),
    }
    return _page(request, user, "admin_dashboard.html", {"board": board, "charts": charts, "days": days})


# -- complaints ---------------------------------------------------------------------------
@router.get("/complaints", response_class=HTMLResponse)
def complaints(request: Request, status: str | None = None, category: str | None = None, gu: str | None = None,
               date_from: str | None = None, date_to: str | None = None, page: int = Query(1, ge=1)) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    flt = QueueFilter.parse(status, category, gu, date_from, date_to)
    with request.app.state.assistant.sessions() as db:
        items, total = list_complaints(db, flt, page=page)
        choices = filter_choices(db)
    query = flt.query_args()
    return _page(request, user, "admin_complaints.html", {
        "items": items, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)), "filters": query,
        "choices": choices, "query": urlencode(query), "flt": flt,
    })


@router.get("/complaints/export.csv")
def complaints_csv(request: Request, status: str | None = None, category: str | None = None,
                   gu: str | None = None, date_from: str | None = None, date_to: str | None = None) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    return csv_response(request, QueueFilter.parse(status, category, gu, date_from, date_to))


@router.get("/complaints/{receipt}", response_class=HTMLResponse)
def complaint(request: Request, receipt: str, done: str | None = None) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    return _complaint_page(request, user, receipt, message="상태를 바꿨어요." if done else None)


def _complaint_page(request: Request, user: AdminUser, receipt: str, *, message: str | None = None,
                    error: str | None = None, status_code: int = 200) -> HTMLResponse:
    with request.app.state.assistant.sessions() as db:
        try:
            item = complaint_detail(db, receipt)
        except DonghaengError as err:
            return _page(request, user, "admin_message.html", {"title": "민원", "error": err.message},
                         status_code=err.status)
    return _page(request, user, "admin_complaint.html", {"item": item, "message": message, "error": error,
                                                         "statuses": STATUSES}, status_code=status_code)


@router.post("/complaints/{receipt}/status", response_class=HTMLResponse)
def complaint_status(request: Request, receipt: str, status: Annotated[str, Form(max_length=16)],
                     csrf_token: Annotated[str, Form(max_length=128)],
                     reason: Annotated[str, Form(max_length=1000)] = "") -> Response:
    user = _gate(request, "operator")
    if not isinstance(user, AdminUser):
        return user
    if not tokens_match(user.csrf_token, csrf_token):
        return _complaint_page(request, user, receipt, error="보안 확인 값이 맞지 않아요. 화면을 새로 고쳐 주세요.",
                               status_code=403)
    try:
        with request.app.state.assistant.sessions() as db, db.begin():
            change_status(db, receipt, status, actor=user.username, reason=reason or None)
    except DonghaengError as err:
        return _complaint_page(request, user, receipt, error=err.message, status_code=err.status)
    return RedirectResponse(f"/admin/complaints/{quote(receipt)}?done=1", status_code=303)


# -- logs ---------------------------------------------------------------------------------
@router.get("/turns", response_class=HTMLResponse)
def turns(request: Request, q: str = Query("", max_length=200), intent: str = "", state: str = "",
          page: int = Query(1, ge=1)) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        items, total = search_turns(db, q=q, intent=intent, state=state, page=page)
        intents = distinct_intents(db)
    query = {k: v for k, v in {"q": q, "intent": intent, "state": state}.items() if v}
    return _page(request, user, "admin_turns.html", {
        "items": items, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)), "q": q,
        "intent": intent, "state": state, "intents": intents, "query": urlencode(query),
        "states": ("done", "need_slot", "confirm", "handoff", "emergency"),
    })


@router.get("/audit", response_class=HTMLResponse)
def audit(request: Request, actor: str = Query("", max_length=64), action: str = Query("", max_length=48),
          page: int = Query(1, ge=1)) -> Response:
    user = _gate(request)
    if not isinstance(user, AdminUser):
        return user
    with request.app.state.assistant.sessions() as db:
        items, total = list_audit(db, actor=actor, action=action, page=page)
    query = {k: v for k, v in {"actor": actor, "action": action}.items() if v}
    return _page(request, user, "admin_audit.html", {
        "items": items, "total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)), "actor": actor,
        "action": action, "query": urlencode(query),
    })


# -- users (admin only) -------------------------------------------------------------------
@router.get("/users", response_class=HTMLResponse)
def users(request: Request, done: str | None = None) -> Response:
    user = _gate(request, "admin")
    if not isinstance(user, AdminUser):
        return user
    return _users_page(request, user, message="저장했어요." if done else None)


def _users_page(request: Request, user: AdminUser, *, message: str | None = None, error: str | None = None,
                status_code: int = 200) -> HTMLResponse:
    with request.app.state.assistant.sessions() as db:
        items = list_users(db)
    return _page(request, user, "admin_users.html", {"items": items, "roles": ROLES, "message": message,
                                                     "error": error}, status_code=status_code)


@router.post("/users", response_class=HTMLResponse)
def users_submit(request: Request, username: Annotated[str, Form(max_length=64)],
                 role: Annotated[str, Form(max_length=16)], csrf_token: Annotated[str, Form(max_length=128)],
                 password: Annotated[str, Form(max_length=256)] = "") -> Response:
    """Create an account (with a password) or change an existing account's role (without)."""
    user = _gate(request, "admin")
    if not isinstance(user, AdminUser):
        return user
    if not tokens_match(user.csrf_token, csrf_token):
        return _users_page(request, user, error="보안 확인 값이 맞지 않아요. 화면을 새로 고쳐 주세요.", status_code=403)
    username = username.strip()
    try:
        if username == user.username and role != "admin":
            raise DonghaengError("자기 자신의 관리자 역할은 바꿀 수 없어요.", code="self-demotion", status=409)
        with request.app.state.assistant.sessions() as db, db.begin():
            if password:
                create_user(db, username, password, role, actor=user.username)
            else:
                set_role(db, username, role, actor=user.username)
    except DonghaengError as err:
        return _users_page(request, user, error=err.message, status_code=err.status)
    return RedirectResponse("/admin/users?done=1", status_code=303)
