"""Classes found on blind sets 29 to 38, checked with our own sentences."""

from __future__ import annotations

import pytest

from donghaeng.nlu.heard_numbers import spell_heard_numbers
from donghaeng.nlu.numerals import digits_from_words

ALARMS = [
    # fire said as it sounds, and a fire only feared but with the flames seen
    ("베란다 빨래에 불 부터써요 빨리 와 주세요", "fire"),
    ("창고 쪽에서 불낄이 올라와요", "fire"),
    ("안방에서 타는 내가 심하게 나요 어떡해요", "fire"),
    ("연기가 복도로 막 드러와요 옆집 불 난 거 같아요", "fire"),
    # someone inside going through the house, someone following closely
    ("퇴근하고 왔는데 작은방에서 누가 서랍을 뒤지고 있어요", "crime"),
    ("낯선 남자가 아까부터 바짝 부터서 와요 무서워요", "crime"),
    # an earlier day, and then it happens again now
    ("그저께 넘어져서 병원 갔다 왔는데 오늘은 괜찮더니 방금 또 쓰러지셨어요", "medical"),
    # a feared fire that is not one, but smoke still pouring out
    ("불난 건 아니고 연기가 계속 나요 빨리 와 주세요", "fire"),
]


@pytest.mark.parametrize("text, kind", ALARMS)
def test_emergency_class_raises_the_alarm(engine, text, kind):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind), result


LOOKALIKES = [
    # an ambulance heard passing, or blamed for a jam
    ("앰뷸런스 지나가는 소리 때문에 못 들었어요 다시 한 번만 얘기해 줘요", "meta.repeat"),
    ("구급차 때문에 차가 막혀서 그런지 143번이 안 오네", "transit.bus_arrival"),
    # an ambulance lane blocked by parked cars
    ("구급차 지나다니는 골목에 트럭들이 서 있어서 민원 넣을게요", "complaint.file"),
    # an earlier day's danger that is over
    ("지난주에 응급실 다녀왔는데 이제 괜찮아요 가까운 내과 좀 알려 주세요", "facility.nearby"),
    # a state that began with an old event
    ("재작년에 쓰러지신 뒤로 아버지가 거동을 못 하셔서 요양 등급 신청하려고요", "welfare.info"),
    # a simile, not a collapse
    ("피곤해서 쓰러지듯 잤더니 버스 놓쳤네 다음 버스 언제 와", "transit.bus_arrival"),
    # reporting a lost phone at the police
    ("지갑 분실신고 하려면 가까운 파출소 어디야", "facility.nearby"),
    ("오토바이 도둑맞았는데 경찰서가 어디예요", "facility.nearby"),
    # the caller says it is not that bad
    ("구급차 부를 정도는 아닌데 배가 살살 아파요 문 연 병원 있어요", "facility.nearby"),
    # 살려고 is "to buy", not 살려
    ("반찬 좀 살려고 하는데 시장 가는 버스 있어", None),
    # a call already made and passed on
    ("112에 전화했더니 구청에 물어보라던데 사람 좀 연결해 줘요", "handoff.human"),
    # a button pressed by mistake
    ("잘못 눌렀어요 119 말고요 그거 취소해 주세요", "meta.cancel"),
    # smoke of a restaurant coming in by a window is a nuisance
    ("고깃집 연기가 창문으로 자꾸 들어와서 민원 넣어요", "complaint.file"),
    # a cost question about 119 itself
    ("119 구급차 타면 요금 따로 내요", "faq.answer"),
    # a service's place named, not a call for it
    ("119 안전센터 입구에 트럭을 세워 놔서 소방차가 못 나와요 민원 넣어요", "complaint.file"),
    # a little blood from a small cut, and a plaster wanted
    ("텃밭에서 손가락 베어서 피가 살짝 나요 반창고 살 데 있어요", "facility.nearby"),
    # phishing named without anything happening now
    ("보이스피싱 당하지 않으려면 뭘 조심해야 돼요", None),
    # 아침입니다 holds no 침입
    ("좋은 아침입니다 오늘 날씨 어때요", "weather.forecast"),
    # a fire engine's way blocked, said as 119 차
    ("119 차가 못 지나갈 만큼 골목에 트럭을 세워 놨어요 신고해 주세요", "complaint.file"),
    # a question about what a benefit covers, with an ambulance in it
    ("구급차 타고 가도 건강보험 되는 거 맞아요", None),
    # not bad enough to call
    ("구급차 부르기는 좀 그렇고 밤에 하는 약국 있어요", "facility.nearby"),
]


