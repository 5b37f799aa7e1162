"""Live point lists for facility kinds without a bundled dataset.

Each is a 서울 열린데이터광장 dataset served at ``/{key}/json/{service}/{start}/{end}/``; the
whole list is fetched page by page, filtered, and kept for a day, then searched with the same
KD-tree as the bundled data. The kept list (not the raw pages) is what lasts the day: the
병의원 list has over 20,000 rows of which only the few dozen 보건소 are wanted, so its raw
pages are cached only briefly, long enough for a retry after a page fails half-way.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

from donghaeng.catalog.sources import in_seoul
from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError
from donghaeng.geo.index import PointIndex

log = logging.getLogger(__name__)

BASE_URL = "http://openapi.seoul.go.kr:8088"
PAGE = 1000
MAX_PAGES = 8
PAGE_TTL_S = 600.0
LIST_TTL_S = 86400.0
HEALTH_CENTER_WORDS = ("보건소", "보건지소", "보건분소")

Row = dict[str, Any]


def is_health_center(row: Row) -> bool:
    """보건소·보건지소·보건분소 among all of the 병의원 rows (NMC classifies them loosely)."""
    name = str(row.get("DUTYNAME") or "")
    return str(row.get("DUTYDIVNAM") or "").strip() == "보건소" or any(word in name for word in HEALTH_CENTER_WORDS)


@dataclass(frozen=True)
class PoiService:
    service: str
    name: str
    address: str
    lat: str
    lon: str
    phone: str | None
    address_fallback: str | None = None
    max_pages: int = MAX_PAGES
    keep: Callable[[Row], bool] | None = None
    # spoken extras: (our name, the row's field)
    details: tuple[tuple[str, str], ...] = ()


SERVICES = {
    "pharmacy": PoiService("TbPharmacyOperateInfo", "DUTYNAME", "DUTYADDR", "WGS84LAT", "WGS84LON", "DUTYTEL1"),
    "public_toilet": PoiService("SearchPublicToiletPOIService", "FNAME", "ANAME", "Y_WGS84", "X_WGS84", None),
    "library": PoiService("SeoulPublicLibraryInfo", "LBRRY_NAME", "ADRES", "XCNTS", "YDNTS", "TEL_NO"),
    "cold_shelter": PoiService("TbGtnCwP", "RESTAREA_NM", "ROAD_NM_ADDR", "LAT", "LOT", None,
                               address_fallback="LOTNO_ADDR",
                               details=(("place_type", "FACILITY_TYPE2"), ("capacity", "UTZTN_PSBLTY_NOPE"),
                                        ("remark", "RMRK"))),
    "health_center": PoiService("TbHospitalInfo", "DUTYNAME", "DUTYADDR", "WGS84LAT", "WGS84LON", "DUTYTEL1",
                                max_pages=40, keep=is_health_center),
}


@dataclass(frozen=True)
class Poi:
    name: str
    address: str
    lat: float
    lon: float
    phone: str | None
    details: tuple[tuple[str, str], ...] = ()

    def detail(self, key: str) -> str:
        return next((value for name, value in self.details if name == key), "")


@dataclass(frozen=True)
class _Kept:
    expires: float
    pois: list[Poi]
    index: PointIndex


class PoiConnector:
    def __init__(self, api_key: str, client: CachedHttpClient, *, clock: Callable[[], float] = time.monotonic):
        self._key = api_key
        self._client = client
        self._clock = clock
        self._kept: dict[str, _Kept] = {}
        self._locks = {kind: threading.Lock() for kind in SERVICES}

    @staticmethod
    def supports(kind: str) -> bool:
        return kind in SERVICES

    def nearest(self, kind: str, lat: float, lon: float, k: int = 3) -> list[tuple[Poi, float]]:
        kept = self._list(kind)
        return [(kept.pois[i], m) for i, m in kept.index.nearest(lat, lon, k)]

    def fetch(self, kind: str) -> list[Poi]:
        return self._list(kind).pois

    def _list(self, kind: str) -> _Kept:
        """The day's list for a kind; one fetch at a time per kind, so 40 pages are not read twice."""
        with self._locks[kind]:
            kept = self._kept.get(kind)
            if kept is None or kept.expires <= self._clock():
                pois = self._download(SERVICES[kind])
                kept = _Kept(self._clock() + LIST_TTL_S, pois, PointIndex([p.lat for p in pois], [p.lon for p in pois]))
                self._kept[kind] = kept
            return kept

    def _download(self, spec: PoiService) -> list[Poi]:
        found: list[Poi] = []
        for page in range(spec.max_pages):
            url = f"{BASE_URL}/{quote(self._key)}/json/{spec.service}/{page * PAGE + 1}/{(page + 1) * PAGE}/"
            try:
                payload = self._client.get(url, ttl_s=PAGE_TTL_S).json()
            except ValueError as err:
                raise UpstreamError(f"{spec.service}: not JSON") from err
            if not isinstance(payload, dict):
                raise UpstreamError(f"{spec.service}: unexpected payload")
            body = payload.get(spec.service)
            result = (body or payload).get("RESULT", {})
            code = str(result.get("CODE", ""))
            if code == "INFO-200":
                break
            if code != "INFO-000" or body is None:
                raise UpstreamError(f"{code} {result.get('MESSAGE', '')}".strip())
            rows = body.get("row") or []
            found.extend(p for p in (_poi(spec, row) for row in rows if spec.keep is None or spec.keep(row))
                         if p is not None)
            if len(rows) < PAGE:
                break
        else:
            log.warning("%s: stopped after %d pages; the list may be incomplete", spec.service, spec.max_pages)
        if not found:
            raise NoData(spec.service)
        return found


def _poi(spec: PoiService, row: Row) -> Poi | None:
    try:
        lat, lon = float(row.get(spec.lat) or 0), float(row.get(spec.lon) or 0)
    except (TypeError, ValueError):
        return None
    if not in_seoul(lat, lon):
        return None
    address = _text(row, spec.address) or (_text(row, spec.address_fallback) if spec.address_fallback else "")
    phone = _text(row, spec.phone) or None if spec.phone else None
    details = tuple((name, _text(row, field)) for name, field in spec.details if _text(row, field))
    return Poi(_text(row, spec.name), address, lat, lon, phone, details)


def _text(row: Row, field: str | None) -> str:
    return str(row.get(field) or "").strip() if field else ""
