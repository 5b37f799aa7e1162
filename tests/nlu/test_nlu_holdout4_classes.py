"""Failure classes found on the fourth blind set, checked with our own sentences."""

from __future__ import annotations

import pytest

CASES = [
    # receipts keep their case; number words with 다시 as the dash
    ("Check complaint 2BX-2411-0098765 please", "complaint.status", {"receipt": "2BX-2411-0098765"}),
    ("접수번호 삼사오에 다시 육칠팔 처리됐나요", "complaint.status", {"receipt": "345-678"}),
    ("접수 번호 이공이오 다시 공공공사오육 어디까지 됐어요", "complaint.status", {"receipt": "2025-000456"}),
    # short meta commands
    ("중지", "meta.cancel", {}),
    ("중단해 주세요", "meta.cancel", {}),
    ("됐어 안 해", "meta.cancel", {}),
    ("안 할라요", "meta.cancel", {}),
    ("말어 안 한당께", "meta.cancel", {}),
    ("속도 좀 줄여", "meta.slower", {}),
    ("천천히 좀", "meta.slower", {}),
    ("한 번 더", "meta.repeat", {}),
    ("도움말", "meta.help", {}),
    ("끊을게요", "meta.goodbye", {}),
    # inflected verbs are not trailing places
    ("내일 영하로 뚝 떨어진대", "weather.forecast", {"when": "tomorrow"}),
    # ages
    ("칠십 둘 먹었는데 기초연금 되나", "welfare.eligibility", {"benefit": "basic_pension", "age": 72}),
    ("팔십 하나 되셨는데 기초연금 받나요", "welfare.eligibility", {"benefit": "basic_pension", "age": 81}),
    ("아버지 여든 셋 잡수셨는데 노인 일자리 돼요", "welfare.eligibility", {"benefit": "senior_jobs", "age": 83}),
    # time words
    ("오널 비 오나", "weather.forecast", {"when": "today"}),
    ("낼 미세먼지 어떻노", "weather.forecast", {"when": "tomorrow"}),
    # indirect facilities, routes, stops, complaints
    ("날이 차가워 따숩게 있을 데 근방에 있소", "facility.nearby", {"facility": "cold_shelter"}),
    ("책 빌리러 갈 데 이 동네에 있어", "facility.nearby", {"facility": "library"}),
    ("종로 십삼 마을버스 어디쯤이야", "transit.bus_arrival", {"route": "종로13"}),
    ("관악 이십일 마을버스 어디야", "transit.bus_arrival", {"route": "관악21"}),
    ("When is bus 472 coming to Gangnam Station stop?", "transit.bus_arrival", {"route": "472", "stop": "강남역"}),
    ("기초연금은 신청하면 뭘 해 주는 거예요", "welfare.info", {"benefit": "basic_pension"}),
    ("여기 뭐 해 주는 데야", "meta.help", {}),
    ("우리 동네 도로 아스팔트가 파여서 위험해요", "complaint.file", {"category": "road_damage"}),
    ("인도에 차가 올라와서 못 지나가 신고해 줘", "complaint.file", {"category": "illegal_parking"}),
]


@pytest.mark.parametrize("text, intent, slots", CASES)
def test_holdout4_class(engine, text, intent, slots):
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), text
