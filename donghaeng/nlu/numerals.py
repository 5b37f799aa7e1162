"""Korean number words to digits, only where a slot wants digits.

A recogniser writes what it hears: "사칠이번" (472, read digit by digit), "백사십삼번" (143),
"엔이십육" (N26), "칠십삼세", "일흔셋" (73), "이호선" (line 2), "관악 공이" (관악02).
Rewriting every number word blindly would break ordinary words (이번 주, 사이, 이사), so
each rule fires only in a context that asks for a number: before a counter (번, 호선, 세,
살), after a route prefix, or as a native age word that has no other meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from donghaeng.nlu.hangul import respelled
from donghaeng.nlu.heard_numbers import spell_heard_numbers

SINO_DIGITS = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6,
               "칠": 7, "팔": 8, "구": 9}
SINO_UNITS = {"십": 10, "백": 100, "천": 1000}
NATIVE_TENS = {"열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50, "예순": 60,
               "일흔": 70, "여든": 80, "아흔": 90}
NATIVE_UNITS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4,
                "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9}

_SINO = "공영일이삼사오육륙칠팔구십백천"
_SINO_RUN = f"[{_SINO}]+"
# Age tens that mean nothing else in everyday speech (쉰, 열, 스물 are left alone).
_AGE_TENS = ("서른", "마흔", "예순", "일흔", "여든", "아흔")
_UNIT_WORDS = "|".join(sorted(NATIVE_UNITS, key=len, reverse=True))
_NATIVE_AGE = re.compile(
    rf"({'|'.join(_AGE_TENS)})\s?({_UNIT_WORDS})?(?=\s?(살|세)|[^가-힣]|$|[이예에요셔신시여인지라은도쯤넘된되야면])"
)
# 쉰 and 스물 are ages only with a native unit after them (쉰다섯, 스물여덟); 쉰 alone is "rested".
_NATIVE_TENS_WITH_ONES = re.compile(
    r"(?<!\S)(쉰|스물)\s?(하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉)(?=\s?(살|세)|[^가-힣]|$|[이예에요셔신시여인지라은도쯤넘된되야면])")
# "칠십 하나 먹었어": Sino tens with a native unit, as people say their age.
_NATIVE_ONES = "하나|둘|셋|넷|다섯|여섯|일곱|여덟|아홉"
_AGE_VERB = r"(?=\s?(?:살|세|먹|묵|잡수|자셨|드셨|되|됐|이에요|이예요|예요|이야|인데|인디|이라|이요|입니다|이고|이여|이유|이오|고(?:\s|$)|$))"
_SINO_TENS_NATIVE_ONES = re.compile(rf"(?<!\S)([이삼사오육칠팔구]십)\s?({_NATIVE_ONES})(?:{_AGE_VERB}|(?=\s))")


def _mixed_age_rule(match: re.Match[str]) -> str:
    return str(int(parse_sino(match.group(1)) or 0) + NATIVE_UNITS[match.group(2)])


# The tens words left out of _AGE_TENS (열, 스물/스무, 쉰) are ages right before 살 or 세: "스무 살" → 20 살.
_NATIVE_TENS_COUNTED = re.compile(
    rf"(?<!\S)({'|'.join(t for t in NATIVE_TENS if t not in _AGE_TENS)})\s?({_UNIT_WORDS})?(\s?(?:살|세))")
_SINO_BEFORE_COUNTER = re.compile(rf"({_SINO_RUN})\s?(번|호선|세|살|센(?=디|데))")  # 센디 = 세인디
_N_ROUTE = re.compile(rf"(?:(?<=\s)|^)(엔|N|n)\s?({_SINO_RUN})(?=\s|번|버스|$)")
_STANDALONE_SINO = re.compile(rf"(?:(?<=\s)|^)({_SINO_RUN}?)(?=\s|$|이?(?:요|에요|예요|야|고|신데|셔|세요|입니다)(?:\s|$)|(?:인데예|인데유|인데요|인데|인디요|인디|이라예|이라요|이라|이여|이유)(?:\s|$)|에(?:\s|$))")


# "내 육십구다", "칠십삼이다" (I am 69, 73): a number with 십 before the plain copula (이)다;
# as with 이에요, 칠십이다 is 70 + 이다.
_TENS_BEFORE_DA = re.compile(rf"(?<!\S)([{_SINO}]*십[{_SINO}]??)(?=이?다(?:\s|$))")


def parse_sino(word: str) -> str | None:
    """Value of a Sino-Korean number word as a digit string.

    With units (백사십삼 → "143") it is read positionally; without units (사칠이 → "472",
    공이 → "02") digit by digit, keeping leading zeros because route numbers have them.
    """
    if not word or any(ch not in SINO_DIGITS and ch not in SINO_UNITS for ch in word):
        return None
    if not any(ch in SINO_UNITS for ch in word):
        return "".join(str(SINO_DIGITS[ch]) for ch in word)
    total, digit, last_unit = 0, None, 10 ** 9
    for ch in word:
        if ch in SINO_DIGITS:
            if digit is not None:
                return None  # two digits in a row inside a unit reading: not a number
            digit = SINO_DIGITS[ch]
        else:
            if SINO_UNITS[ch] >= last_unit:
                return None  # units fall in a number (천백십); 천천 (of 천천히) is no number
            last_unit = SINO_UNITS[ch]
            total += (1 if digit is None else digit) * SINO_UNITS[ch]
            digit = None
    if digit is not None:
        total += digit
    return str(total)


def parse_native(tens: str, unit: str | None) -> int:
    """Value of a native-Korean age word such as 일흔 + 셋 → 73."""
    return NATIVE_TENS[tens] + (NATIVE_UNITS[unit] if unit else 0)


def _counter_rule(match: re.Match[str]) -> str:
    word, counter = match.group(1), match.group(2)
    has_unit = any(ch in SINO_UNITS for ch in word)
    # "이번"/"삼번 출구" are ordinary words: a bare digit run needs two or more digits,
    # except before 호선 where a single digit is the normal way to say a line.
    if counter != "호선" and not has_unit and len(word) < 2:
        return match.group(0)
    if counter in ("세", "살") and not has_unit:
        return match.group(0)  # ages are said with 십 (칠십삼세); "이사 세" is not 24
    value = parse_sino(word)
    if value is None:
        return match.group(0)
    return value + counter


def _n_route_rule(match: re.Match[str]) -> str:
    value = parse_sino(match.group(2))
    return "N" + value if value else match.group(0)


def _standalone_rule(match: re.Match[str]) -> str:
    """Number words standing alone: with units ("정부 이십사") or three digits or more."""
    word = match.group(1)
    has_unit = any(ch in SINO_UNITS for ch in word)
    if (has_unit and len(word) >= 2) or len(word) >= 3:
        rest = match.string[match.end():]
        # "구십이에요" is 90 + 이에요 (after 십 the copula is 이에요; 92 would be "구십이예요"), and
        # "칠십일이라예" is 71 + 이라예: the copula's 이 was read into the number run.
        if has_unit and word.endswith("이") and parse_sino(word[:-1]) is not None and (
                rest.startswith(("에요", "었", "였", "라")) or parse_sino(word) is None):
            return parse_sino(word[:-1]) + "이"
        value = parse_sino(word)
        if value is not None:
            return value
    return word


def _route_prefix_rule(prefixes: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(prefixes, key=len, reverse=True))
    # 관악 공이 (02), 마포 구번, and a village number said with 십: 성북 이십 (20), 강서 십오 (15).
    return re.compile(rf"({alternatives})\s?([공영][{_SINO}]|[{_SINO}]{{2}}(?=번|\s(?:그\s)?마을)"
                      rf"|[일이삼사오육칠팔구]?십[일이삼사오육칠팔구]?(?=\s|번|마을|버스|$))")


@lru_cache(maxsize=4)
def _route_prefix_reader(prefixes: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The prefix pattern, with each prefix also as it sounds (종로 said 종노, 관악 과낙)."""
    heard = {respelled(prefix): prefix for prefix in prefixes if respelled(prefix) not in prefixes}
    return _route_prefix_rule(prefixes + tuple(heard)), heard


