"""Which slots each intent reports, and how each one is chosen from what was found.

The gazetteers and patterns (slots.py) find candidates without knowing the intent; only
once the intent is known can we say that 472 is a route and not an age, that 신림역 is the
place of a facility question but the station of a subway question, or that a complaint
which names no known category is "other". This module holds those intent-aware choices.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from rapidfuzz.distance import Levenshtein

from donghaeng.nlu.entities import Mention
from donghaeng.nlu.hangul import plain, pronounced_jamo
from donghaeng.nlu.morphology import noun_phrases
from donghaeng.nlu.normalize import Utterance
from donghaeng.nlu.phrases import Phrase, any_match, compile_all
from donghaeng.nlu.slots import Found, find_bare_age, find_bare_route, put, select_station, select_stop

if TYPE_CHECKING:
    from donghaeng.nlu.cascade import NluEngine


PLACE_ENDINGS = ("동", "구", "역", "로", "길", "가", "리", "시장", "공원", "아파트", "단지", "사거리", "오거리", "삼거리",
                 "입구", "앞", "마을", "센터", "병원", "학교", "교회", "빌라", "타워")
# A place not in any list, said as a trailing fragment ("따릉이 남은 거 봐 줘 성공회대"), is taken
# when it ends like a place name (universities, markets, parks, crossings, hospitals, ...).
FRAGMENT_PLACE_ENDINGS = ("대학교", "대학", "대", "시장", "공원", "사거리", "삼거리", "오거리", "네거리", "교차로", "역", "동",
                          "구", "로", "길", "타워", "병원", "교", "천", "산", "터미널", "광장", "아파트", "단지", "마을",
                          "빌딩", "성당", "교회", "학교", "회관", "센터", "도서관", "공단", "호수", "섬", "궁", "사")
# Words that end like a place but are not one (친구, 운동, 어디로, 있는교, 가는길, ...).
FRAGMENT_NOT_PLACE_ENDINGS = ("친구", "식구", "가구", "운동", "활동", "행동", "이동", "작동", "자동", "감동", "소동",
                              "리로", "디로", "대로", "기로", "는교", "능교", "니교", "는길", "은길", "문사", "감사",
                              "생각", "회사", "이사", "의사", "검사", "여사", "기사", "는데", "인데", "는대", "한대", "된대",
                              "했대", "온대", "간대", "는구", "로구", "이구", "하구", "자구", "라구", "다구", "야구", "었구",
                              "았구", "려구", "러구", "려고", "냐구", "몇대", "두대", "세대", "네대", "한교", "까지로")
FRAGMENT_PARTICLES = ("에서요", "에서", "이에요", "이요", "에요", "예요", "까지", "근처", "쪽으로", "쪽", "앞에", "앞", "에", "요")
PLACE_INTENTS = frozenset({"facility.nearby", "transit.bike", "safety.escort", "weather.forecast", "complaint.file"})
NAME_TYPES_NOT_PLACE = frozenset({"app", "facility", "benefit", "category", "topic", "when", "household"})


@dataclass(frozen=True)
class SlotFiller:
    """Intent-aware slot choice, configured by ``data/nlu/slots.yaml``."""

    other_problem: tuple[Phrase, ...]
    topic_suffixes: tuple[str, ...]
    topic_stop_nouns: frozenset[str]
    answer_endings: tuple[str, ...]
    topic_stop_words: frozenset[str] = frozenset()
    topic_trailing: frozenset[str] = frozenset()
    self_corrections: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path) -> "SlotFiller":
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        endings = sorted((str(e) for e in data.get("answer_endings", [])), key=len, reverse=True)
        return cls(
            other_problem=compile_all([str(p) for p in data.get("complaint_other_problem", [])]),
            topic_suffixes=tuple(str(s) for s in data.get("topic_suffixes", [])),
            topic_stop_nouns=frozenset(str(n) for n in data.get("topic_stop_nouns", [])),
            answer_endings=tuple(endings),
            topic_stop_words=frozenset(str(w).lower() for w in data.get("topic_stop_words", [])),
            topic_trailing=frozenset(str(w) for w in data.get("topic_trailing", [])),
            self_corrections=tuple(str(w).replace(" ", "") for w in data.get("self_corrections", [])),
        )

    def fill(self, intent: str, utterance: Utterance, found: Found, engine: "NluEngine") -> dict[str, Any]:
        """The slots of ``intent`` present in the utterance (absent slots are left out)."""
        slots: dict[str, Any] = {}
        places = found.places()
        place = places[0] if places else None
        if place is None and intent in PLACE_INTENTS:
            place = self.trailing_place(utterance, found)
        if intent == "app.open":
            put(slots, "app", found.first("app"))
        elif intent == "facility.nearby":
            put(slots, "facility", found.first("facility"))
            put(slots, "place", place)
        elif intent == "transit.bus_arrival":
            put(slots, "route", found.route or find_bare_route(utterance.compact, utterance.spaced))
            put(slots, "stop", select_stop(found.stops, utterance.compact))
        elif intent == "transit.subway_arrival":
            put(slots, "station", select_station(found, utterance.compact))
            put(slots, "line", found.line)
            put(slots, "direction", found.direction)
        elif intent == "transit.bike":
            # Where the bike is wanted, not where the ride goes ("여의도 가서 탈 건데 … 합정 쪽에 빌릴 데").
            near = found.places(destinations=False)
            put(slots, "place", near[0] if near else place)
        elif intent == "safety.escort":
            put(slots, "place", place)
        elif intent == "welfare.info":
            put(slots, "benefit", found.first("benefit"))
        elif intent == "welfare.eligibility":
            put(slots, "benefit", found.first("benefit"))
            put(slots, "age", found.age or find_bare_age(utterance.spaced))
            put(slots, "household", found.first("household"))
        elif intent == "complaint.file":
            put(slots, "category", self.category(utterance, found))
            put(slots, "place", place)
        elif intent == "complaint.status":
            put(slots, "receipt", found.receipt)
        elif intent == "weather.forecast":
            put(slots, "place", place)
            put(slots, "when", found.first("when"))
        elif intent == "tourism.attraction":
            put(slots, "place", found.first("attraction") and self._attraction_said(found) or place
                or found.first("area"))
        elif intent == "faq.answer":
            put(slots, "topic", self.topic(utterance, found))
        return slots

    def category(self, utterance: Utterance, found: Found) -> str | None:
        """A known category, or "other" when a problem is described without one."""
        category = found.first("category")
        if category is None and any_match(self.other_problem, utterance.key, utterance.spaced):
            return "other"
        return category

    def trailing_place(self, utterance: Utterance, found: Found) -> str | None:
        """A place name outside our lists said as the last fragment: "... 봐 줘 성공회대"."""
        words = utterance.spaced.split()
        if len(words) < 2:
            return None
        word = words[-1]
        for particle in FRAGMENT_PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 3:
                word = word[: -len(particle)]
                break
        if len(word) < 3 or not all("가" <= ch <= "힣" for ch in word):
            return None
        if not word.endswith(FRAGMENT_PLACE_ENDINGS) or word.endswith(FRAGMENT_NOT_PLACE_ENDINGS):
            return None
        if _inflected(word):
            return None
        start = len(utterance.compact) - len(words[-1])
        for mention in found.mentions:
            if mention.end > start and any(t in NAME_TYPES_NOT_PLACE for t in (e.type for e in mention.entries)):
                return None
        return word

    def topic(self, utterance: Utterance, found: Found) -> str | None:
        """The noun phrase of a general question, as it was said ("지방세 납부 확인서").

        The phrase is the run of nouns around a known topic name (or the first run with a
        content noun), without question nouns such as 방법, 요일 or 규격 at its edges.
        """
        spaced = utterance.spaced
        runs = [self._trim(run) for run in noun_phrases(spaced)]
        runs = [run for run in runs if run]
        compact_at = _compact_offsets(spaced)
        # A means (무인발급기) is the topic only when nothing else is: "무인발급기서 등본 떼믄" asks about 등본.
        mentions = sorted(self._corrected(found.mentions, utterance.compact),
                          key=lambda m: m.has("topic") and m.name_of("topic") in self.topic_trailing)
        for mention in mentions:
            if mention.has("topic"):
                for run in runs:
                    start, end = compact_at[run[0][1]], compact_at[run[-1][2] - 1] + 1
                    if start <= mention.start < end or mention.start <= start < mention.end:
                        return _heard_as_written(_as_said(spaced[run[0][1]:run[-1][2]]), mention, utterance.compact)
                rest = utterance.compact[mention.end:]
                suffix = next((s for s in self.topic_suffixes if rest.startswith(s)), "")
                return mention.name_of("topic") + suffix
        for run in runs:
            if any(len(form) >= 2 for form, _, _ in run):
                return _as_said(spaced[run[0][1]:run[-1][2]])
        return None

    def _corrected(self, mentions: tuple[Mention, ...], compact: str) -> tuple[Mention, ...]:
        """After a self-correction ("여권 아니 인감증명서") only the names said after it count."""
        topics = [m for m in mentions if m.has("topic")]
        if len(topics) < 2:
            return mentions
        for word in self.self_corrections:
            at = compact.find(word, topics[0].end)
            if at >= 0 and any(m.start >= at + len(word) for m in topics):
                return tuple(m for m in mentions if m.start >= at + len(word))
        return mentions

    def _trim(self, run: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Cut a noun run at question words; keep the longest meaningful piece."""
        pieces: list[list[tuple[str, int, int]]] = [[]]
        for token in run:
            if token[0] in self.topic_stop_nouns or token[0].lower() in self.topic_stop_words:
                pieces.append([])
            else:
                pieces[-1].append(token)
        pieces = [p for p in pieces if p and not (len(p) == 1 and len(p[0][0]) < 2)]
        if not pieces:
            return []
        piece = pieces[0]
        # ...unless a one-letter prefix is glued to it (재발급 stays whole).
        while len(piece) > 1 and piece[-1][0] in self.topic_trailing \
                and not (len(piece[-2][0]) == 1 and piece[-2][2] == piece[-1][1]):
            piece = piece[:-1]
        return piece

    def place_answer(self, utterance: Utterance) -> str | None:
        """A short answer that sounds like a place (ends like 동, 구, 역, 로, 길, 시장, 아파트)."""
        word = self.answer_text(utterance)
        return word if word and word.endswith(PLACE_ENDINGS) else None

    def answer_text(self, utterance: Utterance) -> str | None:
        """A short free-text answer without its ending: "수유동이라고요 수유동" → 수유동."""
        words = utterance.spaced.split()
        if not words or len(words) > 3:
            return None
        word = words[0]
        for ending in self.answer_endings:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                word = word[: -len(ending)]
                break
        return word if len(word) >= 2 and all("가" <= ch <= "힣" or ch.isalnum() for ch in word) else None

    @staticmethod
    def _attraction_said(found: Found) -> str | None:
        for mention in found.mentions:
            if mention.has("attraction"):
                return mention.name_of("attraction")
        return None


