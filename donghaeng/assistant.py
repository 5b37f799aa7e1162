"""The composition root: builds every stage from Settings, once, and runs turns.

Nothing here runs at import time. Heavy engines (Kiwi, speech models) load lazily on first
use, or up front with ``warm()`` when serving, and are shared by all requests.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from functools import cached_property
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from donghaeng.config import Settings
from donghaeng.dialogue.manager import DialogueManager, TurnInput, TurnOutcome
from donghaeng.dialogue.state import DialogueState, replay
from donghaeng.errors import EmptyText, StoreUnavailable, TextTooLong
from donghaeng.models import NluResult, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.pipeline import EventCallback, PipelineRun, Stage
from donghaeng.skills.base import Skill
from donghaeng.store import sessions as session_store
from donghaeng.store.audit import record_audit
from donghaeng.store.db import make_engine, migrate, session_factory
from donghaeng.store.turns import find_turn_by_client_key, record_turn

log = logging.getLogger(__name__)


class Assistant:
    def __init__(self, settings: Settings, engine: Engine | None = None, nlu: Any = None):
        self.settings = settings
        if nlu is not None:  # share one loaded NLU (Kiwi is large) between assistants
            self.__dict__["nlu"] = nlu
        self.engine = engine or make_engine(settings.resolved_database_url)
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        self.phrases = Phrasebook.load(settings.data_dir)
        self._lock = threading.Lock()

    # -- start-up ---------------------------------------------------------------------
    def prepare_store(self, load_data: bool | None = None) -> None:
        """Migrate the schema and (first start) load the bundled public datasets."""
        migrate(self.engine)
        if self.settings.load_data_on_start if load_data is None else load_data:
            from donghaeng.catalog.loader import load_public_data

            load_public_data(self.engine, self.settings.data_dir)

    def warm(self) -> None:
        """Load every engine before the first citizen waits for it."""
        self.nlu.warm()
        _ = self.manager
        _ = self.resolver
        if self.settings.warm_speech:
            from donghaeng.audio.live import live_engine_name

            self.stt()
            self.stt(live_engine_name(None, self.settings.stt_engine))
            self.tts()

    # -- stages -----------------------------------------------------------------------
    @cached_property
    def nlu(self) -> Any:
        from donghaeng.nlu.cascade import NluEngine

        with self._lock:
            return NluEngine.load(self.settings.data_dir, self.settings.cache_dir)

    @cached_property
    def resolver(self) -> Any:
        from donghaeng.skills.public_data import build_location_resolver

        return build_location_resolver(self.engine, self.settings.data_dir)

    @cached_property
    def skills(self) -> dict[str, Skill]:
        from donghaeng.skills.registry import build_skills

        return build_skills(self)

    @cached_property
    def manager(self) -> DialogueManager:
        return DialogueManager(self.skills, self.phrases)

    def stt(self, engine: str | None = None) -> Any:
        """A speech recogniser by name (the factory keeps one instance per process)."""
        from donghaeng.stt import create_stt

        return create_stt(engine or self.settings.stt_engine, self.settings)

    def tts(self) -> Any:
        from donghaeng.tts import create_tts

        return create_tts(self.settings.tts_engine, self.settings)

    # -- one turn ---------------------------------------------------------------------
    @cached_property
    def llm(self) -> Any:
        from donghaeng.nlu.llm import build_llm_fallback

        return build_llm_fallback(self.settings)

    def understand(self, text: str, state: DialogueState | None = None) -> NluResult:
        result = self.nlu.understand(text, state.context() if state else None)
        if self.llm is not None:  # optional last stage, off by default
            result = self.llm.refine(text, result)
        return result

    def handle_text(self, text: str, session_id: str | None = None, lat: float | None = None,
                    lon: float | None = None, channel: str = "text", client_key: str | None = None,
                    stt_engine: str | None = None, on_event: EventCallback | None = None,
                    stage_latency: dict[str, float] | None = None) -> dict[str, Any]:
        """Run one text turn: NLU -> dialogue -> skill -> reply, persisted, and return the turn result."""
        text = self.validate_text(text)
        if client_key:
            replayed = self._replay(client_key)
            if replayed is not None:
                return replayed
        run = PipelineRun(on_event)
        for stage, elapsed in (stage_latency or {}).items():
            run.add_latency(Stage(stage), elapsed)
        session_id, state = self._open_session(session_id, channel)
        with run.stage(Stage.NLU):
            nlu = self.understand(text, state)
        with run.stage(Stage.DIALOGUE):
            outcome = self.manager.decide(
                state, TurnInput(nlu=nlu, session_id=session_id, lat=lat, lon=lon, text=text),
                self._skill_runner(run, client_key),
            )
        with run.stage(Stage.REPLY):
            result = self._result(session_id, nlu, outcome, run)
        self._persist(session_id, text, result, outcome, run, channel, client_key, stt_engine)
        return result

    def validate_text(self, text: str) -> str:
        if text is None or not str(text).strip():
            raise EmptyText()
        text = str(text).strip()
        if len(text) > self.settings.max_text_chars:
            raise TextTooLong()
        return text

    def _skill_runner(self, run: PipelineRun, client_key: str | None):  # type: ignore[no-untyped-def]
        def run_skill(skill: Skill, request: SkillRequest) -> SkillResponse:
            with run.stage(Stage.SKILL):
                if client_key:
                    request = replace(request, client_key=client_key)
                return skill.handle(request)

        return run_skill

    def _open_session(self, session_id: str | None, channel: str) -> tuple[str, DialogueState]:
        try:
            with self.sessions() as db, db.begin():
                if session_id is None:
                    return session_store.create_session(db, channel).id, DialogueState()
                row = session_store.get_session(db, session_id)
                events = session_store.load_events(db, session_id)
                if session_store.is_expired(row, self.settings.session_idle_minutes):
                    session_store.append_events(db, session_id, [{"type": "expired"}])
                    events.append({"type": "expired"})
                return session_id, replay(events)
        except OperationalError as err:
            raise StoreUnavailable() from err

    def _result(self, session_id: str, nlu: NluResult, outcome: TurnOutcome, run: PipelineRun) -> dict[str, Any]:
        result: dict[str, Any] = {
            "session_id": session_id,
            "intent": nlu.intent,
            "slots": nlu.slots,
            "confidence": round(float(nlu.confidence), 4),
            "nlu_source": nlu.source,
            "reply": outcome.reply,
            "actions": outcome.actions,
            "state": outcome.state,
            "slow": outcome.slow,
            "latency_ms": run.latency_ms,
        }
        if outcome.simple_text:
            result["simple_reply"] = outcome.simple_text
        if outcome.receipt:
            result["receipt"] = outcome.receipt
        return result

    def _persist(self, session_id: str, text: str, result: dict[str, Any], outcome: TurnOutcome,
                 run: PipelineRun, channel: str, client_key: str | None, stt_engine: str | None) -> None:
        result["latency_ms"] = {**run.latency_ms, "total": run.total_ms()}
        try:
            with self.sessions() as db, db.begin():
                session_store.append_events(db, session_id, outcome.events)
                record_turn(db, session_id, text, result, channel=channel, events=run.events,
                            client_key=client_key, stt_engine=stt_engine)
                if outcome.state in ("emergency", "handoff"):
                    record_audit(db, f"turn.{outcome.state}", target_type="session", target_id=session_id,
                                 detail={"intent": result["intent"], "slots": result["slots"]})
        except OperationalError as err:
            if outcome.receipt:  # the complaint itself is committed; only the log line is missing
                log.error("turn log not written for session %s: %s", session_id, err)
                return
            raise StoreUnavailable() from err

    def _replay(self, client_key: str) -> dict[str, Any] | None:
        with self.sessions() as db:
            row = find_turn_by_client_key(db, client_key)
            return dict(row.result) if row is not None and row.result else None

    def session_events(self, session_id: str) -> list[dict[str, Any]]:
        with self.sessions() as db:
            session_store.get_session(db, session_id)
            return session_store.load_events(db, session_id)
