"""The turn log and the audit log, as the control tower reads them.

Turn text is stored masked already; it is masked again on the way out, so rows written
before a masking rule was added never show personal data either.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from donghaeng.admin.dashboard import to_kst_text
from donghaeng.admin.queue import audit_view
from donghaeng.privacy import mask_pii
from donghaeng.store.tables import AuditEventRow, TurnRow

PAGE_SIZE = 50


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_turns(
    db: Session, *, q: str = "", intent: str = "", state: str = "", page: int = 1, page_size: int = PAGE_SIZE
) -> tuple[list[dict[str, Any]], int]:
    query = select(TurnRow)
    count = select(func.count()).select_from(TurnRow)
    conditions = []
    if q.strip():
        pattern = f"%{_escape_like(q.strip())}%"
        conditions.append(
            or_(
                TurnRow.text_masked.like(pattern, escape="\\"),
                TurnRow.reply.like(pattern, escape="\\"),
                TurnRow.session_id == q.strip(),
            )
        )
    if intent.strip():
        conditions.append(TurnRow.intent == intent.strip())
    if state.strip():
        conditions.append(TurnRow.state == state.strip())
    for condition in conditions:
        query = query.where(condition)
        count = count.where(condition)
    total = int(db.scalar(count) or 0)
    rows = db.scalars(
        query.order_by(TurnRow.id.desc()).offset(max(page - 1, 0) * page_size).limit(page_size)
    ).all()
    return [turn_view(row) for row in rows], total


def turn_view(row: TurnRow) -> dict[str, Any]:
    latency = row.latency_ms or {}
    return {
        "id": row.id,
        "at": to_kst_text(row.created_at),
        "session_id": row.session_id,
        "channel": row.channel,
        "text": mask_pii(row.text_masked or ""),
        "intent": row.intent,
        "slots": {k: mask_pii(v) if isinstance(v, str) else v for k, v in (row.slots or {}).items()},
        "confidence": row.confidence,
        "nlu_source": row.nlu_source,
        "state": row.state,
        "reply": mask_pii(row.reply or ""),
        "stt_engine": row.stt_engine,
        "emergency": row.emergency,
        "handoff": row.handoff,
        "error_code": row.error_code,
        "total_ms": latency.get("total"),
    }


def list_audit(
    db: Session, *, actor: str = "", action: str = "", page: int = 1, page_size: int = PAGE_SIZE
) -> tuple[list[dict[str, Any]], int]:
    query = select(AuditEventRow)
    count = select(func.count()).select_from(AuditEventRow)
    if actor.strip():
        query, count = (
            query.where(AuditEventRow.actor == actor.strip()),
            count.where(AuditEventRow.actor == actor.strip()),
        )
    if action.strip():
        pattern = f"{_escape_like(action.strip())}%"
        query = query.where(AuditEventRow.action.like(pattern, escape="\\"))
        count = count.where(AuditEventRow.action.like(pattern, escape="\\"))
    total = int(db.scalar(count) or 0)
    rows = db.scalars(
        query.order_by(AuditEventRow.id.desc()).offset(max(page - 1, 0) * page_size).limit(page_size)
    ).all()
    return [audit_view(row) for row in rows], total


def distinct_intents(db: Session) -> list[str]:
    return sorted(i for i in db.scalars(select(TurnRow.intent).distinct()).all() if i)
