"""Normalisation: number words, regional endings, spacing and sound keys."""

from __future__ import annotations

import pytest

from donghaeng.nlu.hangul import sound_key, to_jamo
from donghaeng.nlu.normalize import clean_surface, normalize
from donghaeng.nlu.numerals import digits_from_words, parse_native, parse_sino
from donghaeng.nlu.phrases import Phrase

PREFIXES = ("관악", "마포", "서초", "종로", "강남")


@pytest.mark.parametrize(("spoken", "expected"), [
    ("사칠이번 버스", "472번 버스"),
    ("백사십삼번 언제 와", "143번 언제 와"),
    ("육공이번", "602번"),
    ("엔이십육 언제 와", "N26 언제 와"),
    ("엔 십육번", "N16번"),
    ("칠십삼세 혼자", "73세 혼자"),
    ("육십팔 살인데", "68살인데"),
    ("일흔셋", "73"),
    ("여든둘이신데", "82이신데"),
    ("일흔하나예요", "71예요"),
    ("일흔 두 살", "72 살"),
    ("예순다섯", "65"),
    ("여든이셔", "80이셔"),
    ("칠십이요", "70이요"),
    ("이호선 홍대입구역", "2호선 홍대입구역"),
    ("노원역 칠호선", "노원역 7호선"),
    ("관악 공이 버스", "관악02 버스"),
    ("마포공구번", "마포09번"),
    ("정부 이십사 앱", "정부 24 앱"),
    ("사 칠 이 번 버스", "472번 버스"),
])
def test_number_words_become_digits_where_a_number_is_expected(spoken: str, expected: str) -> None:
    assert digits_from_words(spoken, PREFIXES) == expected


@pytest.mark.parametrize("ordinary", ["이번 주 날씨", "어디 사세요", "이사 세 번", "신림사거리", "종로 삼가역",
                                      "오늘 이번에", "사이요", "관악 공원"])
def test_ordinary_words_that_contain_number_syllables_are_left_alone(ordinary: str) -> None:
    assert digits_from_words(ordinary, PREFIXES) == ordinary


def test_sino_and_native_parsers() -> None:
    assert parse_sino("백사십삼") == "143"
    assert parse_sino("공이") == "02"
    assert parse_sino("천이백") == "1200"
    assert parse_sino("사과") is None
    assert parse_native("일흔", "셋") == 73


def test_surface_cleaning_keeps_codes_and_drops_noise() -> None:
    assert clean_surface("불이야!!! ㅠㅠ   옆집에") == "불이야 옆집에"
    assert clean_surface("아아아아파요") == "아아파요"
    assert clean_surface("접수번호 2AA-2409-0012345 요") == "접수번호 2AA-2409-0012345 요"
    assert clean_surface("2024-000123") == "2024-000123"


@pytest.mark.parametrize(("dialect", "standard_part"), [
    ("경로당 어데 있노", "어디 있어"),
    ("좀 열어 주이소", "주세요"),
    ("찬찬히 말해 보이소", "천천히"),
    ("안녕하우꽈", "안녕하세요"),
    ("언제 와유", "와요"),
    ("받을 수 있당가", "있는가"),
    ("넘었는디", "넘었는데"),
    ("신고 좀 해도", "해줘"),
    ("우찌 됐노", "어떻게 됐어"),
])
def test_regional_endings_become_standard(engine, dialect: str, standard_part: str) -> None:
    assert standard_part in normalize(dialect, engine.normalization).spaced


def test_a_dialect_ending_does_not_break_a_noun() -> None:
    # "기가" is a Gyeongsang ending but also 연기 + 가; smoke must stay smoke.
    from donghaeng.nlu.normalize import NormalizationRules

    rules = NormalizationRules.from_mapping({"endings": [["노", "나"]]})
    assert normalize("연기가 나요", rules).spaced == "연기가 나요"


def test_sound_key_merges_spellings_that_sound_alike() -> None:
    assert sound_key("잇어요") == sound_key("있어요")
    assert sound_key("가야대") == sound_key("가야돼")
    assert sound_key("조은") == sound_key("좋은")
    assert sound_key("끈을께") == sound_key("끊을게")
    assert sound_key("때리고", strict=True) != sound_key("데리고", strict=True)
    assert len(sound_key("가1a")) == 9


def test_jamo_spelling_separates_near_misses() -> None:
    assert to_jamo("경로당") == "ㄱㅕㅇㄹㅗㄷㅏㅇ"


@pytest.mark.parametrize(("phrase", "text", "matches"), [
    ("열어", "앱좀열어줘", True),
    ("그만하", "그만할래", True),
    ("집까지 ~ 데려다", "집까지좀데려다줘", True),
    ("^네", "네 맞아요", True),
    ("^네", "내 민원", False),
    ("아니요$", "그거 아니요", True),
])
def test_phrase_syntax(phrase: str, text: str, matches: bool) -> None:
    compiled = Phrase.compile(phrase)
    compact = text.replace(" ", "")
    assert compiled.matches(sound_key(compact), text) is matches
