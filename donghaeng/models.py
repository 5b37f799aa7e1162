"""Data passed between pipeline stages: small frozen dataclasses, no behaviour.

Every stage boundary in the pipeline (NLU -> dialogue -> skills -> reply) speaks in
these types, so a stage can be replaced without touching its neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

# Dialogue states reported in a turn result (DESIGN.md section 3).
STATE_DONE = "done"
STATE_NEED_SLOT = "need_slot"
STATE_CONFIRM = "confirm"
STATE_HANDOFF = "handoff"
STATE_EMERGENCY = "emergency"


@dataclass(frozen=True)
class NluContext:
    """What the dialogue is waiting for, so a bare follow-up ("망원동이요", "네") can be read.

    ``active_intent`` is the intent of the flow in progress, ``awaiting_slot`` the slot the
    assistant has just asked for, ``awaiting_confirmation`` whether it asked a yes/no question.
    """

    active_intent: str | None = None
    awaiting_slot: str | None = None
    awaiting_confirmation: bool = False
    slots: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NluResult:
    """One interpretation of an utterance: exactly one intent of the taxonomy."""

    intent: str
    slots: dict[str, Any]
    confidence: float
    text: str = ""
    normalized: str = ""
    # Which cascade stage decided: emergency, template, fuzzy, classifier, context, llm, fallback.
    source: str = "template"


@dataclass(frozen=True)
class SkillRequest:
    """What a skill needs to act: the intent, its slots and where the citizen is."""

    intent: str
    slots: Mapping[str, Any]
    session_id: str = ""
    lat: float | None = None
    lon: float | None = None
    confirmed: bool = False
    text: str = ""
    # The client's idempotency key for this turn: a write done for it happens once.
    client_key: str | None = None


@dataclass(frozen=True)
class SkillResponse:
    """A skill's answer: short spoken Korean plus machine-readable actions.

    ``state`` is one of the STATE_* constants. With STATE_NEED_SLOT, ``ask_slot`` names the
    slot the question in ``text`` asks for; with STATE_CONFIRM the skill will be called again
    with ``confirmed=True`` once the citizen agrees.
    """

    text: str
    actions: tuple[dict[str, Any], ...] = ()
    state: str = STATE_DONE
    ask_slot: str | None = None
    receipt: str | None = None
    # Extra facts for the dialogue (e.g. {"eligibility_answered": "basic_pension"}).
    data: Mapping[str, Any] = field(default_factory=dict)
    # A plainer, simpler wording used when the citizen asks for it slower / simpler.
    simple_text: str | None = None
