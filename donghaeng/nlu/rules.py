"""Intent scoring from weighted phrases and the kinds of names found.

Each intent in ``data/nlu/intents.yaml`` lists phrases with a strength and says how much a
name of each kind counts (an app name for app.open, a benefit for welfare). Scores add up
and the highest wins. This is a hand-weighted linear model rather than a trained one because
the city must be able to read and change it, and because it generalises from a few words
("열어", "언제 와") to sentence frames nobody wrote down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from donghaeng.nlu.normalize import Utterance
from donghaeng.nlu.phrases import Phrase, compile_all

STRENGTHS = {"decisive": 5.0, "strong": 3.0, "normal": 1.5, "weak": 0.6, "against": -3.0}
# Generic phrases pile up ("어디 있어" matches 어디, 어디 있, 있어); their total is capped so that
# a heap of generic words never outweighs one decisive word or name.
CAPS = {1.5: 3.0, 0.6: 1.0}
# An intent that cannot act without a name ("needs: facility") counts half when none was said.
NEEDS_PENALTY = 0.5


@dataclass(frozen=True)
class IntentRule:
    """Phrases and name weights of one intent."""

    intent: str
    slots: tuple[str, ...]
    name_weights: dict[str, float]
    phrases: tuple[tuple[Phrase, float], ...]
    needs: str | None = None
    # ``exact_words`` intents (things we do not do: 로또, 도박) match as written, so their
    # words are not heard inside others by sound (도박 in 또박또박).
    strict: bool = False


@dataclass
class Score:
    """Total evidence for one intent, with the phrases that gave it (for explanations)."""

    intent: str
    total: float = 0.0
    phrases: list[str] = field(default_factory=list)


class IntentRules:
    """All intent rules; ``score`` ranks intents for one utterance."""

    def __init__(self, rules: Iterable[IntentRule]):
        self.rules = {rule.intent: rule for rule in rules}
        self._plain: dict[str, list[tuple[str, float, str]]] = {}
        self._general: dict[str, list[tuple[Phrase, float]]] = {}
        for rule in self.rules.values():
            simple = [(p, w) for p, w in rule.phrases if len(p.parts) == 1 and not p.anchored]
            self._plain[rule.intent] = [(p.parts[0], w, p.source) for p, w in simple]
            self._general[rule.intent] = [(p, w) for p, w in rule.phrases if (p, w) not in simple]

    @classmethod
    def load(cls, path: Path) -> "IntentRules":
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        rules = []
        for intent, spec in data.items():
            phrases: list[tuple[Phrase, float]] = []
            exact = bool(spec.get("exact_words", False))
            seen: set[tuple[tuple[str, ...], bool, bool]] = set()
            for strength, weight in STRENGTHS.items():
                for phrase in compile_all([str(p) for p in spec.get(strength, [])], strict=exact, exact=exact):
                    # One phrase written twice (받을 수 있, 받을수있) counts once, at its first strength.
                    key = (phrase.parts, phrase.at_start, phrase.at_end)
                    if key not in seen:
                        seen.add(key)
                        phrases.append((phrase, weight))
            rules.append(IntentRule(
                intent=str(intent),
                slots=tuple(spec.get("slots", [])),
                name_weights={str(k): float(v) for k, v in (spec.get("names") or {}).items()},
                phrases=tuple(phrases),
                needs=spec.get("needs"),
                strict=exact,
            ))
        return cls(rules)

    def slots_of(self, intent: str) -> tuple[str, ...]:
        rule = self.rules.get(intent)
        return rule.slots if rule else ()

    def score(self, utterance: Utterance, found_types: set[str]) -> list[Score]:
        """Scores of all intents with any evidence, best first."""
        scores: list[Score] = []
        spaced = utterance.spaced
        for rule in self.rules.values():
            key = utterance.strict_key if rule.strict else utterance.key
            score = Score(rule.intent)
            by_weight: dict[float, float] = {}
            # Single-part free phrases are plain substring tests on the key (the bulk, kept in C);
            # gapped and anchored phrases take the slower general path.
            found = [(part, weight, source) for part, weight, source in self._plain[rule.intent]
                     if part in key]
            for part, weight, source in _outermost(found):
                by_weight[weight] = by_weight.get(weight, 0.0) + weight
                score.phrases.append(source)
            for phrase, weight in self._general[rule.intent]:
                if phrase.matches(key, spaced):
                    by_weight[weight] = by_weight.get(weight, 0.0) + weight
                    score.phrases.append(phrase.source)
            score.total = sum(min(total, CAPS.get(weight, total)) for weight, total in by_weight.items())
            if rule.needs and rule.needs not in found_types:
                score.total *= NEEDS_PENALTY
            for entry_type, weight in rule.name_weights.items():
                if entry_type in found_types:
                    score.total += weight
                    score.phrases.append(f"<{entry_type}>")
            if score.phrases:
                scores.append(score)
        scores.sort(key=lambda s: s.total, reverse=True)
        return scores


def _outermost(found: list[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """Matched phrases less any that a longer matched phrase of the opposite sign contains.

    A phrase said against the intent overrules the phrase for it that it holds (받을 수 있는
    방법 against eligibility cancels 받을 수 있), and the other way round.
    """
    return [(part, weight, source) for part, weight, source in found
            if not any(part in other and len(other) > len(part) and (weight < 0) != (other_weight < 0)
                       for other, other_weight, _ in found)]
