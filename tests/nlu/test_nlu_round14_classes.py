"""Emergency classes found on blind sets 13 and 14, checked with our own sentences."""

from __future__ import annotations

import pytest

ALARMS = [
    # bleeding that will not stop, said after other words or misheard
    ("유리 조각에 발바닥이 베였는데 양말이 다 젖도록 피가 안 멈춰요", "medical"),
    ("피가안머추고 계속 나와", "medical"),
    ("톱질하다 손등 찢어져서 피가 뚝뚝 떨어져요", "medical"),
    # a fall the person cannot get up from, said "일어나질 못해"
    ("할아버지가 계단에서 자빠지셨는데 일어나지를 못하세요", "medical"),
    ("우리 어메가 빙판에 미끄러져갖고 일어나질 몬 한다", "medical"),
    ("넘어지면서 발목이 이상하게 꺾였어", "medical"),
    # a crash with someone not moving
    ("트럭이 오토바이를 받았는데 운전하던 사람이 꼼짝을 안 해요", "medical"),
    ("아이가 수영장 물 먹고 축 늘어졌어요", "medical"),
    ("아들이 방에서 죽어 버린다고 소리 지르고 문을 안 열어요", "medical"),
    # fire in Jeju speech, a misheard gas smell
    ("창고에 불 나수다 어떵 허코", "fire"),
    ("베란다에서 가수 냄새가 심하게 나요", "fire"),
    # crime: weapons swung, hair pulled, someone following, a confused elder gone out
    ("취한 손님이 의자를 휘두르고 있어요", "crime"),
    ("웬 남자가 언니 머리채를 잡고 안 놔요", "crime"),
    ("누가 골목에서부터 자꾸 따라온다", "crime"),
    ("치매 있으신 어머니가 새벽에 나가셔서 아직 안 들어오세요", "crime"),
    ("위층에서 여자 비명 소리가 계속 들려요", "crime"),
    ("낯선 사름이 창문 열젠 햄수다", "crime"),
]


@pytest.mark.parametrize("text, kind", ALARMS)
def test_emergency_class_raises_the_alarm(engine, text, kind):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind), result


LOOKALIKES = [
    # questions about the services themselves
    "구급차 부르면 119에 돈 내야 돼요",
    "112에 허위 신고하면 처벌 받아요",
    "119하고 112는 무슨 차이예요",
    # heat or tiredness said as a figure of speech
    "오늘 일이 너무 많아서 쓰러지겠다",
    "더버서 디지겠다 살려도 에어컨 켜진 데 어디 있노",
    # a small cut already cared for, a siren, a worry, news and films
    "칼에 손끝 베였는데 피는 금방 멈췄어요 밴드 파는 데 있어요",
    "구급차 사이렌이 시끄러워서 잘 못 들었어요",
    "아버지가 쓰러지시면 어떡하나 싶어서 응급 안심 서비스 알아봐요",
    "뉴스 보니까 시장에 불났다 카데",
    "경찰이 강도 잡는 영화 추천해 줘",
    "예전에 어머니가 길을 잃으셨던 적이 있어서 치매 검사 받아 보려고요",
    "게임하다가 살려 줘 하고 소리를 질렀네",
    "살려 줘 방이 찜통이라 더위 좀 식힐 데 찾아 줘",
    "숨넘어가게 재밌는 얘기 해 줘",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_danger_words_in_a_question_or_a_story_raise_no_alarm(engine, text):
    assert engine.understand(text).intent != "safety.emergency"


INTENTS = [
    # a skill to learn is a question for the knowledge base, not about using the assistant
    ("소화기 쓰는 법 배울 수 있는 데 있어요", "faq.answer"),
    ("심폐소생술 교육 받고 싶은데 어디로 가요", "faq.answer"),
    ("지진 나면 대피 요령이 어떻게 돼요", "faq.answer"),
    ("What should I do if the power goes out in a typhoon", "faq.answer"),
    ("119 구급차 부르면 이용 요금이 있나요", "faq.answer"),
    ("이 앱 사용법 좀 알려 주세요", "meta.help"),
    # the way to the station, not when the train comes
    ("전철 타려는데 역이 어느 쪽이에요", "facility.nearby"),
    ("Which way is the nearest station from here", "facility.nearby"),
    # a request still unanswered after days
    ("가로등 고쳐 달라 한 지 한참인데 소식이 없어요", "complaint.status"),
    ("귀가 도우미 좀 보내 주실 수 있나요", "safety.escort"),
    ("그럼 땡큐 바이 바이", "meta.goodbye"),
    ("동네 오토바이 소리 때문에 잠을 못 자요", "complaint.file"),
    ("경로당에서 화투 치고 싶은데 근처 경로당 어디 있어", "facility.nearby"),
    ("이번 주 복권 번호 좀 찍어 줘", "unknown"),
    ("장애인연금 우리 아들도 나올랑가", "welfare.eligibility"),
]


@pytest.mark.parametrize("text, intent", INTENTS)
def test_request_class_is_understood(engine, text, intent):
    assert engine.understand(text).intent == intent


PLACES = [
    # a district named by its station, without 역, before a word that points at an area
    ("도봉산 쪽에 무더위쉼터 있어요", "facility.nearby", {"facility": "heat_shelter", "place": "도봉산"}),
    ("잠실나루 근처 따릉이 남았나", "transit.bike", {"place": "잠실나루"}),
]


@pytest.mark.parametrize("text, intent, slots", PLACES)
def test_station_name_before_an_area_word_is_the_place(engine, text, intent, slots):
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), result


CORRECTIONS = [
    # a bare 아니 in the middle takes back the detail said before it
    ("육공일 번 아니 육공이 번 언제 와", "transit.bus_arrival", {"route": "602"}),
    ("모레 아니 내일 마포구 비 오나", "weather.forecast", {"place": "마포구", "when": "tomorrow"}),
]


@pytest.mark.parametrize("text, intent, slots", CORRECTIONS)
def test_bare_correction_keeps_the_detail_said_last(engine, text, intent, slots):
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), result


def test_a_leading_ani_is_not_a_correction(engine):
    assert engine.understand("아니 근데 472번 버스 언제 와").slots == {"route": "472"}
