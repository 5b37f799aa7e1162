"""Failure classes found on holdout2, each a table of our own sentences (none copied from
an evaluation set): heart/stroke signs in dialect and English, past stories that are no
emergency, remarks that are no request, dialect meta answers, and misc names and frames."""

from __future__ import annotations

import pytest

from donghaeng.nlu.cascade import NluEngine


@pytest.mark.parametrize("text", [
    "가슴이 꽉 조이는 것 같고 턱이 저려요",
    "가슴이 답답해 죽겄는디 왼팔이 저려 오네",
    "가슴이 뻐근하고 식은땀이 줄줄 나요",
    "영감 입이 한쪽으로 처졌어 말도 어눌하고",
    "갑자기 오른쪽 팔에 힘이 없고 말이 어눌해",
    "갑자기 머리가 깨질 것 같이 아프고 토했어",
    "신생아가 열이 사십 도예요 빨리요",
    "아기가 열이 펄펄 나는데 축 늘어져 있어",
    "손주 얼굴이 퉁퉁 붓고 숨을 못 쉬어요",
    "엄마가 수면제를 과다 복용하셨어",
    "아파 죽겠데이 가슴이 답답해가",
    "My chest feels tight and my left arm is numb",
    "Her face is drooping and her speech is slurred",
    "I have pressure in my chest and a cold sweat",
    "The baby has a high fever and won't wake up",
    "His lips are swelling and he can't breathe",
])
def test_medical_signs_raise_the_alarm(engine: NluEngine, text: str) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", "medical"), text


@pytest.mark.parametrize("text", ["어서 119 좀 불러 주세요 난리 났어요", "일일구 불러 줘 빨리", "살려 주세요", "사람 살려"])
def test_call_without_a_kind_has_no_kind_slot(engine: NluEngine, text: str) -> None:
    result = engine.understand(text)
    assert result.intent == "safety.emergency" and "kind" not in result.slots, (text, result.slots)


@pytest.mark.parametrize("text", [
    "작년에 옆 동 상가에 불났을 때 소방관들이 고생 많이 하더라",
    "예전에 할머니가 쓰러졌을 때 구급차가 늦게 왔어",
    "옛날에 우리 동네에 도둑이 들었었지",
    "그때 연기가 났을 때 다들 계단으로 내려갔었지",
])
def test_past_stories_are_not_emergencies(engine: NluEngine, text: str) -> None:
    assert engine.understand(text).intent != "safety.emergency", text


@pytest.mark.parametrize(("text", "kind"), [
    ("작년에 쓰러진 적 있는데 지금 또 가슴이 아파요", "medical"),
    ("예전에도 불났었는데 지금 또 연기가 나요 빨리", "fire"),
    ("지난번에 그 놈이 또 따라와요 도와주세요", "crime"),
])
def test_past_word_with_present_danger_still_alarms(engine: NluEngine, text: str, kind: str) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind), text


@pytest.mark.parametrize("text", [
    "손녀가 버스 혼자 타고 학원 다니는데 대견하지",
    "보건소 간호사가 참 친절하더라고요",
    "옛날엔 지하철 요금이 오십 원이었는데 말이야",
    "눈 오는 날엔 군고구마가 최고지",
    "트로트 한 곡 들려 줘",
    "옛날 가요 좀 틀어 봐라",
    "Who won the soccer match yesterday?",
    "What's the capital of Canada?",
])
def test_remarks_and_entertainment_are_unknown(engine: NluEngine, text: str) -> None:
    assert engine.understand(text).intent == "unknown", text


@pytest.mark.parametrize(("text", "intent"), [
    ("따릉이 어디서 빌리지", "transit.bike"),
    ("버스 언제 오는데요", "transit.bus_arrival"),
    ("내일 비 오겠지", "weather.forecast"),
    ("경로당 어디 있는데 말이야", "facility.nearby"),
    ("지하철 막차 몇 시지", "transit.subway_arrival"),
])
def test_questions_with_remark_endings_stay_requests(engine: NluEngine, text: str, intent: str) -> None:
    assert engine.understand(text).intent == intent, text


@pytest.mark.parametrize(("text", "intent"), [
    ("예예 그래 하이소", "meta.confirm"), ("그려 그려 그렇게 혀", "meta.confirm"), ("하모 맞다", "meta.confirm"),
    ("기여 기여", "meta.confirm"), ("양 맞수다", "meta.confirm"), ("어 그래 해라", "meta.confirm"),
    ("응? 머라꼬예", "meta.repeat"), ("어 먼 소리여", "meta.repeat"), ("응 뭐라카노", "meta.repeat"),
    ("아이라 그거 말고", "meta.deny"), ("아닌디", "meta.deny"), ("됐다 마", "meta.cancel"),
    ("고맙심더 들어가이소", "meta.goodbye"),
])
def test_dialect_meta_answers(engine: NluEngine, text: str, intent: str) -> None:
    assert engine.understand(text).intent == intent, text


@pytest.mark.parametrize(("text", "intent", "slots"), [
    ("기초 년금 신청하는 법 알려 줘", "welfare.info", {"benefit": "basic_pension"}),
    ("지공선사 카드 어디서 받노", "welfare.info", {"benefit": "transport_discount"}),
    ("엄마가 깜빡깜빡하셔서 치매 검사 받으러 어디로 가요", "welfare.info", {"benefit": "dementia_support"}),
    ("우리 아버지 치매 검사 대상 되나", "welfare.eligibility", {"benefit": "dementia_support"}),
    ("골목에 불이 다 꺼져서 캄캄해 고쳐 달라 캐라", "complaint.file", {"category": "streetlight"}),
    ("밤마다 노래방에서 노래를 크게 틀어 대서 잠을 못 자 어디다 말해야 되노", "complaint.file", {"category": "noise"}),
    ("저번 달에 신고한 가로등 고쳐졌는지 봐 줄래요", "complaint.status", {}),
    ("아버지 폰에 있는 서울지갑 좀 켜 드릴 수 있어요", "app.open", {"app": "seoul_wallet"}),
    ("롯데타워 어찌 가야 되노", "tourism.attraction", {"place": "롯데타워"}),
])
def test_misc_names_and_frames(engine: NluEngine, text: str, intent: str, slots: dict) -> None:
    result = engine.understand(text)
    assert result.intent == intent, (text, result.intent)
    for name, value in slots.items():
        assert str(result.slots.get(name)).replace(" ", "") == value, (text, result.slots)
