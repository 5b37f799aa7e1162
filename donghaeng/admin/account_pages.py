"""Control-tower account pages: login, logout and (admins only) managing users."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from donghaeng.admin.page_base import gate, render_page, safe_next
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

router = APIRouter(prefix="/admin", include_in_schema=False)


# -- login --------------------------------------------------------------------------------
@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    if current_user(request) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, next, error=None)


def _login_page(
    request: Request, next_url: str | None, error: str | None, status_code: int = 200
) -> HTMLResponse:
    token = new_csrf_token()
    response = render_page(
        request,
        None,
        "admin_login.html",
        {"csrf_token": token, "next": safe_next(next_url), "error": error},
        status_code=status_code,
    )
    options = cookie_options(request.app.state.assistant.settings)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **{**options, "path": "/admin"})
    return response


@router.post("/login", response_class=HTMLResponse)
def login_submit(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=256)],
    csrf_token: Annotated[str, Form(max_length=128)],
    next: Annotated[str, Form(max_length=500)] = "/admin",
) -> Response:
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token):
        return _login_page(
            request, next, "보안 확인이 끝나지 않았어요. 다시 로그인해 주세요.", status_code=403
        )
    try:
        user = sign_in(request, username, password)
    except DonghaengError as err:
        return _login_page(request, next, err.message, status_code=err.status)
    if user is None:
        return _login_page(request, next, "아이디나 비밀번호가 맞지 않아요.", status_code=401)
    response = RedirectResponse(safe_next(next), status_code=303)
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


# -- users (admin only) -------------------------------------------------------------------
@router.get("/users", response_class=HTMLResponse)
def users(request: Request, done: str | None = None) -> Response:
    user = gate(request, "admin")
    if not isinstance(user, AdminUser):
        return user
    return _users_page(request, user, message="저장했어요." if done else None)


def _users_page(
    request: Request,
    user: AdminUser,
    *,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    with request.app.state.assistant.sessions() as db:
        items = list_users(db)
    return render_page(
        request,
        user,
        "admin_users.html",
        {"items": items, "roles": ROLES, "message": message, "error": error},
        status_code=status_code,
    )


@router.post("/users", response_class=HTMLResponse)
def users_submit(
    request: Request,
    username: Annotated[str, Form(max_length=64)],
    role: Annotated[str, Form(max_length=16)],
    csrf_token: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    """Create an account (with a password) or change an existing account's role (without)."""
    user = gate(request, "admin")
    if not isinstance(user, AdminUser):
        return user
    if not tokens_match(user.csrf_token, csrf_token):
        return _users_page(
            request, user, error="보안 확인 값이 맞지 않아요. 화면을 새로 고쳐 주세요.", status_code=403
        )
    username = username.strip()
    try:
        if username == user.username and role != "admin":
            raise DonghaengError(
                "자기 자신의 관리자 역할은 바꿀 수 없어요.", code="self-demotion", status=409
            )
        with request.app.state.assistant.sessions() as db, db.begin():
            if password:
                create_user(db, username, password, role, actor=user.username)
            else:
                set_role(db, username, role, actor=user.username)
    except DonghaengError as err:
        return _users_page(request, user, error=err.message, status_code=err.status)
    return RedirectResponse("/admin/users?done=1", status_code=303)
