"""Complaint (민원) lifecycle in the store: filing, triage links, status changes, lookup.

A receipt number is assigned inside the same transaction that stores the row and is
handed out only after commit, so an acknowledged complaint is durable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from donghaeng.errors import InvalidInput, ReceiptNotFound
from donghaeng.store.audit import record_audit
from donghaeng.store.tables import ComplaintRow, utcnow

STATUSES = ("접수", "배정", "처리중", "완료", "반려")
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "접수": ("배정", "처리중", "반려"),
    "배정": ("처리중", "반려"),
    "처리중": ("완료", "반려"),
    "완료": (),
    "반려": (),
}
DUPLICATE_RADIUS_M = 100.0
DUPLICATE_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class NewComplaint:
    category: str
    place: str = ""
    detail: str = ""
    session_id: str | None = None
    client_key: str | None = None
    gu: str | None = None
    lat: float | None = None
    lon: float | None = None
    department: str | None = None


def format_receipt(year: int, number: int) -> str:
    return f"{year}-{number:06d}"


def file_complaint(db: Session, new: NewComplaint) -> ComplaintRow:
    """Insert a complaint (or return the one already filed with the same client key)."""
    if new.client_key:
        existing = db.scalar(select(ComplaintRow).where(ComplaintRow.client_key == new.client_key))
        if existing is not None:
            return existing
    row = ComplaintRow(
        category=new.category, place=new.place, detail=new.detail, session_id=new.session_id,
        client_key=new.client_key, gu=new.gu, lat=new.lat, lon=new.lon, department=new.department,
    )
    row.duplicate_of = _find_duplicate(db, new)
    db.add(row)
    try:
        db.flush()
    except IntegrityError:  # a concurrent retry with the same client key won the race
        db.rollback()
        existing = db.scalar(select(ComplaintRow).where(ComplaintRow.client_key == new.client_key))
        if existing is None:
            raise
        return existing
    row.receipt = format_receipt(row.created_at.year, row.id)
    record_audit(db, "complaint.filed", target_type="complaint", target_id=row.receipt,
                 detail={"category": row.category, "gu": row.gu, "duplicate_of": row.duplicate_of})
    db.flush()
    return row


def _find_duplicate(db: Session, new: NewComplaint) -> int | None:
    """Same category, within ~100 m, within 24 h: link to the first such complaint."""
    if new.lat is None or new.lon is None:
        return None
    since = utcnow() - DUPLICATE_WINDOW
    candidates = db.scalars(
        select(ComplaintRow)
        .where(ComplaintRow.category == new.category, ComplaintRow.created_at >= since,
               ComplaintRow.lat.is_not(None))
        .order_by(ComplaintRow.id)
    )
    for row in candidates:
        if haversine_m(new.lat, new.lon, row.lat or 0.0, row.lon or 0.0) <= DUPLICATE_RADIUS_M:
            return row.duplicate_of or row.id
    return None


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    radius = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


_OUR_RECEIPT = re.compile(r"(20\d{2})-?(\d{1,6})")


def normalize_receipt(receipt: str) -> str:
    """A receipt as stored: spaces out, upper case, and one of ours read back with a space for
    the dash or without its leading zeros ("2026 123", "2026-000123") as 2026-000123."""
    compact = "".join(receipt.split()).upper()
    ours = _OUR_RECEIPT.fullmatch(compact)
    if ours and len(compact) > 4:
        return format_receipt(int(ours.group(1)), int(ours.group(2)))
    return compact


def get_complaint(db: Session, receipt: str) -> ComplaintRow:
    row = db.scalar(select(ComplaintRow).where(ComplaintRow.receipt == normalize_receipt(receipt)))
    if row is None:
        raise ReceiptNotFound()
    return row


def latest_complaint_for_session(db: Session, session_id: str) -> ComplaintRow | None:
    return db.scalar(
        select(ComplaintRow).where(ComplaintRow.session_id == session_id).order_by(ComplaintRow.id.desc()).limit(1)
    )


def change_status(db: Session, receipt: str, status: str, *, actor: str, reason: str | None = None) -> ComplaintRow:
    row = get_complaint(db, receipt)
    if status not in STATUSES:
        raise InvalidInput(f"알 수 없는 상태예요: {status}", code="invalid-status")
    if status not in ALLOWED_TRANSITIONS[row.status]:
        raise InvalidInput(f"'{row.status}'에서 '{status}'(으)로 바꿀 수 없어요.", code="invalid-transition",
                           status=409)
    if status == "반려" and not (reason and reason.strip()):
        raise InvalidInput("반려할 때는 이유를 적어 주세요.", code="reason-required")
    previous = row.status
    row.status = status
    row.status_reason = reason.strip() if reason else None
    row.updated_at = utcnow()
    record_audit(db, "complaint.status", actor=actor, target_type="complaint", target_id=row.receipt or "",
                 detail={"from": previous, "to": status, "reason": reason})
    db.flush()
    return row


def complaint_view(row: ComplaintRow) -> dict[str, Any]:
    return {
        "receipt": row.receipt,
        "category": row.category,
        "place": row.place,
        "gu": row.gu,
        "status": row.status,
        "status_reason": row.status_reason,
        "department": row.department,
        "duplicate_of": row.duplicate_of,
        "created_at": row.created_at.isoformat(),
        "updated_at": row.updated_at.isoformat(),
    }
