"""Failure classes found on the blind challenge set, each pinned with our own sentences.

None of these sentences comes from an evaluation file: each row is a new instance of a class
of failure (a dialect ending, an indirect paraphrase, a slot said in a new way), so a row that
fails means the class regressed, not that one sentence changed.
"""

from __future__ import annotations

import pytest

EMERGENCIES = [
    # no breath, not waking, collapse — standard, dialect, run together
    ("우리 엄마가 부엌에서 픽 쓰러지셨어요", "medical"),
    ("영감이 아침부터 깨워도 안 일어나요 빨리 와 주세요", "medical"),
    ("할매가 숨을 몬 쉰다 우짜노", "medical"),
    ("아버지 숨소리가 이상하고 불러도 대답이 없어요", "medical"),
    ("울 아부지 정신을 잃으셨당께 싸게 와 주소", "medical"),
    ("할망이 숨을 안 쉼수다 살려 줍서", "medical"),
    ("아저씨가 길에서 쓰러져 있슈 숨을 안 쉬는 것 같어유", "medical"),
    # stroke, heart, bleeding, choking, seizure, poisoning, falls
    ("어머니 얼굴 한쪽이 삐뚤어지고 말이 어눌해졌어요", "medical"),
    ("남편이 갑자기 말을 잘 못 하고 오른팔에 힘이 없어", "medical"),
    ("가슴이 조여 오고 식은땀이 줄줄 나요", "medical"),
    ("손이 칼에 베여서 피가 안 멈춰요", "medical"),
    ("애가 사탕이 목에 걸려서 캑캑거려요", "medical"),
    ("할아버지가 거품 물고 경련을 하세요", "medical"),
    ("할머니가 약을 한꺼번에 잔뜩 드셨어요", "medical"),
    ("옆집 어르신이 계단에서 굴러 떨어지셨어", "medical"),
    ("넘어졌는데 다리가 안 움직여 도와줘요", "medical"),
    # English medical
    ("My grandmother fainted and won't wake up", "medical"),
    ("He's having a seizure, please hurry", "medical"),
    ("My dad has chest pain and is sweating a lot", "medical"),
    ("My wife fell down the stairs and can't move", "medical"),
    ("A child is choking on food", "medical"),
    # fire
    ("주방에서 불꽃이 튀더니 불이 옮겨 붙었어", "fire"),
    ("아랫집에서 시커먼 연기가 올라와요", "fire"),
    ("가스 냄새가 나고 머리가 어지러워요", "fire"),
    ("콘센트에서 타는 냄새 나고 연기 나요", "fire"),
    ("창고에 불이 붙었당께", "fire"),
    ("The kitchen is on fire", "fire"),
    ("I smell gas in the hallway and feel sick", "fire"),
    # crime: intruder, weapon, robbery, stalking, assault, kidnapping, threats
    ("어떤 남자가 집 앞에서 계속 서성거려요 무서워요", "crime"),
    ("누군가 창문을 깨고 들어오려고 해요", "crime"),
    ("모르는 놈이 현관 비밀번호를 막 누르고 있어", "crime"),
    ("칼을 든 사람이 가게에 들어왔어요", "crime"),
    ("방금 오토바이가 가방을 낚아채 갔어요", "crime"),
    ("누가 자꾸 뒤따라 오는 것 같어 무섭당께", "crime"),
    ("누가 계속 따라오네 동행맵 좀 켜 봐", "crime"),
    ("술 취한 남자가 사람을 마구 때리고 있어요", "crime"),
    ("낯선 차가 애를 억지로 태워 갔어요", "crime"),
    ("전 남편이 죽여 버린다고 협박해요", "crime"),
    ("Someone is trying to break in through the back door", "crime"),
    ("A man with a knife is in the store", "crime"),
    ("Somebody snatched my phone and ran", "crime"),
    ("A guy has been following me for ten minutes", "crime"),
    # calls for help name no kind: the slot is absent (label convention)
    ("사람 살려요", None),
    ("help help", None),
]

