"""Failure classes found on holdout3, each a table of our own sentences (none copied from an
evaluation set): ages before dialect copulas, numbered dongs said in words, trailing place
fragments, English benefit/landmark/station names, indirect shelter descriptions, complaint
categories from descriptions, hazard reports that are no emergency, and intent confusions."""

from __future__ import annotations

import pytest

from donghaeng.nlu.cascade import NluEngine


def _check(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    result = engine.understand(text)
    assert result.intent == intent, (text, result.intent, result.slots)
    for name, value in slots.items():
        assert result.slots.get(name) == value, (text, result.slots)


@pytest.mark.parametrize("text,slots", [
    ("우리 엄마 여든둘인디 기초연금 되나", {"age": 82, "benefit": "basic_pension"}),
    ("칠십일인데예 기초연금 받을 수 있능교", {"age": 71}),
    ("예순여덟이라예 노인일자리 되나", {"age": 68, "benefit": "senior_jobs"}),
    ("일흔이여 장애인연금 받을 수 있나", {"age": 70}),
    ("나 일흔셋인디 치매 검사 공짜로 받을 수 있어", {"age": 73}),
])
def test_age_before_dialect_copula(engine: NluEngine, text: str, slots: dict) -> None:
    _check(engine, text, "welfare.eligibility", slots)


@pytest.mark.parametrize("text,intent,slots", [
    ("상계일동 주민센터 어디", "facility.nearby", {"facility": "community_center", "place": "상계1동"}),
    ("중계사동 근처 약국 있어", "facility.nearby", {"facility": "pharmacy", "place": "중계4동"}),
    ("따릉이 남은 거 있나 봐줘 서울여대", "transit.bike", {"place": "서울여대"}),
    ("가까운 약국 알려줘 경동시장", "facility.nearby", {"place": "경동시장"}),
    ("안심귀가 신청할래 숙대입구", "safety.escort", {"place": "숙대입구"}),
    ("따릉이 몇 대 남았어", "transit.bike", {}),
])
def test_place_slots(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    _check(engine, text, intent, slots)
    if not slots:
        assert "place" not in engine.understand(text).slots


@pytest.mark.parametrize("text,intent,slots", [
    ("Is there long-term care insurance for my mom", "welfare.info", {"benefit": "long_term_care"}),
    ("What is the medical aid program", "welfare.info", {"benefit": "medical_aid"}),
    ("How do I get to Gyeongbok Palace?", "tourism.attraction", {"place": "경복궁"}),
    ("What can I see at the Seoul Museum of History", "tourism.attraction", {"place": "서울역사박물관"}),
    ("Hanyang University station line 2 next train", "transit.subway_arrival", {"station": "한양대", "line": "2"}),
    ("한강 불꽃놀이 언제 하노", "tourism.attraction", {"place": "한강"}),
    ("I want to report a car illegally parked on my street", "complaint.file", {"category": "illegal_parking"}),
])
def test_english_and_alias_names(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    _check(engine, text, intent, slots)


@pytest.mark.parametrize("text,intent,slots", [
    ("아이고 더버 죽겠다 쉼터 어데고", "facility.nearby", {"facility": "heat_shelter"}),
    ("추울 때 잠깐 들어가 있을 데 없나 마포구에", "facility.nearby", {"facility": "cold_shelter", "place": "마포구"}),
    ("공원 운동기구 줄이 끊겼는데 민원 넣을래요", "complaint.file", {"category": "other"}),
    ("골목 주차금지 자리에 화물차가 사흘째 대 놨어요", "complaint.file", {"category": "illegal_parking"}),
])
def test_indirect_descriptions(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    _check(engine, text, intent, slots)


@pytest.mark.parametrize("text,intent", [
    ("보도블록이 들떠서 할머니들 걸려 넘어지겠어요 고쳐 주세요", "complaint.file"),
    ("계단 난간이 흔들려서 누가 넘어질까 봐 민원 넣어요", "complaint.file"),
    ("계단에서 넘어져서 피가 나요", "safety.emergency"),
    ("할아버지가 넘어지셨어요 빨리요", "safety.emergency"),
])
def test_hazard_report_is_no_emergency(engine: NluEngine, text: str, intent: str) -> None:
    _check(engine, text, intent, {})


@pytest.mark.parametrize("text,intent,slots", [
    ("노인장기요양보험 등급 신청은 어디다 해요", "welfare.info", {"benefit": "long_term_care"}),
    ("의료급여 받으면 병원비는 어떻게 돼요", "welfare.info", {"benefit": "medical_aid"}),
    ("어르신들 일하고 용돈 버는 거 그거 어디서 신청해", "welfare.info", {"benefit": "senior_jobs"}),
    ("출생신고 할라믄 머 가져가요", "faq.answer", {"topic": "출생신고"}),
    ("혼인 신고 하려면 서류 뭐 챙겨요", "faq.answer", {"topic": "혼인신고"}),
    ("동사무소 어디 있어요 전입신고 하러 가야 돼서", "facility.nearby", {"facility": "community_center"}),
    ("쉽게 풀어서 말해 주소 어려운 말은 모르겠다", "meta.slower", {}),
])
def test_intent_confusions(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    _check(engine, text, intent, slots)
