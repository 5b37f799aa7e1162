"""Prometheus metrics for the running service (per app instance, not global)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.orm import Session

STAGE_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class ControlTowerCollector(Collector):
    """The control tower's figures, read from the store at scrape time (same numbers as /admin)."""

    def __init__(self, sessions: Callable[[], Session], window_days: int = 7):
        self._sessions = sessions
        self._window_days = window_days

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from donghaeng.admin.dashboard import build_dashboard

        with self._sessions() as db:
            figures = build_dashboard(db, days=self._window_days).as_json()
        window = f"{self._window_days}d"
        for name, key, help_text in (
            ("donghaeng_window_turns", "turns_total", "Turns in the dashboard window"),
            ("donghaeng_window_unknown_ratio", "unknown_rate", "Share of turns not understood"),
            ("donghaeng_window_fallback_ratio", "fallback_rate", "Share of turns decided by the fallback stages"),
            ("donghaeng_window_handoff_ratio", "handoff_rate", "Share of turns handed to a human"),
            ("donghaeng_window_emergencies", "emergency_count", "Emergency turns in the window"),
        ):
            gauge = GaugeMetricFamily(name, help_text, labels=["window"])
            gauge.add_metric([window], float(figures[key]))
            yield gauge
        latency = GaugeMetricFamily("donghaeng_window_stage_latency_ms", "Stage latency percentiles",
                                    labels=["window", "stage", "quantile"])
        for row in figures["latency_ms"]:
            latency.add_metric([window, row["stage"], "0.5"], float(row["p50"]))
            latency.add_metric([window, row["stage"], "0.95"], float(row["p95"]))
        yield latency
        for name, key, label, help_text in (
            ("donghaeng_window_intent_turns", "intents", "intent", "Turns per intent"),
            ("donghaeng_window_stt_engine_turns", "stt_engines", "engine", "Voice turns per speech engine"),
        ):
            gauge = GaugeMetricFamily(name, help_text, labels=["window", label])
            for row in figures[key]:
                gauge.add_metric([window, str(row[label])], float(row["turns"]))
            yield gauge
        complaints = GaugeMetricFamily("donghaeng_complaints", "Complaints by status", labels=["status"])
        for row in figures["complaints_by_status"]:
            complaints.add_metric([row["status"]], float(row["count"]))
        yield complaints


class Metrics:
    def __init__(self, sessions: Callable[[], Session] | None = None) -> None:
        self.registry = CollectorRegistry()
        if sessions is not None:
            self.registry.register(ControlTowerCollector(sessions))
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
