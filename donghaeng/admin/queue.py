"""The complaint queue: filtering, one complaint with its duplicates and history, CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from donghaeng.admin.dashboard import KST, to_kst_text
from donghaeng.privacy import mask_pii
from donghaeng.store.complaints import ALLOWED_TRANSITIONS, STATUSES, get_complaint
from donghaeng.store.tables import AuditEventRow, ComplaintRow

PAGE_SIZE = 50
CSV_COLUMNS = (
    "receipt",
    "created_at",
    "status",
    "status_reason",
    "category",
    "gu",
    "place",
    "department",
    "duplicate_of_receipt",
    "detail",
    "updated_at",
)


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = None
    category: str | None = None
    gu: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def parse(
        cls,
        status: str | None = None,
        category: str | None = None,
        gu: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> QueueFilter:
        return cls(
            status=status if status in STATUSES else None,
            category=(category or "").strip() or None,
            gu=(gu or "").strip() or None,
            date_from=_parse_date(date_from),
            date_to=_parse_date(date_to),
        )

    def query_args(self) -> dict[str, str]:
        values = {
            "status": self.status,
            "category": self.category,
            "gu": self.gu,
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
        }
        return {key: value for key, value in values.items() if value}


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def _kst_day_start(day: date) -> datetime:
    """Midnight in Seoul, as UTC: SQLite compares the stored UTC wall time as text."""
    return datetime.combine(day, time.min, tzinfo=KST).astimezone(UTC)


def _filtered(query: Select[Any], flt: QueueFilter) -> Select[Any]:
    if flt.status:
        query = query.where(ComplaintRow.status == flt.status)
    if flt.category:
        query = query.where(ComplaintRow.category == flt.category)
    if flt.gu:
        query = query.where(ComplaintRow.gu == flt.gu)
    if flt.date_from:
        query = query.where(ComplaintRow.created_at >= _kst_day_start(flt.date_from))
    if flt.date_to:
        query = query.where(ComplaintRow.created_at < _kst_day_start(flt.date_to + timedelta(days=1)))
    return query


def list_complaints(
    db: Session, flt: QueueFilter, *, page: int = 1, page_size: int = PAGE_SIZE
) -> tuple[list[dict[str, Any]], int]:
    total = int(db.scalar(_filtered(select(func.count()).select_from(ComplaintRow), flt)) or 0)
    rows = db.scalars(
        _filtered(select(ComplaintRow), flt)
        .order_by(ComplaintRow.created_at.desc(), ComplaintRow.id.desc())
        .offset(max(page - 1, 0) * page_size)
        .limit(page_size)
    ).all()
    receipts = _receipts_by_id(db, {row.duplicate_of for row in rows if row.duplicate_of})
    return [complaint_row_view(row, receipts) for row in rows], total


def _receipts_by_id(db: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {
        row_id: receipt or ""
        for row_id, receipt in db.execute(
            select(ComplaintRow.id, ComplaintRow.receipt).where(ComplaintRow.id.in_(ids))
        ).all()
    }


def complaint_row_view(row: ComplaintRow, receipts: dict[int, str]) -> dict[str, Any]:
    """A complaint as the control tower shows it: free text masked, times in KST."""
    return {
        "receipt": row.receipt,
        "category": row.category,
        "place": mask_pii(row.place or ""),
        "gu": row.gu,
        "status": row.status,
        "status_reason": row.status_reason,
        "department": row.department,
        "duplicate_of": receipts.get(row.duplicate_of) if row.duplicate_of else None,
        "detail": mask_pii(row.detail or ""),
        "created_at": to_kst_text(row.created_at),
        "updated_at": to_kst_text(row.updated_at),
        "next_statuses": list(ALLOWED_TRANSITIONS.get(row.status, ())),
    }


def complaint_detail(db: Session, receipt: str) -> dict[str, Any]:
    row = get_complaint(db, receipt)
    linked_ids = {row.duplicate_of} if row.duplicate_of else set()
    receipts = _receipts_by_id(db, linked_ids)
    view = complaint_row_view(row, receipts)
    duplicates = db.scalars(
        select(ComplaintRow).where(ComplaintRow.duplicate_of == row.id).order_by(ComplaintRow.id)
    ).all()
    view["duplicates"] = [
        {"receipt": d.receipt, "status": d.status, "created_at": to_kst_text(d.created_at)}
        for d in duplicates
    ]
    history = db.scalars(
        select(AuditEventRow)
        .where(AuditEventRow.target_type == "complaint", AuditEventRow.target_id == row.receipt)
        .order_by(AuditEventRow.id)
    ).all()
    view["history"] = [audit_view(event) for event in history]
    return view


def audit_view(event: AuditEventRow) -> dict[str, Any]:
    return {
        "at": to_kst_text(event.created_at),
        "actor": event.actor,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "detail": event.detail or {},
    }


def filter_choices(db: Session) -> dict[str, list[str]]:
    categories = sorted(c for c in db.scalars(select(ComplaintRow.category).distinct()).all() if c)
    districts = sorted(g for g in db.scalars(select(ComplaintRow.gu).distinct()).all() if g)
    return {"statuses": list(STATUSES), "categories": categories, "districts": districts}


def export_csv(db: Session, flt: QueueFilter) -> Iterator[str]:
    """CSV rows (with a BOM so spreadsheet programs read the Korean correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield "\ufeff" + _drain(buffer)
    page = 1
    while True:
        rows, _total = list_complaints(db, flt, page=page, page_size=500)
        for view in rows:
            writer.writerow([_csv_safe(view.get(column.replace("_receipt", ""))) for column in CSV_COLUMNS])
        yield _drain(buffer)
        if len(rows) < 500:
            return
        page += 1


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _csv_safe(value: Any) -> str:
    """Neutralise spreadsheet formulas in free text (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# The queue's five query parameters, read once for every page and API route that filters.
QueueFilterDep = Annotated[QueueFilter, Depends(QueueFilter.parse)]