NOT_EMERGENCIES = [
    "강남구 보건소 몇 시까지 열어요",        # 강도 must not be found inside 강남구/강동구
    "광화문 따라 걷는 코스 추천해 줘",        # 문 따 must not span two words
    "혼자 살고 있는데 기초연금 받을 수 있나요",  # 자살 must not span 혼자 살고
    "운동 강도를 어떻게 조절해요",
    "칼국수 맛집 알려 줘",
    "택시 불러도 안 와요",
    "담배 피우는 사람 신고하고 싶어요",
    "병원 가서 약 들고 왔어",
    "집 앞 나무가 쓰러져 있어요 치워 주세요",
    "윗집 문 쾅쾅 닫는 소리 때문에 못 살겠어요",
    "1120번 버스 언제 와요",
    "119 안전센터 어디 있어요",
    "화재보험 가입 어떻게 해요",
    "행사가 연기됐다던데 언제 해요",
    "더워 죽겠다 쉼터 어디 있어",
    "생활비가 다 떨어져서 지금 너무 힘들어요 생계급여 신청",
    "가정폭력 상담 센터 전화번호 알려 줘",
    "Where is the nearest fire station",
    "How do I install a smoke detector",
    "Can you help me find a pharmacy",
    "유모차 끌고 갈 수 있는 공원 추천해 줘",
    "한숨도 못 잤어 쉬고 싶다",
    "무릎 다쳤는데 정형외과 어디 있어",
]


@pytest.mark.parametrize(("text", "kind"), EMERGENCIES)
def test_emergency_class_is_caught(engine, text: str, kind: str) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots) == ("safety.emergency", {"kind": kind} if kind else {}), engine.emergency.detect(
        __import__("donghaeng.nlu.normalize", fromlist=["normalize"]).normalize(text, engine.normalization))


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_look_alike_is_not_an_emergency(engine, text: str) -> None:
    assert engine.understand(text).intent != "safety.emergency"


CASES = [
    # app named with an open verb wins over the service word; non-public apps are unknown
    ("자전거 타려고 따릉이 어플 켜 줘", "app.open", {"app": "ttareungyi"}),
    ("복지로 앱 켜고 기초연금도 알려 줘", "app.open", {"app": "bokjiro"}),
    ("카톡에 있는 서울시 채널 열어 줘", "app.open", {"app": "seoul_talk"}),
    ("Open the Donghaeng map please", "app.open", {"app": "dongheng_map"}),
    ("쇼핑 앱 열어서 운동화 좀 사 줘", "unknown", {}),
    ("게임 앱 켜 줘", "unknown", {}),
    # facilities said indirectly or misheard
    ("뱅원 어데 있노", "facility.nearby", {"facility": "hospital"}),
    ("에어컨 나오는 쉼터 없을까", "facility.nearby", {"facility": "heat_shelter"}),
    ("Is there a cooling shelter nearby", "facility.nearby", {"facility": "heat_shelter"}),
    ("어르신 복지관 가까운 데", "facility.nearby", {"facility": "senior_welfare_center"}),
    # weather without 날씨; short regional words
    ("낼 아침에 우산 챙겨야 되나", "weather.forecast", {"when": "tomorrow"}),
    ("모레 비 올까요", "weather.forecast", {"when": "tomorrow"}),
    ("Is rain coming tomorrow", "weather.forecast", {"when": "tomorrow"}),
    # complaint status vs filing
    ("지난주에 신고한 거 아직도 소식이 없네", "complaint.status", {}),
    ("넣은 지 열흘 됐는데 연락이 없어요", "complaint.status", {}),
    ("가로등 민원 접수됐는지 확인해 줘", "complaint.status", {}),
    # welfare paraphrases, faq vs welfare, faq vs complaint
    ("월세 보태 주는 제도 어떻게 신청해요", "welfare.info", {"benefit": "housing_benefit"}),
    ("공짜로 지하철 타는 카드 어디서 만들어", "welfare.info", {"benefit": "transport_discount"}),
    ("How do I get a senior subway pass", "welfare.info", {"benefit": "transport_discount"}),
    ("의료급여 받으려면 구청 가야 돼요", "welfare.info", {"benefit": "medical_aid"}),
    ("재활용 쓰레기 내놓는 날이 언제예요", "faq.answer", {"topic": "재활용쓰레기"}),
    ("국민연금 가입 증명서 어디서 뽑아요", "faq.answer", {"topic": "국민연금가입증명서"}),
    # handoff, meta in dialect and loanwords
    ("다산콜로 넘겨 줘", "handoff.human", {}),
    ("상담하는 분이랑 얘기 좀 할 수 있어요", "handoff.human", {}),
    ("방금 그 주소 다시 읽어 줘", "meta.repeat", {}),
    ("뭐라꼬예 다시 말해 주이소", "meta.repeat", {}),
    ("그만두자 됐다", "meta.cancel", {}),
    ("처음 써 보는 거라 뭘 해야 할지 모르겠어", "meta.help", {}),
    ("하이요", "meta.greet", {}),
    ("욕보셨습니더 이만 끊을게예", "meta.goodbye", {}),
]


