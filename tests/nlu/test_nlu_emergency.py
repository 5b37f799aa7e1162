"""Emergencies are caught first, with their kind; look-alike words do not raise an alarm."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "kind"), [
    ("아이고 우리 영감이 갑자기 푹 쓰러졌어요", "medical"),
    ("엄마가 숨을 안 쉬어요", "medical"),
    ("가슴이 쥐어짜듯이 아파요 구급차 좀", "medical"),
    ("피가 계속 나요 멈추질 않아요", "medical"),
    ("Please call an ambulance, he is not breathing", "medical"),
    ("부엌에 불이 붙었어요", "fire"),
    ("복도에 연기가 꽉 찼어요", "fire"),
    ("가스 냄새가 진동을 해요", "fire"),
    ("There's smoke coming from the building", "fire"),
    ("모르는 남자가 계속 쫓아와요", "crime"),
    ("누가 현관문을 억지로 따려고 해요", "crime"),
    ("핸드백 날치기 당했어요", "crime"),
    ("Someone is following me", "crime"),
])
def test_danger_is_recognised_with_its_kind(engine, text: str, kind: str) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots) == ("safety.emergency", {"kind": kind})
    assert result.source == "emergency"


@pytest.mark.parametrize("text", [
    "불법 주차 신고할게요",
    "가로등 불이 안 들어와요",
    "손주 데리고 갈 만한 데 추천해 줘",
    "집까지 데려다 주는 서비스 있어요",
    "응급실 있는 병원 어디예요",
    "더워 죽겠는데 시원한 곳 없을까",
    "소화전 앞에 차 대 놨어",
    "What can you help me with",
])
def test_look_alike_words_do_not_raise_an_alarm(engine, text: str) -> None:
    assert engine.understand(text).intent != "safety.emergency"
