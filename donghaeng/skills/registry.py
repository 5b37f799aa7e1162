"""Which skill serves which intent: built once from the assistant's shared parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from donghaeng.skills.apps import AppSkill, load_app_catalog
from donghaeng.skills.base import Skill
from donghaeng.geo.resolver import AMBIGUOUS
from donghaeng.skills.complaints import ComplaintFileSkill, ComplaintStatusSkill, PlaceFix, PlaceLocator, Triage
from donghaeng.skills.public_data import build_public_data_skills
from donghaeng.skills.safety import EmergencySkill, EscortSkill

if TYPE_CHECKING:
    from donghaeng.assistant import Assistant


def build_skills(assistant: "Assistant") -> dict[str, Skill]:
    data_dir = assistant.settings.data_dir
    phrases = assistant.phrases
    skills: list[Skill] = [
        AppSkill(load_app_catalog(data_dir), phrases),
        ComplaintFileSkill(assistant.sessions, phrases, Triage.load(data_dir), _locator(assistant)),
        ComplaintStatusSkill(assistant.sessions, phrases),
        EmergencySkill(phrases),
        EscortSkill(phrases),
        *_public_data_skills(assistant),
    ]
    by_intent: dict[str, Skill] = {}
    for skill in skills:
        for intent in skill.intents:
            by_intent[intent] = skill
    return by_intent


def _public_data_skills(assistant: "Assistant") -> list[Skill]:
    return build_public_data_skills(assistant.settings, assistant.engine, assistant.phrases, assistant.resolver)


def _locator(assistant: "Assistant") -> PlaceLocator:
    """Complaint places through the shared resolver: coordinates and 구 for triage and duplicates."""

    def locate(place: str | None, lat: float | None, lon: float | None) -> PlaceFix:
        resolver = assistant.resolver
        if not place:
            if lat is None or lon is None:
                return PlaceFix(label="")
            return PlaceFix(label="", lat=lat, lon=lon, gu=resolver.gu_of(lat, lon))
        resolution = resolver.resolve(place, lat, lon)
        if resolution.status == AMBIGUOUS:
            return PlaceFix(label=place, candidates=tuple(c.display for c in resolution.candidates))
        found = resolution.place
        if found is None:  # a spot the data does not name (a crossroads, a shop): keep the words
            return PlaceFix(label=place)
        return PlaceFix(label=place, lat=found.lat, lon=found.lon, gu=found.gu or resolver.gu_of(found.lat, found.lon))

    return locate
