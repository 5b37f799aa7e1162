"""Dialogue state, rebuilt from the session's event list (Rasa-style tracker).

The event list is the source of truth: it is persisted, replayable and auditable. The
state is a pure fold over it, so replaying the same events gives the same state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from donghaeng.models import NluContext


@dataclass
class DialogueState:
    active_intent: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    awaiting_slot: str | None = None
    awaiting_confirmation: bool = False
    # When the last question offered choices ("관악구 신사동, 강남구 신사동 중 어디인가요?").
    awaiting_candidates: list[str] = field(default_factory=list)
    last_reply: dict[str, Any] | None = None
    slow: bool = False
    misunderstandings: int = 0
    turns: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)
    receipts: list[str] = field(default_factory=list)

    def context(self) -> NluContext:
        return NluContext(
            active_intent=self.active_intent,
            awaiting_slot=self.awaiting_slot,
            awaiting_confirmation=self.awaiting_confirmation,
            slots=dict(self.slots),
        )

    def apply(self, event: dict[str, Any]) -> None:
        kind = event["type"]
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, event)


def _user(state: DialogueState, event: dict[str, Any]) -> None:
    state.turns += 1
    state.history.append({"intent": event.get("intent"), "slots": event.get("slots", {}),
                          "text": event.get("text", "")})
    del state.history[:-12]


def _flow_started(state: DialogueState, event: dict[str, Any]) -> None:
    state.active_intent = event["intent"]
    state.slots = dict(event.get("slots", {}))
    state.awaiting_slot = None
    state.awaiting_confirmation = False


def _slots_set(state: DialogueState, event: dict[str, Any]) -> None:
    state.slots.update(event.get("slots", {}))


def _asked(state: DialogueState, event: dict[str, Any]) -> None:
    state.awaiting_slot = event.get("slot")
    state.awaiting_confirmation = False
    state.awaiting_candidates = list(event.get("candidates") or [])


def _confirm_asked(state: DialogueState, _event: dict[str, Any]) -> None:
    state.awaiting_slot = None
    state.awaiting_candidates = []
    state.awaiting_confirmation = True


def _flow_ended(state: DialogueState, _event: dict[str, Any]) -> None:
    state.active_intent = None
    state.slots = {}
    state.awaiting_slot = None
    state.awaiting_confirmation = False
    state.awaiting_candidates = []


def _bot(state: DialogueState, event: dict[str, Any]) -> None:
    state.last_reply = {key: event.get(key) for key in ("text", "simple_text", "actions", "state")}


def _slow_on(state: DialogueState, _event: dict[str, Any]) -> None:
    state.slow = True


def _misunderstood(state: DialogueState, _event: dict[str, Any]) -> None:
    state.misunderstandings += 1


def _understood(state: DialogueState, _event: dict[str, Any]) -> None:
    state.misunderstandings = 0


def _complaint_filed(state: DialogueState, event: dict[str, Any]) -> None:
    state.receipts.append(event["receipt"])


def _expired(state: DialogueState, _event: dict[str, Any]) -> None:
    _flow_ended(state, _event)
    state.misunderstandings = 0


_HANDLERS = {
    "user": _user,
    "flow_started": _flow_started,
    "slots_set": _slots_set,
    "asked": _asked,
    "confirm_asked": _confirm_asked,
    "flow_ended": _flow_ended,
    "bot": _bot,
    "slow_on": _slow_on,
    "misunderstood": _misunderstood,
    "understood": _understood,
    "complaint_filed": _complaint_filed,
    "expired": _expired,
}


def replay(events: Iterable[dict[str, Any]]) -> DialogueState:
    state = DialogueState()
    for event in events:
        state.apply(event)
    return state
