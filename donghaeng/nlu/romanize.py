"""Korean place names in Revised Romanization, so English requests name Seoul places.

Foreign residents say "near Jamsil-dong", "Ttukseom station", "Mapo-gu": the romanised
spelling on the signs. We romanise every 구, 동, station and landmark of the gazetteer once
at load time (``romanize`` follows the 2000 Revised Romanization with the sound changes the
signs use: 왕십리 Wangsimni, 신림 Sillim, 종로 Jongno) and rewrite those words back into
Korean before matching, so every later stage sees "near 잠실동" and the slots come out in
Korean. Matching ignores case, hyphens and spaces; -dong/-gu are part of the name, and a
following "station" becomes 역.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from donghaeng.nlu.hangul import decompose, is_syllable

_INITIAL = {"ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄸ": "tt", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅃ": "pp",
            "ㅅ": "s", "ㅆ": "ss", "ㅇ": "", "ㅈ": "j", "ㅉ": "jj", "ㅊ": "ch", "ㅋ": "k", "ㅌ": "t", "ㅍ": "p", "ㅎ": "h"}
_VOWEL = {"ㅏ": "a", "ㅐ": "ae", "ㅑ": "ya", "ㅒ": "yae", "ㅓ": "eo", "ㅔ": "e", "ㅕ": "yeo", "ㅖ": "ye", "ㅗ": "o",
          "ㅘ": "wa", "ㅙ": "wae", "ㅚ": "oe", "ㅛ": "yo", "ㅜ": "u", "ㅝ": "wo", "ㅞ": "we", "ㅟ": "wi", "ㅠ": "yu",
          "ㅡ": "eu", "ㅢ": "ui", "ㅣ": "i"}
# Final consonants as pronounced at the end of a word (one of seven sounds).
_FINAL = {"": "", "ㄱ": "k", "ㄲ": "k", "ㄳ": "k", "ㄺ": "k", "ㅋ": "k", "ㄴ": "n", "ㄵ": "n", "ㄶ": "n", "ㄷ": "t",
          "ㅅ": "t", "ㅆ": "t", "ㅈ": "t", "ㅊ": "t", "ㅌ": "t", "ㅎ": "t", "ㄹ": "l", "ㄼ": "l", "ㄽ": "l", "ㄾ": "l",
          "ㅀ": "l", "ㅁ": "m", "ㄻ": "m", "ㅂ": "p", "ㅄ": "p", "ㅍ": "p", "ㄿ": "p", "ㅇ": "ng"}
# Before a vowel a final consonant is heard as the next syllable's initial (종암 stays jongam).
_LIAISON = {"ㄱ": "g", "ㄲ": "kk", "ㄴ": "n", "ㄷ": "d", "ㄹ": "r", "ㅁ": "m", "ㅂ": "b", "ㅅ": "s", "ㅆ": "ss",
            "ㅈ": "j", "ㅊ": "ch", "ㅌ": "t", "ㅍ": "p", "ㅎ": ""}
_VELAR, _DENTAL, _LABIAL = frozenset("ㄱㄲㅋㄳㄺ"), frozenset("ㄷㅅㅆㅈㅊㅌ"), frozenset("ㅂㅍㅄㄿ")


def _join(final: str, initial: str) -> tuple[str, str]:
    """Romanised (final, next initial) with the sound changes across a syllable boundary."""
    if not final:
        return "", _INITIAL[initial]
    if initial == "ㅇ":
        return ("ng", "") if final == "ㅇ" else ("", _LIAISON.get(final, _FINAL[final]))
    nasal_next = initial in ("ㄴ", "ㅁ")
    if initial == "ㄹ":
        if final in ("ㄹ", "ㄴ"):
            return "l", "l"                                   # 신림 Sillim, 물레 mulle
        if final in _VELAR:
            return "ng", "n"                                  # 독립 dongnip
        if final in _LABIAL:
            return "m", "n"                                   # 왕십리 Wangsimni
        return _FINAL[final], "n"                             # 종로 Jongno, 침류 chimnyu
    if final == "ㄹ" and initial == "ㄴ":
        return "l", "l"                                       # 설날 seollal
    if nasal_next and final in _VELAR:
        return "ng", _INITIAL[initial]                        # 국민 gungmin
    if nasal_next and final in _DENTAL:
        return "n", _INITIAL[initial]
    if nasal_next and final in _LABIAL:
        return "m", _INITIAL[initial]
    return _FINAL[final], _INITIAL[initial]


def romanize(text: str) -> str:
    """Revised Romanization of Hangul (other characters kept): 뚝섬 → ttukseom, 왕십리 → wangsimni."""
    out: list[str] = []
    parts = [decompose(ch) if is_syllable(ch) else None for ch in text]
    for index, ch in enumerate(text):
        part = parts[index]
        if part is None:
            out.append(ch.lower())
            continue
        initial, vowel, final = part
        if index == 0 or parts[index - 1] is None:
            out.append(_INITIAL[initial])
        out.append(_VOWEL[vowel])
        following = parts[index + 1] if index + 1 < len(parts) else None
        if following is None:
            out.append(_FINAL[final])
            continue
        final_sound, next_initial = _join(final, following[0])
        out.append(final_sound + next_initial)
    return "".join(out)


def latin_key(text: str) -> str:
    """Case, hyphens, spaces and apostrophes do not matter: Jamsil-dong = jamsil dong = jamsildong."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


