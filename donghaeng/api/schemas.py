"""Request and response models at the HTTP edge."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class TurnRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(description="What the citizen said or typed (Korean or English).")
    session_id: str | None = Field(default=None, max_length=64)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    client_key: str | None = Field(default=None, max_length=128,
                                   description="Idempotency key: a retried request with the same key acts once.")
    reply_audio: bool = Field(default=False, description="Also speak the reply with the server voice "
                                                         "(adds reply_audio_url).")


class TurnResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    session_id: str
    intent: str
    slots: dict[str, Any]
    reply: str
    actions: list[dict[str, Any]]
    state: str
    latency_ms: dict[str, float]
    receipt: str | None = None
    reply_audio_url: str | None = None


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


class ComplaintStatus(BaseModel):
    receipt: str
    category: str
    place: str
    gu: str | None
    status: str
    status_reason: str | None
    department: str | None
    duplicate_of: int | None
    created_at: str
    updated_at: str
