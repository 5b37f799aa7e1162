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

from collections.abc import Collection
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


def compose(initial: str, vowel: str, final: str = "") -> str:
    """One syllable from its jamo (the inverse of ``decompose``)."""
    return chr(_BASE + (_INITIALS.index(initial) * 21 + _VOWELS.index(vowel)) * 28 + _FINALS.index(final))


def plain(text: str) -> str:
    """Tense onsets made plain, syllable by syllable (칠씹 → 칠십, 재산쎄 → 재산세)."""
    out = []
    for char in text:
        if not is_syllable(char):
            out.append(char)
            continue
        initial, vowel, final = decompose(char)
        out.append(compose(_INITIAL_SOUND.get(initial, initial), vowel, final))
    return "".join(out)


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


# Finals that split in two before a vowel (읽어 = 일거): the first stays, the second moves on.
_SPLIT_FINALS = {"ㄳ": ("ㄱ", "ㅅ"), "ㄵ": ("ㄴ", "ㅈ"), "ㄺ": ("ㄹ", "ㄱ"), "ㄻ": ("ㄹ", "ㅁ"), "ㄼ": ("ㄹ", "ㅂ"),
                 "ㄽ": ("ㄹ", "ㅅ"), "ㄾ": ("ㄹ", "ㅌ"), "ㄿ": ("ㄹ", "ㅍ"), "ㅀ": ("ㄹ", ""), "ㄶ": ("ㄴ", ""), "ㅄ": ("ㅂ", "ㅅ")}
_NASAL_OF = {"ㄱ": "ㅇ", "ㄷ": "ㄴ", "ㅂ": "ㅁ"}
_TENSE_OF = {"ㄱ": "ㄲ", "ㄷ": "ㄸ", "ㅂ": "ㅃ", "ㅅ": "ㅆ", "ㅈ": "ㅉ"}
_WEAK_H_BEFORE = {"ㄴ", "ㄹ", "ㅁ", "ㅇ"}  # ㅎ after a sonorant is barely heard (공중화장실 = 공중와장실)


def pronounced_jamo(text: str, word_starts: Collection[int] = ()) -> list[str]:
    """Each character's jamo as it is *said* in context, for matching what a recogniser wrote.

    A recogniser spells what it hears, and Korean is not said as written: 관악 is said 과낙,
    왕십리 왕심니, 청량리 청냥니, 선릉 설릉, 구의 구이, 공중화장실 공중와장실. Spelling both the
    heard text and the names this way turns those into exact matches. The rules are the
    standard ones where two syllables meet: a final said as the next onset before a vowel
    (the silent ㅇ is dropped, so the final may stay where it is written), nasalisation (ㄱㄷㅂ
    before ㄴㅁ), ㄹ said ㄴ after other consonants, ㄴ and ㄹ together said ㄹㄹ, and ㅎ dropped
    after a sonorant; 의 is said 이. Nothing else is merged, so unrelated short words stay as
    far apart as their spelling. The rules apply within a word only: a recogniser writes a word
    it knows as it is spelled (현수막 민원, not 현수망 민원), so ``word_starts`` (offsets where a
    spoken word began) stop them. One entry per character: positions in it are positions in ``text``.
    """
    parts = _assimilated(text, word_starts, liaison=False)
    out = []
    for char, part in zip(text, parts):
        if part is None:
            out.append(char.lower())
            continue
        initial, vowel, final = part
        out.append(("" if initial == "ㅇ" else initial) + ("ㅣ" if vowel == "ㅢ" else vowel) + final)
    return out


def respelled(text: str) -> str:
    """Text re-spelled the way it sounds, as a recogniser that does not know the word writes it:
    관악구 → 과낙구, 왕십리 → 왕심니, 공중화장실 → 공중와장실 (rules of ``pronounced_jamo``, with
    the final moved to the next syllable before a vowel, ㅎ dropped between vowels too, and the
    consonant after ㄱㄷㅂ said tense: 복지로 → 복찌로)."""
    out = []
    for char, part in zip(text, _assimilated(text, (), liaison=True)):
        if part is None or len(part[2]) > 1 or part[2] not in _FINALS:
            out.append(char)
            continue
        initial, vowel, final = part
        vowel = "ㅣ" if vowel == "ㅢ" and out else vowel
        out.append(compose(initial, vowel, final))
    return "".join(out)


def _assimilated(text: str, word_starts: Collection[int], liaison: bool) -> list[list[str] | None]:
    """(initial, vowel, final) of each character after the sound changes where syllables meet.

    With ``liaison`` a final before a vowel moves to the next syllable (관악 → 과낙); without it
    the final stays where it is written (the silent ㅇ is dropped later, so it sounds the same).
    """
    parts = [list(decompose(ch)) if is_syllable(ch) else None for ch in text]
    for index in range(len(parts) - 1):
        here, after = parts[index], parts[index + 1]
        if here is None or after is None or not here[2] or index + 1 in word_starts:
            continue
        written, initial = here[2], after[0]
        if initial == "ㅇ":
            first, second = _SPLIT_FINALS.get(written, ("", written)) if written != "ㅎ" else ("", "")
            if liaison and second and second in _INITIALS and second not in ("ㅇ", "ㄸ", "ㅃ", "ㅉ"):
                here[2], after[0] = first, second
            else:
                here[2] = first + second
            continue
        final = _FINAL_SOUND.get(written, written)
        if initial == "ㄹ" and final in ("ㄴ", "ㄹ"):
            here[2], after[0] = "ㄹ", "ㄹ"
        elif final == "ㄹ" and initial == "ㄴ":
            after[0] = "ㄹ"
        else:
            if initial == "ㄹ":
                after[0] = initial = "ㄴ"
            if initial in ("ㄴ", "ㅁ") and final in _NASAL_OF:
                here[2] = _NASAL_OF[final]
            if initial == "ㅎ" and final in _WEAK_H_BEFORE:
                after[0] = "ㅇ"
    if liaison:
        for here, after in zip(parts, parts[1:]):
            if here is None or after is None:
                continue
            if not here[2] and after[0] == "ㅎ":
                after[0] = "ㅇ"  # re-spelled names drop ㅎ between vowels too (소화기 → 소와기)
            elif _FINAL_SOUND.get(here[2], here[2]) in ("ㄱ", "ㄷ", "ㅂ") and after[0] in _TENSE_OF:
                after[0] = _TENSE_OF[after[0]]  # and are said tense after ㄱㄷㅂ (복지로 → 복찌로)
    return parts
