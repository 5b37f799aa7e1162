"""Classes found on blind sets 21 to 23, checked with our own sentences."""

from __future__ import annotations

import pytest

ALARMS = [
    # 불났어 written as it sounds
    ("옆집 창고에 불라써요", "fire"),
    # a fever with a call for help is still an alarm, pharmacy or not
    ("애가 열이 펄펄 나고 경련을 해요 약국 갈 새도 없어요 빨리요", "medical"),
    # a parked car plus a person collapsed: two signs win over the parking words
    ("차 때문에 구급차가 못 들어오는데 할아버지가 쓰러져서 숨을 안 쉬어요", "medical"),
    # last night is past, but something is happening again now
    ("어젯밤에 누가 문을 두드렸는데 지금 또 누가 문을 따려고 해요", "crime"),
    # a fright that seemed mistaken but is still going on
    ("기분 탓인 줄 알았는데 누가 아직도 따라와요", "crime"),
    # 도둑 misheard as 도독
    ("안방에 도독이 들어와 있어요", "crime"),
    # bleeding said in 제주 말
    ("하르방 넘어젼 피 남수다", "medical"),
]


@pytest.mark.parametrize("text, kind", ALARMS)
def test_emergency_class_raises_the_alarm(engine, text, kind):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("kind")) == ("safety.emergency", kind), result


LOOKALIKES = [
    # the way for a fire engine or an ambulance blocked by parked cars
    ("우리 골목에 트럭을 대 놔서 소방차가 못 들어가겠어요 신고할게요", "complaint.file"),
    # how a device works
    ("지하철 비상 버튼 누르면 경찰이 바로 출동하나요", None),
    # a habit, not someone missing now
    ("할아버지가 요새 자꾸 길을 잃으셔서 치매 검사 받게 하려는데 어떻게 해요", "welfare.info"),
    # a season past
    ("지난여름에 불나서 타 버린 냉장고는 어떻게 버려요", None),
    # a belief found mistaken
    ("도둑 든 줄 알았는데 고양이였어요 취소할게요", "meta.cancel"),
    # a topic particle before the denial
    ("타는 냄새는 아니고 음식물 쓰레기 냄새가 심해요 민원 넣을게요", "complaint.file"),
    # smoke at the window is a nuisance, not a break-in
    ("아래층 담배 연기가 창문으로 자꾸 들어와요 신고할래요", "complaint.file"),
    # a mild symptom and a search for a pharmacy
    ("손주가 기침을 좀 하는데 지금 문 연 약국 어디 있어요", "facility.nearby"),
    # a plea for help about a bill or a late bus is exasperation
    ("살려 줘 관리비가 왜 이렇게 많이 나왔어", None),
    # an escort asked for after an old fright
    ("지난주에 골목에서 누가 따라와서 무서웠는데 오늘은 귀가 스카우트 불러 줘요", "safety.escort"),
    # heat hyperbole with a plea, looking for somewhere cool
    ("살려 줘 추워서 못 살겠다 따뜻한 데 어디 있어", "facility.nearby"),
    # lost oneself on a visit to a daughter's home
    ("아들네 집 왔다가 길을 잃었어 버스 정류장 어디야", None),
    # a fall only feared
    ("아버지가 혼자 계시다 넘어지기라도 할까 봐 안부 확인해 주는 거 신청하고 싶어요", None),
    # a wire hanging limp
    ("전선이 축 늘어져서 위험해요 민원 넣을게요", "complaint.file"),
    # company on the way home, asked for out of fear
    ("밤에 무서워서 그런데 집에 갈 때 같이 가 줄 사람 있어요", "safety.escort"),
    # what to do if it happens
    ("타는 냄새 나면 어떻게 해야 돼요", None),
    # a plea about the assistant's pace
    ("살려 줘요 말씀이 너무 빨라요", "meta.slower"),
    ("도둑 든 줄 알았는데 바람 소리였어요", None),
    ("빈집털이 당했을 때 방범창 고쳐 달라고 넣은 민원 어떻게 됐어요", "complaint.status"),
    ("살려 줘 속사포로 말하면 내가 어떻게 따라가", "meta.slower"),
]


