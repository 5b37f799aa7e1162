"""Control-tower authentication: argon2 passwords, a signed session cookie, CSRF tokens, roles.

The session cookie carries only the username and a per-session CSRF token, signed with the
secret key; the role is read from the store on every request, so a demotion or a deleted
account takes effect at once. State-changing requests must echo the CSRF token (form field
``csrf_token`` or header ``X-CSRF-Token``): a cross-site page can make the browser send the
cookie but cannot read the token.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Annotated, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from fastapi import Depends, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from donghaeng.config import Settings
from donghaeng.errors import Forbidden, InvalidInput, Unauthorized
from donghaeng.store.audit import record_audit
from donghaeng.store.tables import AdminUserRow

ROLES = ("viewer", "operator", "admin")
SESSION_COOKIE = "donghaeng_admin"
LOGIN_CSRF_COOKIE = "donghaeng_login_csrf"
CSRF_HEADER = "x-csrf-token"
SESSION_MAX_AGE_S = 8 * 60 * 60
MIN_PASSWORD_CHARS = 8
# A small brake on password guessing: this many failures per username in the window.
MAX_FAILED_LOGINS = 10
FAILED_LOGIN_WINDOW_S = 15 * 60

_hasher = PasswordHasher()


@dataclass(frozen=True)
class AdminUser:
    username: str
    role: str
    csrf_token: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


# -- passwords ------------------------------------------------------------------------------
def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def validate_new_user(username: str, password: str, role: str) -> None:
    if (
        not username
        or len(username) > 64
        or not username.replace("-", "").replace("_", "").replace(".", "").isalnum()
    ):
        raise InvalidInput(
            "아이디는 64자 이내의 글자, 숫자, - _ . 로만 적어 주세요.", code="invalid-username"
        )
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(f"비밀번호는 {MIN_PASSWORD_CHARS}자 이상으로 정해 주세요.", code="weak-password")
    if role not in ROLES:
        raise InvalidInput("역할은 viewer, operator, admin 중 하나예요.", code="invalid-role")


def create_user(
    db: Session, username: str, password: str, role: str, *, actor: str = "system"
) -> AdminUserRow:
    """Create an account, or reset the password and role of an existing one."""
    validate_new_user(username, password, role)
    row = db.scalar(select(AdminUserRow).where(AdminUserRow.username == username))
    action = "admin_user.updated" if row is not None else "admin_user.created"
    if row is None:
        row = AdminUserRow(username=username, password_hash=hash_password(password), role=role)
        db.add(row)
    else:
        row.password_hash = hash_password(password)
        row.role = role
    record_audit(db, action, actor=actor, target_type="admin_user", target_id=username, detail={"role": role})
    db.flush()
    return row


def set_role(db: Session, username: str, role: str, *, actor: str) -> AdminUserRow:
    if role not in ROLES:
        raise InvalidInput("역할은 viewer, operator, admin 중 하나예요.", code="invalid-role")
    row = db.scalar(select(AdminUserRow).where(AdminUserRow.username == username))
    if row is None:
        raise InvalidInput("그런 아이디가 없어요.", code="unknown-user", status=404)
    if row.role == "admin" and role != "admin" and _admin_count(db) <= 1:
        raise InvalidInput("마지막 관리자의 역할은 바꿀 수 없어요.", code="last-admin", status=409)
    previous, row.role = row.role, role
    record_audit(
        db,
        "admin_user.role",
        actor=actor,
        target_type="admin_user",
        target_id=username,
        detail={"from": previous, "to": role},
    )
    db.flush()
    return row


def _admin_count(db: Session) -> int:
    return int(
        db.scalar(select(func.count()).select_from(AdminUserRow).where(AdminUserRow.role == "admin")) or 0
    )


def ensure_first_admin(db: Session, settings: Settings) -> bool:
    """With no admin account, create one from settings (production refuses a default password
    at start-up). An existing account of that name is never overwritten. True if created."""
    if _admin_count(db) or db.scalar(
        select(AdminUserRow).where(AdminUserRow.username == settings.admin_user)
    ):
        return False
    db.add(
        AdminUserRow(
            username=settings.admin_user,
            password_hash=hash_password(settings.effective_admin_password),
            role="admin",
        )
    )
    record_audit(
        db,
        "admin_user.created",
        target_type="admin_user",
        target_id=settings.admin_user,
        detail={"role": "admin", "from": "settings"},
    )
    db.flush()
    return True


class LoginThrottle:
    """Counts failed logins per username in memory; enough to slow a guesser down."""

    def __init__(self) -> None:
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def blocked(self, username: str) -> bool:
        with self._lock:
            return len(self._recent(username)) >= MAX_FAILED_LOGINS

    def failed(self, username: str) -> None:
        with self._lock:
            self._failures[username] = [*self._recent(username), time.monotonic()]

    def succeeded(self, username: str) -> None:
        with self._lock:
            self._failures.pop(username, None)

    def _recent(self, username: str) -> list[float]:
        since = time.monotonic() - FAILED_LOGIN_WINDOW_S
        return [t for t in self._failures.get(username, []) if t >= since]


def authenticate(
    db: Session, settings: Settings, username: str, password: str, throttle: LoginThrottle | None = None
) -> AdminUserRow | None:
    username = (username or "").strip()
    ensure_first_admin(db, settings)
    if throttle is not None and throttle.blocked(username):
        raise InvalidInput(
            "로그인 시도가 너무 많아요. 15분 뒤에 다시 해 주세요.", code="too-many-logins", status=429
        )
    row = db.scalar(select(AdminUserRow).where(AdminUserRow.username == username))
    if row is None or not verify_password(row.password_hash, password or ""):
        if row is None:
            hash_password(password or "x")  # spend the same time whether or not the user exists
        if throttle is not None:
            throttle.failed(username)
        record_audit(
            db,
            "admin.login_failed",
            actor=username[:64] or "-",
            target_type="admin_user",
            target_id=username[:64],
        )
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = hash_password(password)
    if throttle is not None:
        throttle.succeeded(username)
    record_audit(db, "admin.login", actor=row.username, target_type="admin_user", target_id=row.username)
    return row


# -- session cookie and CSRF ----------------------------------------------------------------
def _serializer(settings: Settings, salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.effective_secret_key, salt=salt)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def session_cookie_value(settings: Settings, username: str, csrf_token: str) -> str:
    return str(_serializer(settings, "admin-session").dumps({"u": username, "c": csrf_token}))


def read_session_cookie(settings: Settings, value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    try:
        data = _serializer(settings, "admin-session").loads(value, max_age=SESSION_MAX_AGE_S)
    except BadSignature:
        return None
    return data if isinstance(data, dict) and "u" in data and "c" in data else None


def cookie_options(settings: Settings) -> dict[str, Any]:
    return {"httponly": True, "samesite": "strict", "secure": settings.production, "path": "/"}


def tokens_match(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))


def current_user(request: Request) -> AdminUser | None:
    """The signed-in user of this request, with the role as stored now, or None."""
    if hasattr(request.state, "admin_user"):
        cached: AdminUser | None = request.state.admin_user
        return cached
    assistant = request.app.state.assistant
    data = read_session_cookie(assistant.settings, request.cookies.get(SESSION_COOKIE))
    user: AdminUser | None = None
    if data is not None:
        with assistant.sessions() as db:
            row = db.scalar(select(AdminUserRow).where(AdminUserRow.username == data["u"]))
            if row is not None and row.role in ROLES:
                user = AdminUser(username=row.username, role=row.role, csrf_token=str(data["c"]))
    request.state.admin_user = user
    return user


def require_role(user: AdminUser | None, role: str) -> AdminUser:
    if user is None:
        raise Unauthorized()
    if not user.can(role):
        raise Forbidden()
    return user


def check_csrf(request: Request, user: AdminUser, form_token: str | None = None) -> None:
    given = form_token if form_token is not None else request.headers.get(CSRF_HEADER)
    if not tokens_match(user.csrf_token, given):
        raise Forbidden(
            "보안 확인 값(CSRF)이 맞지 않아요. 화면을 새로 고친 뒤 다시 해 주세요.", code="csrf-failed"
        )


def _api_user(request: Request) -> AdminUser:
    return require_role(current_user(request), "viewer")


def _api_operator(request: Request) -> AdminUser:
    user = require_role(current_user(request), "operator")
    check_csrf(request, user)
    return user


def _api_admin(request: Request) -> AdminUser:
    user = require_role(current_user(request), "admin")
    check_csrf(request, user)
    return user


# JSON API dependencies: 401/403 JSON errors; the write ones also check the CSRF header.
ViewerDep = Annotated[AdminUser, Depends(_api_user)]
OperatorWriteDep = Annotated[AdminUser, Depends(_api_operator)]
AdminWriteDep = Annotated[AdminUser, Depends(_api_admin)]
