"""Turn log: one row per citizen turn, text masked for personal data."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from donghaeng.privacy import mask_pii
from donghaeng.store.tables import TurnRow


def record_turn(db: Session, session_id: str, text: str, result: dict[str, Any], *,
                channel: str = "text", events: list[dict[str, Any]] | None = None,
                error_code: str | None = None, stt_engine: str | None = None,
                client_key: str | None = None) -> TurnRow:
    row = TurnRow(
        session_id=session_id,
        channel=channel,
        text_masked=mask_pii(text)[:2000],
        intent=result.get("intent", ""),
        slots=_masked_slots(result.get("slots", {})),
        confidence=float(result.get("confidence", 0.0) or 0.0),
        nlu_source=result.get("nlu_source", ""),
        state=result.get("state", ""),
        reply=mask_pii(result.get("reply", ""))[:2000],
        error_code=error_code,
        stt_engine=stt_engine,
        emergency=result.get("state") == "emergency",
        handoff=result.get("state") == "handoff",
        latency_ms=result.get("latency_ms", {}),
        events=events or [],
        client_key=client_key,
        result=_masked_result(result) if client_key else {},
    )
    db.add(row)
    return row


def find_turn_by_client_key(db: Session, client_key: str) -> TurnRow | None:
    return db.scalar(select(TurnRow).where(TurnRow.client_key == client_key))


def _masked_result(result: dict[str, Any]) -> dict[str, Any]:
    return {**result, "slots": _masked_slots(result.get("slots", {}))}


def _masked_slots(slots: dict[str, Any]) -> dict[str, Any]:
    return {key: mask_pii(value) if isinstance(value, str) else value for key, value in slots.items()}
