"""Rewrite reply text so numbers are *heard* the way a Korean listener expects.

A synthesiser reads "02-120" as a subtraction and "3명" as "삼 명". Listeners expect phone
and receipt numbers digit by digit ("공이 백이십", zero as 공), bus and line numbers as
Sino-Korean ("사백칠십이 번"), and native numbers before counting words ("세 명", "두 시").
Pure functions of text, so they are easy to test and shared by every voice.
"""

from __future__ import annotations

import re

DIGITS = "영일이삼사오육칠팔구"
PHONE_DIGITS = "공일이삼사오육칠팔구"
# Short service numbers said as one number, the way the city advertises them.
SERVICE_NUMBERS = {"112", "114", "119", "120", "129", "182", "1330"}
NATIVE_ONES = ["", "하나", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_ONES_BEFORE_NOUN = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉"]
NATIVE_TENS = ["", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔"]
# Counters read with native numbers (up to 99); everything else stays Sino-Korean.
NATIVE_COUNTERS = ("개", "명", "시", "살", "마리", "곳", "정거장", "번째", "가지", "잔", "병", "분께", "사람", "달")
_UNIT_WORDS = {"%": "퍼센트", "km": "킬로미터", "m": "미터", "℃": "도", "°C": "도", "kg": "킬로그램"}
_MONTHS = {6: "유월", 10: "시월"}
_PARTICLES = ("에", "은", "는", "을", "를", "으로", "로", "과", "와", "의", "까지", "부터", "이에요", "이고", "이나",
              "입니다", "이라", "이", "가", "만", "요")

_PHONE = re.compile(r"(?<![\d-])(0\d{1,2}|1\d{3})-(\d{3,4})(?:-(\d{4}))?(?![\d-])")
_RECEIPT = re.compile(r"(?<![\d-])(\d{4})-(\d{5,8})(?![\d-])")
_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})월")
_COUNTED = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%|km|kg|℃|°C|m(?![a-zA-Z]))?\s*([가-힣]*)")


def sino_korean(number: int) -> str:
    """Sino-Korean reading: 472 -> 사백칠십이, 10000 -> 만, 110000 -> 십일만."""
    if number == 0:
        return "영"
    if number < 0:
        return "마이너스 " + sino_korean(-number)
    words = []
    for group_index, big_unit in enumerate(("", "만", "억", "조", "경")):
        group = (number // 10_000 ** group_index) % 10_000
        if group == 0:
            continue
        text = _four_digits(group)
        if big_unit == "만" and group == 1 and number < 100_000:
            text = ""  # 10000 is 만, not 일만
        words.append(text + big_unit)
    return "".join(reversed(words))


def _four_digits(group: int) -> str:
    text = ""
    for unit, place in (("천", 1000), ("백", 100), ("십", 10), ("", 1)):
        digit = group // place % 10
        if digit:
            text += ("" if digit == 1 and unit else DIGITS[digit]) + unit
    return text


def native_korean(number: int, before_noun: bool = True) -> str:
    """Native reading below 100 (세 명, 스무 살); Sino-Korean above, as people say it."""
    if not 0 < number < 100:
        return sino_korean(number)
    tens, ones = divmod(number, 10)
    if before_noun and number == 20:
        return "스무"
    ones_words = NATIVE_ONES_BEFORE_NOUN if before_noun else NATIVE_ONES
    return NATIVE_TENS[tens] + ones_words[ones]


def digit_by_digit(digits: str, zero: str = "공") -> str:
    table = PHONE_DIGITS if zero == "공" else DIGITS
    return "".join(table[int(char)] for char in digits if char.isdigit())


def read_phone_number(match: re.Match[str]) -> str:
    groups = [group for group in match.groups() if group]
    return " ".join(sino_korean(int(group)) if group in SERVICE_NUMBERS else digit_by_digit(group)
                    for group in groups)


def _read_date(match: re.Match[str]) -> str:
    year, month, day = (int(value) for value in match.groups())
    return f"{sino_korean(year)}년 {_MONTHS.get(month, sino_korean(month) + '월')} {sino_korean(day)}일"


def _read_counted(match: re.Match[str]) -> str:
    whole, fraction, unit, word = match.groups()
    number = int(whole.replace(",", ""))
    if fraction:
        spoken = f"{sino_korean(number)} 점 {digit_by_digit(fraction, zero='영')}"
    elif word.startswith(NATIVE_COUNTERS) and not unit and not word.startswith("시간") or word == "시간":
        spoken = native_korean(number)
    else:
        spoken = sino_korean(number)
    if word.startswith("번째") and number == 1:
        spoken = "첫"
    unit_word = _UNIT_WORDS.get(unit or "", "")
    if not unit_word and word.startswith(_PARTICLES):
        return spoken + word  # "119에" -> "백십구에": a particle sticks to its number
    tail = " ".join(part for part in (unit_word, word) if part)
    return f"{spoken} {tail}" if tail else spoken


def rewrite_for_listening(text: str) -> str:
    """Apply the listening rules in order: dates, phone and receipt numbers, then counted numbers."""
    text = _DATE.sub(_read_date, text)
    text = _PHONE.sub(read_phone_number, text)
    text = _RECEIPT.sub(lambda match: " ".join(digit_by_digit(group) for group in match.groups()), text)
    text = _MONTH.sub(lambda match: _MONTHS.get(int(match.group(1)), sino_korean(int(match.group(1))) + "월"), text)
    text = _COUNTED.sub(_read_counted, text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()
