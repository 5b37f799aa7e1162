"""Listing control-tower accounts (never their password hashes)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from donghaeng.admin.dashboard import to_kst_text
from donghaeng.store.tables import AdminUserRow


def list_users(db: Session) -> list[dict[str, Any]]:
    rows = db.scalars(select(AdminUserRow).order_by(AdminUserRow.username)).all()
    return [
        {"username": row.username, "role": row.role, "created_at": to_kst_text(row.created_at)}
        for row in rows
    ]
