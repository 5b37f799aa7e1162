"""Live connectors against recorded responses: success, error payloads, timeouts, retries, cache."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

import httpx
import pytest

from donghaeng.connectors.bike import BikeConnector
from donghaeng.connectors.bus import BusArrivalConnector
from donghaeng.connectors.http import (
    ConnectorUnavailable,
    NoData,
    UpstreamError,
)
from donghaeng.connectors.kma import KST, KmaConnector
from donghaeng.connectors.poi import PoiConnector
from donghaeng.connectors.subway import SubwayArrivalConnector

Recorded = Callable[..., Any]




def test_subway_arrivals_parse_the_recorded_payload(recorded: Recorded) -> None:
    arrivals = SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": "subway_sicheong.json"})).arrivals("시청")
    assert [a.line for a in arrivals] == ["2호선", "2호선", "1호선"]
    assert arrivals[0].terminal == "성수" and arrivals[0].seconds == 180
    assert arrivals[1].seconds is None and arrivals[1].message == "전역 도착"


def test_subway_error_payloads(recorded: Recorded) -> None:
    with pytest.raises(NoData):
        SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": "subway_no_data.json"})).arrivals("시청")
    with pytest.raises(UpstreamError, match="INFO-100"):
        SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": "subway_bad_key.json"})).arrivals("시청")


def test_timeouts_are_retried_then_reported(recorded: Recorded) -> None:
    calls: list[str] = []
    http = recorded({"realtimeStationArrival": httpx.ReadTimeout("slow")}, calls)
    with pytest.raises(ConnectorUnavailable):
        SubwayArrivalConnector("KEY", http).arrivals("시청")
    assert len(calls) == 3  # first try + 2 retries


def test_server_errors_are_retried_and_client_errors_are_not(recorded: Recorded) -> None:
    calls: list[str] = []
    with pytest.raises(ConnectorUnavailable):
        SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": 503}, calls)).arrivals("시청")
    assert len(calls) == 3
    calls.clear()
    with pytest.raises(UpstreamError):
        SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": 401}, calls)).arrivals("시청")
    assert len(calls) == 1


def test_responses_are_cached(recorded: Recorded) -> None:
    calls: list[str] = []
    connector = SubwayArrivalConnector("KEY", recorded({"realtimeStationArrival": "subway_sicheong.json"}, calls))
    connector.arrivals("시청")
    connector.arrivals("시청")
    assert len(calls) == 1


def test_bus_arrivals_by_ars(recorded: Recorded) -> None:
    calls: list[str] = []
    arrivals = BusArrivalConnector("A%2BB", recorded({"getStationByUid": "bus_13021.xml"}, calls)).arrivals("13021")
    assert [a.route for a in arrivals] == ["7016", "273"]
    assert arrivals[0].first.startswith("3분12초후") and arrivals[0].direction == "신촌역"
    assert "arsId=13021" in calls[0] and "serviceKey=A%2BB" in calls[0]  # encoded key decoded once, not twice


def test_bus_error_payloads(recorded: Recorded) -> None:
    with pytest.raises(NoData):
        BusArrivalConnector("K", recorded({"getStationByUid": "bus_no_result.xml"})).arrivals("99999")
    with pytest.raises(UpstreamError, match="SERVICE_KEY_IS_NOT_REGISTERED"):
        BusArrivalConnector("K", recorded({"getStationByUid": "portal_key_error.xml"})).arrivals("13021")


def test_bike_list_and_bad_key(recorded: Recorded) -> None:
    stations = BikeConnector("KEY", recorded({"bikeList": "bike_list.json"})).stations()
    assert stations[0].station_id == "ST-10" and stations[0].bikes == 17
    with pytest.raises(UpstreamError, match="INFO-100"):
        BikeConnector("KEY", recorded({"bikeList": "seoul_bad_key.json"})).stations()


def test_poi_bad_key_is_an_upstream_error(recorded: Recorded) -> None:
    with pytest.raises(UpstreamError):
        PoiConnector("KEY", recorded({"TbPharmacyOperateInfo": "seoul_bad_key.json"})).fetch("pharmacy")


def test_kma_observation_and_forecast(recorded: Recorded) -> None:
    at = datetime(2025, 7, 1, 8, 50, tzinfo=KST)
    calls: list[str] = []
    kma = KmaConnector("KEY", recorded({"getUltraSrtNcst": "kma_ncst.json", "getVilageFcst": "kma_vilage.json"}, calls))
    now = kma.now(37.5665, 126.9780, at)
    assert now.temperature == 24.3 and now.precipitation == "비" and now.rain_mm == 2.5
    assert "nx=60" in calls[0] and "ny=127" in calls[0] and "base_time=0800" in calls[0]
    days = kma.days(37.5665, 126.9780, at)
    assert [d.day.isoformat() for d in days] == ["2025-07-01", "2025-07-02", "2025-07-03"]
    assert days[0].low == 23 and days[0].high == 31 and days[0].rain_chance == 70 and days[0].precipitation == "비"
    assert days[1].sky == "맑음" and days[1].precipitation is None


def test_kma_errors(recorded: Recorded) -> None:
    with pytest.raises(NoData):
        KmaConnector("K", recorded({"getUltraSrtNcst": "kma_no_data.json"})).now(37.5, 127.0)
    with pytest.raises(UpstreamError, match="SERVICE_KEY_IS_NOT_REGISTERED"):
        KmaConnector("K", recorded({"getVilageFcst": "portal_key_error.xml"})).days(37.5, 127.0)