@pytest.mark.parametrize("text, intent", LOOKALIKES)
def test_danger_words_that_are_no_danger_raise_no_alarm(engine, text, intent):
    result = engine.understand(text)
    assert result.intent != "safety.emergency", result
    if intent is not None:
        assert result.intent == intent, result


def test_how_to_get_a_benefit_is_information_not_eligibility(engine):
    result = engine.understand("우리 아버지 노인 일자리 받을 수 있는 방법 좀 알려 줘요")
    assert result.intent == "welfare.info", result


def test_saying_i_came_is_a_greeting_only_at_the_start(engine):
    assert engine.understand("나 왔어").intent == "meta.greet"
    assert engine.understand("전기 요금이 두 배나 나왔어요 왜 그래요").intent != "meta.greet"


def test_short_name_heard_across_a_space_must_begin_a_word(engine):
    result = engine.understand("연기가 우리 집으로 들어와서 못 살겠어요")
    assert "station" not in result.slots, result


def test_a_phrase_written_twice_counts_once(tmp_path):
    from donghaeng.nlu.normalize import normalize
    from donghaeng.nlu.rules import IntentRules

    rules_file = tmp_path / "intents.yaml"
    rules_file.write_text("meta.repeat:\n  strong: [방금 거, 방금거]\n", encoding="utf-8")
    rules = IntentRules.load(rules_file)
    [score] = rules.score(normalize("방금 거 다시"), set())
    assert score.total == 3.0


FACILITIES_DESCRIBED = [
    ("독감 예방접종 하는 데 어디 있어요", "health_center"),
    ("할머니들 노래교실 다니는 데 가까운 데 있나", "senior_welfare_center"),
    ("어르신들 모여서 장기 두고 노는 데 근처에 있나", "senior_center"),
    ("시장 왔는데 볼일이 급해서요 어디 없어요", "public_toilet"),
    ("지하철 타려면 어디로 가요", "subway_station"),
]


@pytest.mark.parametrize("text, facility", FACILITIES_DESCRIBED)
def test_facility_described_by_what_is_done_there(engine, text, facility):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("facility")) == ("facility.nearby", facility), result


def test_station_one_jamo_off_before_yeok_is_found_even_when_its_end_looks_like_a_word(engine):
    result = engine.understand("혜하역 근처 약국 어디예요")
    assert result.slots.get("place") == "혜화역", result


def test_dialect_where_is_where(engine):
    assert engine.understand("약국 워디 있슈").intent == "facility.nearby"


def test_borrowing_place_for_bikes_is_no_library(engine):
    result = engine.understand("자전거 탈라는데 공원 근처에 빌리는 데 있어")
    assert result.intent == "transit.bike", result


WELFARE = [
    # opening an app named beside a benefit is opening the app
    ("노인일자리 찾아보는 복지로 좀 열어 주세요", "app.open", "app", "bokjiro"),
    # how to receive it, and when it is paid, are information
    ("어르신 돌봄 서비스 어떻게 받아요", "welfare.info", "benefit", "senior_care"),
    ("기초연금 나오는 날이 언제예요", "welfare.info", "benefit", "basic_pension"),
    ("다달이 들어오는 노인 용돈 그거 며칠에 들어와요", "welfare.info", "benefit", "basic_pension"),
    # "is it right that I can..." with an age is eligibility, not a yes
    ("제가 예순다섯인데 지하철 돈 안 내고 타도 되는 거 맞아요", "welfare.eligibility", "benefit", "transport_discount"),
    # a flickering street light is no forgetfulness
    ("집 앞 보안등이 깜빡깜빡해요", "complaint.file", "category", "streetlight"),
]


@pytest.mark.parametrize("text, intent, slot, value", WELFARE)
def test_welfare_boundaries(engine, text, intent, slot, value):
    result = engine.understand(text)
    assert (result.intent, result.slots.get(slot)) == (intent, value), result


def test_how_many_stops_away_is_a_bus_question(engine):
    result = engine.understand("백사십삼번 지금 몇 정거장 전이야")
    assert (result.intent, result.slots.get("route")) == ("transit.bus_arrival", "143"), result