@pytest.mark.parametrize("text, intent", LOOKALIKES)
def test_danger_words_that_are_no_danger_raise_no_alarm(engine, text, intent):
    result = engine.understand(text)
    assert result.intent != "safety.emergency", result
    if intent is not None:
        assert result.intent == intent, engine.describe(text)


HEARD_NUMBERS = [
    ("배고십번", "백오십번"),
    ("엔 이심뉵", "엔 이십육"),
    ("뱅뉵씨비번", "백육십이번"),
    ("칠씹 다섯", "칠십 다섯"),
    ("사치리번", "사칠이번"),
    # ordinary words stay words
    ("시비 걸지 마세요", "시비 걸지 마세요"),
    ("배고파요", "배고파요"),
]


@pytest.mark.parametrize("heard, spelled", HEARD_NUMBERS)
def test_number_words_written_as_heard_are_spelled_back(heard, spelled):
    assert spell_heard_numbers(heard) == spelled


NUMBERS = [
    ("배고십번 버스", "150번 버스"),
    ("육십 구인데", "69인데"),
    ("칠십 2세", "72세"),
    ("4백 2번", "402번"),
    ("나이는 쉰다섯이에요", "나이는 55이에요"),
    # 천천히 said apart is no number
    ("천천 히", "천천 히"),
    ("예순 여덜비고", "68이고"),
    ("칠십팔에 혼자", "78에 혼자"),
    ("삼 호 선", "3호선"),
    ("육 십 삼 살", "63살"),
    # 쉰 alone is "hoarse", 육십 이에요 is 60
    ("목이 쉰 것 같아", "목이 쉰 것 같아"),
    ("육십 이에요", "60 이에요"),
]


@pytest.mark.parametrize("said, digits", NUMBERS)
def test_numbers_said_apart_or_mixed_become_digits(said, digits):
    assert digits_from_words(said) == digits


def test_village_route_prefix_heard_as_it_sounds(engine):
    result = engine.understand("종노 공이 마을버스 언제 와요")
    assert (result.intent, result.slots.get("route")) == ("transit.bus_arrival", "종로02"), result


def test_number_said_twice_in_two_forms_is_one_route(engine):
    result = engine.understand("사칠이 사백칠십이번 언제 와")
    assert result.slots.get("route") == "472", result


@pytest.mark.parametrize("text, receipt", [
    ("접수 번호 이 공 삼 다시 팔 팔 일이요 어떻게 됐어요", "203-881"),
    ("접수번호가 삼 비 비 다시 일이삼사 다시 공공구팔칠 처리됐나요", "3BB-1234-00987"),
])
def test_receipt_read_one_digit_or_letter_at_a_time(engine, text, receipt):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("receipt")) == ("complaint.status", receipt), result


@pytest.mark.parametrize("text, station", [
    ("설릉 역 언제 와요", "선릉"),
    ("태능 입꾸 6호선 몇 분 남았어", "태릉입구"),
    ("항녀울 삼호선 언제 오나", "학여울"),
    ("건대이꾸 2호선 성수 방향 언제 와", "건대입구"),
])
def test_station_heard_as_a_recogniser_spells_it(engine, text, station):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("station")) == ("transit.subway_arrival", station), result


def test_station_mark_heard_as_nyeok_or_said_apart(engine):
    assert engine.understand("사당녁에서 집까지 같이 가 줄 분 있어요").slots.get("place") == "사당역"
    assert engine.understand("혜화 역 근처 따릉이 있어").slots.get("place") == "혜화역"
    assert engine.understand("오늘 저녁 날씨 어때").intent == "weather.forecast"


def test_romanised_place_does_not_swallow_the_next_word(engine):
    result = engine.understand("A car is parked in front of my door in Itaewon, I want to report it")
    assert (result.intent, result.slots.get("place")) == ("complaint.file", "이태원"), result


@pytest.mark.parametrize("text, topic", [
    ("호닌 신고는 어디서 해요", "혼인신고"),
    ("재산쎄 언제까지 내요", "재산세"),
])
def test_topic_heard_one_sound_off_is_reported_as_spelled(engine, text, topic):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("topic")) == ("faq.answer", topic), result


