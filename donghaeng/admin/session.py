"""Signing a person in and out, shared by the HTML login form and the JSON API."""

from __future__ import annotations

from fastapi import Request, Response

from donghaeng.api.auth import (
    SESSION_COOKIE,
    SESSION_MAX_AGE_S,
    AdminUser,
    LoginThrottle,
    authenticate,
    cookie_options,
    new_csrf_token,
    session_cookie_value,
)


def login_throttle(request: Request) -> LoginThrottle:
    throttle = getattr(request.app.state, "admin_login_throttle", None)
    if throttle is None:
        throttle = LoginThrottle()
        request.app.state.admin_login_throttle = throttle
    return throttle


def sign_in(request: Request, username: str, password: str) -> AdminUser | None:
    """Check the password; on success return the user with a fresh CSRF token (not yet set)."""
    assistant = request.app.state.assistant
    with assistant.sessions() as db, db.begin():
        row = authenticate(db, assistant.settings, username, password, login_throttle(request))
        if row is None:
            return None
        return AdminUser(username=row.username, role=row.role, csrf_token=new_csrf_token())


def set_session_cookie(request: Request, response: Response, user: AdminUser) -> None:
    settings = request.app.state.assistant.settings
    response.set_cookie(
        SESSION_COOKIE,
        session_cookie_value(settings, user.username, user.csrf_token),
        max_age=SESSION_MAX_AGE_S,
        **cookie_options(settings),
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    settings = request.app.state.assistant.settings
    options = cookie_options(settings)
    response.delete_cookie(
        SESSION_COOKIE,
        path=options["path"],
        httponly=True,
        samesite=options["samesite"],
        secure=options["secure"],
    )
