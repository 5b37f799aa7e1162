"""Skills with live connectors configured, served by recorded responses (incl. failures)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from donghaeng.connectors.http import CachedHttpClient
from donghaeng.connectors.kma import KST, KmaConnector
from donghaeng.geo.resolver import LocationResolver
from donghaeng.models import SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.skills.base import Skill
from donghaeng.skills.public_data import build_public_data_skills
from donghaeng.skills.weather import WeatherSkill

FIXTURES = Path(__file__).resolve().parents[1] / "connectors" / "fixtures"


def transport(routes: dict[str, str | Exception]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        for part, answer in routes.items():
            if part in str(request.url):
                if isinstance(answer, Exception):
                    raise answer
                return httpx.Response(200, content=(FIXTURES / answer).read_bytes())
        return httpx.Response(404)
    return httpx.MockTransport(handler)


def build(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook, data_dir: Path,
          routes: dict[str, str | Exception], **keys: str | None) -> dict[str, Skill]:
    keys = {"seoul_api_key": "KEY", "kma_api_key": "KMA", **keys}
    settings = SimpleNamespace(data_dir=data_dir, http_timeout_s=0.5, **keys)
    skills = build_public_data_skills(settings, engine, phrasebook, resolver, transport=transport(routes))
    return {intent: skill for skill in skills for intent in skill.intents}


def ask(skills: dict[str, Skill], intent: str, text: str = "", **slots: Any) -> str:
    return skills[intent].handle(SkillRequest(intent, slots, text=text)).text


def test_live_subway_bus_and_bike(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                                  data_dir: Path) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {
        "realtimeStationArrival": "subway_sicheong.json", "getStationByUid": "bus_13021.xml",
        "bikeList": "bike_list.json"})
    subway = ask(skills, "transit.subway_arrival", station="시청", line="2", direction="성수")
    assert subway.startswith("시청역 2호선 성수행 열차가 약 3분 뒤에 도착해요")
    bus = ask(skills, "transit.bus_arrival", route="7016", stop="신촌오거리")
    assert "7016번 버스는" in bus and "3분12초후" in bus and "[" not in bus
    bike = ask(skills, "transit.bike", place="여의도공원")
    assert "산업은행 앞" in bike and "4대" in bike


def test_live_failure_is_said_plainly(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                                      data_dir: Path) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {
        "realtimeStationArrival": httpx.ConnectTimeout("down"), "getStationByUid": "portal_key_error.xml",
        "bikeList": "seoul_bad_key.json"})
    assert "가져오지 못했어요" in ask(skills, "transit.subway_arrival", station="시청")
    assert "가져오지 못했어요" in ask(skills, "transit.bus_arrival", route="7016", stop="13021")
    bike = ask(skills, "transit.bike", place="여의도공원")  # falls back to the bundled list
    assert "따릉이 대여소" in bike and "앱에서 확인" in bike


def test_weather_now_and_tomorrow(resolver: LocationResolver, phrasebook: Phrasebook) -> None:
    client = CachedHttpClient(timeout_s=0.5, transport=transport(
        {"getUltraSrtNcst": "kma_ncst.json", "getVilageFcst": "kma_vilage.json"}))
    skill = WeatherSkill(resolver, phrasebook, KmaConnector("KMA", client),
                         clock=lambda: datetime(2025, 7, 1, 8, 50, tzinfo=KST))
    now = skill.handle(SkillRequest("weather.forecast", {"place": "종로구", "when": "now"}, text="지금 종로구 기온 몇 도예요"))
    assert "24.3도" in now.text and "비가 오고" in now.text
    tomorrow = skill.handle(SkillRequest("weather.forecast", {"when": "tomorrow"}, text="내일 미세먼지 어때"))
    assert "내일" in tomorrow.text and "최고 33도" in tomorrow.text and "미세먼지" in tomorrow.text
    today = skill.handle(SkillRequest("weather.forecast", {"when": "today"}, text="오늘 비 와요?"))
    assert "70%" in today.text and "우산" in today.text


@pytest.mark.parametrize("kind", ["pharmacy", "public_toilet", "library", "cold_shelter", "health_center"])
def test_live_poi_failure_offers_120(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                                     data_dir: Path, kind: str) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {"openapi.seoul.go.kr": "seoul_bad_key.json"})
    reply = skills["facility.nearby"].handle(SkillRequest("facility.nearby", {"facility": kind}, lat=37.5665,
                                                          lon=126.978))
    assert "120" in reply.text


def nearby(skills: dict[str, Skill], kind: str, place: str | None = None, lat: float | None = None,
           lon: float | None = None) -> SkillResponse:
    slots = {"facility": kind, **({"place": place} if place else {})}
    return skills["facility.nearby"].handle(SkillRequest("facility.nearby", slots, lat=lat, lon=lon))


LIVE_ROUTES: dict[str, str | Exception] = {"TbGtnCwP": "seoul_cold_shelters.json",
                                           "TbHospitalInfo": "seoul_health_centers.json",
                                           "api.odcloud.kr": "police_offices.json"}


@pytest.fixture(scope="module")
def live(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook, data_dir: Path) -> dict[str, Skill]:
    return build(engine, resolver, phrasebook, data_dir, LIVE_ROUTES, data_go_kr_api_key="PORTAL")


def test_cold_shelter_near_sillim_is_a_recorded_shelter_with_its_size(live: dict[str, Skill]) -> None:
    reply = nearby(live, "cold_shelter", "신림동")
    assert reply.data["name"] == "신림동주민센터"
    assert reply.text.startswith("관악구 신림동에서 가장 가까운 한파쉼터는 신림동주민센터예요. 걸어서 약")
    assert "주소는 서울특별시 관악구 신림로23길 16입니다." in reply.text
    assert "주민센터에 마련된 쉼터이고, 30명까지 이용할 수 있어요." in reply.text
    assert reply.actions[0]["type"] == "show_map" and not any(a["type"] == "call" for a in reply.actions)


def test_cold_shelter_without_a_road_address_reads_the_lot_address(live: dict[str, Skill]) -> None:
    reply = nearby(live, "cold_shelter", lat=37.48081, lon=126.93291)
    assert reply.data["name"] == "서원경로당" and "서울특별시 관악구 신림동 1640-21" in reply.text


def test_health_center_near_sillim_is_the_public_one_not_the_clinic(live: dict[str, Skill]) -> None:
    reply = nearby(live, "health_center", "신림동")
    assert reply.data["name"] == "관악구보건소 신림보건지소" and "의원" not in reply.text
    assert "가장 가까운 보건소는 관악구보건소 신림보건지소예요" in reply.text
    assert "전화번호는 02-879-7890입니다." in reply.text
    assert {"type": "call", "number": "02-879-7890"} in reply.actions


def test_police_names_the_office_of_the_citizens_dong_without_a_distance(live: dict[str, Skill]) -> None:
    reply = nearby(live, "police", "신림동")
    assert reply.text.startswith("신림동 쪽에 있는 지구대는 신림지구대예요.")
    assert "주소는 서울특별시 관악구 신원로 30입니다." in reply.text and "02-883-0112" in reply.text
    assert "관악구에 2곳이 더 있어요." in reply.text
    assert reply.actions == ({"type": "call", "number": "02-883-0112"},)
    assert reply.data["gu"] == "관악구" and "distance_m" not in reply.data
    assert not any(word in reply.text for word in ("걸어서", "가장 가까운", "km", "분,", "미터"))


def test_police_for_a_gu_names_an_office_in_that_gu(live: dict[str, Skill]) -> None:
    reply = nearby(live, "police", "강남구")
    assert reply.text.startswith("강남구에 있는 지구대 중 한 곳은 역삼지구대예요.")
    assert reply.data["alternatives"] == ["논현1파출소"] and "걸어서" not in reply.text


def test_police_from_a_bare_location_finds_its_gu_and_dong(live: dict[str, Skill], resolver: LocationResolver) -> None:
    stop, _ = resolver.nearest_stops(37.5009, 127.0355)[0]  # a bus stop by 역삼1동: the place carries no 구
    assert stop.gu is None and stop.ids
    reply = nearby(live, "police", stop.ids[0])
    assert reply.data["gu"] == "강남구" and reply.data["name"] == "역삼지구대" and "역삼" in reply.text
    here = nearby(live, "police", lat=37.5009, lon=127.0355)
    assert here.data["name"] == "역삼지구대" and "걸어서" not in here.text


def test_police_in_a_gu_without_offices_in_the_list_offers_120(live: dict[str, Skill]) -> None:
    reply = nearby(live, "police", "중구")
    assert "120" in reply.text and {"type": "call", "number": "120"} in reply.actions


@pytest.mark.parametrize("failure", [httpx.ConnectTimeout("down"), "odcloud_bad_key.json", "portal_key_error.xml"])
def test_police_live_failure_says_so_and_offers_120(engine: Engine, resolver: LocationResolver,
                                                    phrasebook: Phrasebook, data_dir: Path,
                                                    failure: str | Exception) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {"api.odcloud.kr": failure}, data_go_kr_api_key="PORTAL")
    reply = nearby(skills, "police", "신림동")
    assert reply.text == "지금 경찰서·지구대 정보를 가져오지 못했어요. 120다산콜센터에 물어보시면 알려 드려요."
    assert reply.actions == ({"type": "call", "number": "120"},)


def test_cold_shelter_timeout_says_live_data_failed(engine: Engine, resolver: LocationResolver,
                                                    phrasebook: Phrasebook, data_dir: Path) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {"TbGtnCwP": httpx.ReadTimeout("slow")})
    reply = nearby(skills, "cold_shelter", "신림동")
    assert "한파쉼터 정보를 가져오지 못했어요" in reply.text and "120" in reply.text


@pytest.mark.parametrize("kind", ["cold_shelter", "health_center", "police"])
def test_without_keys_the_new_kinds_are_said_to_be_unavailable(engine: Engine, resolver: LocationResolver,
                                                               phrasebook: Phrasebook, data_dir: Path,
                                                               kind: str) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {}, seoul_api_key=None, data_go_kr_api_key=None)
    reply = nearby(skills, kind, "신림동")
    assert "자료에 없어서" in reply.text and "120" in reply.text and reply.data["available"] is False


def test_police_needs_only_the_portal_key(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                                          data_dir: Path) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, LIVE_ROUTES, seoul_api_key=None,
                   data_go_kr_api_key="PORTAL")
    assert nearby(skills, "police", "신림동").data["name"] == "신림지구대"
    assert nearby(skills, "cold_shelter", "신림동").data["available"] is False
