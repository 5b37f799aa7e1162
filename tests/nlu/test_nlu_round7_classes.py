"""Failure classes found on blind sets 5 to 9, checked with our own sentences."""

from __future__ import annotations

import pytest

CASES = [
    # emergencies said as what happened, in dialect, or split by the recogniser
    ("할아버지가 수면제를 한 주먹 삼키셨어요", "safety.emergency", {"kind": "medical"}),
    ("옆방 아저씨가 농약을 마셨대요", "safety.emergency", {"kind": "medical"}),
    ("혼자 사시는 분인데 초인종 눌러도 기척이 없어요", "safety.emergency", {"kind": "medical"}),
    ("아부지가 안 깨어나요", "safety.emergency", {"kind": "medical"}),
    ("욕실에서 미끄러지셨는데 못 일어나셔 119 좀", "safety.emergency", {"kind": "medical"}),
    ("하르방 쓰러젼", "safety.emergency", {"kind": "medical"}),
    ("주방에 불이 훅 올라와서 안 꺼져", "safety.emergency", {"kind": "fire"}),
    ("불이 이불에 옮겨 붙었어요", "safety.emergency", {"kind": "fire"}),
    ("불 불 불 연기 땜에 앞이 안 보여", "safety.emergency", {"kind": "fire"}),
    # ... and words that only sound alarming
    ("살려 줘요 이 앱 사용법을 하나도 모르겠어", "meta.help", {}),
    ("불타는 토요일인데 뭐 하고 놀까", "unknown", {}),
    ("혼자살아요 생계급여 되나요", "welfare.eligibility", {"benefit": "livelihood_aid", "household": "single"}),
    ("더위에 쓰러지는 사람 많다던데 내일 몇 도야", "weather.forecast", {"when": "tomorrow"}),
    ("쓰러지신 뒤로 누워만 계신 어머니 장기요양 받을 수 있나요", "welfare.eligibility", {"benefit": "long_term_care"}),
    ("엊그제 불났던 가게 앞에 쓰레기 좀 치워 주세요", "complaint.file", {"category": "trash"}),
    # complaints told as a situation
    ("공사장 망치 소리에 애가 자꾸 깨요", "complaint.file", {"category": "noise"}),
    ("누가 밤에 몰래 폐가구를 버리고 가요", "complaint.file", {"category": "trash"}),
    ("신림로 쪽 가로등 나갔어요", "complaint.file", {"category": "streetlight", "place": "신림로"}),
    ("송파대로 차도가 푹 꺼졌어요", "complaint.file", {"category": "road_damage", "place": "송파대로"}),
    ("버스 정류장 난간이 떨어져 나갔어요 신고할게요", "complaint.file", {"category": "other"}),
    ("놀이터 시소 줄이 끊어졌는데 어디다 말해요", "complaint.file", {"category": "other"}),
    ("전에 신고한 거 있잖아요 그거 처리됐나 확인 좀", "complaint.status", {}),
    # places: a 구청, a road after a name that ends in a consonant
    ("노원구청 근처 약국 어디야", "facility.nearby", {"facility": "pharmacy", "place": "노원구청"}),
    # mis-heard names
    ("장기 요향 등급 신청하려면 어떻게 해요", "welfare.info", {"benefit": "long_term_care"}),
    ("정브24 좀 켜 봐", "app.open", {"app": "gov24"}),
    ("근처 보건서 어디 있어요", "facility.nearby", {"facility": "health_center"}),
    ("스카웃 동행 신청할래요 화곡역이요", "safety.escort", {"place": "화곡역"}),
    # welfare: how to apply vs whether I can, and ages said in words
    ("의료급여 받으려면 통장 사본 내야 돼요", "welfare.info", {"benefit": "medical_aid"}),
    ("수급자 될라카믄 뭐부터 해야 되노", "welfare.info", {"benefit": "livelihood_aid"}),
    ("그 뭐라 하더라 집으로 목욕 시켜 주러 오는 거", "welfare.info", {"benefit": "long_term_care"}),
    ("우리 내외도 에너지바우처 되는가", "welfare.eligibility", {"benefit": "energy_voucher", "household": "couple"}),
    ("칠십 노인인데 기초연금 되나", "welfare.eligibility", {"benefit": "basic_pension", "age": 70}),
    ("육십 팔 세인데 노인일자리 할 수 있어요", "welfare.eligibility", {"benefit": "senior_jobs", "age": 68}),
    ("나 일흔셋 혼자 사는데 주거급여 받을 수 있나", "welfare.eligibility",
     {"benefit": "housing_benefit", "age": 73, "household": "single"}),
    ("둘 다 여든 넘었는데 돌봄 서비스 되나요", "welfare.eligibility", {"benefit": "senior_care", "household": "couple"}),
    # transit: waiting in the rain, a stop said with 서
    ("사 칠 이 번 아직 멀었어요 비 와서 추워", "transit.bus_arrival", {"route": "472"}),
    ("종로3가서 143번 언제 와", "transit.bus_arrival", {"route": "143", "stop": "종로3가"}),
    ("따릉이 반납하고 다시 빌리려는데 청계천 쪽 대여소", "transit.bike", {"place": "청계천"}),
    # a leading 아니 is not the request
    ("급한 건 아닌데 그냥 직원하고 통화하고 싶어요", "handoff.human", {}),
    ("하늘이 꾸물꾸물하네 비 쏟아지려나", "weather.forecast", {}),
    ("오늘 하영 추우꽈", "weather.forecast", {"when": "today"}),
    # meta commands said another way
    ("아까 신청한 거 없던 걸로 할게요", "meta.cancel", {}),
    ("또박또박 좀 말해 줘요", "meta.slower", {}),
    ("아니라고몇번을얘기해", "meta.deny", {}),
    ("처음인데 뭐라고 말하면 돼요", "meta.help", {}),
    ("안냐세여", "meta.greet", {}),
    ("거기 누구 계세요", "meta.greet", {}),
    ("라면 맛있게 끓이는 법", "unknown", {}),
    ("오래된 소화기 어떡해 버려요", "faq.answer", {"topic": "소화기"}),
    # round 9: trapped people, denials, figures of speech, lettered routes, ages and copulas
    ("화장실 문이 안 열려서 애가 갇혀 있어요", "safety.emergency", {}),
    ("불 난 건물 안에 할머니가 아직 계세요", "safety.emergency", {"kind": "fire"}),
    ("위급한 건 아니고요 상담원 연결 부탁해요", "handoff.human", {}),
    ("소방차 진입로에 트럭이 서 있어요 신고할게요", "complaint.file", {"category": "illegal_parking"}),
    ("아랫집 음악 소리 때문에 뚜껑 열리기 직전이야 민원 넣어", "complaint.file", {"category": "noise"}),
    ("750B 버스 언제 와요", "transit.bus_arrival", {"route": "750B"}),
    ("팔십셋 노인도 돌봄 서비스 되나요", "welfare.eligibility", {"benefit": "senior_care", "age": 83}),
    ("우리 아버지 팔십이에요 치매 검사 받을 수 있어요", "welfare.eligibility", {"benefit": "dementia_support", "age": 80}),
    ("구청 직원이 나보고 주거급여 받을 수 있다카던데 맞나", "welfare.eligibility", {"benefit": "housing_benefit"}),
    ("용산역 근처 무더위쉼터 알려 주고 가는 길도 알려 줘", "facility.nearby", {"facility": "heat_shelter", "place": "용산역"}),
    ("비트코인 시세 좀 알려 줘", "unknown", {}),
    ("그기 아이라니까", "meta.deny", {}),
    ("이제 그만해요", "meta.cancel", {}),
    # round 10: a request taken back and said again keeps its intent and takes the new details
    ("서울지갑 켜 줘 아 아니 그거 말고 복지로", "app.open", {"app": "bokjiro"}),
    ("273번 언제 와 아니 아니 271번", "transit.bus_arrival", {"route": "271"}),
    ("마포구 경로당 아니 그거 말고 서대문구 경로당", "facility.nearby", {"facility": "senior_center", "place": "서대문구"}),
    ("종로구 모레 날씨 아니 그게 아니라 중구", "weather.forecast", {"place": "중구", "when": "tomorrow"}),
    ("아니 그거 말고 다른 거요", "meta.deny", {}),
    # ... syllables spaced apart by the recogniser, typed initials
    ("연 기 가 나 요 빨 리 와 주 세 요", "safety.emergency", {"kind": "fire"}),
    ("처리 상황 알려 줘 접수번호 4 4 2 1 8", "complaint.status", {"receipt": "44218"}),
    ("ㄴㄴ", "meta.deny", {}),
    # ... and the rest
    ("그저께 지갑을 잃어버렸거든요 근처 지구대 어디예요", "facility.nearby", {"facility": "police"}),
    ("기초연금 신청서 쓰는 게 너무 어려워요", "welfare.info", {"benefit": "basic_pension"}),
    ("어머니 장기요양 등급 갱신 절차 알려 주세요", "welfare.info", {"benefit": "long_term_care"}),
    ("노원구 금일 날씨", "weather.forecast", {"place": "노원구", "when": "today"}),
    ("더버서 쉬어 갈 디 있나", "facility.nearby", {"facility": "heat_shelter"}),
    # round 11: "그리고" joins two requests, the first is answered; stops named after stations
    ("가로등 고쳐 달라고 민원 넣어 줘 그리고 내일 날씨도", "complaint.file", {"category": "streetlight"}),
    ("143번 버스 사당역 언제 와요", "transit.bus_arrival", {"route": "143", "stop": "사당역"}),
    ("합정역 6호선 응암 행 몇 분 남았어", "transit.subway_arrival", {"station": "합정", "line": "6", "direction": "응암"}),
    ("혼자 사시는 어르신 말동무 해 주고 챙겨 주는 서비스 이름이 뭐예요", "welfare.info", {"benefit": "senior_care"}),
    # round 12: a fall down stairs, choking, a break-in in progress; everyday hyperbole
    ("할아버지가 계단에서 굴러서 머리를 다쳤어요", "safety.emergency", {"kind": "medical"}),
    ("아기가 동전을 삼켰는데 입술이 파래요", "safety.emergency", {"kind": "medical"}),
    ("옆집 현관문을 누가 부수고 있어요", "safety.emergency", {"kind": "crime"}),
    ("살려 줘 심심해 죽겠어", "unknown", {}),
    ("숨 좀 쉬고 말해 따라갈 수가 없어", "meta.slower", {}),
    # round 13 (emergency-focused blind set): stroke, stings, crashes, burns, missing people, threats
    ("엄마가 갑자기 왼팔에 힘이 없대요", "safety.emergency", {"kind": "medical"}),
    ("말벌에 쏘였는데 숨이 막혀 와요", "safety.emergency", {"kind": "medical"}),
    ("버스 정류장에 쓰러진 할아버지가 대답을 못 하세요", "safety.emergency", {"kind": "medical"}),
    ("오토바이랑 차가 박았는데 한 사람이 피를 흘려요", "safety.emergency", {"kind": "medical"}),
    ("뜨거운 물에 데어서 살이 벗겨졌어요", "safety.emergency", {"kind": "medical"}),
    ("우리 아들이 마트에서 없어졌어요", "safety.emergency", {"kind": "crime"}),
    ("치매 있는 어머니가 아침에 나가셨는데 안 들어오세요", "safety.emergency", {"kind": "crime"}),
    ("어떤 남자가 칼을 들고 위협하고 있어요", "safety.emergency", {"kind": "crime"}),
    ("주방에서 가스 냄시가 심하게 나요", "safety.emergency", {"kind": "fire"}),
    # ... and the look-alikes answered as what they are
    ("심폐소생술 미리 배워 두고 싶은데 어디서 해요", "faq.answer", {"topic": "심폐소생술"}),
    ("어제 누가 따라오는 것 같아 무서웠어요 오늘은 안심귀가 신청할게요", "safety.escort", {}),
    ("응급 상황은 아닌데요 상담사 연결해 주세요", "handoff.human", {}),
]


@pytest.mark.parametrize("text, intent, slots", CASES)
def test_round7_class(engine, text, intent, slots):
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), result


LOOKALIKES = [
    "119는 전화 요금 나오는 번호인가요",
    "지난달 화재로 집이 타서 긴급복지 신청하고 싶어요",
    "하임리히법 혹시 몰라서 미리 알아 두려고요",
    "뇌졸중 전조 증상이 뭐예요",
    "작년에 도둑맞은 지갑 도난 신고 지금 해도 돼요",
    "로또 되면 심장마비 올 듯",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_danger_words_about_something_else_raise_no_alarm(engine, text):
    assert engine.understand(text).intent != "safety.emergency"
