"""Audit events: who changed what, and when."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from donghaeng.store.tables import AuditEventRow


def record_audit(
    db: Session, action: str, *, actor: str = "system", target_type: str = "", target_id: str = "",
    detail: dict[str, Any] | None = None,
) -> AuditEventRow:
    row = AuditEventRow(actor=actor, action=action, target_type=target_type, target_id=str(target_id),
                        detail=detail or {})
    db.add(row)
    return row
