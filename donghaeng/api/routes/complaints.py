"""GET /v1/complaints/{receipt}: the citizen-facing status of a complaint."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from donghaeng.api.deps import AssistantDep
from donghaeng.api.schemas import ComplaintStatus, ErrorResponse
from donghaeng.store.complaints import complaint_view, get_complaint

router = APIRouter(tags=["complaints"])


@router.get("/v1/complaints/{receipt}", response_model=ComplaintStatus, responses={404: {"model": ErrorResponse}})
def complaint_status(receipt: str, assistant: AssistantDep) -> dict[str, Any]:
    with assistant.sessions() as db:
        return complaint_view(get_complaint(db, receipt))
