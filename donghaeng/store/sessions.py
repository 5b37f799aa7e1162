"""Sessions and their dialogue event lists."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from donghaeng.errors import UnknownSession
from donghaeng.store.tables import SessionEventRow, SessionRow, utcnow


def new_session_id() -> str:
    return uuid.uuid4().hex


def create_session(db: Session, channel: str = "text", session_id: str | None = None) -> SessionRow:
    row = SessionRow(id=session_id or new_session_id(), channel=channel)
    db.add(row)
    db.flush()
    return row


def get_session(db: Session, session_id: str) -> SessionRow:
    row = db.get(SessionRow, session_id)
    if row is None:
        raise UnknownSession()
    return row


def is_expired(row: SessionRow, idle_minutes: int, now: datetime | None = None) -> bool:
    now = now or utcnow()
    updated = row.updated_at
    if updated.tzinfo is None:  # SQLite returns naive datetimes
        updated = updated.replace(tzinfo=timezone.utc)
    return now - updated > timedelta(minutes=idle_minutes)


def load_events(db: Session, session_id: str) -> list[dict[str, Any]]:
    rows = db.scalars(
        select(SessionEventRow).where(SessionEventRow.session_id == session_id).order_by(SessionEventRow.seq)
    )
    return [{"type": row.type, **(row.payload or {})} for row in rows]


def append_events(db: Session, session_id: str, events: list[dict[str, Any]]) -> None:
    if not events:
        return
    last = db.scalar(select(func.max(SessionEventRow.seq)).where(SessionEventRow.session_id == session_id))
    seq = (last or 0) + 1
    for event in events:
        payload = {key: value for key, value in event.items() if key != "type"}
        db.add(SessionEventRow(session_id=session_id, seq=seq, type=event["type"], payload=payload))
        seq += 1
    row = db.get(SessionRow, session_id)
    if row is not None:
        row.updated_at = utcnow()
