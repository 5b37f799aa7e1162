"""Shared by the control tower's HTML pages: the role gate and page rendering.

Without a session a page redirects to the login form; a signed-in user without the role
for a page or action gets a 403 page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from donghaeng.api.auth import AdminUser, current_user
from donghaeng.web.render import render

CATEGORY_KEYS = ("illegal_parking", "trash", "noise", "road_damage", "streetlight", "illegal_banner", "other")


def gate(request: Request, role: str = "viewer") -> AdminUser | Response:
    """The signed-in user with at least ``role``, or the response to send instead."""
    user = current_user(request)
    if user is None:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/admin/login?next={quote(target)}", status_code=303)
    if not user.can(role):
        return render_page(request, user, "admin_forbidden.html", {"needed": role}, status_code=403)
    return user


def render_page(
    request: Request, user: AdminUser | None, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    phrases = request.app.state.assistant.phrases
    categories = {key: _category_name(phrases, key) for key in CATEGORY_KEYS}
    return render(
        request,
        name,
        {"user": user, "nav": request.url.path, "category_names": categories, **context},
        status_code=status_code,
    )


def _category_name(phrases: Any, key: str) -> str:
    name = f"complaints.categories.{key}"
    return phrases.say(name) if phrases.has(name) else key


def safe_next(target: str | None) -> str:
    """Only ever send a person back into the control tower after login (no open redirect)."""
    return target if target and target.startswith("/admin") and not target.startswith("//") else "/admin"
