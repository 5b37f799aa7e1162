"""The control tower's JSON API under ``/v1/admin``: the same figures and actions as the pages.

Reads need a signed-in user (401 JSON otherwise); writes also need the role and the
``X-CSRF-Token`` header that ``POST /v1/admin/session`` hands out.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from donghaeng.admin.dashboard import build_dashboard
from donghaeng.admin.logs import list_audit, search_turns
from donghaeng.admin.queue import (
    QueueFilter,
    QueueFilterDep,
    complaint_detail,
    export_csv,
    filter_choices,
    list_complaints,
)
from donghaeng.admin.session import clear_session_cookie, set_session_cookie, sign_in
from donghaeng.admin.users import list_users
from donghaeng.api.auth import (
    AdminWriteDep,
    OperatorWriteDep,
    ViewerDep,
    check_csrf,
    create_user,
    current_user,
    require_role,
    set_role,
)
from donghaeng.errors import InvalidInput, Unauthorized
from donghaeng.store.complaints import change_status

router = APIRouter(prefix="/v1/admin", tags=["admin"])


class LoginBody(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)


class StatusChange(BaseModel):
    status: str = Field(max_length=16)
    reason: str | None = Field(default=None, max_length=1000)


class NewUser(BaseModel):
    username: str = Field(max_length=64)
    password: str = Field(max_length=256)
    role: str = Field(max_length=16)


class RoleChange(BaseModel):
    role: str = Field(max_length=16)


def _assistant(request: Request) -> Any:
    return request.app.state.assistant


@router.post("/session")
def login(body: LoginBody, request: Request) -> JSONResponse:
    user = sign_in(request, body.username, body.password)
    if user is None:
        raise Unauthorized("아이디나 비밀번호가 맞지 않아요.", code="login-failed")
    response = JSONResponse({"username": user.username, "role": user.role, "csrf_token": user.csrf_token})
    set_session_cookie(request, response, user)
    return response


@router.delete("/session")
def logout(request: Request) -> JSONResponse:
    user = require_role(current_user(request), "viewer")
    check_csrf(request, user)
    response = JSONResponse({"signed_out": True})
    clear_session_cookie(request, response)
    return response


@router.get("/me")
def me(user: ViewerDep) -> dict[str, Any]:
    return {"username": user.username, "role": user.role, "csrf_token": user.csrf_token}


@router.get("/dashboard")
def dashboard(request: Request, _user: ViewerDep, days: int = Query(7, ge=1, le=90)) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        return build_dashboard(db, days=days).as_json()


@router.get("/complaints")
def complaints(
    request: Request,
    _user: ViewerDep,
    flt: QueueFilterDep,
    page: int = Query(1, ge=1),
) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        items, total = list_complaints(db, flt, page=page)
        return {
            "total": total,
            "page": page,
            "filters": flt.query_args(),
            "items": items,
            "choices": filter_choices(db),
        }


@router.get("/complaints/export.csv")
def complaints_csv(
    request: Request,
    _user: ViewerDep,
    flt: QueueFilterDep,
) -> StreamingResponse:
    return csv_response(request, flt)


def csv_response(request: Request, flt: QueueFilter) -> StreamingResponse:
    db = _assistant(request).sessions()

    def rows() -> Any:
        try:
            yield from export_csv(db, flt)
        finally:
            db.close()

    return StreamingResponse(
        rows(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="complaints.csv"', "Cache-Control": "no-store"},
    )


@router.get("/complaints/{receipt}")
def complaint(receipt: str, request: Request, _user: ViewerDep) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        return complaint_detail(db, receipt)


@router.post("/complaints/{receipt}/status")
def complaint_status(
    receipt: str, body: StatusChange, request: Request, user: OperatorWriteDep
) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        with db.begin():
            change_status(db, receipt, body.status, actor=user.username, reason=body.reason)
        return complaint_detail(db, receipt)


@router.get("/turns")
def turns(
    request: Request,
    _user: ViewerDep,
    q: str = Query("", max_length=200),
    intent: str = "",
    state: str = "",
    page: int = Query(1, ge=1),
) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        items, total = search_turns(db, q=q, intent=intent, state=state, page=page)
        return {"total": total, "page": page, "items": items}


@router.get("/audit")
def audit(
    request: Request, _user: ViewerDep, actor: str = "", action: str = "", page: int = Query(1, ge=1)
) -> dict[str, Any]:
    with _assistant(request).sessions() as db:
        items, total = list_audit(db, actor=actor, action=action, page=page)
        return {"total": total, "page": page, "items": items}


@router.get("/users")
def users(request: Request, user: ViewerDep) -> dict[str, Any]:
    require_role(user, "admin")
    with _assistant(request).sessions() as db:
        return {"items": list_users(db)}


@router.post("/users", status_code=201)
def add_user(body: NewUser, request: Request, user: AdminWriteDep) -> dict[str, Any]:
    with _assistant(request).sessions() as db, db.begin():
        row = create_user(db, body.username.strip(), body.password, body.role, actor=user.username)
        return {"username": row.username, "role": row.role}


@router.post("/users/{username}/role")
def change_role(username: str, body: RoleChange, request: Request, user: AdminWriteDep) -> dict[str, Any]:
    if username == user.username and body.role != "admin":
        raise InvalidInput("자기 자신의 관리자 역할은 바꿀 수 없어요.", code="self-demotion", status=409)
    with _assistant(request).sessions() as db, db.begin():
        row = set_role(db, username, body.role, actor=user.username)
        return {"username": row.username, "role": row.role}
