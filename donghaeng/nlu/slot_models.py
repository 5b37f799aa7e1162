"""Names described rather than said: classifiers for the enumerated slots.

People describe the thing they want as often as they name it: "걸으면 포인트 주는 그 앱",
"다달이 통장에 들어오는 그 연금", "약 지어 주는 데", "환풍기 연기가 창문으로 들어와요".
The name lists find the named ones; for the rest, one classifier per enumerated slot
(the same model as the intent classifier, classifier.py) is trained on the sentences of
our labelled sets that carry that slot, and picks the value from the whole sentence.

It fills a slot the names left empty when it is fairly sure, and replaces a name the
lists found only when it is very sure. Measured by leaving groups of our sets out of
training (about 550–1,100 sentences per slot): filling at 0.7 was right in all 96 cases
taken, where the lists had found nothing; replacing at 0.9 was right in 17 of the 18
cases where it disagreed with the lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from donghaeng.nlu.classifier import Featurizer, IntentClassifier, read_records
from donghaeng.nlu.normalize import Utterance

# slot -> the intents whose sentences teach it (TAXONOMY.md's enumerated slots)
ENUM_SLOTS: dict[str, tuple[str, ...]] = {
    "facility": ("facility.nearby",),
    "benefit": ("welfare.info", "welfare.eligibility"),
    "app": ("app.open",),
    "category": ("complaint.file",),
    "kind": ("safety.emergency",),
}
FILL_PROBABILITY = 0.7
REPLACE_PROBABILITY = 0.9
# A bare plea ("살려 주세요", "119 불러 줘") names no kind of danger and is answered as such:
# the emergency rules' kind is never replaced, and a kind is filled in (for an emergency the
# classifier heard) only when the words make it near certain.
FILL_PROBABILITY_OF = {"kind": 0.9}
KEPT_AS_FOUND = frozenset({"kind"})
CATCH_ALL = "other"  # never replaces a category the name lists found


def slot_examples(slot: str, records: list[dict]) -> list[tuple[str, str]]:
    """(value, sentence) pairs for ``slot`` from labelled lines."""
    intents = ENUM_SLOTS[slot]
    return [(str(r["slots"][slot]), str(r["text"])) for r in records
            if r.get("intent") in intents and (r.get("slots") or {}).get(slot) is not None]


class SlotModels:
    """One classifier per enumerated slot; ``complete`` fills or corrects a reading's slots."""

    def __init__(self, models: dict[str, IntentClassifier]):
        self._models = models
        self._by_intent = {intent: slot for slot, intents in ENUM_SLOTS.items() for intent in intents
                           if slot in models}

    @classmethod
    def load(cls, paths: list[Path], normalize: Callable[[str], Utterance], morphemes: Featurizer | None,
             cache_dir: Path | None, fingerprint: str) -> "SlotModels":
        records = [record for path in paths if path.suffix == ".jsonl" for record in read_records(path)]
        models = {}
        for slot in ENUM_SLOTS:
            pairs = slot_examples(slot, records)
            if len({value for value, _ in pairs}) < 2:
                continue  # nothing to choose between (no labelled sets)
            models[slot] = IntentClassifier.load(paths, normalize, morphemes, cache_dir, fingerprint,
                                                 examples=lambda _paths, pairs=pairs: pairs, name=f"slot-{slot}")
        return cls(models)

    def complete(self, intent: str, slots: dict[str, Any], utterance: Utterance) -> dict[str, Any]:
        slot = self._by_intent.get(intent)
        if slot is None:
            return slots
        prediction = self._models[slot].predict(utterance)
        if slot in slots:
            if slot not in KEPT_AS_FOUND and prediction.probability >= REPLACE_PROBABILITY \
                    and prediction.intent not in (slots[slot], CATCH_ALL):
                return {**slots, slot: prediction.intent}
        elif prediction.probability >= FILL_PROBABILITY_OF.get(slot, FILL_PROBABILITY):
            return {**slots, slot: prediction.intent}
        return slots
