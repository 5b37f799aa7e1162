"""따릉이 live availability (서울 열린데이터광장 bikeList), fetched in pages of 1,000 and cached.

Success: ``{"rentBikeStatus": {"list_total_count": N, "RESULT": {"CODE": "INFO-000"}, "row": [...]}}``;
error: ``{"RESULT": {"CODE": "INFO-100", "MESSAGE": ...}}`` (bad key) or INFO-200 (no data).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError

BASE_URL = "http://openapi.seoul.go.kr:8088"
PAGE = 1000
MAX_PAGES = 5


@dataclass(frozen=True)
class BikeStation:
    station_id: str
    name: str
    lat: float
    lon: float
    bikes: int
    racks: int


class BikeConnector:
    def __init__(self, api_key: str, client: CachedHttpClient):
        self._key = api_key
        self._client = client

    def stations(self) -> list[BikeStation]:
        found: list[BikeStation] = []
        for page in range(MAX_PAGES):
            start, end = page * PAGE + 1, (page + 1) * PAGE
            url = f"{BASE_URL}/{quote(self._key)}/json/bikeList/{start}/{end}/"
            payload = self._client.get(url, ttl_s=60).json()
            body = payload.get("rentBikeStatus")
            result = (body or payload).get("RESULT", {})
            code = str(result.get("CODE", ""))
            if code == "INFO-200" and found:
                break
            if code == "INFO-200":
                raise NoData(code)
            if code != "INFO-000" or body is None:
                raise UpstreamError(f"{code} {result.get('MESSAGE', '')}".strip())
            rows = body.get("row") or []
            found.extend(_station(row) for row in rows)
            if len(rows) < PAGE:
                break
        return found


def _station(row: dict[str, str]) -> BikeStation:
    return BikeStation(
        station_id=row.get("stationId", ""), name=row.get("stationName", ""),
        lat=float(row.get("stationLatitude") or 0), lon=float(row.get("stationLongitude") or 0),
        bikes=int(float(row.get("parkingBikeTotCnt") or 0)), racks=int(float(row.get("rackTotCnt") or 0)),
    )
