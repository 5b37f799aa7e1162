"""Classes found on blind sets 16 to 20, checked with our own sentences."""

from __future__ import annotations

import pytest

ALARMS = [
    # 불길 said apart by the recogniser, 화재 heard as 화제
    ("불 길이 창문 밖으로 치솟아요", "fire"),
    ("화제 발생했어요 빨리 와 주세요", "fire"),
    # a weapon swung, said with other words in between or with no weapon named
    ("취객이 우산을 막 휘두르고 있어요", "crime"),
    # asking for the escort while being followed right now is still an alarm
    ("누가 계속 따라와요 집까지 같이 가 주세요", "crime"),
    # an interjection before a real missing child, palpitations with breathlessness
    ("아이고 우리 아이가 안 보여요", "crime"),
    ("가슴이 벌렁거리고 숨이 차요", "medical"),
    # someone trying to get in now
    ("밖에서 누가 도어락 비밀번호를 계속 눌러요", "crime"),
    # being forced into a car
    ("웬 아저씨가 아이를 억지로 차에 태우려고 해요", "crime"),
    # harm about to happen in a fight is still an alarm
    ("식당 앞에서 칼 들고 싸우고 있어요 누구 하나 찔리겠어요", "crime"),
]


@pytest.mark.parametrize("text, kind", ALARMS)
def test_emergency_class_raises_the_alarm(engine, text, kind):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind), result


LOOKALIKES = [
    # 아이고 is no child
    ("아이고 나 길을 잃었나 봐 버스 정류장 어디야", None),
    # a sign taken back at once
    ("연기 나는 건 아니고 공사장 먼지가 날려요 민원 넣을게요", "complaint.file"),
    # fear, or an old fright, told to ask for the escort
    ("밤길에 누가 따라오는 것 같아 불안한데 귀가 동행 서비스 신청할 수 있나요", "safety.escort"),
    # excitement, a typhoon (태풍 is no stroke), hyperbole about money
    ("내일 손녀 입학식인데 가슴이 벌렁거려요 날씨 맑을까요", "weather.forecast"),
    ("이번 태풍 오면 우리 구는 괜찮을까", "weather.forecast"),
    ("살려 줘 복권 번호 좀 골라 줘", "unknown"),
    ("코인이 불났다던데 사야 되나", "unknown"),
    # a past stroke, already out of hospital
    ("작년에 아버지가 쓰러졌다가 퇴원하셨는데 요양 등급 받을 수 있나요", None),
    # breath taken away as a figure of speech
    ("숨 막히겠다 말 좀 천천히 해", "meta.slower"),
    ("동네에 수상한 사람 돌아다닌다는 소문 있어서 밤에 나가기 무서워", None),
    ("어제 시장에서 불 났다며 사람도 다쳤대", None),
    # a stroke that is over: out of hospital
    ("어머니가 풍으로 쓰러지셨다가 퇴원하셨는데 요양 등급 받으려면 뭐 해야 돼요", None),
    # a fire only imagined, a fallen object that may trip someone, a fear said not to be a chase
    ("골목에 차를 대 놔서 불이라도 나면 소방차가 못 들어와요 신고해 주세요", None),
    ("보도에 공유 자전거가 쓰러져 있어서 사람들 걸려 넘어지겠어요 치워 주세요", None),
    ("누가 따라온다는 건 아니고요 어두워서 무서워서 그래요 집까지 같이 걸어 줄 분 신청돼요", None),
]


@pytest.mark.parametrize("text, intent", LOOKALIKES)
def test_danger_words_that_are_no_danger_raise_no_alarm(engine, text, intent):
    result = engine.understand(text)
    assert result.intent != "safety.emergency", result
    if intent is not None:
        assert result.intent == intent, result


MISHEARD_PLACES = [
    # a word before 역 or 동 one jamo away from exactly one station or dong
    ("선능역 가는 지하철 막차 언제야", "transit.subway_arrival", "station", "선릉"),
    ("신님동 무더위쉼터 어디야", "facility.nearby", "place", "신림동"),
]