def _route_number(word: str) -> str:
    value = parse_sino(word) or word
    return value.zfill(2) if value.isdigit() else value


# A receipt number read out with 다시 (or 에 다시) for each dash: "칠칠팔에 다시 이공일" → 778-201.
_DIGIT_WORD = f"[{''.join(SINO_DIGITS)}0-9]"
_DASHED_SPOKEN = re.compile(
    rf"(?<!\S)({_DIGIT_WORD}{{2,}})(?:에)?\s?다시\s?({_DIGIT_WORD}{{2,}}?)(?:에)?(?:\s?다시\s?({_DIGIT_WORD}{{2,}}?))?"
    # 이 before 인데 is a digit (칠칠이인데 = 772인데): the copula is 인데 alone.
    rf"(?=(?:이(?:요|에요|예요|야|고|입니다|이라|이여|이유)|요|에요|예요|야|고|인데|인디|입니다|이라|이여|이유|으로|로|은|는|을|를|이|가|번)?"
    rf"(?:\s|$))")


# The same read out one digit (or letter) at a time: "사 공 육 다시 오 오 일" → 406-551,
# "일 비 비 다시 삼칠오공" → 1BB-3750 (receipts carry letters, said as their names).
_LETTER_WORDS = {"에이": "A", "비": "B", "씨": "C", "디": "D", "이에프": "F", "에프": "F", "케이": "K",
                 "엘": "L", "엠": "M", "피": "P", "에스": "S", "티": "T", "엑스": "X", "와이": "Y"}
