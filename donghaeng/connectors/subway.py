"""Seoul real-time subway arrivals (서울 열린데이터광장 realtimeStationArrival).

Response shape: ``{"errorMessage": {"code": "INFO-000", ...}, "realtimeArrivalList": [...]}``
on success, or a bare ``{"status": 500, "code": "INFO-200", "message": ...}`` on error.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError

BASE_URL = "http://swopenapi.seoul.go.kr/api/subway"
LINE_BY_SUBWAY_ID = {
    "1001": "1호선", "1002": "2호선", "1003": "3호선", "1004": "4호선", "1005": "5호선", "1006": "6호선",
    "1007": "7호선", "1008": "8호선", "1009": "9호선", "1061": "중앙선", "1063": "경의중앙선",
    "1065": "공항철도", "1067": "경춘선", "1075": "수인분당선", "1077": "신분당선", "1092": "우이신설선",
    "1093": "서해선", "1081": "경강선", "1032": "GTX-A",
}


@dataclass(frozen=True)
class SubwayArrival:
    line: str
    heading: str  # e.g. "성수행 - 을지로입구방면"
    up_down: str
    terminal: str
    seconds: int | None
    message: str  # e.g. "전역 도착", "3분 후 (충정로)"
    express: bool


class SubwayArrivalConnector:
    def __init__(self, api_key: str, client: CachedHttpClient):
        self._key = api_key
        self._client = client

    def arrivals(self, station: str, limit: int = 20) -> list[SubwayArrival]:
        url = f"{BASE_URL}/{quote(self._key)}/json/realtimeStationArrival/0/{limit}/{quote(station)}"
        payload = self._client.get(url, ttl_s=20).json()
        status = payload.get("errorMessage") or payload
        code = str(status.get("code", ""))
        if code == "INFO-200":
            raise NoData(code)
        if code != "INFO-000":
            raise UpstreamError(f"{code} {status.get('message', '')}".strip())
        return [_arrival(row) for row in payload.get("realtimeArrivalList") or []]


def _arrival(row: dict[str, str]) -> SubwayArrival:
    seconds = row.get("barvlDt", "")
    return SubwayArrival(
        line=LINE_BY_SUBWAY_ID.get(str(row.get("subwayId", "")), str(row.get("subwayId", ""))),
        heading=row.get("trainLineNm", ""), up_down=row.get("updnLine", ""),
        terminal=row.get("bstatnNm", ""),
        seconds=int(seconds) if str(seconds).isdigit() and int(seconds) > 0 else None,
        message=row.get("arvlMsg2", ""), express="급행" in row.get("btrainSttus", "") or "급행" in row.get("trainLineNm", ""),
    )
