"""The dialogue manager: one decision per turn, given the state and the NLU result.

Order of precedence: emergencies first (they end any flow), then meta commands that act
on the conversation (repeat, slower, cancel, confirm, deny), then a handoff request, then
service intents, which start or continue a flow. All changes are returned as events; the
caller persists them, so the state is always a replay of the event list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from donghaeng.dialogue.handoff import handoff_summary
from donghaeng.dialogue.simplify import simplify_for_listening
from donghaeng.dialogue.state import DialogueState
from donghaeng.models import (
    STATE_CONFIRM, STATE_DONE, STATE_EMERGENCY, STATE_HANDOFF, STATE_NEED_SLOT, NluResult, SkillRequest,
    SkillResponse,
)
from donghaeng.phrasebook import Phrasebook
from donghaeng.privacy import mask_pii
from donghaeng.skills.base import Skill

CALL_120 = {"type": "call", "number": "120", "label": "120 다산콜센터에 전화하기"}
# Misunderstandings in a row after which a human is offered instead of another retry.
HANDOFF_AFTER = 2
SOCIAL_INTENTS = {"meta.help": "help", "meta.greet": "greet", "meta.goodbye": "goodbye"}

SkillRunner = Callable[[Skill, SkillRequest], SkillResponse]


@dataclass
class TurnOutcome:
    reply: str
    state: str = STATE_DONE
    actions: list[dict[str, Any]] = field(default_factory=list)
    receipt: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    slow: bool = False
    simple_text: str | None = None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TurnInput:
    nlu: NluResult
    session_id: str
    lat: float | None = None
    lon: float | None = None
    text: str = ""


class DialogueManager:
    def __init__(self, skills: Mapping[str, Skill], phrases: Phrasebook):
        self._skills = dict(skills)
        self._phrases = phrases

    def decide(self, state: DialogueState, turn: TurnInput, run_skill: SkillRunner) -> TurnOutcome:
        events: list[dict[str, Any]] = [{"type": "user", "intent": turn.nlu.intent, "slots": turn.nlu.slots,
                                          "text": mask_pii(turn.text)}]
        intent = turn.nlu.intent
        if intent == "safety.emergency":
            outcome = self._emergency(state, turn, run_skill)
        elif intent == "meta.repeat":
            outcome = self._repeat(state, slower=False)
        elif intent == "meta.slower":
            outcome = self._repeat(state, slower=True)
        elif intent == "meta.cancel":
            outcome = self._cancel(state)
        elif intent == "meta.confirm":
            outcome = self._confirm(state, turn, run_skill)
        elif intent == "meta.deny":
            outcome = self._deny(state)
        elif intent == "handoff.human":
            outcome = self._handoff(state, requested=True)
        elif intent in SOCIAL_INTENTS:
            outcome = self._social(state, intent)
        elif intent == "unknown" or intent not in self._skills:
            outcome = self._misunderstood(state, self._phrases.say("dialogue.unknown"))
        else:
            outcome = self._service(state, turn, run_skill)
        outcome.events[:0] = events
        if intent not in ("meta.repeat", "meta.slower"):
            outcome.events.append({"type": "bot", "text": outcome.reply, "simple_text": outcome.simple_text,
                                   "actions": outcome.actions, "state": outcome.state})
        outcome.slow = state.slow or any(event["type"] == "slow_on" for event in outcome.events)
        return outcome

    # -- emergencies and meta commands ------------------------------------------------
    def _emergency(self, state: DialogueState, turn: TurnInput, run_skill: SkillRunner) -> TurnOutcome:
        response = run_skill(self._skills["safety.emergency"], self._request(turn, turn.nlu.slots))
        events: list[dict[str, Any]] = [{"type": "emergency", "kind": turn.nlu.slots.get("kind")}]
        if state.active_intent:
            events.append({"type": "flow_ended", "outcome": "interrupted", "intent": state.active_intent})
        return TurnOutcome(reply=response.text, state=STATE_EMERGENCY, actions=list(response.actions),
                           events=events, simple_text=response.simple_text)

    def _repeat(self, state: DialogueState, *, slower: bool) -> TurnOutcome:
        events: list[dict[str, Any]] = [{"type": "slow_on"}] if slower else []
        events.append({"type": "repeated", "slower": slower})
        last = state.last_reply
        if not last:
            key = "dialogue.slower_nothing" if slower else "dialogue.repeat_nothing"
            return TurnOutcome(reply=self._phrases.say(key), events=events)
        text = last["text"]
        if slower:
            text = last.get("simple_text") or simplify_for_listening(text)
        previous_state = last.get("state") or STATE_DONE
        return TurnOutcome(reply=text, state=previous_state, actions=list(last.get("actions") or []),
                           events=events, simple_text=last.get("simple_text"))

    def _cancel(self, state: DialogueState) -> TurnOutcome:
        if state.active_intent:
            return TurnOutcome(reply=self._phrases.say("dialogue.cancelled"),
                               events=[{"type": "flow_ended", "outcome": "cancelled", "intent": state.active_intent},
                                       {"type": "understood"}])
        return TurnOutcome(reply=self._phrases.say("dialogue.cancel_nothing"), events=[{"type": "understood"}])

    def _confirm(self, state: DialogueState, turn: TurnInput, run_skill: SkillRunner) -> TurnOutcome:
        if state.awaiting_confirmation and state.active_intent in self._skills:
            request = self._request(turn, state.slots, intent=state.active_intent, confirmed=True)
            response = run_skill(self._skills[state.active_intent], request)
            return self._after_skill(state, state.active_intent, response, [{"type": "understood"}])
        return TurnOutcome(reply=self._phrases.say("dialogue.confirm_nothing"))

    def _deny(self, state: DialogueState) -> TurnOutcome:
        if state.active_intent and state.awaiting_confirmation:
            slot = _last_given_slot(state)
            key = f"dialogue.ask_again.{slot}" if self._phrases.has(f"dialogue.ask_again.{slot}") else \
                "dialogue.ask_again.default"
            return TurnOutcome(reply=self._phrases.say(key), state=STATE_NEED_SLOT,
                               events=[{"type": "asked", "slot": slot}])
        return self._misunderstood(state, self._phrases.say("dialogue.deny_nothing"))

    def _misunderstood(self, state: DialogueState, reply: str) -> TurnOutcome:
        if state.misunderstandings + 1 >= HANDOFF_AFTER:
            outcome = self._handoff(state, requested=False)
            outcome.events.insert(0, {"type": "misunderstood"})
            return outcome
        keep_state = STATE_NEED_SLOT if state.awaiting_slot else (STATE_CONFIRM if state.awaiting_confirmation
                                                                  else STATE_DONE)
        return TurnOutcome(reply=reply, state=keep_state, events=[{"type": "misunderstood"}])

    def _handoff(self, state: DialogueState, *, requested: bool) -> TurnOutcome:
        summary = handoff_summary(state, self._phrases)
        key = "dialogue.handoff" if requested else "dialogue.offer_handoff"
        events: list[dict[str, Any]] = [{"type": "handoff", "requested": requested, "summary": summary}]
        if state.active_intent:
            events.append({"type": "flow_ended", "outcome": "handoff", "intent": state.active_intent})
        events.append({"type": "understood"})
        return TurnOutcome(reply=self._phrases.say(key), state=STATE_HANDOFF,
                           actions=[dict(CALL_120), {"type": "handoff", "summary": summary}], events=events,
                           data={"handoff_summary": summary})

    def _social(self, state: DialogueState, intent: str) -> TurnOutcome:
        events: list[dict[str, Any]] = [{"type": "understood"}]
        if intent == "meta.goodbye" and state.active_intent:
            events.append({"type": "flow_ended", "outcome": "goodbye", "intent": state.active_intent})
        return TurnOutcome(reply=self._phrases.say(f"dialogue.{SOCIAL_INTENTS[intent]}"), events=events)

    # -- service flows ----------------------------------------------------------------
    def _service(self, state: DialogueState, turn: TurnInput, run_skill: SkillRunner) -> TurnOutcome:
        intent = turn.nlu.intent
        events: list[dict[str, Any]] = [{"type": "understood"}]
        if state.active_intent == intent:
            given = _pick_candidate(state, dict(turn.nlu.slots))
            slots = {**state.slots, **given}
            events.append({"type": "slots_set", "slots": given})
        else:
            slots = dict(turn.nlu.slots)
            events.append({"type": "flow_started", "intent": intent, "slots": slots})
        response = run_skill(self._skills[intent], self._request(turn, slots, intent=intent))
        return self._after_skill(state, intent, response, events)

    def _after_skill(self, state: DialogueState, intent: str, response: SkillResponse,
                     events: list[dict[str, Any]]) -> TurnOutcome:
        outcome = TurnOutcome(reply=response.text, state=response.state, actions=list(response.actions),
                              receipt=response.receipt, events=events, simple_text=response.simple_text,
                              data=dict(response.data))
        if response.data.get("slots"):
            events.append({"type": "slots_set", "slots": dict(response.data["slots"])})
        if response.state == STATE_NEED_SLOT:
            events.append({"type": "asked", "slot": response.ask_slot,
                           "candidates": list(response.data.get("candidates") or [])})
        elif response.state == STATE_CONFIRM:
            events.append({"type": "confirm_asked"})
        else:
            if response.receipt:
                events.append({"type": "complaint_filed", "receipt": response.receipt})
            if response.data.get("eligibility_answered"):
                events.append({"type": "eligibility_answered", "benefit": response.data["eligibility_answered"]})
            events.append({"type": "answered", "intent": intent})
            events.append({"type": "flow_ended", "outcome": "done", "intent": intent})
        return outcome

    @staticmethod
    def _request(turn: TurnInput, slots: Mapping[str, Any], *, intent: str | None = None,
                 confirmed: bool = False) -> SkillRequest:
        return SkillRequest(intent=intent or turn.nlu.intent, slots=dict(slots), session_id=turn.session_id,
                            lat=turn.lat, lon=turn.lon, confirmed=confirmed, text=turn.text)


def _pick_candidate(state: DialogueState, given: dict[str, Any]) -> dict[str, Any]:
    """Read a short answer to a choice question ("강남구요") as the full choice ("강남구 신사동")."""
    slot = state.awaiting_slot
    value = given.get(slot) if slot else None
    if not state.awaiting_candidates or not isinstance(value, str):
        return given
    compact = "".join(value.split())
    matches = [c for c in state.awaiting_candidates if compact and compact in "".join(c.split())]
    if len(matches) == 1:
        return {**given, slot: matches[0]}
    return given


def _last_given_slot(state: DialogueState) -> str:
    """The slot the citizen most recently gave: the likeliest one to be wrong."""
    for entry in reversed(state.history):
        given = [slot for slot in (entry.get("slots") or {}) if slot in state.slots]
        if given:
            return given[-1]
    return next(reversed(state.slots), "default") if state.slots else "default"