_GROUP_WORD = rf"(?:{'|'.join(sorted(_LETTER_WORDS, key=len, reverse=True))}|{_DIGIT_WORD}+)"
_GROUP = rf"(?:{_GROUP_WORD}\s){{0,7}}{_GROUP_WORD}"
_SPOKEN_GROUPS = re.compile(rf"(?<!\S)({_GROUP})((?:\s?(?:에\s?)?다시\s?{_GROUP})+)")
_GROUP_SPLIT = re.compile(r"\s?(?:에\s?)?다시\s?")


def _group_value(group: str) -> str | None:
    out = []
    for word in group.split():
        if word in _LETTER_WORDS:
            out.append(_LETTER_WORDS[word])
            continue
        value = word if word.isdigit() else parse_sino(word)
        if value is None:
            return None
        out.append(value)
    return "".join(out)


def _spoken_groups_rule(match: re.Match[str]) -> str:
    groups = [match.group(1)] + _GROUP_SPLIT.split(match.group(2))[1:]
    values = [_group_value(group) for group in groups]
    if any(value is None or len(value) < 2 for value in values) or \
            not any(ch.isdigit() for value in values for ch in value):  # type: ignore[union-attr]
        return match.group(0)
    rest = match.string[match.end():]
    last = groups[-1].split()[-1]
    # "팔 팔 일이요": the 이 before 요 is the copula (881이요), as in _standalone_rule.
    if last.endswith("이") and len(last) > 1 and rest.startswith(("요", "에요", "예요", "야", "고", "라", "다")):
        return "-".join(values)[:-1] + "이"  # type: ignore[arg-type]
    return "-".join(values)  # type: ignore[arg-type]


def _dashed_rule(match: re.Match[str]) -> str:
    groups = [g for g in match.groups() if g]
    parts = [parse_sino(g) if not g.isdigit() else g for g in groups]
    if any(part is None for part in parts):
        return match.group(0)
    return "-".join(parts)


# ... or in tens and ones: "육십 칠 세" is 67.
# (not "송파 구 이번 주": 이번 주 is "this week")
_SPELLED_OUT = re.compile(rf"(?<!\S)((?:[{_SINO}]{{1,2}}\s){{1,5}}[{_SINO}])(?=\s?(?:번(?!\s?[주달])|호선|세|살))")


