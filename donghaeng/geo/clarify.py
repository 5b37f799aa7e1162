"""From a Resolution to either a Place or the one short question a skill asks instead.

Every location-based skill handles "where?" the same way: no place and no browser location
→ ask for the place; an ambiguous name → name the candidates and ask which; an unknown
name → say so. Sharing it keeps the questions identical across skills.
"""

from __future__ import annotations

from donghaeng.geo import names
from donghaeng.geo.resolver import AMBIGUOUS, NEED_LOCATION, LocationResolver, Place
from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook


def place_or_question(resolver: LocationResolver, phrasebook: Phrasebook, request: SkillRequest,
                      slot: str = "place", namespace: str = "facilities") -> Place | SkillResponse:
    text = request.slots.get(slot)
    resolution = resolver.resolve(str(text) if text else None, request.lat, request.lon)
    if resolution.place is not None:
        return resolution.place
    if resolution.status == NEED_LOCATION:
        return SkillResponse(phrasebook.say(f"{namespace}.ask_place"), state=STATE_NEED_SLOT, ask_slot=slot)
    if resolution.status == AMBIGUOUS:
        options = ", ".join(c.display for c in resolution.candidates)
        question = phrasebook.say("facilities.ambiguous", name_subject=names.subject(str(text)), options=options)
        return SkillResponse(question, state=STATE_NEED_SLOT, ask_slot=slot,
                             data={"candidates": [c.display for c in resolution.candidates]})
    return SkillResponse(phrasebook.say("facilities.not_found", place=str(text)), state=STATE_NEED_SLOT,
                         ask_slot=slot)
