"""Emergency detection: runs first, on every utterance, and wins over everything else.

A person in danger may say it in the middle of another task ("어 잠깐만 할머니가
쓰러졌어요") or with no request at all ("연기가 막 나요"), so this is not one intent among
others competing on score: any danger phrase raises the alarm. Missing a call is far worse
than a false alarm, so the only brake is a short `not_now` list for words that merely look
dangerous (불법, 가로등 불이 안 들어와) and it cannot cancel a second danger phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from donghaeng.nlu.normalize import Utterance
from donghaeng.nlu.phrases import Phrase, compile_all

KINDS = ("medical", "fire", "crime")


@dataclass(frozen=True)
class Alarm:
    """A detected emergency: its kind and the phrases that raised it (for the audit trail)."""

    kind: str
    phrases: tuple[str, ...]
    confidence: float


class EmergencyDetector:
    """Phrase lists per kind from ``data/nlu/emergency.yaml``."""

    def __init__(self, by_kind: dict[str, tuple[Phrase, ...]], any_kind: tuple[Phrase, ...],
                 not_now: tuple[Phrase, ...]):
        self._by_kind = by_kind
        self._any_kind = any_kind
        self._not_now = not_now

    @classmethod
    def load(cls, path: Path) -> "EmergencyDetector":
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        by_kind = {kind: compile_all([str(p) for p in data.get(kind, [])], strict=True) for kind in KINDS}
        return cls(by_kind, compile_all([str(p) for p in data.get("any_kind", [])], strict=True),
                   compile_all([str(p) for p in data.get("not_now", [])], strict=True))

    def detect(self, utterance: Utterance) -> Alarm | None:
        """The alarm for this utterance, or None when nobody is in danger."""
        key, spaced = utterance.strict_key, utterance.spaced
        hits: list[tuple[str, Phrase]] = []
        for kind, phrases in self._by_kind.items():
            hits.extend((kind, phrase) for phrase in phrases if phrase.matches(key, spaced))
        general = [phrase for phrase in self._any_kind if phrase.matches(key, spaced)]
        if not hits and not general:
            return None
        if not general and len(hits) < 2 and any(p.matches(key, spaced) for p in self._not_now):
            return None
        if hits:
            # The most specific (longest) phrase names the kind: "heart attack" beats "attack".
            kind = max(hits, key=lambda hit: sum(len(part) for part in hit[1].parts))[0]
        else:
            kind = "medical"
        confidence = min(1.0, 0.85 + 0.05 * (len(hits) + len(general)))
        return Alarm(kind, tuple(p.source for _, p in hits) + tuple(p.source for p in general), confidence)
