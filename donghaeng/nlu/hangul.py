"""Hangul arithmetic: jamo decomposition and a "sounds-alike" key for matching.

Speech recognisers and hurried typing confuse spellings that sound the same: 잇다/있다,
낫어요/났어요, 가야대/가야돼, 끈을께/끊을게, 조은/좋은. Matching phrases and names on a
*sound key* instead of the spelling makes every phrase in the data files tolerant of these
errors for free, without listing misspellings one by one.

The key spells every character as exactly three symbols (initial, vowel, final or ``_``), so
a match found in the key string always starts on a syllable boundary and ``pos // 3`` is the
syllable index in the original text. Decomposition is done with code-point arithmetic rather
than a library call because it runs on every utterance and every phrase.
"""

from __future__ import annotations

from functools import lru_cache

_BASE = 0xAC00
_LAST = 0xD7A3
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", "ㄱ", "ㄲ", "ㄳ", "ㄴ", "ㄵ", "ㄶ", "ㄷ", "ㄹ", "ㄺ", "ㄻ", "ㄼ", "ㄽ", "ㄾ", "ㄿ", "ㅀ",
           "ㅁ", "ㅂ", "ㅄ", "ㅅ", "ㅆ", "ㅇ", "ㅈ", "ㅊ", "ㅋ", "ㅌ", "ㅍ", "ㅎ"]

# Tense initials are heard and typed as plain ones (께/게, 딴/단); aspirates stay distinct
# because they separate real words (차/자, 팔/발) more often than they cause errors.
_INITIAL_SOUND = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
# ㅐ/ㅔ and ㅙ/ㅞ/ㅚ are not distinguished by most speakers (대/돼, 게/개).
_VOWEL_SOUND = {"ㅐ": "ㅔ", "ㅙ": "ㅔ", "ㅞ": "ㅔ", "ㅚ": "ㅔ", "ㅒ": "ㅖ"}
# Final consonants are pronounced as one of seven; ㅎ is silent (좋은 = 조은).
_FINAL_SOUND = {
    "ㄲ": "ㄱ", "ㅋ": "ㄱ", "ㄳ": "ㄱ", "ㄺ": "ㄱ",
    "ㄵ": "ㄴ", "ㄶ": "ㄴ",
    "ㅅ": "ㄷ", "ㅆ": "ㄷ", "ㅈ": "ㄷ", "ㅊ": "ㄷ", "ㅌ": "ㄷ",
    "ㄼ": "ㄹ", "ㄽ": "ㄹ", "ㄾ": "ㄹ", "ㅀ": "ㄹ",
    "ㄻ": "ㅁ", "ㅄ": "ㅂ", "ㅍ": "ㅂ", "ㅎ": "",
}


def is_syllable(char: str) -> bool:
    """True for a precomposed Hangul syllable (가..힣)."""
    return _BASE <= ord(char) <= _LAST


def decompose(char: str) -> tuple[str, str, str]:
    """Split one syllable into (initial, vowel, final); non-syllables come back as (char, '', '')."""
    code = ord(char) - _BASE
    if code < 0 or code > _LAST - _BASE:
        return char, "", ""
    initial, rest = divmod(code, 21 * 28)
    vowel, final = divmod(rest, 28)
    return _INITIALS[initial], _VOWELS[vowel], _FINALS[final]


def to_jamo(text: str) -> str:
    """Spell text as a flat jamo string, used for edit-distance on mis-heard names.

    Edit distance over jamo separates 경노당→경로당 (one jamo off) from unrelated names far
    better than over whole syllables, where any change costs a full character.
    """
    return "".join("".join(decompose(ch)) for ch in text)


@lru_cache(maxsize=8192)
def sound_of(char: str, strict: bool = False) -> str:
    """Three-symbol sound key of one character (see the module docstring).

    ``strict`` keeps initials and vowels as written and only neutralises final consonants
    (쓰러졋/쓰러졌): used for emergency phrases, where 때리고 must not match 데리고.
    """
    if not is_syllable(char):
        return char.lower() + "__"
    initial, vowel, final = decompose(char)
    if not strict:
        initial = _INITIAL_SOUND.get(initial, initial)
        vowel = _VOWEL_SOUND.get(vowel, vowel)
    final = _FINAL_SOUND.get(final, final)
    return initial + vowel + (final or "_")


def sound_key(text: str, strict: bool = False) -> str:
    """Sound key of a whole string: three symbols per character, boundaries preserved."""
    return "".join(sound_of(ch, strict) for ch in text)