SECOND_REQUESTS = [
    # "…도 알려 줘" adds a request; the first one is the request
    ("기초연금 신청 방법 알려 주고 가까운 주민센터도 알려 줘", "welfare.info"),
    ("덕수궁 야간 개장 몇 시에 해요 근처 약국도 찾아 주세요", "tourism.attraction"),
    ("따릉이 앱 켜 주고 반납하는 데도 알려 줘", "app.open"),
]


@pytest.mark.parametrize("text, intent", SECOND_REQUESTS)
def test_a_request_added_with_do_leaves_the_first_as_the_request(engine, text, intent):
    assert engine.understand(text).intent == intent, engine.describe(text)


def test_a_bike_is_looked_for_where_one_is_not_where_one_rides_to(engine):
    assert engine.understand("한강 가서 자전거 탈라는데 망원동 쪽에 빌리는 데 있어").slots.get("place") == "망원동"
    assert engine.understand("여의도 가서 자전거 좀 타고 싶은데 빌릴 데 있나").slots.get("place") == "여의도"
    # the river is too wide to be where a bike is looked for, but it is a sight
    assert engine.understand("자전거 타고 한강 가고 싶은데 빌릴 데 있어").slots == {}
    assert engine.understand("한강 불꽃축제는 몇 시부터 해요").slots == {"place": "한강"}


REQUESTS = [
    # apps described by what they do
    ("만보기처럼 걸음 세 주는 서울시 앱 켜 줘", "app.open", "app", "sonmok_doctor"),
    ("폰 흔들면 경찰한테 바로 신고되는 앱 열어 줘", "app.open", "app", "ansimi"),
    ("등본 떼는 나라 사이트 좀 열어 주세요", "app.open", "app", "gov24"),
    ("청년 정책 모아 놓은 사이트 띄워 줘", "app.open", "app", "youth_portal"),
    ("구민 수영장 예약하는 사이트 열어 줘", "app.open", "app", "public_reservation"),
    ("카톡으로 서울시랑 얘기하는 채널 켜 줘", "app.open", "app", "seoul_talk"),
    # facilities described by what is done there
    ("처방전 받았는데 약 지어 줄 데 어디 있어", "facility.nearby", "facility", "pharmacy"),
    ("주운 지갑 갖다 줄 데가 어디야", "facility.nearby", "facility", "police"),
    ("지하철 타려면 어느 역이 제일 가까워", "facility.nearby", "facility", "subway_station"),
    ("보일러가 고장 나서 냉골인데 따뜻하게 있다 올 데 있어", "facility.nearby", "facility", "cold_shelter"),
    # benefits described by what they give
    ("병원비를 거의 안 내게 해 주는 거 어떻게 받아요", "welfare.info", "benefit", "medical_aid"),
    ("보일러값 보태 주는 거 우리두 되는겨", "welfare.eligibility", "benefit", "energy_voucher"),
    ("형편 어려운 집에 생활비로 다달이 주는 돈 얼마씩 나와요", "welfare.info", "benefit", "livelihood_aid"),
    # household words do not make "what is it" an eligibility question
    ("혼자 사는 어르신 들여다봐 주는 돌봄 있다고 들었는데 그게 뭐예요", "welfare.info", "benefit", "senior_care"),
    # eligibility in dialect, and with an age said bare
    ("장애인연금 나도 나오우", "welfare.eligibility", "benefit", "disability_pension"),
    ("칠십셋 기초연금 돼요", "welfare.eligibility", "age", 73),
    # a problem named and described is a complaint, said as a statement
    ("인도 블록이 움푹 패여서 할머니가 넘어질 뻔했다 아이가", "complaint.file", "category", "road_damage"),
    ("공원 화장실 문짝이 떨어져 나갔네", "complaint.file", "category", "other"),
]


@pytest.mark.parametrize("text, intent, slot, value", REQUESTS)
def test_request_in_new_words_gives_its_detail(engine, text, intent, slot, value):
    result = engine.understand(text)
    assert (result.intent, result.slots.get(slot)) == (intent, value), engine.describe(text)