@pytest.mark.parametrize(("text", "intent", "slots"), CASES)
def test_indirect_and_dialect_requests(engine, text: str, intent: str, slots: dict) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), engine.describe(text)


SLOTS = [
    # ages as native words with endings, and in English
    ("우리 어머니 일흔다섯이신데 기초연금 받을 수 있어요", {"benefit": "basic_pension", "age": 75}),
    ("저 서른여덟인데 장애인연금 대상 되나요", {"benefit": "disability_pension", "age": 38}),
    ("아흔둘 된 할머니도 요양 등급 받을 수 있나", {"benefit": "long_term_care", "age": 92}),
    ("My father is 81, can he get long term care", {"benefit": "long_term_care", "age": 81}),
]


@pytest.mark.parametrize(("text", "slots"), SLOTS)
def test_eligibility_ages(engine, text: str, slots: dict) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots) == ("welfare.eligibility", slots), engine.describe(text)


SLOT_CASES = [
    ("합정역 2호선 시청방면 언제 와", "transit.subway_arrival", {"station": "합정", "line": "2", "direction": "시청"}),
    ("종로3가역 1호선 인천 쪽 열차 몇 분 남았어", "transit.subway_arrival",
     {"station": "종로3가", "line": "1", "direction": "인천"}),
    ("When does the N15 bus come", "transit.bus_arrival", {"route": "N15"}),
    ("신고번호 1BC 2503 0012345 어떻게 됐어요", "complaint.status", {"receipt": "1BC 2503 0012345"}),
    ("신림사거리 가로등 나갔어요 신고할게요", "complaint.file", {"category": "streetlight", "place": "신림사거리"}),
    ("가로등 고장 신고요 면목사거리", "complaint.file", {"category": "streetlight", "place": "면목사거리"}),
    ("우리 골목 인도 위로 차를 올려 세워 놨어요 신고해 주세요", "complaint.file", {"category": "illegal_parking"}),
    ("택시 기사가 승차 거부해서 민원 넣을래요", "complaint.file", {"category": "other"}),
    ("남산골 한옥마을 입장료 있어요", "tourism.attraction", {"place": "남산골한옥마을"}),
    ("주민등록 초본 발급 받으려면", "faq.answer", {"topic": "주민등록초본"}),
    ("폐의약품 버리는 곳 알려 줘", "faq.answer", {"topic": "폐의약품"}),
]


@pytest.mark.parametrize(("text", "intent", "slots"), SLOT_CASES)
def test_slots_said_in_new_ways(engine, text: str, intent: str, slots: dict) -> None:
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), engine.describe(text)
