"""Which skill serves which intent: built once from the assistant's shared parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from donghaeng.skills.apps import AppSkill, load_app_catalog
from donghaeng.skills.base import Skill
from donghaeng.skills.complaints import ComplaintFileSkill, ComplaintStatusSkill, PlaceFix, Triage
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
    try:
        from donghaeng.skills.public_data import build_public_data_skills  # noqa: F401
    except ImportError:
        return []
    return []


def _locator(assistant: "Assistant"):  # type: ignore[no-untyped-def]
    def locate(place: str | None, lat: float | None, lon: float | None) -> PlaceFix:
        return PlaceFix(label=place or "", lat=lat, lon=lon)

    return locate