@pytest.mark.parametrize("text, intent, slot, value", MISHEARD_PLACES)
def test_misheard_name_before_its_kind_word_is_the_place(engine, text, intent, slot, value):
    result = engine.understand(text)
    assert (result.intent, result.slots.get(slot)) == (intent, value), result


@pytest.mark.parametrize("text", ["소방차 전용구역에 차가 서 있어요 신고할게요", "우리동네 약국 어디 있어"])
def test_everyday_words_ending_like_a_place_name_are_no_place(engine, text):
    assert "place" not in engine.understand(text).slots


AGES = [
    # a native-Korean age with a dialect copula, or an exact age said as passed
    ("기초연금 받을 수 있나 올해 일흔일곱이우", 77),
    ("예순여덟 넘었는데 노인 일자리 할 수 있어요", 68),
]


@pytest.mark.parametrize("text, age", AGES)
def test_age_said_in_native_numbers_is_read(engine, text, age):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("age")) == ("welfare.eligibility", age), result


def test_a_round_age_passed_is_a_bound_not_an_age(engine):
    assert "age" not in engine.understand("칠십 넘었는데 기초연금 되나").slots


@pytest.mark.parametrize("text, place", [
    # a name the recogniser split is still the name when it ends its word or takes a particle
    ("봉 천 동에 무더위쉼터 있어요", "봉천동"),
    # but not a name heard across two words that say something else
    ("못 와 본 동생이랑 갈 만한 관광지 추천해 줘", None),
    ("일흔 넘었는데 공원 가는 버스 있나", None),
])
def test_place_heard_across_a_space_must_fit_the_words(engine, text, place):
    assert engine.understand(text).slots.get("place") == place


@pytest.mark.parametrize("text, intent, slot, value", [
    # names spelled as they sound
    ("사호선 청냥리 가는 열차 언제 와요", "transit.subway_arrival", "station", "청량리"),
    ("과낙구 무더위쉼터 어디 있어요", "facility.nearby", "place", "관악구"),
    ("구이역 근처 따릉이 있어요", "transit.bike", "place", "구의역"),
    # a vowel mis-heard in a district name before 구
    ("강소구 내일 비 와요", "weather.forecast", "place", "강서구"),
])
def test_name_spelled_as_heard_is_the_real_name(engine, text, intent, slot, value):
    result = engine.understand(text)
    assert (result.intent, result.slots.get(slot)) == (intent, value), result


def test_direction_station_does_not_stop_the_search_for_the_station_asked_about(engine):
    result = engine.understand("일호선 청냥리에서 인천 방면 언제 와")
    assert (result.slots.get("station"), result.slots.get("direction")) == ("청량리", "인천"), result


@pytest.mark.parametrize("text, facility", [
    # a facility described by what one does there
    ("날이 더워 그런데 에어컨 좀 쐬다 갈 데 있나", "heat_shelter"),
    ("집이 냉골이라 잠깐 따순 데 가 있고 싶은데 어디 없을까", "cold_shelter"),
    ("할머니들 모이는 데 나도 좀 가 보고 싶은디 어디 있노", "senior_center"),
])
def test_facility_described_by_its_use_is_found(engine, text, facility):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("facility")) == ("facility.nearby", facility), result


def test_time_words_are_no_topic(engine):
    result = engine.understand("작년에 택배 사기 당할 뻔했는데 그런 일 생기면 어디다 신고하는 거야")
    assert result.intent == "faq.answer" and result.slots.get("topic") not in ("작년", None), result


def test_station_said_with_its_number_as_a_word_is_reported_as_written(engine):
    assert engine.understand("종로 삼가 근처 약국 어디 있어요").slots.get("place") == "종로3가"


def test_learning_what_to_do_ahead_of_time_is_a_question(engine):
    assert engine.understand("화재 나면 어디로 대피해야 되는지 미리 알아 두려고요").intent == "faq.answer"


def test_age_said_with_the_plain_copula(engine):
    assert engine.understand("기초연금 되나 내 칠십삼이다").slots.get("age") == 73


