"""Complaint lifecycle in the store: receipts, idempotency, duplicates, status changes."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from donghaeng.errors import InvalidInput, ReceiptNotFound
from donghaeng.store import complaints as store
from donghaeng.store.db import make_engine, migrate, session_factory
from donghaeng.store.tables import AuditEventRow


@pytest.fixture()
def db_sessions(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    migrate(engine)
    yield session_factory(engine)
    engine.dispose()


def file(db_sessions, **fields):
    with db_sessions() as db, db.begin():
        row = store.file_complaint(db, store.NewComplaint(**{"category": "trash", **fields}))
        return row.receipt, row.id, row.duplicate_of


def test_receipt_is_year_dash_six_digits_and_readable_back(db_sessions) -> None:
    receipt, _, _ = file(db_sessions, place="망원동")
    assert re.fullmatch(r"\d{4}-\d{6}", receipt)
    with db_sessions() as db:
        assert store.complaint_view(store.get_complaint(db, receipt))["place"] == "망원동"


def test_unknown_receipt_raises_not_found(db_sessions) -> None:
    with db_sessions() as db, pytest.raises(ReceiptNotFound):
        store.get_complaint(db, "1999-000001")


def test_same_client_key_files_one_complaint(db_sessions) -> None:
    first = file(db_sessions, client_key="retry-1")
    second = file(db_sessions, client_key="retry-1")
    assert first[0] == second[0]


def test_same_category_within_100_m_and_a_day_is_linked_as_duplicate(db_sessions) -> None:
    _, first_id, _ = file(db_sessions, lat=37.5665, lon=126.9780)
    _, _, near_dup = file(db_sessions, lat=37.5669, lon=126.9782)
    _, _, far = file(db_sessions, lat=37.5800, lon=126.9780)
    _, _, other_category = file(db_sessions, category="noise", lat=37.5665, lon=126.9780)
    assert near_dup == first_id
    assert far is None
    assert other_category is None


def test_status_moves_forward_with_audit_trail(db_sessions) -> None:
    receipt, _, _ = file(db_sessions)
    with db_sessions() as db, db.begin():
        store.change_status(db, receipt, "배정", actor="operator1")
        store.change_status(db, receipt, "처리중", actor="operator1")
        store.change_status(db, receipt, "완료", actor="operator2")
    with db_sessions() as db:
        audit = list(db.scalars(select(AuditEventRow).where(AuditEventRow.action == "complaint.status")))
        assert [(a.actor, a.detail["to"]) for a in audit] == [("operator1", "배정"), ("operator1", "처리중"),
                                                               ("operator2", "완료")]


def test_rejecting_needs_a_reason_and_finished_complaints_do_not_reopen(db_sessions) -> None:
    receipt, _, _ = file(db_sessions)
    with db_sessions() as db, db.begin():
        with pytest.raises(InvalidInput):
            store.change_status(db, receipt, "반려", actor="op")
        store.change_status(db, receipt, "반려", actor="op", reason="사유: 사유지")
    with db_sessions() as db, db.begin(), pytest.raises(InvalidInput):
        store.change_status(db, receipt, "처리중", actor="op")


def test_receipt_read_back_with_a_space_or_without_leading_zeros_is_found(db_sessions) -> None:
    receipt, _, _ = file(db_sessions, place="망원동")
    year, number = receipt.split("-")
    with db_sessions() as db:
        for said in (f"{year} {number}", f"{year}{number}", f"{year}-{int(number)}", f" {receipt.lower()} "):
            assert store.get_complaint(db, said).receipt == receipt


def test_receipt_of_another_format_is_kept_as_written() -> None:
    assert store.normalize_receipt("2aa-2409-0012345") == "2AA-2409-0012345"
    assert store.normalize_receipt("1024-335") == "1024-335"