COMPLAINTS = [
    # shouting at night keeps me awake: noise, not a walk home
    ("밤늦게 놀이터에서 애들이 떠드는 소리 땜에 잠을 못 자요", "complaint.file", "noise"),
    # cars stopped where the bus should pull in
    ("차들이 정류장에 줄줄이 서 있어서 버스가 못 붙어요", "complaint.file", "illegal_parking"),
    # something broken and "who do I tell"
    ("공원 벤치가 부서졌는데 이거 어디에 말하면 돼요", "complaint.file", None),
    # furniture someone dumped, "tell the district office"
    ("누가 장롱을 골목에 버리고 갔어 구청에 좀 일러 줘", "complaint.file", "trash"),
    # a neighbourhood in a state is no "no"
    ("벽마다 전단지가 붙어서 동네 꼴이 말이 아니에요", "complaint.file", "illegal_banner"),
]


@pytest.mark.parametrize("text, intent, category", COMPLAINTS)
def test_complaints_said_indirectly(engine, text, intent, category):
    result = engine.understand(text)
    assert result.intent == intent, result
    if category is not None:
        assert result.slots.get("category") == category, result


@pytest.mark.parametrize("text", [
    "지난주에 넣은 주차 민원 답 왔어요",
    "가로등 고쳐 달라고 한 민원 어떻게 됐어요",
])
def test_asking_after_a_complaint_already_made_is_status(engine, text):
    assert engine.understand(text).intent == "complaint.status"


def test_snow_settled_is_weather(engine):
    assert engine.understand("강북구 지금 눈 쌓였나 나가 볼라는데").intent == "weather.forecast"


def test_hearsay_then_is_it_right_is_a_question_about_the_subject(engine):
    assert engine.understand("덕수궁 한복 입고 가면 공짜라던데 맞아요").intent == "tourism.attraction"


def test_which_line_to_an_attraction_is_a_visit_question_and_no_near_miss_station(engine):
    result = engine.understand("남대문시장 구경 가려면 몇 호선 타요")
    assert result.intent == "tourism.attraction", result
    assert "station" not in result.slots


def test_fire_alarm_is_a_topic(engine):
    result = engine.understand("화재경보기 무료로 달아 주는 거 어디다 신청해요")
    assert result.intent == "faq.answer", result


def test_nothing_in_hana_do_is_me_too(engine):
    # 하나도 ("not at all") holds 나도 ("me too"), which is no eligibility cue
    result = engine.understand("연락이 하나도 없어서 답답하네 노인 일자리 올해도 하려면 어디로 신청해")
    assert result.intent == "welfare.info", result


def test_a_restarted_word_is_one_word(engine):
    from donghaeng.nlu.normalize import drop_restarts

    assert drop_restarts("어 육칠일육 육칠일육번 언제 와요") == "어 육칠일육번 언제 와요"
    assert drop_restarts("빨리 빨리 와 주세요") == "빨리 빨리 와 주세요"
    result = engine.understand("어 사칠이 사칠이번 언제 와요")
    assert (result.intent, result.slots.get("route")) == ("transit.bus_arrival", "472"), result


@pytest.mark.parametrize("text, place", [
    ("연신내역 일번 출구 앞에 따릉이 있어요", "연신내역 1번출구"),
    ("홍대입구역 9번 출구 앞에 따릉이 남았어", "홍대입구역 9번출구"),
    ("신림역 근처 따릉이 있어", "신림역"),
])
def test_an_exit_said_after_a_station_stays_in_the_place(engine, text, place):
    result = engine.understand(text)
    assert (result.intent, result.slots.get("place")) == ("transit.bike", place), result


def test_station_said_with_its_number_as_a_word_and_misheard_is_reported_as_written(engine):
    result = engine.understand("종노 삼가 근처에 화장실 어디 있어")
    assert result.slots.get("place") == "종로3가", result


def test_a_bare_bus_number_after_a_station_is_a_bus_question(engine):
    result = engine.understand("시청역에서 칠공일육 얼마나 기다려요")
    assert (result.intent, result.slots.get("route")) == ("transit.bus_arrival", "7016"), result


def test_a_year_or_a_price_is_no_bus_number(engine):
    assert engine.understand("2024년에 이사 왔는데 전입신고 어떻게 해요").intent == "faq.answer"


def test_something_fallen_across_the_way_is_a_complaint(engine):
    result = engine.understand("쓰러진 나무가 인도를 막고 있어요")
    assert (result.intent, result.slots.get("category")) == ("complaint.file", "other"), result


