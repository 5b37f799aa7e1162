"""Slot values from an utterance: names found by the gazetteers plus a few patterns.

Names (apps, facilities, places, stations) come from the gazetteers; numbers and codes
(routes, lines, ages, receipt numbers) from patterns over the normalised text, where spoken
number words are already digits. Free-text values are reported as they were said, without
particles, because the next stage (place resolver, FAQ search) works on what was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from donghaeng.nlu.entities import Mention
from donghaeng.nlu.hangul import decompose, is_syllable

PLACE_TYPES = ("gu", "dong", "landmark", "attraction")
# After a place, words that make it where one is going, not where one is: 한강 가서, 한강까지.
DESTINATION_MARKS = ("가서", "가고", "까지", "따라", "가려", "갈라", "갈려", "가보", "가는길")
# A crossing named after a dong or station is one place: 길동사거리, 구의사거리.
CROSSING_SUFFIXES = ("사거리", "오거리", "삼거리", "네거리", "교차로")
_NIGHT_ROUTE = re.compile(r"(?<![0-9a-z])[nN](\d{2,3})(?!\d)")
_ROUTE_WITH_COUNTER = re.compile(r"(?<![\d-])(\d{2,4})(?=번|버스)")
# Trunk routes with a letter: 110A/110B, 750A/750B ("bus 110B", "750A번").
_LETTERED_ROUTE = re.compile(r"(?<![\w-])(\d{2,4}[a-zA-Z])(?=번|버스|\s|$|[가-힣])")
_BARE_ROUTE = re.compile(r"(?<![\d-])(\d{3,4})(?![\d-]|호선|세|살|분|시|도|년|월|일|원|층)")
_LINE = re.compile(r"(?<!\d)(\d)\s?호선|line\s?(\d)")
_AGE_COUNTED = re.compile(r"(?<!\d)(\d{2,3})\s?(?:세|살|센(?=디|데))")
_AGE_SAID = re.compile(r"(?<!\d)(\d{2,3})\s?(?:이시고|이시는|이시니|이시라|잡수|자셨|드셨|드신|먹은|먹었|묵은|자신|되셨|되신|이에요|이예요|예요|이야|이셔|이신데|이세요|입니다|이고|인데|이요|이다|됐|"
                       r"인디|인데예|인데유|이래|노인|야|인디요|이라예|이라요|이라카|이여|이라|이신|신데|신|이오|이유|이랑께|이당께|된|되|"
                       r"이우|이우다|이수다|이라우|이랑게|이구먼|이그만|시거든|시거던|시그든|이면|면(?:\s|$)|$)")
# "예순다섯 넘었는데": an age said exactly and passed; a round number (70 넘었는데) is a bound, not an age.
_AGE_PASSED = re.compile(r"(?<!\d)(\d[1-9])\s?(?:넘었|넘은|넘어서|넘었는|넘겼|넘으면|넘으문|넘으믄|넘으몬)")
# "칠십 일 인데": the tens and a Sino one said apart before how an age is said (일 stays a word).
_AGE_SPLIT = re.compile(r"(?<!\d)([5-9])0\s(일|이|삼|사|오|육|칠|팔|구)\s?(?:인데|인디|이에요|이요|이고|살|세)")
_ONES = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
# 칠순 (a 70th birthday) said for the age itself: "칠순 된 우리 엄니"
_AGE_ROUND = re.compile(r"(?<![가-힣])(육|칠|팔|구)순(?=\s|$|이|된|넘|잔치)")
# English ages: "she is 72", "I just turned 65", "72 years old".
_AGE_ENGLISH = re.compile(r"(?:\b(?:is|turned|turning|am|i'm|im|aged|age|he's|she's)\s(\d{2,3})(?!\d)"
                          r"|(?<!\d)(\d{2,3})\s?(?:years?|yrs?)\b)", re.IGNORECASE)
_RECEIPT = re.compile(r"(?<![0-9A-Za-z])([0-9A-Za-z]*\d[0-9A-Za-z]*(?:-[0-9A-Za-z]+)+)")
_RECEIPT_PLAIN = re.compile(r"(?:접수\s?번호|receipt|번호)\s?(?:는|가|은)?\s?(\d{4,})")
# A receipt read out in groups, kept as said: "2AA 2410 0034567".
_RECEIPT_SPOKEN = re.compile(r"(?<![0-9A-Za-z])((?:[0-9A-Za-z]*\d[0-9A-Za-z]*\s){1,3}[0-9A-Za-z]*\d[0-9A-Za-z]*)(?![0-9A-Za-z])")
_DIRECTION = re.compile(r"(\S+?)\s?(?:방면|방향|쪽으로 가는|쪽|으로 가는|로 가는|가는|행\b)")
_PARTICLE_TAIL = re.compile(r"(으로|에서|까지|쪽|로|에|은|는|이|가|을|를|도|요)$")
_STOP_CONTEXT = ("에서", "서", "정류장", "정류소", "앞", "에", "stop", "busstop")
_LATIN = re.compile(r"[a-z]{3}")


# Words that point at an area: a bare station name before them is a place ("반포 쪽에 따릉이").
_AREA_WORDS = ("쪽", "근처", "부근", "일대", "인근")


@dataclass(frozen=True)
class Found:
    """Everything recognised in one utterance, before the intent is known."""

    compact: str
    mentions: tuple[Mention, ...]
    stops: tuple[Mention, ...]
    route: str | None
    line: str | None
    direction: str | None
    receipt: str | None
    age: int | None

    def types(self) -> set[str]:
        types = {entry.type for mention in self.mentions for entry in mention.entries}
        if self.places():
            types.add("place")
        for name in ("route", "line", "direction", "receipt", "age"):
            if getattr(self, name) is not None:
                types.add(name)
        if self.stops:
            types.add("stop")
        # A number said alone that may be an age ("칠십여섯 의료급여 돼요"): evidence for an eligibility question.
        if self.age is None and _BARE_AGE.search(self.compact):
            types.add("bare_age")
        # A three- or four-digit number with no line, receipt or age said may be a bus route (7011).
        if self.route is None and self.line is None and self.receipt is None and self.age is None \
                and _BARE_ROUTE.search(self.compact):
            types.add("bare_number")
        return types

    def first(self, entry_type: str) -> str | None:
        for mention in self.mentions:
            values = mention.values(entry_type)
            if values:
                return values[0]
        return None

    def places(self, destinations: bool = True) -> list[str]:
        """Places as said: 구, 동, landmarks and stations said with 역 (영등포역).

        A 구 said right before a 동 ("마포구 망원동") is one place, reported as said. Without
        ``destinations``, a place one is going to ("노들섬 가서 자전거 타려는데") is left out.
        """
        places: list[str] = []
        previous: Mention | None = None
        for mention in self.mentions:
            if not destinations and self.compact[mention.end:].startswith(DESTINATION_MARKS):
                continue
            if previous is not None and previous.has("gu") and mention.has("dong") and previous.end == mention.start:
                places[-1] = places[-1] + " " + mention.name_of("dong")
                previous = None
                continue
            previous = mention
            crossing = next((s for s in CROSSING_SUFFIXES if self.compact[mention.end:].startswith(s)), None)
            road = _road_suffix(self.compact, mention)
            if crossing and any(mention.has(t) for t in ("dong", "station", "gu", "landmark", "stop")):
                places.append(self.compact[mention.start:mention.end] + crossing)
            elif road and any(mention.has(t) for t in ("dong", "station", "landmark")):
                places.append(self.compact[mention.start:mention.end] + road)
            elif mention.has("station") and self.compact[mention.end:].startswith("역"):
                # An exit said after the station is where to meet: 신림역 2번 출구 (이번 = 2 here).
                places.append(mention.name_of("station") + "역" + _exit_after(self.compact[mention.end + 1:]))
            elif mention.has("station") and mention.surface.endswith("역"):
                places.append(mention.surface)  # a station whose name ends in 역 (서울역)
            elif mention.has("station") and self.compact[mention.end:].startswith(_AREA_WORDS):
                places.append(mention.name_of("station"))  # a district said by its station: 노원 쪽, 반포 근처
            else:
                kind = next((t for t in PLACE_TYPES if mention.has(t)), None)
                if kind is not None:
                    places.append(mention.name_of(kind))
        if not places and _LATIN.search(self.compact):
            # In English a station said bare ("near Gangnam") is the place; in Korean a station
            # name hides inside too many words (거여 in 빌리는거여) to trust it without 역.
            places += [m.name_of("station") for m in self.mentions if m.has("station")][:1]
        return places


_EXIT = re.compile(r"(\d{1,2}|[일이삼사오육칠팔구]|십[일이삼사오육칠팔구]?)번출구")
_DIGIT_WORDS = dict(zip("일이삼사오육칠팔구", "123456789"))


def _exit_after(rest: str) -> str:
    """" N번출구" when an exit number follows a station (digits or a Korean number word)."""
    match = _EXIT.match(rest)
    if match is None:
        return ""
    number = match.group(1)
    if not number.isdigit():
        tens, _, unit = number.rpartition("십")
        number = str((10 if number.startswith("십") else 0) + int(_DIGIT_WORDS.get(unit, "0")))
    return f" {number}번출구"


# Taking back a detail just said: "삼호선 말고 육호선", "2호선 아니 4호선".
_TAKEN_BACK = re.compile(r"(?:^|\s)(?:말고|아니|아니고|아니라|아니다|no|not)(?:\s|$)")


def _meant(matches: list[re.Match[str]], corrected: bool) -> re.Match[str] | None:
    """The detail meant: the first said, or the last when one was taken back for another."""
    if not matches:
        return None
    return matches[-1] if corrected and len(matches) > 1 else matches[0]


def find_route(compact: str, village_prefixes: tuple[str, ...], spaced: str = "") -> str | None:
    """Bus route number: 마포09 (village), N16 (night), 472번 / 472 버스 (trunk)."""
    # When two are said ("마포16 아니 마포15"), the correction, said last, counts.
    village = [(match.start(), prefix + match.group(1)) for prefix in village_prefixes
               for match in re.finditer(rf"{prefix}(\d{{2}})(?!\d)", compact)]
    if village:
        return max(village)[1]
    # English runs words together in the compact form ("then26"), so night routes are read spaced.
    match = _NIGHT_ROUTE.search(spaced) or _NIGHT_ROUTE.search(compact)
    if match:
        return "N" + match.group(1)
    match = _LETTERED_ROUTE.search(spaced)
    if match and not match.group(1).lower().startswith("n"):
        return match.group(1).upper()
    # "칠공이사 아니 칠공이이 언제 와": a route taken back for another, the one said last.
    match = _meant(list(_ROUTE_WITH_COUNTER.finditer(compact)), _TAKEN_BACK.search(spaced) is not None)
    return match.group(1) if match else None


def _road_suffix(compact: str, mention: Mention) -> str | None:
    """"대로" or "로" that makes a road of a place name: 천호대로, 봉천로.

    After a name ending in a consonant other than ㄹ, 로 cannot be the particle (that would be
    으로: 봉천으로), so 봉천로 is the road; after 마포 or 서울 it may be "to", and is left alone.
    """
    rest = compact[mention.end:]
    if rest.startswith("대로"):
        return "대로"
    last = compact[mention.end - 1] if mention.end > 0 else ""
    if rest.startswith("로") and is_syllable(last) and decompose(last)[2] not in ("", "ㄹ"):
        return "로"
    return None


def find_bare_route(compact: str, spaced: str = "") -> str | None:
    """A bare three- or four-digit number, read as a route once the intent is known to be a bus;
    of two with a correction between them ("7024 아니 7022"), the one said last."""
    match = _meant(list(_BARE_ROUTE.finditer(compact)), _TAKEN_BACK.search(spaced) is not None)
    return match.group(1) if match else None


def find_line(spaced: str) -> str | None:
    """Subway line; when one is taken back for another ("삼호선 말고 육호선"), the one said last."""
    matches = list(_LINE.finditer(spaced))
    corrected = len(matches) > 1 and _TAKEN_BACK.search(spaced, matches[0].end(), matches[-1].start()) is not None
    chosen = _meant(matches, corrected)
    return (chosen.group(1) or chosen.group(2)) if chosen else None


def find_age(spaced: str) -> int | None:
    """Age in years: 73세, 68 살, 71이에요 (number words are already digits here)."""
    for pattern in (_AGE_COUNTED, _AGE_SAID, _AGE_ENGLISH, _AGE_PASSED):
        for match in pattern.finditer(spaced):
            age = int(next(group for group in match.groups() if group))
            if 10 <= age <= 120:
                return age
    split = _AGE_SPLIT.search(spaced)
    if split:
        return int(split.group(1)) * 10 + _ONES[split.group(2)]
    round_birthday = _AGE_ROUND.search(spaced)
    return _ONES[round_birthday.group(1)] * 10 if round_birthday else None


# A number said alone in an eligibility question is the age ("나 65 혼자 사는데"), unless a unit
# follows it (65만 원, 65평, 65번) or it is a bound, not an age (70 넘었는데, 80쯤).
_BARE_AGE = re.compile(r"(?<![\d.,-])([5-9]\d|1[01]\d)(?![\d.,%]|\s?(?:번|원|만|천|개|분|시|년|월|일|층|호|평|명|대|키로|킬로|kg|cm|m\b|넘|이 넘|쯤|가까|이상|안팎|전후))")


def find_bare_age(spaced: str) -> int | None:
    match = _BARE_AGE.search(spaced)
    return int(match.group(1)) if match else None


def find_receipt(spaced: str) -> str | None:
    match = _RECEIPT.search(spaced)
    if match:
        return match.group(1)
    match = _RECEIPT_SPOKEN.search(spaced)
    if match and len(match.group(1).replace(" ", "")) >= 8:
        return match.group(1)
    match = _RECEIPT_PLAIN.search(spaced)
    return match.group(1) if match else None


def strip_particles(word: str) -> str:
    """망원동이요 → 망원동; a free-text value is reported without its particles."""
    previous = None
    while previous != word and len(word) > 2:
        previous = word
        word = _PARTICLE_TAIL.sub("", word) if len(_PARTICLE_TAIL.sub("", word)) >= 2 else word
    return word


def find_direction(spaced: str, station_names: set[str]) -> str | None:
    """Terminal the train is heading to: the word before 방면/방향/가는."""
    for match in _DIRECTION.finditer(spaced):
        said = match.group(1)
        for word in (said, strip_particles(said)):
            word = word[:-1] if word.endswith("역") and word[:-1] in station_names else word
            if word in station_names:
                return word
        # Run-together speech ("선릉역2호선잠실방면"): the longest station name ending the word.
        for start in range(max(0, len(said) - 8), len(said) - 1):
            if said[start:] in station_names:
                return said[start:]
    return None


def select_stop(stops: tuple[Mention, ...], compact: str) -> str | None:
    """A bus stop named and followed by 에서/정류장/앞, so that any word is not taken for a stop;
    failing that, a stop named after a station ("강남역 언제 와요", "bus 602 at Hapjeong station")."""
    for mention in stops:
        if compact[mention.end:].startswith(_STOP_CONTEXT):
            return mention.name_of("stop")
    return next((m.name_of("stop") for m in stops if m.surface.endswith("역") and len(m.surface) >= 3), None)


def select_station(found: Found, compact: str) -> str | None:
    """The station of a subway question: a station name that is not the direction."""
    candidates = []
    for mention in found.mentions:
        values = mention.values("station")
        if not values:
            continue
        value = values[0]
        if found.direction and value == found.direction:
            continue
        said_with_yeok = compact[mention.end:].startswith("역") or mention.surface.endswith("역")
        candidates.append((not said_with_yeok, mention.start, value))
    if not candidates:
        return None
    return sorted(candidates)[0][2]


def put(slots: dict[str, Any], name: str, value: Any) -> None:
    if value is not None and value != "":
        slots[name] = value