PLAIN_REQUESTS = [
    ("도장 새로 파면 신고해야 되나요", "faq.answer"),
    ("음식물 쓰레기 봉투는 주민센터에서도 팔아요", "faq.answer"),
    ("신고헌 거 시방 워치게 돼 가유", "complaint.status"),
    ("저번에 넣은 민원 진행됐나요", "complaint.status"),
    ("상담하는 아가씨 좀 대 봐라", "handoff.human"),
    ("이거 워치게 쓰는 거유", "meta.help"),
    ("한 자 한 자 말해 주소", "meta.slower"),
    ("아이고 안녕하시유", "meta.greet"),
    ("그 역 말고요", "meta.deny"),
    ("바이바이 잘 있그래이", "meta.goodbye"),
    ("그래 진행해 줘", "meta.confirm"),
    ("밤길이 무서워서 누가 같이 좀 가 줬으면 좋겠어요", "safety.escort"),
    ("내일 누 논다 카던데", "weather.forecast"),
    ("Open Ttareungyi please", "app.open"),
    ("버스에서 내렸는데 화장실이 너무 급해요", "facility.nearby"),
    ("472번 타야 병원 가는데 오늘따라 감감무소식이네", "transit.bus_arrival"),
    ("그렇게 빨리 말하믄 나는 모른다", "meta.slower"),
    ("상담허는 사람 읎어", "handoff.human"),
    ("폭삭 속았수다", "meta.goodbye"),
    ("민원까지 넣을 일은 아닌 것 같네요", "meta.cancel"),
    ("아까 넣은 민원 접수 잘 된 거죠", "complaint.status"),
    ("주민등록증 제가 대신 받을 수 있나요", "faq.answer"),
    ("이번 주말에 나들이 가도 될 만한 날 있어", "weather.forecast"),
    ("지난주에 넣은 미넌 소식이 없어요", "complaint.status"),
    ("그 정류장 아니거든요 반대쪽이요", "meta.deny"),
    ("도우 말 좀 들려줘", "meta.help"),
    ("칠이일사 지금 어디야", "transit.bus_arrival"),
    ("시골서 손님 오는데 데리고 다닐 만한 데 있어요", "tourism.attraction"),
    ("눈 온 뒤라 내일 아침 길 미끄럽겠어", "weather.forecast"),
    ("강서구 지금 체감 온도 몇 도야", "weather.forecast"),
    ("망가진 선풍기 버리려는데 스티커 붙여야 돼요", "faq.answer"),
    ("새해 복 많이 받으세요 할머니", "meta.greet"),
    ("퇴근길 골목이 어두운데 같이 좀 걸어 주면 좋겠어요", "safety.escort"),
    # 손주가 holds no stock price (주가)
    ("손주가 배가 아프다는데 밤에 데리고 갈 병원 있어요", "facility.nearby"),
    ("오늘 꽃가루 많이 날려요", "weather.forecast"),
    ("모종 심으려는데 모레 서리 내려요", "weather.forecast"),
    ("석촌호수 벚꽃길 지금 볼 만혀요", "tourism.attraction"),
    ("오냐 그리 진행해라", "meta.confirm"),
    ("아냐 아냐 잘못 적었어", "meta.deny"),
    ("볼일 다 봤으니께 들어가유", "meta.goodbye"),
    ("이 스피커는 무슨 일을 해 주는 거야", "meta.help"),
    ("시청역 정류장에 한참 서 있는데 버스가 올 생각을 안 하네", "transit.bus_arrival"),
]


@pytest.mark.parametrize("text, intent", PLAIN_REQUESTS)
def test_request_in_new_words_is_understood(engine, text, intent):
    assert engine.understand(text).intent == intent, engine.describe(text)


def test_subsidy_is_not_erase(engine):
    assert engine.understand("치매안심센터에서 뭘 지원해 줘요").intent == "welfare.info"
    assert engine.understand("방금 거 다 지워 주세요").intent == "meta.cancel"


def test_a_two_syllable_name_does_not_straddle_two_words(engine):
    # 놈이 따릉이 holds no 이따 ("later today")
    result = engine.understand("우리 아들놈이 따릉이 앱 좀 띄워 달래")
    assert (result.intent, result.slots) == ("app.open", {"app": "ttareungyi"}), result


def test_neighbourhood_is_no_couple(engine):
    result = engine.understand("우리 동네에도 경로당 있어요")
    assert "household" not in result.slots and result.intent == "facility.nearby", result