_WORD = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)*")
_STATION_WORDS = ("station", "stn", "yeok")
MIN_BARE_LETTERS = 5  # shorter romanised names (Mok, Jung) are English words too often
_ENGLISH = frozenset({"seoul", "korea", "korean", "there", "where", "about", "place", "state", "dongs", "guide",
                      "senior", "center", "ondol", "hanok", "kimchi", "bulgogi"})


@dataclass(frozen=True)
class LatinPlaces:
    """Romanised place names → the Korean name, matched over runs of one to three words."""

    names: dict[str, str]

    @classmethod
    def build(cls, korean_names: Iterable[str], english: Iterable[tuple[str, str]] = ()) -> "LatinPlaces":
        """``english``: (English name, Korean name) pairs such as ("Konkuk University", "건대입구")."""
        names: dict[str, str] = {}
        for said, korean in english:
            names.setdefault(latin_key(said.lower().replace(" ", "")), korean.replace(" ", ""))
        for name in sorted(set(korean_names), key=lambda name: (len(name), name)):  # shortest first, then a fixed order
            compact = name.replace(" ", "")
            if len(compact) < 2 or not all(is_syllable(ch) or ch.isdigit() for ch in compact):
                continue
            key = latin_key(romanize(compact))
            names.setdefault(key, compact)
            for suffix in ("동", "구", "역"):
                if compact.endswith(suffix) and len(compact) >= 3:
                    names.setdefault(latin_key(romanize(compact[:-1])), compact[:-1])
        return cls(names)

    def rewrite(self, spaced: str) -> str:
        """Romanised place words in (lower-case) text replaced by the Korean names."""
        words = _WORD.findall(spaced)
        if not words:
            return spaced
        tokens = spaced.split(" ")
        out: list[str] = []
        index = 0
        while index < len(tokens):
            replaced = self._match_at(tokens, index)
            if replaced is None:
                out.append(tokens[index])
                index += 1
                continue
            korean, used = replaced
            if index + used < len(tokens) and latin_key(tokens[index + used]) in _STATION_WORDS:
                korean, used = (korean if korean.endswith("역") else korean + "역"), used + 1
            out.append(korean)
            index += used
        return " ".join(out)

    def _match_at(self, tokens: list[str], index: int) -> tuple[str, int] | None:
        for used in (6, 5, 4, 3, 2, 1):
            if index + used > len(tokens):
                continue
            said = tokens[index:index + used]
            if not all(t.isascii() for t in said):
                continue
            key = latin_key("".join(said))
            korean = self.names.get(key)
            if korean is None or key in _ENGLISH:
                continue
            suffixed = korean.endswith(("동", "구", "역")) and len(korean) >= 3
            next_word = latin_key(tokens[index + used]) if index + used < len(tokens) else ""
            if len(key) < MIN_BARE_LETTERS and not suffixed and next_word not in _STATION_WORDS:
                continue
            return korean, used
        return None
