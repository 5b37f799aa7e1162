"""경찰청 office list (api.odcloud.kr) against recorded pages: Seoul rows, both column spellings, errors."""

from __future__ import annotations

from typing import Any, Callable

import httpx
import pytest

from donghaeng.connectors.http import ConnectorUnavailable, UpstreamError
from donghaeng.connectors.police import DEFAULT_DATASET, PoliceConnector

Recorded = Callable[..., Any]


def test_only_seoul_offices_are_kept(recorded: Recorded) -> None:
    offices = PoliceConnector("KEY", recorded({"api.odcloud.kr": "police_offices.json"})).offices()
    assert [o.name for o in offices] == ["낙성대지구대", "신림지구대", "서원지구대", "역삼지구대", "논현1파출소",
                                         "상봉지구대"]  # 수원 (경기남부청) dropped
    assert offices[1].kind == "지구대" and offices[1].station == "서울관악경찰서"
    assert offices[1].phone == "02-883-0112" and offices[1].address == "서울특별시 관악구 신원로 30"


def test_older_versions_column_names_are_read(recorded: Recorded) -> None:
    offices = PoliceConnector("KEY", recorded({"api.odcloud.kr": "police_offices_old.json"})).offices()
    assert [(o.name, o.address, o.phone) for o in offices] == [("효제파출소", "서울특별시 종로구 대학로 11", "02-764-0112")]


def test_request_uses_the_configured_dataset_and_decodes_the_key_once(recorded: Recorded) -> None:
    calls: list[str] = []
    dataset = "15054711/v1/uddi:00000000-0000-0000-0000-000000000000"
    PoliceConnector("A%2BB%3D%3D", recorded({"api.odcloud.kr": "police_offices.json"}, calls), dataset).offices()
    url = httpx.URL(calls[0])
    assert url.host == "api.odcloud.kr" and url.path == f"/api/{dataset}"
    assert url.params["serviceKey"] == "A+B==" and url.params["page"] == "1" and url.params["perPage"] == "1000"
    assert DEFAULT_DATASET == "15054711/v1/uddi:9097ad1f-3471-42c6-a390-d85b5121816a"


def test_offices_in_a_gu_name_the_citizens_dong_first(recorded: Recorded) -> None:
    police = PoliceConnector("KEY", recorded({"api.odcloud.kr": "police_offices.json"}))
    assert [o.name for o in police.in_district("관악구")] == ["낙성대지구대", "신림지구대", "서원지구대"]
    assert [o.name for o in police.in_district("관악구", ["신림", "서원"])] == ["신림지구대", "서원지구대", "낙성대지구대"]
    assert [o.name for o in police.in_district("강남구", ["논현"])][0] == "논현1파출소"


def test_a_gu_matches_whole_words_only(recorded: Recorded) -> None:
    police = PoliceConnector("KEY", recorded({"api.odcloud.kr": "police_offices.json"}))
    assert police.in_district("중구") == []  # 중랑구's 상봉지구대 is not in 중구
    assert [o.name for o in police.in_district("중랑구")] == ["상봉지구대"]


def test_the_list_is_fetched_once_a_day(recorded: Recorded) -> None:
    now = [0.0]
    calls: list[str] = []

    def clock() -> float:
        return now[0]

    police = PoliceConnector("KEY", recorded({"api.odcloud.kr": "police_offices.json"}, calls, clock), clock=clock)
    police.in_district("관악구")
    police.in_district("강남구")
    assert len(calls) == 1
    now[0] = 90000.0
    police.in_district("관악구")
    assert len(calls) == 2


@pytest.mark.parametrize("answer, message", [
    ("odcloud_bad_key.json", "등록되지 않은 인증키"),
    ("portal_key_error.xml", "SERVICE_KEY_IS_NOT_REGISTERED_ERROR"),
    (401, "HTTP 401"),
])
def test_bad_keys_are_upstream_errors(recorded: Recorded, answer: str | int, message: str) -> None:
    with pytest.raises(UpstreamError, match=message):
        PoliceConnector("KEY", recorded({"api.odcloud.kr": answer})).offices()


def test_timeouts_are_unavailable(recorded: Recorded) -> None:
    with pytest.raises(ConnectorUnavailable):
        PoliceConnector("KEY", recorded({"api.odcloud.kr": httpx.ReadTimeout("slow")})).offices()
