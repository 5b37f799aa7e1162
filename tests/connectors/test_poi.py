"""Seoul point lists (한파쉼터, 보건소) against recorded pages: parsing, filtering, paging, the day's cache."""

from __future__ import annotations

import json
from typing import Any, Callable

import httpx
import pytest

from donghaeng.connectors import poi as poi_module
from donghaeng.connectors.http import CachedHttpClient, ConnectorUnavailable, NoData, UpstreamError
from donghaeng.connectors.poi import PoiConnector

Recorded = Callable[..., Any]


def test_cold_shelters_keep_seoul_rows_with_coordinates(recorded: Recorded) -> None:
    shelters = PoiConnector("KEY", recorded({"TbGtnCwP": "seoul_cold_shelters.json"})).fetch("cold_shelter")
    assert [s.name for s in shelters] == ["신림동주민센터", "서원경로당", "역삼1동주민센터"]  # 0,0 and 안양 skipped
    first = shelters[0]
    assert first.address == "서울특별시 관악구 신림로23길 16" and first.phone is None
    assert (first.lat, first.lon) == (37.48722, 126.92795)
    assert first.detail("place_type") == "주민센터" and first.detail("capacity") == "30"
    assert first.detail("remark") == "평일 09:00~18:00"


def test_cold_shelter_without_a_road_address_falls_back_to_the_lot_address(recorded: Recorded) -> None:
    shelters = PoiConnector("KEY", recorded({"TbGtnCwP": "seoul_cold_shelters.json"})).fetch("cold_shelter")
    assert shelters[1].address == "서울특별시 관악구 신림동 1640-21"
    assert shelters[1].detail("remark") == ""


def test_cold_shelter_url_follows_the_seoul_scheme(recorded: Recorded) -> None:
    calls: list[str] = []
    PoiConnector("KEY", recorded({"TbGtnCwP": "seoul_cold_shelters.json"}, calls)).fetch("cold_shelter")
    assert calls == ["http://openapi.seoul.go.kr:8088/KEY/json/TbGtnCwP/1/1000/"]


def test_health_centers_are_only_the_public_ones(recorded: Recorded) -> None:
    centers = PoiConnector("KEY", recorded({"TbHospitalInfo": "seoul_health_centers.json"})).fetch("health_center")
    # the 내과의원 is dropped, the 보건지소 kept by its name, 서초 (no coordinates) and 영통 (not Seoul) skipped
    assert [c.name for c in centers] == ["관악구보건소", "관악구보건소 신림보건지소", "강남구보건소"]
    assert centers[0].phone == "02-879-7010" and centers[0].address.startswith("서울특별시 관악구 관악로 145")


def test_nearest_health_center_skips_the_closer_clinic(recorded: Recorded) -> None:
    connector = PoiConnector("KEY", recorded({"TbHospitalInfo": "seoul_health_centers.json"}))
    (center, meters), *_ = connector.nearest("health_center", 37.4869, 126.9276)  # 신림동; the 의원 is 10 m away
    assert center.name == "관악구보건소 신림보건지소" and 400 < meters < 600


def _clinic_pages(page_size: int, pages: int, calls: list[str]) -> httpx.MockTransport:
    """TbHospitalInfo where only the last page holds a 보건소 (the real list has 20,000+ rows)."""

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        start = int(request.url.path.rstrip("/").split("/")[-2])
        page = (start - 1) // page_size + 1
        rows = [{"DUTYNAME": f"의원{start + i}", "DUTYDIVNAM": "의원", "DUTYADDR": "서울특별시 중구 세종대로 110",
                 "WGS84LAT": "37.5663", "WGS84LON": "126.9779"} for i in range(page_size)]
        if page == pages:
            rows = [{"DUTYNAME": "중구보건소", "DUTYDIVNAM": "보건소", "DUTYADDR": "서울특별시 중구 다산로 39-16",
                     "DUTYTEL1": "02-3396-6300", "WGS84LAT": "37.55986", "WGS84LON": "127.01232"}]
        body = {"TbHospitalInfo": {"list_total_count": page_size * (pages - 1) + 1,
                                   "RESULT": {"CODE": "INFO-000", "MESSAGE": "정상 처리되었습니다"}, "row": rows}}
        return httpx.Response(200, content=json.dumps(body, ensure_ascii=False).encode())

    return httpx.MockTransport(handler)


def test_health_centers_are_read_past_the_eighth_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(poi_module, "PAGE", 5)
    calls: list[str] = []
    client = CachedHttpClient(timeout_s=0.5, retries=0, transport=_clinic_pages(5, 12, calls))
    centers = PoiConnector("KEY", client).fetch("health_center")
    assert [c.name for c in centers] == ["중구보건소"]
    assert len(calls) == 12 and calls[-1].endswith("/TbHospitalInfo/56/60/")


def test_the_filtered_list_is_kept_for_a_day(recorded: Recorded) -> None:
    now = [0.0]
    calls: list[str] = []

    def clock() -> float:
        return now[0]

    connector = PoiConnector("KEY", recorded({"TbHospitalInfo": "seoul_health_centers.json"}, calls, clock),
                             clock=clock)
    connector.nearest("health_center", 37.4869, 126.9276)
    now[0] = 3600.0  # past the page cache, within the day
    connector.nearest("health_center", 37.5, 127.03)
    assert len(calls) == 1
    now[0] = 90000.0
    connector.fetch("health_center")
    assert len(calls) == 2


@pytest.mark.parametrize("kind, service", [("cold_shelter", "TbGtnCwP"), ("health_center", "TbHospitalInfo")])
def test_bad_key_is_an_upstream_error(recorded: Recorded, kind: str, service: str) -> None:
    with pytest.raises(UpstreamError, match="INFO-100"):
        PoiConnector("KEY", recorded({service: "seoul_bad_key.json"})).fetch(kind)


def test_failures_are_not_kept(recorded: Recorded) -> None:
    routes: dict[str, str | Exception | int] = {"TbGtnCwP": httpx.ReadTimeout("slow")}
    connector = PoiConnector("KEY", recorded(routes))
    with pytest.raises(ConnectorUnavailable):
        connector.fetch("cold_shelter")
    routes["TbGtnCwP"] = "seoul_cold_shelters.json"
    assert connector.fetch("cold_shelter")[0].name == "신림동주민센터"


def test_a_non_json_answer_is_an_upstream_error(recorded: Recorded) -> None:
    with pytest.raises(UpstreamError):
        PoiConnector("KEY", recorded({"TbGtnCwP": "portal_key_error.xml"})).fetch("cold_shelter")


def test_no_rows_is_no_data(recorded: Recorded) -> None:
    with pytest.raises(NoData):
        PoiConnector("KEY", recorded({"TbGtnCwP": "seoul_no_data.json"})).fetch("cold_shelter")
