"""app.open: open a public app or web service from the catalogue (data/apps/catalog.yaml).

An Android intent URL is returned only where the package id is known from public sources;
otherwise the web address, and where neither exists, a plain explanation of how to find it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook


@dataclass(frozen=True)
class AppEntry:
    app_id: str
    name: str
    android_package: str | None = None
    web: str | None = None
    phone: str | None = None
    kakao_channel: bool = False


def load_app_catalog(data_dir: Path) -> dict[str, AppEntry]:
    raw = yaml.safe_load((data_dir / "apps" / "catalog.yaml").read_text(encoding="utf-8")) or {}
    return {
        app_id: AppEntry(app_id=app_id, name=entry["name"], android_package=entry.get("android_package"),
                         web=entry.get("web"), phone=entry.get("phone"),
                         kakao_channel=bool(entry.get("kakao_channel")))
        for app_id, entry in raw.items()
    }


class AppSkill:
    intents = ("app.open",)

    def __init__(self, catalog: dict[str, AppEntry], phrases: Phrasebook):
        self._catalog = catalog
        self._phrases = phrases

    def handle(self, request: SkillRequest) -> SkillResponse:
        entry = self._catalog.get(str(request.slots.get("app", "")))
        if entry is None:
            return SkillResponse(text=self._phrases.say("apps.which_app"), state=STATE_NEED_SLOT, ask_slot="app")
        action: dict[str, Any] = {"type": "open_app", "app": entry.app_id, "name": entry.name}
        if entry.android_package:
            action["package"] = entry.android_package
            fallback = f";S.browser_fallback_url={entry.web}" if entry.web else ""
            action["url"] = f"intent://#Intent;package={entry.android_package}{fallback};end"
            if entry.web:
                action["web"] = entry.web
            text = self._phrases.say("apps.open", name=entry.name)
        elif entry.web:
            action["url"] = entry.web
            text = self._phrases.say("apps.open_web", name=entry.name)
        elif entry.kakao_channel:
            text = self._phrases.say("apps.open_kakao", name=entry.name)
        else:
            text = self._phrases.say("apps.no_address", name=entry.name)
        actions = [action]
        if entry.phone and not entry.android_package and not entry.web:
            actions.append({"type": "call", "number": entry.phone})
        if entry.app_id == "dasan_120":
            actions.append({"type": "call", "number": "120", "label": "120에 전화하기"})
        return SkillResponse(text=text, actions=tuple(actions))
