"""Reading a follow-up in the light of what the assistant just asked.

"망원동이요" means nothing alone; after "어디에서요?" it is the place of the complaint in
progress. The reader takes the context-free result and the dialogue state and decides:
answers to yes/no and control words (네, 아니요, 그만해, 다시) keep their meta intent; a
value for the slot being asked fills it under the active intent; a clear new request keeps
its own intent. Emergencies never reach this module (the cascade answers them first).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from donghaeng.models import NluContext, NluResult
from donghaeng.nlu.normalize import Utterance
from donghaeng.nlu.slots import find_bare_route, find_receipt, select_station, select_stop

if TYPE_CHECKING:
    from donghaeng.nlu.cascade import NluEngine
    from donghaeng.nlu.slots import Found

# Intents that answer the dialogue itself; they win over a slot reading.
CONTROL_INTENTS = frozenset({"meta.confirm", "meta.cancel", "meta.repeat", "meta.slower", "meta.help",
                             "meta.goodbye", "handoff.human", "safety.emergency"})
_BARE_NUMBER = re.compile(r"(?<!\d)(\d{2,3})(?!\d)")
# A new request this sure of itself is not an answer to the question asked.
NEW_REQUEST_CONFIDENCE = 0.9


class FollowUpReader:
    """Context-aware adjustment of a context-free NLU result."""

    def __init__(self, engine: "NluEngine"):
        self.engine = engine

    def read(self, utterance: Utterance, standalone: NluResult, context: NluContext) -> NluResult:
        active = context.active_intent
        if standalone.intent in CONTROL_INTENTS:
            return standalone
        if not active:
            return standalone
        decision, found = self.engine.decide(utterance, self.engine.find(utterance))
        if standalone.intent == "meta.deny":
            # "아니 합정동이요": a correction of one slot of the flow in progress.
            slots = self.slots_for(active, utterance, found, None)
            return self._as(active, slots, standalone, 0.8) if slots else standalone
        is_new_request = (standalone.intent not in (active, "unknown") and standalone.source == "template"
                          and standalone.confidence >= NEW_REQUEST_CONFIDENCE)
        if context.awaiting_slot and not is_new_request:
            value = self.value_for(context.awaiting_slot, active, utterance, found)
            if value is not None:
                slots = self.slots_for(active, utterance, found, None)
                slots[context.awaiting_slot] = value
                return self._as(active, slots, standalone, 0.9)
        if standalone.intent == active or is_new_request:
            return standalone
        if standalone.intent == "unknown" or standalone.confidence < 0.7:
            slots = self.slots_for(active, utterance, found, None)
            if slots:
                return self._as(active, slots, standalone, 0.75)
        return standalone

    def slots_for(self, intent: str, utterance: Utterance, found: "Found", first: str | None) -> dict[str, Any]:
        """Every slot of ``intent`` that this answer carries."""
        names = list(self.engine.rules.slots_of(intent))
        if first in names:
            names.remove(first)
            names.insert(0, first)
        slots: dict[str, Any] = {}
        for name in names:
            value = self.value_for(name, intent, utterance, found, free_text=(name == first))
            if value is not None:
                slots[name] = value
        return slots

    def value_for(self, slot: str, intent: str, utterance: Utterance, found: "Found",
                  free_text: bool = True) -> Any:
        """The value of one slot in a short answer, or None."""
        filler = self.engine.filler
        extractors: dict[str, Callable[[], Any]] = {
            "place": lambda: (found.places() or [None])[0] or (filler.place_answer(utterance) if free_text else None),
            "age": lambda: found.age if found.age is not None else _bare_number(utterance.compact),
            "household": lambda: found.first("household"),
            "category": lambda: filler.category(utterance, found),
            "benefit": lambda: found.first("benefit"),
            "app": lambda: found.first("app"),
            "facility": lambda: found.first("facility"),
            "when": lambda: found.first("when"),
            "route": lambda: found.route or find_bare_route(utterance.compact, utterance.spaced),
            "stop": lambda: select_stop(found.stops, utterance.compact)
            or (filler.answer_text(utterance) if free_text else None),
            "station": lambda: select_station(found, utterance.compact)
            or (filler.answer_text(utterance) if free_text else None),
            "line": lambda: found.line,
            "direction": lambda: found.direction,
            "receipt": lambda: found.receipt or find_receipt(utterance.spaced),
            "topic": lambda: filler.topic(utterance, found) if free_text else None,
        }
        extractor = extractors.get(slot)
        return extractor() if extractor else None

    @staticmethod
    def _as(intent: str, slots: dict[str, Any], standalone: NluResult, confidence: float) -> NluResult:
        return NluResult(intent, slots, confidence, standalone.text, standalone.normalized, "context")


def _bare_number(compact: str) -> int | None:
    match = _BARE_NUMBER.search(compact)
    if not match:
        return None
    value = int(match.group(1))
    return value if 10 <= value <= 120 else None