# Requests in new words, read by what is asked; one row per class found on the blind sets.
REQUESTS = [
    # asking to be spoken to more gently, in plain or dialect words
    ("그렇게 빨리 쏘아붙이지 말고 천천히", "meta.slower"),
    ("할머니라 못 따라가겠어 쉬엄쉬엄 해 줘", "meta.slower"),
    # a number missed while writing it down
    ("주소를 받아 적다가 미처 못 적었어요", "meta.repeat"),
    # what may I ask
    ("이거 뭐 물어봐도 되는 거예요", "meta.help"),
    # a polite phone farewell
    ("네 다 알아봤습니다 들어가세요", "meta.goodbye"),
    # a call to a person
    ("사람한테 전화로 직접 물어보고 싶어요", "handoff.human"),
    # an escort no longer needed
    ("아들이 데리러 온대서 이제 안 불러도 돼요", "meta.cancel"),
    # thanks with "that is enough" is a farewell, not a cancel
    ("수고했어 이제 됐어", "meta.goodbye"),
    # a wrong turn is no mis-hearing
    ("약국이 어디 있지 길을 잘못 들었나 봐", "facility.nearby"),
    # how to do something inside an app is a question, not "open it"
    ("서울지갑에 카드 등록은 어떻게 하는 거예요", "faq.answer"),
    ("손목닥터 포인트 모인 거 어디다 쓰는지 알려 줘", "faq.answer"),
    ("따릉이 회원 가입은 어디서 해요", "faq.answer"),
    # "the app, not the phone line" is opening the app
    ("다산콜 전화 말고 앱 좀 열어 줘", "app.open"),
    # what else can it do
    ("이걸로 날씨 보고 그런 것도 되나 되는 거 다 말해 봐요", "meta.help"),
    # where is the police box, though a report is the reason
    ("지갑을 잃어버려서 신고하려는데 파출소 근처에 있나요", "facility.nearby"),
    # smoke coming in is a nuisance to report
    ("아래층 식당 연기가 우리 집 베란다로 들어와요", "complaint.file"),
    # 미세먼지 mis-heard as 미세 먼저
    ("오늘 미세 먼저 나쁨이에요", "weather.forecast"),
    # how to play cards is no facility search
    ("장기 두는 법 좀 알려 줘요 경로당에서 맨날 져요", "unknown"),
    # a test needed: must I attach it
    ("민원 넣을 때 사진 첨부는 꼭 해야 돼요", "faq.answer"),
    ("서울 지갑 그거 어떻게 여는 거예요", "app.open"),
    ("휠체어 타고 다닐 길 보는 동행맵 그거 좀", "app.open"),
    ("저번 달에 한 신고 그거 결과 나왔어요", "complaint.status"),
    ("민원 넣은 거 답이 와 이리 안 오노", "complaint.status"),
    ("is the air quality bad today", "weather.forecast"),
    ("뭔 말인지 하나도 모르겠네 사람 없나", "handoff.human"),
    ("말이 와 이리 빠르노", "meta.slower"),
    ("생각해 보니 필요 없겠다", "meta.cancel"),
    ("굿모닝", "meta.greet"),
    ("요새 사과 값 얼마나 해", "unknown"),
    # a service described in its first clause asks for nothing yet
    ("혼자 사는 어르신한테 전화해 주고 찾아가 주는 그거 이름이 뭐였더라", "welfare.info"),
    ("주민 쎈타 어디 있어요", "facility.nearby"),
    ("허리를 다쳤는데 어디 가서 좀 봐 줄 데 없나", "facility.nearby"),
    ("집세 내기 빠듯한데 나라에서 월세 보태 주는 거 있어요", "welfare.info"),
    ("불이 났던 빈집에 누가 자꾸 쓰레기를 버려요 신고할게요", "complaint.file"),
    ("전단지 떼 달라 했는데 아직도 안 치우네", "complaint.status"),
    ("내일 두꺼운 옷 입어야 돼", "weather.forecast"),
    ("오늘 밤에 길 얼어붙는 거 아녀", "weather.forecast"),
    ("남대문시장 가면 뭐 먹어 볼 만해", "tourism.attraction"),
    ("처음 써 보는데 뭐부터 말하면 돼요", "meta.help"),
    ("안녕하세요 처음 써 봅니다", "meta.greet"),
    ("알았어유 수고혀유", "meta.goodbye"),
]


