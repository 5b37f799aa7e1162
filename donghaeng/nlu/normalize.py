"""Text normalisation: one canonical spelling before any matching happens.

Every later stage (phrases, names, the classifier) assumes this shape, so the rules here are the
single place where Unicode forms, spacing, stretched words ("아아아파"), regional endings and
spoken numbers are made regular. The rules themselves (dialect endings, word rewrites, route
prefixes) are data in ``data/nlu/normalize.yaml`` so that the city can add a regional form
without touching code; this module only knows how to apply them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from donghaeng.nlu.hangul import decompose, sound_key
from donghaeng.nlu.numerals import digits_from_words

_KEEP = re.compile(r"[^0-9A-Za-z가-힣ㄱ-ㅎㅏ-ㅣ\s\-']")
_LONE_JAMO = re.compile(r"[ㄱ-ㅎㅏ-ㅣ]+")
# Typed initials that are words of their own.
_JAMO_MEANING = {"ㅇㅇ": "응", "ㅇㅋ": "오케이", "ㄴㄴ": "아니", "ㄱㄱ": "고고"}
_JAMO_WORDS = re.compile(r"(?<![ㄱ-ㅎ])(ㅇㅇ|ㅇㅋ|ㄴㄴ|ㄱㄱ)(?![ㄱ-ㅎ])")
_REPEATS = re.compile(r"([^\d공영])\1{2,}")  # digits repeat in codes (2024-000123), 공공공일 too
_SPACES = re.compile(r"\s+")
_LATIN_WORD = re.compile(r"[A-Za-z]{3}")
_DASH_OUTSIDE_CODES = re.compile(r"(?<![0-9A-Za-z])-|-(?![0-9A-Za-z])")


@dataclass(frozen=True)
class Utterance:
    """One utterance in the shapes the stages need.

    ``spaced`` keeps word boundaries (for rules about what precedes 방면 or 번), ``compact``
    drops all spaces because speech recognisers and seniors space Korean arbitrarily, and
    ``key`` is the sound key of ``compact`` (see hangul.py).
    """

    text: str
    spaced: str
    compact: str
    key: str
    strict_key: str = ""


@dataclass(frozen=True)
class NormalizationRules:
    """Rewrite rules loaded from data: word rewrites, word-final endings, route prefixes."""

    rewrites: tuple[tuple[str, str], ...] = ()
    endings: tuple[tuple[str, str], ...] = ()
    route_prefixes: tuple[str, ...] = ()
    word_rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()
    _ending_patterns: tuple[tuple[re.Pattern[str], str], ...] = field(default=(), repr=False)
    # Romanised place names ("jamsil-dong") → Korean, built from the gazetteer (romanize.py).
    latin_places: Any = field(default=None, repr=False)

    @classmethod
    def from_mapping(cls, data: dict[str, Any], route_prefixes: tuple[str, ...] = ()) -> "NormalizationRules":
        rewrites = tuple((str(a), str(b)) for a, b in data.get("rewrites", []))
        endings = tuple((str(a), str(b)) for a, b in data.get("endings", []))
        # Longest endings first so that "캤노" is rewritten before "노".
        ordered = sorted(endings, key=lambda pair: len(pair[0]), reverse=True)
        patterns = tuple(
            (re.compile(rf"{re.escape(ending)}(?=\s|$)"), standard) for ending, standard in ordered
        )
        finals = sorted(data.get("final_endings", []), key=lambda pair: len(pair[0]), reverse=True)
        patterns += tuple(
            (re.compile(rf"(?<=[가-힣 ]){re.escape(str(ending))}$"), str(standard)) for ending, standard in finals
        )
        prefixes = tuple(route_prefixes) + tuple(data.get("route_prefixes", []))
        words = tuple((re.compile(rf"(?<!\S){re.escape(str(a))}(?!\S)"), str(b)) for a, b in data.get("word_rewrites", []))
        return cls(rewrites, endings, prefixes, words, patterns)

    @classmethod
    def load(cls, path: Path, route_prefixes: tuple[str, ...] = ()) -> "NormalizationRules":
        with path.open(encoding="utf-8") as handle:
            return cls.from_mapping(yaml.safe_load(handle) or {}, route_prefixes)


def word_starts(spaced: str) -> set[int]:
    """Offsets in the compact form where each word of the spaced form begins."""
    starts, offset = set(), 0
    for word in spaced.split(" "):
        starts.add(offset)
        offset += len(word)
    return starts


def join_split_syllables(spaced: str) -> str:
    """A recogniser that spaced every syllable ("불 이 나 써 요", "3 3 1 7 5"): four or more
    one-letter words in a row are one word (three are often real words: "행 몇 분")."""
    def letter(word: str) -> bool:
        return len(word) == 1 and (word.isdigit() or "가" <= word <= "힣")

    out: list[str] = []
    run: list[str] = []
    for word in [*spaced.split(" "), ""]:
        if letter(word) and (not run or run[-1].isdigit() == word.isdigit()):
            run.append(word)
            continue
        out.extend(["".join(run)] if len(run) >= 4 else run)
        run = [word] if letter(word) else []
        if not run and word:
            out.append(word)
    return " ".join(w for w in out if w)


# 역 said as a word of its own ("혜화 역에서") or heard as 녁 after a final (봉천녁 = 봉천역):
# the station mark belongs to the name before it.
_LONE_STATION_MARK = re.compile(r"(?<=[가-힣]) 역(?=$|\s|에|으로|까지|이|가|은|는|앞|근처|쪽|입구|출구)")
_HEARD_STATION_MARK = re.compile(r"(?<=[가-힣])녁(?=$|\s|에|으로|까지|이|가|은|는|앞|근처|쪽)")


def join_station_mark(spaced: str) -> str:
    """혜화 역 → 혜화역, 봉천녁 → 봉천역 (녁 only after a final consonant: 저녁 stays)."""
    spaced = _LONE_STATION_MARK.sub("역", spaced)
    return _HEARD_STATION_MARK.sub(
        lambda m: "역" if decompose(spaced[m.start() - 1])[2] in ("ㄴ", "ㅇ", "ㅁ") else m.group(0), spaced)


def clean_surface(text: str) -> str:
    """Unicode NFC, punctuation and emoticons out, stretched letters shortened, one space."""
    text = unicodedata.normalize("NFC", text)
    text = _KEEP.sub(" ", text)
    text = _JAMO_WORDS.sub(lambda m: _JAMO_MEANING[m.group(1)], text)  # ㅇㅇ = 응, ㄴㄴ = 아니
    text = _LONE_JAMO.sub(" ", text)  # ㅋㅋ, ㅠㅠ carry no request
    text = _DASH_OUTSIDE_CODES.sub(" ", text)  # keep 2AA-2409-0012345, drop stray dashes
    text = _REPEATS.sub(r"\1\1", text)
    return _SPACES.sub(" ", text).strip()


def drop_restarts(text: str) -> str:
    """A word said again at once with its ending is one word: a restart ("육칠일육 육칠일육번"
    → "육칠일육번", "버스 버스가" → "버스가"); a word repeated exactly is kept (빨리 빨리)."""
    words = text.split(" ")
    kept = [word for word, following in zip(words, words[1:] + [""])
            if not (len(word) >= 2 and following.startswith(word) and 0 < len(following) - len(word) <= 3)]
    return " ".join(kept)


def apply_dialect(text: str, rules: NormalizationRules) -> str:
    """Regional and colloquial forms to standard Seoul Korean, as listed in the data file."""
    for word, standard in rules.word_rewrites:
        text = word.sub(standard, text)
    for ending, standard in rules._ending_patterns:
        text = ending.sub(standard, text)
    for source, target in rules.rewrites:
        if source in text:
            text = text.replace(source, target)
    return text


def normalize(text: str, rules: NormalizationRules | None = None) -> Utterance:
    """Full normalisation of one utterance into the shapes the cascade matches on."""
    rules = rules or NormalizationRules()
    spaced = join_station_mark(drop_restarts(join_split_syllables(clean_surface(text))))
    spaced = spaced.lower() if spaced.isascii() else spaced
    if rules.latin_places is not None and _LATIN_WORD.search(spaced):
        spaced = rules.latin_places.rewrite(spaced.lower())
    spaced = apply_dialect(spaced, rules)
    # A number said again in another form is one number too: 일칠일일 천칠백십일번 → 1711 1711번.
    spaced = drop_restarts(digits_from_words(spaced, rules.route_prefixes))
    spaced = _SPACES.sub(" ", spaced).strip()
    compact = spaced.replace(" ", "")
    return Utterance(text=text, spaced=spaced, compact=compact, key=sound_key(compact),
                     strict_key=sound_key(compact, strict=True))