# Tens and ones said apart before an age ending: "칠십 사인데" is 74, "육십 7세" is 67.
_TENS_THEN_ONES = re.compile(r"(?<!\S)(?<!\s[일이삼사오육칠팔구]\s)(?<!^[일이삼사오육칠팔구]\s)([이삼사오육칠팔구]?십)\s([일이삼사오육칠팔구]|\d)"
                             r"(?=\s?(?:세|살)|(?:인데|인디|이에요|예요|이요|이고|이라|입니다|이여|이야|이유|에)(?:\s|$))")
# Digits and a unit word mixed: "6백 3번" is 603, "3백번" 300.
_DIGIT_HUNDREDS = re.compile(r"(?<![\d-])(\d)\s?백\s?(\d{1,2})?(?=\s?번)")
# Native ones written as heard after an age's tens: "일흔 여덜비요" is 일흔 여덟이요.
_NATIVE_HEARD = {"여덜비": "여덟이", "여더비": "여덟이", "다서시": "다섯이", "여서시": "여섯이",
                 "일고비": "일곱이", "아호비": "아홉이"}
_NATIVE_HEARD_AFTER_TENS = re.compile(rf"({'|'.join(NATIVE_TENS)})\s?({'|'.join(_NATIVE_HEARD)})")


def _tens_then_ones(match: re.Match[str]) -> str:
    ones = match.group(2)
    return str(int(parse_sino(match.group(1)) or 0) + (int(ones) if ones.isdigit() else SINO_DIGITS[ones]))


def _digit_hundreds(match: re.Match[str]) -> str:
    return str(int(match.group(1)) * 100 + int(match.group(2) or 0))


# A line number with 호선 spaced apart by the recogniser: "이 호 선" is 이호선.
_LINE_SPACED = re.compile(r"(?<!\S)([일이삼사오육칠팔구1-9])\s?호\s선(?=\s|$|에|으로|이|은|도)")


def digits_from_words(text: str, route_prefixes: Iterable[str] = ()) -> str:
    """Rewrite number words that sit where a number is expected; leave everything else."""
    # A recogniser may space every syllable of a number: "사 칠 이 번" is one number.
    text = spell_heard_numbers(text)
    text = _NATIVE_HEARD_AFTER_TENS.sub(lambda m: m.group(1) + " " + _NATIVE_HEARD[m.group(2)], text)
    text = _SPELLED_OUT.sub(lambda m: m.group(1).replace(" ", ""), text)
    text = _LINE_SPACED.sub(r"\1호선", text)
    text = _TENS_THEN_ONES.sub(_tens_then_ones, text)
    text = _DIGIT_HUNDREDS.sub(_digit_hundreds, text)
    text = _DASHED_SPOKEN.sub(_dashed_rule, text)
    text = _SPOKEN_GROUPS.sub(_spoken_groups_rule, text)
    prefixes = tuple(route_prefixes)
    if prefixes:
        pattern, heard = _route_prefix_reader(prefixes)
        text = pattern.sub(lambda m: heard.get(m.group(1), m.group(1)) + _route_number(m.group(2)), text)
    text = _SINO_TENS_NATIVE_ONES.sub(_mixed_age_rule, text)
    text = _NATIVE_TENS_COUNTED.sub(lambda m: str(parse_native(m.group(1), m.group(2))) + m.group(3), text)
    text = _N_ROUTE.sub(_n_route_rule, text)
    text = _NATIVE_AGE.sub(lambda m: str(parse_native(m.group(1), m.group(2))), text)
    text = _NATIVE_TENS_WITH_ONES.sub(lambda m: str(parse_native(m.group(1), m.group(2))), text)
    text = _SINO_BEFORE_COUNTER.sub(_counter_rule, text)
    text = _STANDALONE_SINO.sub(_standalone_rule, text)
    text = _TENS_BEFORE_DA.sub(lambda m: parse_sino(m.group(1)) or m.group(1), text)
    return text
