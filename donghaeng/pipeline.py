"""The run object that carries one turn through the stages, timing each one.

Stages emit ``<stage>-start`` / ``<stage>-end`` events (Home Assistant assist_pipeline
style). A failure inside a stage becomes a ``PipelineError`` with a stable code
(``nlu-failed``, ``skill-failed``...) and a plain Korean message, never a traceback.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from enum import StrEnum
from typing import Any, Callable, Iterator

from donghaeng.errors import DonghaengError, PipelineError

log = logging.getLogger(__name__)

EventCallback = Callable[[dict[str, Any]], None]


class Stage(StrEnum):
    STT = "stt"
    NLU = "nlu"
    DIALOGUE = "dialogue"
    SKILL = "skill"
    REPLY = "reply"
    TTS = "tts"


class PipelineRun:
    def __init__(self, on_event: EventCallback | None = None):
        self._on_event = on_event
        self._started = time.perf_counter()
        self.events: list[dict[str, Any]] = []
        self.latency_ms: dict[str, float] = {}

    def emit(self, event_type: str, **data: Any) -> None:
        event = {"type": event_type, "t_ms": round((time.perf_counter() - self._started) * 1000, 3), **data}
        self.events.append(event)
        if self._on_event is not None:
            self._on_event(event)

    @contextmanager
    def stage(self, stage: Stage) -> Iterator[None]:
        self.emit(f"{stage}-start")
        begin = time.perf_counter()
        failed: str | None = None
        try:
            yield
        except DonghaengError as err:
            failed = err.code
            raise
        except Exception as err:
            failed = f"{stage}-failed"
            log.exception("stage %s failed", stage)
            raise PipelineError(code=failed) from err
        finally:
            elapsed = (time.perf_counter() - begin) * 1000
            self.latency_ms[str(stage)] = round(self.latency_ms.get(str(stage), 0.0) + elapsed, 3)
            self.emit(f"{stage}-end", **({"error": failed} if failed else {}))

    def add_latency(self, stage: Stage, elapsed_ms: float) -> None:
        self.latency_ms[str(stage)] = round(elapsed_ms, 3)

    def total_ms(self) -> float:
        return round((time.perf_counter() - self._started) * 1000, 3)
