"""Prometheus metrics for the running service (per app instance, not global)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.turns = Counter("donghaeng_turns_total", "Turns handled", ["intent", "state", "channel"],
                             registry=self.registry)
        self.errors = Counter("donghaeng_turn_errors_total", "Turns that failed", ["code"], registry=self.registry)
        self.complaints = Counter("donghaeng_complaints_filed_total", "Complaints filed", ["category"],
                                  registry=self.registry)
        self.stage_latency = Histogram("donghaeng_stage_latency_seconds", "Latency per pipeline stage", ["stage"],
                                       buckets=STAGE_BUCKETS, registry=self.registry)

    def observe_turn(self, result: dict[str, Any], channel: str = "text") -> None:
        self.turns.labels(result.get("intent", ""), result.get("state", ""), channel).inc()
        for stage, ms in (result.get("latency_ms") or {}).items():
            self.stage_latency.labels(stage).observe(float(ms) / 1000.0)
        if result.get("receipt"):
            category = next((a.get("category") for a in result.get("actions", []) if a.get("type") == "receipt"), "")
            self.complaints.labels(category or "").inc()

    def observe_error(self, code: str) -> None:
        self.errors.labels(code).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
