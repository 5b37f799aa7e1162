"""A one-paragraph summary of the conversation for the 120 counsellor taking over."""

from __future__ import annotations

from donghaeng.dialogue.state import DialogueState
from donghaeng.phrasebook import Phrasebook
from donghaeng.privacy import mask_pii


def handoff_summary(state: DialogueState, phrases: Phrasebook) -> str:
    service_turns = [entry for entry in state.history if not str(entry.get("intent", "")).startswith("meta.")]
    intent = state.active_intent or next(
        (entry["intent"] for entry in reversed(service_turns) if entry.get("intent") not in (None, "unknown",
                                                                                               "handoff.human")),
        "알 수 없음")
    slots = state.slots or next((entry["slots"] for entry in reversed(service_turns) if entry.get("slots")), {})
    slot_text = ", ".join(f"{key}={value}" for key, value in slots.items()) or "없음"
    if state.awaiting_confirmation:
        progress = "확인 질문에 답하지 못함"
    elif state.awaiting_slot:
        progress = f"'{state.awaiting_slot}' 정보를 묻는 중"
    else:
        progress = f"이해 못한 말 {state.misunderstandings + 1}번"
    recent = " / ".join(mask_pii(entry.get("text") or "") for entry in state.history[-3:] if entry.get("text"))
    return phrases.say("dialogue.handoff_summary", intent=intent, slots=slot_text, progress=progress,
                       recent=recent or "없음")
