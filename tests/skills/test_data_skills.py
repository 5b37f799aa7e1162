"""Each data-backed skill answering from the real loaded rows (no live keys configured)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import Engine

from donghaeng.geo.resolver import LocationResolver
from donghaeng.models import STATE_DONE, STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.skills.base import Skill
from donghaeng.skills.public_data import build_public_data_skills

INTENTS = {"facility.nearby", "transit.subway_arrival", "transit.bus_arrival", "transit.bike", "weather.forecast",
           "welfare.info", "welfare.eligibility", "tourism.attraction", "faq.answer"}


@pytest.fixture(scope="module")
def skills(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook, data_dir: Path) -> dict[str, Skill]:
    settings = SimpleNamespace(data_dir=data_dir, seoul_api_key=None, kma_api_key=None, http_timeout_s=1.0)
    built = build_public_data_skills(settings, engine, phrasebook, resolver)
    return {intent: skill for skill in built for intent in skill.intents}


def ask(skills: dict[str, Skill], intent: str, text: str = "", lat: float | None = None, lon: float | None = None,
        **slots: Any) -> SkillResponse:
    return skills[intent].handle(SkillRequest(intent, slots, text=text, lat=lat, lon=lon))


def test_all_intents_are_served(skills: dict[str, Skill]) -> None:
    assert set(skills) == INTENTS
    assert all(isinstance(s, Skill) for s in skills.values())


def test_heat_shelter_near_sillim_is_a_real_gwanak_row(skills: dict[str, Skill], engine: Engine) -> None:
    reply = ask(skills, "facility.nearby", facility="heat_shelter", place="신림동")
    assert reply.state == STATE_DONE
    assert "관악구" in reply.text and "걸어서 약" in reply.text and "분" in reply.text
    assert reply.actions[0]["type"] == "show_map" and "openstreetmap" in reply.actions[0]["url"]
    from sqlalchemy import select

    from donghaeng.store.catalog_tables import CatalogPlaceRow
    with engine.connect() as conn:
        gu = conn.execute(select(CatalogPlaceRow.gu).where(CatalogPlaceRow.name == reply.data["name"],
                                                           CatalogPlaceRow.kind == "heat_shelter")).scalars().first()
    assert gu == "관악구"


def test_senior_welfare_centre_comes_with_a_phone(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "facility.nearby", facility="senior_welfare_center", place="은평구")
    assert "노인복지관" in reply.text or "복지" in reply.text
    assert any(a["type"] == "call" for a in reply.actions)


def test_nearest_station_to_city_hall(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "facility.nearby", facility="subway_station", lat=37.5665, lon=126.9780)
    assert reply.data["name"] == "시청역" and "시청역" in reply.text


def test_kinds_without_data_say_so_and_offer_120(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "facility.nearby", facility="pharmacy", lat=37.5665, lon=126.978)
    assert "120" in reply.text and {"type": "call", "number": "120"} in reply.actions


@pytest.mark.parametrize("slots, ask_slot", [
    ({"facility": "heat_shelter"}, "place"),
    ({"place": "신림동"}, "facility"),
    ({"facility": "heat_shelter", "place": "신사동"}, "place"),
])
def test_facility_asks_one_short_question(skills: dict[str, Skill], slots: dict[str, str], ask_slot: str) -> None:
    reply = ask(skills, "facility.nearby", **slots)
    assert reply.state == STATE_NEED_SLOT and reply.ask_slot == ask_slot and reply.text.endswith("?") or "요" in reply.text


def test_subway_without_key_gives_station_facts(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "transit.subway_arrival", station="시청", line="2")
    assert "1호선" in reply.text and "2호선" in reply.text and "연결되어 있지 않아요" in reply.text
    assert "3호선이 다니지 않아요" in ask(skills, "transit.subway_arrival", station="시청", line="3").text


def test_bus_without_key_finds_the_stop(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "transit.bus_arrival", route="7016", stop="신촌오거리")
    assert "13021" in reply.text and "연결되어 있지 않아요" in reply.text
    assert ask(skills, "transit.bus_arrival", route="472").ask_slot == "stop"


def test_bike_nearest_station_from_data(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "transit.bike", place="여의도공원")
    assert "따릉이 대여소" in reply.text and "앱에서 확인" in reply.text


def test_weather_without_key_is_honest(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "weather.forecast", when="today")
    assert "연결되어 있지 않아요" in reply.text and {"type": "call", "number": "131"} in reply.actions


def test_welfare_info(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "welfare.info", text="기초연금이 뭐예요?", benefit="basic_pension")
    assert "65세" in reply.text and "1355" in reply.text
    assert ask(skills, "welfare.info").ask_slot == "benefit"


def test_eligibility_asks_age_then_household_then_answers(skills: dict[str, Skill]) -> None:
    slots: dict[str, Any] = {"benefit": "basic_pension"}
    assert ask(skills, "welfare.eligibility", **slots).ask_slot == "age"
    slots["age"] = 71
    assert ask(skills, "welfare.eligibility", **slots).ask_slot == "household"
    slots["household"] = "single"
    reply = ask(skills, "welfare.eligibility", **slots)
    assert reply.state == STATE_DONE and reply.data["eligibility_answered"] == "basic_pension"
    assert "2025년" in reply.text and "228만 원" in reply.text and "최종 결정" in reply.text and "신청" in reply.text
    couple = ask(skills, "welfare.eligibility", benefit="basic_pension", age=71, household="couple")
    assert "364만 8천 원" in couple.text


def test_eligibility_too_young_still_says_how_to_apply(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "welfare.eligibility", benefit="senior_jobs", age=58)
    assert "60세부터" in reply.text and "최종 결정" in reply.text
    assert reply.data["eligibility_answered"] == "senior_jobs"


def test_energy_voucher_dialogue(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "welfare.eligibility", benefit="energy_voucher", age=80, household="couple")
    assert reply.data["eligibility_answered"] == "energy_voucher" and "2025년" in reply.text


def test_tourism_fee_and_how_to_get_there(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "tourism.attraction", text="경복궁 입장료 얼마예요", place="경복궁")
    assert "3,000원" in reply.text and "경복궁" in reply.text and "역" in reply.text
    reply = ask(skills, "tourism.attraction", text="남산서울타워 어떻게 가요?", place="남산서울타워")
    assert "가장 가까운 역" in reply.text


@pytest.mark.parametrize("text, topic, expected", [
    ("주민등록등본 어디서 떼요?", "주민등록등본", "resident_registration_copy"),
    ("등본떼는법알려줘", "등본", "resident_registration_copy"),
    ("장롱 버릴라카는데 우째 해야 되노", "장롱", "bulky_waste"),
    ("재산세 납부 기간이 언제예요", "재산세", "property_tax"),
    ("인감 증명 떼려면 본인이 꼭 가야 되나예", "인감 증명", "seal_certificate"),
    ("여권 재발급 받으려면 뭐 가져가야 돼요", "여권 재발급", "passport"),
    ("이사 왔는데 전입 신고 인터넷으로도 돼요?", "전입 신고", "move_in_report"),
    ("주민등록증 잃어버렸는데 재발급 어떻게 해요", "주민등록증", "resident_card_reissue"),
])
def test_faq_retrieval(skills: dict[str, Skill], text: str, topic: str, expected: str) -> None:
    assert ask(skills, "faq.answer", text=text, topic=topic).data["faq"] == expected


def test_faq_unknown_offers_120(skills: dict[str, Skill]) -> None:
    reply = ask(skills, "faq.answer", text="이번 주 로또 번호 알려 줘")
    assert reply.data["faq"] is None and "120" in reply.text
