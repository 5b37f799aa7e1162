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
from donghaeng.models import SkillRequest
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
          routes: dict[str, str | Exception]) -> dict[str, Skill]:
    settings = SimpleNamespace(data_dir=data_dir, seoul_api_key="KEY", kma_api_key="KMA", http_timeout_s=0.5)
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


@pytest.mark.parametrize("kind", ["pharmacy", "public_toilet", "library"])
def test_live_poi_failure_offers_120(engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                                     data_dir: Path, kind: str) -> None:
    skills = build(engine, resolver, phrasebook, data_dir, {"openapi.seoul.go.kr": "seoul_bad_key.json"})
    reply = skills["facility.nearby"].handle(SkillRequest("facility.nearby", {"facility": kind}, lat=37.5665,
                                                          lon=126.978))
    assert "120" in reply.text
