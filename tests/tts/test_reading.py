"""Reading rules: what the listener should hear for each kind of number."""

from __future__ import annotations

import pytest

from donghaeng.tts.reading import native_korean, rewrite_for_listening, sino_korean


@pytest.mark.parametrize(("written", "heard"), [
    ("다산콜센터는 02-120이에요.", "다산콜센터는 공이 백이십이에요."),
    ("010-1234-5678로 연락해 주세요", "공일공 일이삼사 오육칠팔로 연락해 주세요"),
    ("1577-1389", "일오칠칠 일삼팔구"),
    ("접수번호는 2026-000123입니다.", "접수번호는 이공이육 공공공일이삼입니다."),
    ("472번 버스", "사백칠십이 번 버스"),
    ("73세 이상", "칠십삼 세 이상"),
    ("3명이 2시에", "세 명이 두 시에"),
    ("20살", "스무 살"),
    ("1번째", "첫 번째"),
    ("3분 뒤", "삼 분 뒤"),
    ("12,500원", "만이천오백 원"),
    ("23.5℃", "이십삼 점 오 도"),
    ("습도 60%", "습도 육십 퍼센트"),
    ("2호선", "이 호선"),
    ("6월 10일", "유월 십 일"),
    ("2026-06-10", "이천이십육년 유월 십일"),
    ("119에 전화", "백십구에 전화"),
    ("300m", "삼백 미터"),
])
def test_reading(written: str, heard: str) -> None:
    assert rewrite_for_listening(written) == heard


@pytest.mark.parametrize(("number", "reading"), [
    (0, "영"), (10, "십"), (100, "백"), (472, "사백칠십이"), (1000, "천"), (10_000, "만"),
    (110_000, "십일만"), (120_000_000, "일억이천만"), (2026, "이천이십육"),
])
def test_sino_korean(number: int, reading: str) -> None:
    assert sino_korean(number) == reading


def test_native_korean_falls_back_to_sino_above_99() -> None:
    assert native_korean(99) == "아흔아홉"
    assert native_korean(150) == "백오십"


def test_text_without_numbers_is_unchanged() -> None:
    assert rewrite_for_listening("따릉이 앱을 열게요.") == "따릉이 앱을 열게요."
