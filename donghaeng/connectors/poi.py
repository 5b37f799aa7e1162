"""Live point lists for facility kinds without a bundled dataset (pharmacy, toilet, library).

Each is a 서울 열린데이터광장 dataset served at ``/{key}/json/{service}/{start}/{end}/``; the
whole list is fetched (a few pages) and cached for a day, then searched with the same
KD-tree as the bundled data.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from donghaeng.catalog.sources import in_seoul
from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError
from donghaeng.geo.index import PointIndex

BASE_URL = "http://openapi.seoul.go.kr:8088"
PAGE = 1000
MAX_PAGES = 8


@dataclass(frozen=True)
class PoiService:
    service: str
    name: str
    address: str
    lat: str
    lon: str
    phone: str | None


SERVICES = {
    "pharmacy": PoiService("TbPharmacyOperateInfo", "DUTYNAME", "DUTYADDR", "WGS84LAT", "WGS84LON", "DUTYTEL1"),
    "public_toilet": PoiService("SearchPublicToiletPOIService", "FNAME", "ANAME", "Y_WGS84", "X_WGS84", None),
    "library": PoiService("SeoulPublicLibraryInfo", "LBRRY_NAME", "ADRES", "XCNTS", "YDNTS", "TEL_NO"),
}


@dataclass(frozen=True)
class Poi:
    name: str
    address: str
    lat: float
    lon: float
    phone: str | None


class PoiConnector:
    def __init__(self, api_key: str, client: CachedHttpClient):
        self._key = api_key
        self._client = client

    @staticmethod
    def supports(kind: str) -> bool:
        return kind in SERVICES

    def nearest(self, kind: str, lat: float, lon: float, k: int = 3) -> list[tuple[Poi, float]]:
        pois = self.fetch(kind)
        index = PointIndex([p.lat for p in pois], [p.lon for p in pois])
        return [(pois[i], m) for i, m in index.nearest(lat, lon, k)]

    def fetch(self, kind: str) -> list[Poi]:
        spec = SERVICES[kind]
        found: list[Poi] = []
        for page in range(MAX_PAGES):
            url = f"{BASE_URL}/{quote(self._key)}/json/{spec.service}/{page * PAGE + 1}/{(page + 1) * PAGE}/"
            payload = self._client.get(url, ttl_s=86400).json()
            body = payload.get(spec.service)
            result = (body or payload).get("RESULT", {})
            code = str(result.get("CODE", ""))
            if code == "INFO-200":
                break
            if code != "INFO-000" or body is None:
                raise UpstreamError(f"{code} {result.get('MESSAGE', '')}".strip())
            rows = body.get("row") or []
            found.extend(p for p in (_poi(spec, row) for row in rows) if p is not None)
            if len(rows) < PAGE:
                break
        if not found:
            raise NoData(spec.service)
        return found


def _poi(spec: PoiService, row: dict[str, object]) -> Poi | None:
    try:
        lat, lon = float(row.get(spec.lat) or 0), float(row.get(spec.lon) or 0)  # type: ignore[arg-type]
    except ValueError:
        return None
    if not in_seoul(lat, lon):
        return None
    phone = str(row.get(spec.phone) or "") or None if spec.phone else None
    return Poi(str(row.get(spec.name, "")), str(row.get(spec.address, "")), lat, lon, phone)
