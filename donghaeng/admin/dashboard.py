"""The control tower's figures: what a city team needs to see to improve the service.

Figures are computed in Python over one window of turn rows rather than with
database-specific SQL (date bucketing and percentiles differ between SQLite and
PostgreSQL); the window is capped so a busy database stays quick to read.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from donghaeng.store.complaints import STATUSES
from donghaeng.store.tables import ComplaintRow, TurnRow

KST = timezone(timedelta(hours=9), "KST")
MAX_ROWS = 50_000
PIPELINE_STAGES = ("stt", "nlu", "dialogue", "skill", "reply", "tts", "total")
UNANSWERED_INTENTS = ("unknown",)
FALLBACK_SOURCES = ("fallback", "llm")
UNRECORDED_ENGINE = "(기록 없음)"  # a voice turn whose engine was not written to the turn log


@dataclass(frozen=True)
class StageLatency:
    stage: str
    count: int
    p50_ms: float
    p95_ms: float


@dataclass
class Dashboard:
    window_days: int
    generated_at: str
    turns_total: int = 0
    sessions_total: int = 0
    turns_per_hour: list[tuple[str, int]] = field(default_factory=list)
    turns_per_day: list[tuple[str, int]] = field(default_factory=list)
    intents: list[tuple[str, int]] = field(default_factory=list)
    unknown_rate: float = 0.0
    fallback_rate: float = 0.0
    handoff_rate: float = 0.0
    emergency_count: int = 0
    emergencies: list[dict[str, Any]] = field(default_factory=list)
    latency: list[StageLatency] = field(default_factory=list)
    stt_engines: list[tuple[str, int]] = field(default_factory=list)
    unanswered: list[tuple[str, int]] = field(default_factory=list)
    complaints_by_status: list[tuple[str, int]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "window_days": self.window_days,
            "generated_at": self.generated_at,
            "turns_total": self.turns_total,
            "sessions_total": self.sessions_total,
            "turns_per_hour": [{"hour": h, "turns": n} for h, n in self.turns_per_hour],
            "turns_per_day": [{"day": d, "turns": n} for d, n in self.turns_per_day],
            "intents": [{"intent": i, "turns": n} for i, n in self.intents],
            "unknown_rate": self.unknown_rate,
            "fallback_rate": self.fallback_rate,
            "handoff_rate": self.handoff_rate,
            "emergency_count": self.emergency_count,
            "emergencies": self.emergencies,
            "latency_ms": [
                {"stage": s.stage, "count": s.count, "p50": s.p50_ms, "p95": s.p95_ms} for s in self.latency
            ],
            "stt_engines": [{"engine": e, "turns": n} for e, n in self.stt_engines],
            "unanswered": [{"text": t, "count": n} for t, n in self.unanswered],
            "complaints_by_status": [{"status": s, "count": n} for s, n in self.complaints_by_status],
        }


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; the store always writes UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def to_kst_text(moment: datetime | None) -> str:
    return as_utc(moment).astimezone(KST).strftime("%Y-%m-%d %H:%M") if moment else ""


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: an observed value, never an interpolation."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return round(ordered[rank - 1], 1)


def build_dashboard(db: Session, *, days: int = 7, now: datetime | None = None) -> Dashboard:
    now = as_utc(now or datetime.now(UTC))
    since = now - timedelta(days=days)
    rows = db.execute(
        select(
            TurnRow.created_at,
            TurnRow.session_id,
            TurnRow.intent,
            TurnRow.state,
            TurnRow.nlu_source,
            TurnRow.stt_engine,
            TurnRow.emergency,
            TurnRow.handoff,
            TurnRow.latency_ms,
            TurnRow.text_masked,
            TurnRow.slots,
            TurnRow.channel,
        )
        .where(TurnRow.created_at >= since)
        .order_by(TurnRow.created_at.desc())
        .limit(MAX_ROWS)
    ).all()
    board = Dashboard(window_days=days, generated_at=to_kst_text(now))
    board.turns_total = len(rows)
    board.sessions_total = len({r.session_id for r in rows})
    board.turns_per_hour = _per_hour(rows, now)
    board.turns_per_day = _per_day(rows, now, days)
    board.intents = Counter(r.intent or "-" for r in rows).most_common()
    if rows:
        board.unknown_rate = round(sum(r.intent in UNANSWERED_INTENTS for r in rows) / len(rows), 4)
        board.fallback_rate = round(
            sum((r.nlu_source or "") in FALLBACK_SOURCES for r in rows) / len(rows), 4
        )
        board.handoff_rate = round(sum(bool(r.handoff) for r in rows) / len(rows), 4)
    emergencies = [r for r in rows if r.emergency]
    board.emergency_count = len(emergencies)
    board.emergencies = [
        {
            "at": to_kst_text(r.created_at),
            "session_id": r.session_id,
            "text": r.text_masked,
            "kind": (r.slots or {}).get("kind"),
            "channel": r.channel,
        }
        for r in emergencies[:20]
    ]
    board.latency = _latency(rows)
    board.stt_engines = Counter(
        r.stt_engine or UNRECORDED_ENGINE for r in rows if r.stt_engine or r.channel == "voice"
    ).most_common()
    board.unanswered = Counter(
        (r.text_masked or "").strip()
        for r in rows
        if r.intent in UNANSWERED_INTENTS and (r.text_masked or "").strip()
    ).most_common(15)
    board.complaints_by_status = _complaints_by_status(db)
    return board


def _per_hour(rows: Sequence[Any], now: datetime) -> list[tuple[str, int]]:
    """The last 24 hours, one bucket per hour (KST labels), oldest first."""
    end = now.astimezone(KST).replace(minute=0, second=0, microsecond=0)
    counts = Counter(
        as_utc(r.created_at).astimezone(KST).replace(minute=0, second=0, microsecond=0) for r in rows
    )
    hours = [end - timedelta(hours=offset) for offset in range(23, -1, -1)]
    return [(hour.strftime("%H시"), counts.get(hour, 0)) for hour in hours]


def _per_day(rows: Sequence[Any], now: datetime, days: int) -> list[tuple[str, int]]:
    today = now.astimezone(KST).date()
    counts = Counter(as_utc(r.created_at).astimezone(KST).date() for r in rows)
    dates = [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]
    return [(day.strftime("%m-%d"), counts.get(day, 0)) for day in dates]


def _latency(rows: Sequence[Any]) -> list[StageLatency]:
    samples: dict[str, list[float]] = {}
    for row in rows:
        for stage, value in (row.latency_ms or {}).items():
            if isinstance(value, (int, float)):
                samples.setdefault(str(stage), []).append(float(value))
    order = {stage: i for i, stage in enumerate(PIPELINE_STAGES)}
    return [
        StageLatency(
            stage=stage, count=len(values), p50_ms=percentile(values, 0.5), p95_ms=percentile(values, 0.95)
        )
        for stage, values in sorted(samples.items(), key=lambda item: (order.get(item[0], 99), item[0]))
    ]


def _complaints_by_status(db: Session) -> list[tuple[str, int]]:
    counts = Counter(db.scalars(select(ComplaintRow.status)).all())
    return [(status, counts.get(status, 0)) for status in STATUSES]
