"""complaint.file and complaint.status.

Filing asks for what is missing (category, then place), confirms, then stores the
complaint in its own committed transaction before the receipt is read back, so an
acknowledged receipt is durable even if the process dies right after.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml
from sqlalchemy.orm import Session, sessionmaker

from donghaeng.errors import ReceiptNotFound
from donghaeng.geo import names
from donghaeng.models import STATE_CONFIRM, STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.privacy import mask_pii
from donghaeng.store import complaints as complaint_store
from donghaeng.store.retry import with_store_retry


@dataclass(frozen=True)
class PlaceFix:
    """Where a complaint is: coordinates and 구 when known; candidates when ambiguous."""

    label: str
    lat: float | None = None
    lon: float | None = None
    gu: str | None = None
    candidates: tuple[str, ...] = ()


class PlaceLocator(Protocol):
    def __call__(self, place: str | None, lat: float | None, lon: float | None) -> PlaceFix: ...


@dataclass(frozen=True)
class Triage:
    unknown_gu: str
    by_category: dict[str, str]

    @classmethod
    def load(cls, data_dir: Path) -> "Triage":
        raw = yaml.safe_load((data_dir / "complaints" / "departments.yaml").read_text(encoding="utf-8"))
        return cls(unknown_gu=raw["unknown_gu"], by_category=dict(raw["categories"]))

    def department(self, category: str, gu: str | None) -> str:
        if not gu:
            return self.unknown_gu
        template = self.by_category.get(category) or self.by_category["other"]
        return template.format(gu=gu)


class ComplaintFileSkill:
    intents = ("complaint.file",)

    def __init__(self, sessions: sessionmaker[Session], phrases: Phrasebook, triage: Triage,
                 locate: PlaceLocator):
        self._sessions = sessions
        self._phrases = phrases
        self._triage = triage
        self._locate = locate

    def handle(self, request: SkillRequest) -> SkillResponse:
        slots = request.slots
        remember = {} if slots.get("detail") else {"detail": mask_pii(request.text)[:500]}
        category = slots.get("category")
        if not category:
            return SkillResponse(text=self._phrases.say("complaints.ask_category"), state=STATE_NEED_SLOT,
                                 ask_slot="category", data={"slots": remember})
        fix = self._locate(slots.get("place"), request.lat, request.lon)
        if fix.candidates:
            options = ", ".join(fix.candidates[:3])
            return SkillResponse(text=self._phrases.say("complaints.ambiguous_place", name_subject=names.subject(fix.label),
                                                       options=options),
                                 state=STATE_NEED_SLOT, ask_slot="place",
                                 data={"slots": remember, "candidates": list(fix.candidates)})
        if not slots.get("place") and fix.lat is None:
            return SkillResponse(text=self._phrases.say("complaints.ask_place"), state=STATE_NEED_SLOT,
                                 ask_slot="place", data={"slots": remember})
        label = slots.get("place") or self._phrases.say("complaints.here")
        category_name = self._phrases.say(f"complaints.categories.{category}")
        if not request.confirmed:
            return SkillResponse(text=self._phrases.say("complaints.confirm", category=category_name, place_toward=names.toward(label)),
                                 state=STATE_CONFIRM, data={"slots": remember})
        new = complaint_store.NewComplaint(
            category=str(category), place=str(label), detail=str(slots.get("detail") or ""),
            session_id=request.session_id or None, client_key=request.client_key, gu=fix.gu,
            lat=fix.lat, lon=fix.lon, department=self._triage.department(str(category), fix.gu),
        )
        receipt, department, duplicate = with_store_retry(lambda: self._file(new))
        key = "complaints.filed_duplicate" if duplicate else "complaints.filed"
        text = self._phrases.say(key, receipt_spoken=receipt, department=department)
        return SkillResponse(text=text, receipt=receipt,
                             actions=({"type": "receipt", "receipt": receipt, "category": category,
                                       "place": label},),
                             data={"complaint_filed": {"category": category, "place": label, "receipt": receipt}})

    def _file(self, new: complaint_store.NewComplaint) -> tuple[str, str, bool]:
        with self._sessions() as db, db.begin():
            row = complaint_store.file_complaint(db, new)
            result = (row.receipt or "", row.department or "", row.duplicate_of is not None)
        return result  # committed: only now may the receipt be read back


class ComplaintStatusSkill:
    intents = ("complaint.status",)

    def __init__(self, sessions: sessionmaker[Session], phrases: Phrasebook):
        self._sessions = sessions
        self._phrases = phrases

    def handle(self, request: SkillRequest) -> SkillResponse:
        receipt = str(request.slots.get("receipt") or "").strip()
        with self._sessions() as db:
            if receipt:
                try:
                    row = complaint_store.get_complaint(db, receipt)
                except ReceiptNotFound:
                    return SkillResponse(text=self._phrases.say("complaints.status_not_found"),
                                         actions=({"type": "call", "number": "120"},))
            else:
                found = complaint_store.latest_complaint_for_session(db, request.session_id) \
                    if request.session_id else None
                if found is None:
                    return SkillResponse(text=self._phrases.say("complaints.status_ask"), state=STATE_NEED_SLOT,
                                         ask_slot="receipt")
                row = found
            view = complaint_store.complaint_view(row)
        if view["status"] == "반려":
            text = self._phrases.say("complaints.status_rejected", receipt_spoken=view["receipt"],
                                     reason=view["status_reason"] or "")
        elif view["status"] == "완료":
            text = self._phrases.say("complaints.status_done", receipt_spoken=view["receipt"])
        else:
            text = self._phrases.say("complaints.status", receipt_spoken=view["receipt"], status=view["status"])
        return SkillResponse(text=text, actions=({"type": "complaint_status", **view},))