INTENTS = [
    ("어 방금 뭐랬노", "meta.repeat"),
    ("말하는 빠르기 좀 낮춰 주소", "meta.slower"),
    ("내 말은 그런 뜻이 아니었다니까", "meta.deny"),
    ("뭐라고 해야 알아듣는교", "meta.help"),
    ("그냥 인사 한번 하려고 눌러 봤어요", "meta.greet"),
    ("여보쇼 거기 있소", "meta.greet"),
    ("오늘은 여기까지만 할게요", "meta.goodbye"),
    ("아 됐어 나중에 할게", "meta.cancel"),
    ("안 허겠수다 고만 혀", "meta.cancel"),
    # the way to a facility by bus is a question about the facility
    ("시립도서관 있다던데 버스 타고 어떻게 가요", "facility.nearby"),
    # will my bus be on time
    ("약속이 두 시인디 관악02번이 제때 올랑가", "transit.bus_arrival"),
    # a broken thing at a bus stop is a complaint
    ("정류장 전광판이 고장 났어요 민원 넣어 주세요", "complaint.file"),
    # asking someone to take a banner down
    ("가게 앞 현수막을 아직도 안 뗐어요 떼 달라고 해 주세요", "complaint.file"),
    # the escort asked for as a service
    ("밤 열한 시에 역에 내리는데 집까지 동행해 주는 서비스 되나요", "safety.escort"),
    # snow now and whether to go out
    ("지금 은평구 눈 많이 오나 산에 가도 되겠어", "weather.forecast"),
    ("남산타워 전망대 경로 할인 되나요", "tourism.attraction"),
    # the 120 operator asked for as a person; 대 줘 is no 떼 줘
    ("답답해서 못 하겠다 120 아가씨 좀 대 줘", "handoff.human"),
    # where one would report something, or whether one must: a question about the procedure
    ("요즘 스미싱 문자 많던데 그런 문자 오면 어디에 신고하는 거예요", "faq.answer"),
    ("이름 바꾸면 주민센터에 다시 신고해야 돼요", "faq.answer"),
    # a problem described and where to report it: the report itself
    ("가게 앞에 누가 맨날 차를 세워 놔요 이거 어디다 신고해야 돼요", "complaint.file"),
    # a named app and an open verb, whatever else is said around it
    ("주거급여 알아보게 복지로 좀 열어 줘", "app.open"),
    ("사용 방법 좀 갈켜 줘", "meta.help"),
    # a hazard told as a remark is still a complaint
    ("보도블록이 들떠 가지고 사람들 걸려 넘어지겠더라", "complaint.file"),
    ("무인민원발급기 쓰는 법 좀 알려 줘요", "faq.answer"),
    ("밤에 혼자 못 다니겠어 골목이 너무 어두워서", "safety.escort"),
    ("아까 부탁한 거 없던 일로 해 주세요", "meta.cancel"),
    ("이거 뭘 어떻게 물어봐야 되는지 하나도 몰러", "meta.help"),
    ("귀가 어두워서 사람하고 직접 통화하고 싶어요", "handoff.human"),
    ("자전거 빌려 타는 거 여기서 제일 가까운 데", "transit.bike"),
    ("손녀 숙제 때문에 그러는데 근처에 도서관 있능가", "facility.nearby"),
    # quitting something, a relative one lost touch with: no cancel, no goodbye
    ("이제 나이 들어서 운전 그만할라 카는데 면허 반납하면 뭐 주나", "faq.answer"),
    ("딸이랑 연락 끊은 지 오래인데 기초생활수급 받을 수 있나요", "welfare.eligibility"),
    # where to tell about noise, which way the station is
    ("윗집에서 밤마다 망치질을 해 대는데 어디다 말해야 되노", "complaint.file"),
    ("전철 타는 데가 어느 쪽이여 글씨가 하나도 안 보이네", "facility.nearby"),
]


@pytest.mark.parametrize("text, intent", INTENTS)
def test_request_class_is_understood(engine, text, intent):
    assert engine.understand(text).intent == intent


