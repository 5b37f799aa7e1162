"""Plainer wording for "천천히 / 쉽게 말해 줘": shorter sentences, fewer hard words.

Words that older listeners often find hard are swapped for everyday ones from a data
file; parenthetical asides and web addresses are dropped because they do not help when
heard aloud.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

_GLOSSARY_FILE = Path(__file__).resolve().parents[2] / "data" / "dialogue" / "plain_words.yaml"
_PARENS = re.compile(r"\s*\([^)]*\)")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SENTENCE_END = re.compile(r"(?<=[.?!요다])\s+")


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    if not _GLOSSARY_FILE.exists():
        return {}
    return {str(k): str(v) for k, v in (yaml.safe_load(_GLOSSARY_FILE.read_text(encoding="utf-8")) or {}).items()}


def simplify_for_listening(text: str) -> str:
    plain = _URL.sub("", _PARENS.sub("", text))
    for hard, easy in _glossary().items():
        plain = plain.replace(hard, easy)
    sentences = [part.strip() for part in _SENTENCE_END.split(plain) if part.strip()]
    return "\n".join(sentences)
