"""Turning what a citizen said about a place into lookup keys.

Speech recognition and typing drop or add spaces freely in Korean ("신림 동", "신림동"), and
people add "근처", "쪽", "앞" to a place name, so every name and every query goes through the
same normaliser before a dictionary lookup.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"[\s·.,()\-_/]+")
_TRAILERS = ("근처에서", "근처에", "근처", "주변에", "주변", "부근", "인근", "쪽에", "쪽", "앞에", "앞",
             "에서", "이요", "에")
HERE_WORDS = ("여기", "이근처", "근처", "내위치", "현재위치", "현위치", "이동네", "우리동네", "우리집", "집근처",
              "가까운곳", "가까운데", "제위치", "지금위치")
ARS_PATTERN = re.compile(r"^\d{5}$")


def key(text: str) -> str:
    """Lower-cased, without spaces and punctuation."""
    return _SPACES.sub("", text or "").lower()


def place_key(text: str) -> str:
    """A place query without trailing particles and vague words like 근처."""
    value = key(text)
    changed = True
    while changed and value:
        changed = False
        for trailer in _TRAILERS:
            if value.endswith(trailer) and len(value) > len(trailer) + 1:
                value = value[: -len(trailer)]
                changed = True
    return value


def means_here(text: str | None) -> bool:
    value = key(text or "")
    return not value or value in HERE_WORDS


def without_station_suffix(name: str) -> str:
    """"시청역" -> "시청"; the data names stations without 역 (except a few like 서울역 -> 서울)."""
    return name[:-1] if name.endswith("역") and len(name) > 1 else name


def park_aliases(name: str) -> set[str]:
    """"여의도근린공원" is "여의도공원" to most people; "응봉공원 (대현산배수지공원)" is either name."""
    base = re.sub(r"\(.*?\)", "", name)
    names = {key(base), key(name)}
    for inner in re.findall(r"\((.*?)\)", name):
        names.add(key(inner))
    for word in ("근린", "도시자연", "생태"):
        names |= {n.replace(word, "") for n in list(names)}
    return {n for n in names if len(n) >= 2}


def has_final_consonant(word: str) -> bool:
    """Whether the last syllable has a 받침; digits and Latin letters are read aloud."""
    for ch in reversed(word.strip()):
        if "가" <= ch <= "힣":
            return (ord(ch) - 0xAC00) % 28 != 0
        if ch.isdigit():
            return ch in "013678"
        if ch.isalpha():
            return ch.lower() in "lmn"
    return False


def topic(word: str) -> str:
    """word + 은/는."""
    return word + ("은" if has_final_consonant(word) else "는")


def copula(word: str) -> str:
    """word + 이에요/예요."""
    return word + ("이에요" if has_final_consonant(word) else "예요")


def subject(word: str) -> str:
    """word + 이/가."""
    return word + ("이" if has_final_consonant(word) else "가")


def toward(word: str) -> str:
    """word + 으로/로 (로 after a vowel or ㄹ: 봉천로로, 망원동으로)."""
    last = next((ch for ch in reversed(word.strip()) if "가" <= ch <= "힣"), "")
    if last and (ord(last) - 0xAC00) % 28 == 8:  # final ㄹ
        return word + "로"
    return word + ("으로" if has_final_consonant(word) else "로")
