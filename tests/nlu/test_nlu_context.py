"""Follow-ups read against the dialogue state (what the assistant just asked)."""

from __future__ import annotations

import pytest

from donghaeng.models import NluContext

COMPLAINT_PLACE = NluContext(active_intent="complaint.file", awaiting_slot="place", slots={"category": "trash"})
COMPLAINT_CATEGORY = NluContext(active_intent="complaint.file", awaiting_slot="category")
COMPLAINT_CONFIRM = NluContext(active_intent="complaint.file", awaiting_confirmation=True,
                               slots={"category": "noise", "place": "망원동"})
AGE = NluContext(active_intent="welfare.eligibility", awaiting_slot="age", slots={"benefit": "basic_pension"})
HOUSEHOLD = NluContext(active_intent="welfare.eligibility", awaiting_slot="household")


@pytest.mark.parametrize(("context", "text", "intent", "slots"), [
    (COMPLAINT_PLACE, "합정동", "complaint.file", {"place": "합정동"}),
    (COMPLAINT_PLACE, "연남동 쪽이에요", "complaint.file", {"place": "연남동"}),
    (COMPLAINT_PLACE, "신림역 앞이요", "complaint.file", {"place": "신림역"}),
    (COMPLAINT_PLACE, "마포구 망원동이요", "complaint.file", {"place": "마포구 망원동"}),
    (COMPLAINT_PLACE, "번동이라니까 번동", "complaint.file", {"place": "번동"}),
    (COMPLAINT_CATEGORY, "골목에 담배꽁초를 잔뜩 버리고 갔어요", "complaint.file", {"category": "trash"}),
    (COMPLAINT_CATEGORY, "불법 주차요", "complaint.file", {"category": "illegal_parking"}),
    (COMPLAINT_CONFIRM, "아니 서교동이요", "complaint.file", {"place": "서교동"}),
    (AGE, "칠십이요", "welfare.eligibility", {"age": 70}),
    (AGE, "예순다섯", "welfare.eligibility", {"age": 65}),
    (AGE, "일흔 둘이요", "welfare.eligibility", {"age": 72}),
    (AGE, "여든셋이셔", "welfare.eligibility", {"age": 83}),
    (AGE, "73세요", "welfare.eligibility", {"age": 73}),
    (HOUSEHOLD, "혼자 지내요", "welfare.eligibility", {"household": "single"}),
    (HOUSEHOLD, "영감이랑 둘이 살아", "welfare.eligibility", {"household": "couple"}),
    (HOUSEHOLD, "어머니랑 아버지 두 분이 사세요", "welfare.eligibility", {"household": "couple"}),
    (NluContext(active_intent="transit.bus_arrival", awaiting_slot="route"), "사칠이번이요",
     "transit.bus_arrival", {"route": "472"}),
    (NluContext(active_intent="transit.subway_arrival", awaiting_slot="station"), "강남역이요",
     "transit.subway_arrival", {"station": "강남"}),
    (NluContext(active_intent="welfare.info", awaiting_slot="benefit"), "기초연금이요",
     "welfare.info", {"benefit": "basic_pension"}),
    (NluContext(active_intent="complaint.status", awaiting_slot="receipt"), "2026-000123이요",
     "complaint.status", {"receipt": "2026-000123"}),
    (NluContext(active_intent="weather.forecast", awaiting_slot="when"), "내일이요",
     "weather.forecast", {"when": "tomorrow"}),
])
def test_an_answer_fills_the_slot_that_was_asked(engine, context, text, intent, slots) -> None:
    result = engine.understand(text, context)
    assert (result.intent, result.slots) == (intent, slots)
    assert result.source == "context"


@pytest.mark.parametrize(("context", "text", "intent"), [
    (COMPLAINT_CONFIRM, "네", "meta.confirm"),
    (COMPLAINT_CONFIRM, "예 그대로 넣어 주세요", "meta.confirm"),
    (COMPLAINT_CONFIRM, "아니요", "meta.deny"),
    (COMPLAINT_CONFIRM, "아니 그게 아니고", "meta.deny"),
    (COMPLAINT_PLACE, "됐어 그만할래", "meta.cancel"),
    (COMPLAINT_PLACE, "그만할래", "meta.cancel"),
    (COMPLAINT_PLACE, "다시 말해 줘", "meta.repeat"),
    (AGE, "좀 천천히 말해 주이소", "meta.slower"),
    (AGE, "아 됐다 안 할란다", "meta.cancel"),
    (COMPLAINT_PLACE, "그냥 상담원 바꿔 줘요", "handoff.human"),
])
def test_control_words_keep_their_meta_intent(engine, context, text, intent) -> None:
    assert engine.understand(text, context).intent == intent


def test_an_emergency_wins_in_the_middle_of_any_flow(engine) -> None:
    for context in (COMPLAINT_PLACE, COMPLAINT_CONFIRM, AGE, HOUSEHOLD):
        result = engine.understand("잠깐만요 할아버지가 쓰러지셨어요", context)
        assert (result.intent, result.slots) == ("safety.emergency", {"kind": "medical"})


def test_a_clear_new_request_is_not_taken_for_an_answer(engine) -> None:
    result = engine.understand("472번 버스 언제 와", COMPLAINT_PLACE)
    assert (result.intent, result.slots) == ("transit.bus_arrival", {"route": "472"})


def test_a_non_place_answer_does_not_become_a_place(engine) -> None:
    assert engine.understand("몰라요", COMPLAINT_PLACE).slots.get("place") is None