@pytest.mark.parametrize("text, intent", REQUESTS)
def test_request_in_new_words_is_understood(engine, text, intent):
    result = engine.understand(text)
    assert result.intent == intent, result


# The same, where one detail must come out too (None: only the request is checked).
REQUESTS_WITH_DETAIL = [
    ("서울시 지갑 좀 켜 줘", "app.open", "app", "seoul_wallet"),
    ("길 막히는지 보는 서울시 교통 화면 좀 띄워 줘", "app.open", "app", "topis"),
    ("이빨이 너무 아파서 그러는데 가까운 데 어디 있어", "facility.nearby", "facility", "hospital"),
    ("따르이 몇 대 남았나 봐 줘", "transit.bike", None, None),
    ("노인들 한 달에 삼십만 원씩 준다던데 그게 뭐시여", "welfare.info", "benefit", "basic_pension"),
    ("아버지가 거동을 못 하셔서 요양보호사 오게 하려면 어떻게 해요", "welfare.info", "benefit", "long_term_care"),
    ("벌이가 없는데 나라에서 생활비 대 주는 거 있어요", "welfare.info", "benefit", "livelihood_aid"),
    ("위층 알람이 밤새 울려서 한숨도 못 잤어요", "complaint.file", "category", "noise"),
    ("지난주에 민원 냈는데 연락이 하나도 없네", "complaint.status", None, None),
    ("내일 나들이 가는데 하늘이 어떨랑가", "weather.forecast", "when", "tomorrow"),
    ("직원분이 직접 설명해 주면 좋겠어요", "handoff.human", None, None),
    ("How do I get rid of an old fridge?", "faq.answer", None, None),
    ("교통 상황 보는 서울시 그거 좀 띄워 봐", "app.open", "app", "topis"),
    ("Please launch the Seoul public bike app", "app.open", "app", "ttareungyi"),
    ("손을 좀 베였는데 피는 멈췄어요 밴드 살 데 가까운 곳 있어요", "facility.nearby", "facility", "pharmacy"),
    ("전입 신고 처리해 주는 동네 관공서 어디 있어요", "facility.nearby", "facility", "community_center"),
    ("혈압 재 주는 데 가까운 데 있어요", "facility.nearby", "facility", "health_center"),
    ("에어컨 전기세 깎아 주는 카드 그거 뭐당가", "welfare.info", "benefit", "energy_voucher"),
    ("병원비 나라에서 대 주는 거 그게 뭐예요", "welfare.info", "benefit", "medical_aid"),
    ("Is there a service where someone checks on him every week?", "welfare.info", "benefit", "senior_care"),
    ("경복궁역 3번 출구 따릉이 남아 있어", "transit.bike", "place", "경복궁역 3번출구"),
    ("폐 의약품 약국에 갖다 줘도 돼요", "faq.answer", None, None),
    ("면허 반납하면 뭐 준다 카던데", "faq.answer", None, None),
    ("민원 넣은 거 담당자 배정은 됐어요", "complaint.status", None, None),
    ("민원 진행 어디까지 됐어", "complaint.status", None, None),
    ("화장실 문이 고장 나서 안 잠겨요", "complaint.file", None, None),
    ("시방 밖에 엄청 더운겨", "weather.forecast", None, None),
    ("내일 바람 쐬러 갈 데 추천 좀", "tourism.attraction", None, None),
    ("역에서 집까지 같이 갈 사람 불러 줘요", "safety.escort", None, None),
    ("잘 지냈는가", "meta.greet", None, None),
    ("감사함니다 다 됐어요", "meta.goodbye", None, None),
    ("심심한데 말동무 좀 해 줘", "unknown", None, None),
]


@pytest.mark.parametrize("text, intent, slot, value", REQUESTS_WITH_DETAIL)
def test_request_in_new_words_gives_its_detail(engine, text, intent, slot, value):
    result = engine.understand(text)
    assert result.intent == intent, result
    if slot is not None:
        assert result.slots.get(slot) == value, result
