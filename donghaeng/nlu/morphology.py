"""One shared Kiwi morphological analyser for the whole process.

Kiwi holds about 500 MB of model in memory and takes a second or two to load, so the
process keeps exactly one instance, created on first use (importing this module costs
nothing). Kiwi's analysis is read-only once loaded; a lock guards only the creation.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_kiwi: Any = None

# Parts of speech that carry the request: nouns, verb/adjective stems, adverbs, foreign words
# and numbers. Endings and particles vary with dialect and politeness, so they are dropped.
CONTENT_TAGS = ("NNG", "NNP", "NNB", "NR", "NP", "VV", "VA", "VX", "MAG", "SL", "SN", "XR", "MM", "IC")


def shared_kiwi() -> Any:
    """The process-wide Kiwi instance, loaded on first call."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi  # heavy import kept off module import

                _kiwi = Kiwi(num_workers=-1)
    return _kiwi


def content_morphemes(text: str) -> list[str]:
    """Lemmas of the content words ("받/VV"), without endings and particles."""
    tokens = shared_kiwi().tokenize(text)
    return [f"{token.form}/{token.tag[:2]}" for token in tokens if token.tag.split("-")[0] in CONTENT_TAGS]


# Tags that may belong to one spoken noun phrase: 지방세 납부 확인서, 폐가전 무상수거, alien card.
_PHRASE_TAGS = frozenset({"NNG", "NNP", "SL", "XSN", "XPN", "SN"})


def noun_phrases(text: str) -> list[list[tuple[str, int, int]]]:
    """Runs of nouns said one after another (only spaces between), with character offsets."""
    runs: list[list[tuple[str, int, int]]] = []
    last_end = -2
    for token in shared_kiwi().tokenize(text):
        if token.tag not in _PHRASE_TAGS:
            last_end = -2
            continue
        start = token.start
        if runs and last_end >= 0 and not text[last_end:start].strip():
            runs[-1].append((token.form, start, start + token.len))
        else:
            runs.append([(token.form, start, start + token.len)])
        last_end = start + token.len
    return runs


def nouns(text: str) -> list[tuple[str, int, int]]:
    """Nouns with their character offsets, for free-text slots such as an FAQ topic."""
    tokens = shared_kiwi().tokenize(text)
    return [(token.form, token.start, token.start + token.len) for token in tokens if token.tag in ("NNG", "NNP")]


def classifier_morphemes(text: str) -> list[str]:
    """Content lemmas plus sentence endings (EF): 더라/다 mark a story, 나/노/까 a question."""
    tokens = shared_kiwi().tokenize(text)
    features = []
    for token in tokens:
        tag = token.tag.split("-")[0]
        if tag in CONTENT_TAGS:
            features.append(f"{token.form}/{tag[:2]}")
        elif tag in ("EF", "EC"):
            features.append(f"{token.form}/{tag}")
    return features
