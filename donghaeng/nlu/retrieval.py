"""Nearest-neighbour fallback over our own labelled example sentences.

When no phrase rule is confident, the utterance is compared with the example sentences in
``data/nlu/examples.yaml`` by TF-IDF cosine over character n-grams of the spoken form (robust
to spacing and small recognition errors) and Kiwi content morphemes (robust to endings and
dialect: 받노/받나요/받을까 all share 받/VV). An inverted index keeps a query well under a
millisecond for a few thousand examples, so no vector library is needed.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import yaml

from donghaeng.nlu.normalize import Utterance

Featurizer = Callable[[str], list[str]]


@dataclass(frozen=True)
class Neighbour:
    """The best-matching example intent and how similar it is (cosine, 0..1)."""

    intent: str
    similarity: float
    example: str


def char_ngrams(compact: str, sizes: tuple[int, ...] = (2, 3)) -> list[str]:
    padded = f"<{compact}>"
    return [padded[i:i + n] for n in sizes for i in range(len(padded) - n + 1)]


class ExampleIndex:
    """TF-IDF vectors of example sentences with an inverted index for cosine search."""

    def __init__(self, examples: list[tuple[str, Utterance]], morphemes: Featurizer | None = None):
        self._morphemes = morphemes
        self._intents: list[str] = []
        self._texts: list[str] = []
        vectors: list[Counter[str]] = []
        for intent, utterance in examples:
            self._intents.append(intent)
            self._texts.append(utterance.text)
            vectors.append(Counter(self._features(utterance)))
        documents = len(vectors)
        frequency: Counter[str] = Counter(feature for vector in vectors for feature in vector)
        self._idf = {f: math.log((1 + documents) / (1 + df)) + 1.0 for f, df in frequency.items()}
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, vector in enumerate(vectors):
            weights = self._weigh(vector)
            for feature, weight in weights.items():
                self._postings[feature].append((index, weight))

    @classmethod
    def load(cls, path: Path, normalize: Callable[[str], Utterance],
             morphemes: Featurizer | None = None) -> "ExampleIndex":
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        examples = [(str(intent), normalize(str(text))) for intent, texts in data.items() for text in texts or []]
        return cls(examples, morphemes)

    def __len__(self) -> int:
        return len(self._intents)

    def _features(self, utterance: Utterance) -> list[str]:
        features = char_ngrams(utterance.compact)
        if self._morphemes is not None:
            # Morphemes are fewer than n-grams; repeating them gives them a fair share of the vector.
            features += [f"m:{m}" for m in self._morphemes(utterance.spaced)] * 2
        return features

    def _weigh(self, vector: Counter[str]) -> dict[str, float]:
        weights = {f: (1.0 + math.log(count)) * self._idf.get(f, 0.0) for f, count in vector.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {f: w / norm for f, w in weights.items() if w > 0}

    def nearest(self, utterance: Utterance, k: int = 3) -> list[Neighbour]:
        """Best example per intent, most similar first (at most ``k`` intents)."""
        query = self._weigh(Counter(self._features(utterance)))
        totals: dict[int, float] = defaultdict(float)
        for feature, weight in query.items():
            for index, doc_weight in self._postings.get(feature, ()):
                totals[index] += weight * doc_weight
        best: dict[str, tuple[float, int]] = {}
        for index, similarity in totals.items():
            intent = self._intents[index]
            if similarity > best.get(intent, (0.0, -1))[0]:
                best[intent] = (similarity, index)
        ranked = sorted(best.items(), key=lambda item: item[1][0], reverse=True)[:k]
        return [Neighbour(intent, sim, self._texts[index]) for intent, (sim, index) in ranked]