def _inflected(word: str) -> bool:
    """The fragment is a verb or adjective form (떨어진대, 춥대요), not a name: Kiwi reads a
    predicate (VV/VA/VX/XSV/XSA) or an ending (E*) inside it and no noun covers its end."""
    from donghaeng.nlu.morphology import shared_kiwi

    tokens = shared_kiwi().tokenize(word)
    if not tokens:
        return False
    tags = [token.tag.split("-")[0] for token in tokens]
    if tags[-1] in ("NNP", "NNG", "XSN", "SN", "SL"):
        return False
    return any(tag.startswith(("VV", "VA", "VX", "XSV", "XSA", "E", "VCP")) for tag in tags)


def _compact_offsets(spaced: str) -> list[int]:
    """For each character of the spaced text, its offset in the compact (space-free) text."""
    offsets, position = [], 0
    for ch in spaced:
        offsets.append(position)
        if ch != " ":
            position += 1
    return offsets


def _heard_as_written(phrase: str, mention: Mention, compact: str) -> str:
    """A topic name written as it was heard (호닌 신고, 저닙 씬고) is reported as it is spelled."""
    name = mention.name_of("topic")
    heard = compact[mention.start:mention.end]
    said = phrase.replace(" ", "")
    if heard == name or not heard or not said or not _sounds_alike(heard, name):
        return phrase
    if said in heard:
        return name  # the noun run is only a piece of the heard name (저닙 of 저닙 씬고)
    return said.replace(heard, name) if heard in said else phrase


def _sounds_alike(heard: str, name: str) -> bool:
    """Said the same but for one sound (tense or not, ㄴ or ㄹ): 재산쎄 / 재산세, 등녹 / 등록.
    A near miss farther off (도난신고 / 혼인신고) is a different word, reported as said."""
    return Levenshtein.distance("".join(pronounced_jamo(plain(heard))), "".join(pronounced_jamo(plain(name)))) <= 1


def _as_said(phrase: str) -> str:
    """Korean topics without spaces (as the name lists write them), English ones spaced."""
    return phrase if phrase.isascii() else phrase.replace(" ", "")
