"""safety.emergency and safety.escort.

Emergencies are answered at once: which number, one sentence of what to do now, and a
`call` action. No question is asked first; a false alarm costs less than a delay.
"""

from __future__ import annotations

from donghaeng.models import STATE_EMERGENCY, STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook

NUMBER_BY_KIND = {"medical": "119", "fire": "119", "crime": "112"}


class EmergencySkill:
    intents = ("safety.emergency",)

    def __init__(self, phrases: Phrasebook):
        self._phrases = phrases

    def handle(self, request: SkillRequest) -> SkillResponse:
        kind = str(request.slots.get("kind") or "")
        if kind in NUMBER_BY_KIND:
            number = NUMBER_BY_KIND[kind]
            text = self._phrases.say(f"safety.{kind}")
            actions = [self._call(number)]
        else:
            text = self._phrases.say("safety.unknown_kind")
            actions = [self._call("119"), self._call("112")]
        if request.lat is not None and request.lon is not None:
            actions.append({"type": "share_location", "lat": request.lat, "lon": request.lon})
        return SkillResponse(text=text, actions=tuple(actions), state=STATE_EMERGENCY,
                             data={"emergency": kind or "unknown"})

    def _call(self, number: str) -> dict[str, str]:
        return {"type": "call", "number": number, "label": self._phrases.say(f"safety.call_label.{number}")}


class EscortSkill:
    """안심귀가 스카우트: explains the service and opens the 안심이 app to request it."""

    intents = ("safety.escort",)

    def __init__(self, phrases: Phrasebook):
        self._phrases = phrases

    def handle(self, request: SkillRequest) -> SkillResponse:
        place = str(request.slots.get("place") or "").strip()
        if not place and request.lat is None:
            # Explain the service and ask where they start, so a bare "신림역이요" continues this request.
            return SkillResponse(text=self._phrases.say("safety.escort_ask_place"), state=STATE_NEED_SLOT,
                                 ask_slot="place", actions=self._actions(),
                                 simple_text=self._phrases.say("safety.escort"))
        text = self._phrases.say("safety.escort_place", place=place or self._phrases.say("safety.here"))
        return SkillResponse(text=text, actions=self._actions())

    @staticmethod
    def _actions() -> tuple[dict[str, str], ...]:
        return (
            {"type": "open_app", "app": "ansimi", "name": "서울 안심이"},
            {"type": "call", "number": "120", "label": "120 다산콜센터에 전화하기"},
        )