REQUESTS = [
    # a plan said as a remark still asks; a mis-heard palace is found when nothing else is
    ("경복꿍 가 보려는데 한복 입으면 공짜라던데요", "tourism.attraction", {"place": "경복궁"}),
    ("덕수꿍 들어가려면 예약해야 돼요", "tourism.attraction", {"place": "덕수궁"}),
    # 물어볼 게 있어 is no sightseeing; opening the chat window is opening the app
    ("서울지갑 앱 좀 켜 봐 물어볼 게 있어서", "app.open", {"app": "seoul_wallet"}),
    ("다산콜 채팅 창 좀 켜 줘", "app.open", {"app": "dasan_120"}),
    # a receipt read out with 다시: 이 before 인데 is a digit, not the copula
    ("접수 번호 삼사오 다시 일일이인데 어떻게 됐어요", "complaint.status", {"receipt": "345-112"}),
    # a line taken back for another
    ("교대역 이호선 말고 삼호선 언제 와요", "transit.subway_arrival", {"station": "교대", "line": "3"}),
    # a stop said with its number as a word, reported as written
    ("을지로이가에서 이칠일번 언제 와", "transit.bus_arrival", {"route": "271", "stop": "을지로2가"}),
    # a lettered route in run-together speech
    ("1002A타려는데몇분남았어", "transit.bus_arrival", {"route": "1002A"}),
    # whether such a programme exists is a question about it, however the person lives
    ("혼자 사는 노인 돌봐 주는 그런 제도 있나요", "welfare.info", {"benefit": "senior_care"}),
    # searching one's memory for a name is no request to repeat
    ("어르신한테 말벗 해 주는 서비스 그거 이름이 뭐였더라", "welfare.info", {"benefit": "senior_care"}),
    ("Can my father get the senior transportation card", "welfare.eligibility", {"benefit": "transport_discount"}),
    ("People keep dumping garbage bags next to the park entrance", "complaint.file", {"category": "trash"}),
    # worry about a daughter coming home alone late, said indirectly
    ("아들이 야근 끝나고 자정 넘어 혼자 들어오는디 걱정이여", "safety.escort", {}),
    ("일흔둘인데 노인 일자리 신청해도 돼요", "welfare.eligibility", {"benefit": "senior_jobs", "age": 72}),
    ("기초연금 신청 아들이 대신 해도 되나요", "welfare.info", {"benefit": "basic_pension"}),
    ("감기 기운이 있어서 약 지을 데 찾아요", "facility.nearby", {"facility": "pharmacy"}),
    ("허리가 아파서 근처에 진료하는 데 있나", "facility.nearby", {"facility": "hospital"}),
    ("정류장 의자가 부서져 있어요 고쳐 달라고 해 주세요", "complaint.file", {"category": "other"}),
    ("지난달에 넣은 민원 답이 아직 안 왔어요", "complaint.status", {}),
    ("Can you connect me to someone who speaks English", "handoff.human", {}),
    ("말을 빨리 하면 하나도 못 알아들어요", "meta.slower", {}),
    ("이 비서한테 뭘 시킬 수 있는지 모르겠어", "meta.help", {}),
    ("공사 소리 때문에 하나도 못 들었네", "meta.repeat", {}),
    ("복찌로 앱 좀 열어 줘", "app.open", {"app": "bokjiro"}),
    # apps described by what they do
    ("걸으면 포인트 쌓아 주는 그 앱 좀 켜 줘", "app.open", {"app": "sonmok_doctor"}),
    ("밤에 누르면 씨씨티비로 지켜봐 주는 앱 열어 주세요", "app.open", {"app": "ansimi"}),
    # a service put aside for another is no call for it
    ("119 말고 120에 사람 좀 연결해 줘", "handoff.human", {}),
    ("살려 줘 무슨 말인지 하나도 모르겠어 쉽게 좀 해 줘", "meta.slower", {}),
    # a route or a stop corrected, split or run together
    ("칠공일팔 아니 칠공일칠 언제 와", "transit.bus_arrival", {"route": "7017"}),
    ("강남 구 이번주 날씨 어때", "weather.forecast", {"place": "강남구", "when": "week"}),
    ("따릉이대여소합정역", "transit.bike", {"place": "합정역"}),
]


@pytest.mark.parametrize("text, intent, slots", REQUESTS)
def test_request_class_gives_its_slots(engine, text, intent, slots):
    result = engine.understand(text)
    assert (result.intent, result.slots) == (intent, slots), result
