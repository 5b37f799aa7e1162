"""Number words written as they sound, back to their spelling.

A recogniser that does not know a number word writes what it hears, and Korean numbers are
not said as written: 백오십 is said 배고십, 백육십이 뱅뉵씨비, 이십육 이심뉵, 칠십 칠씹, 사칠이 사치리.
The digit rules of ``numerals`` read spellings, so this module maps each heard form back to
the spelling first. The heard forms are generated from the spellings by the standard sound
changes (``hangul.respelled``: liaison, nasalisation, tensing) plus ㄴ inserted before 육
(십육 → 심뉵), and compared with tense onsets made plain (씹 = 십), so 칠씹 and 칠십 are one.

A heard form is rewritten only where a number is expected (right before 번, 호선, 세, 살 or
버스, or after 엔 for a night bus) or where it cannot be an ordinary word (three syllables or
more that carry a unit, or a tensed 씹): 시비 and 배고 stay words elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from donghaeng.nlu.hangul import plain, respelled

_DIGITS = "영일이삼사오육칠팔구"
_COUNTER_AFTER = re.compile(r"^\s?(?:번|호선|세|살|버스|뻐스)")
_COUNTER_GLUED = re.compile(r"(번|호선|세|살|버스|뻐스)$")
_HANGUL_RUN = re.compile(r"[가-힣]+")
_NIGHT_BEFORE = re.compile(r"(?:^|\s)(?:엔|N|n)\s?$")


def _positional(number: int) -> str:
    """Sino-Korean spelling of 1..9999 with units (1711 → 천칠백십일)."""
    words = []
    for unit_value, unit in ((1000, "천"), (100, "백"), (10, "십")):
        digit, number = divmod(number, unit_value)
        if digit:
            words.append(("" if digit == 1 else _DIGITS[digit]) + unit)
    if number:
        words.append(_DIGITS[number])
    return "".join(words)


def _heard_forms(spelling: str) -> set[str]:
    forms = {spelling, respelled(spelling)}
    # ㄴ inserted before 육 after a final consonant: 십육 [심뉵], 백육 [뱅뉵], 칠육 [칠륙].
    inserted = re.sub(r"(?<=[십백천육칠팔일삼])육", "뉵", spelling)
    if inserted != spelling:
        forms |= {inserted, respelled(inserted)}
    return {plain(form) for form in forms}


@lru_cache(maxsize=1)
def _heard_to_spelling() -> dict[str, str]:
    """Every heard form of 1..9999 said with units and of two- to four-digit runs said digit by digit."""
    spellings = [_positional(n) for n in range(1, 10000)]
    spellings += ["".join(_DIGITS[int(d)] if d != "0" else "공" for d in str(n).zfill(width))
                  for width in (2, 3, 4) for n in range(10 ** width)]
    table: dict[str, str] = {}
    for spelling in spellings:
        for form in _heard_forms(spelling):
            table.setdefault(form, spelling)
    return table


def _expected_here(text: str, start: int, end: int, word: str) -> bool:
    if _COUNTER_AFTER.match(text[end:]) or _NIGHT_BEFORE.search(text[:start]):
        return True
    return "씹" in word or (len(word) >= 3 and any(unit in plain(word) for unit in "십백천"))


def spell_heard_numbers(text: str) -> str:
    """Rewrite number words written as heard (배고십번 → 백오십번) where a number is expected."""
    table = _heard_to_spelling()

    def rewrite(match: re.Match[str]) -> str:
        word = match.group(0)
        counter = _COUNTER_GLUED.search(word)
        body = word[:counter.start()] if counter and counter.start() > 0 else word
        spelling = table.get(plain(body))
        if spelling is None or spelling == body:
            return word
        end = match.start() + len(body)
        if not (counter or _expected_here(match.string, match.start(), end, body)):
            return word
        return spelling + word[len(body):]

    return _HANGUL_RUN.sub(rewrite, text)
