"""Seoul's 지구대·파출소 from 경찰청's office list (data.go.kr 15054711, served by api.odcloud.kr).

The list has names, addresses and phones but no coordinates, and there is no offline
geocoder, so it is searched by district, never by distance: offices whose address lies in
the citizen's 구, those that name the citizen's 동 first. The ministry publishes each new
version under a new ``uddi:`` path, so the path is a setting; older versions call a few
columns differently (지방청/경찰_주소/경찰_전화번호), and both spellings are read.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable
from urllib.parse import unquote

from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError

BASE_URL = "https://api.odcloud.kr/api"
DEFAULT_DATASET = "15054711/v1/uddi:9097ad1f-3471-42c6-a390-d85b5121816a"
PER_PAGE = 1000
MAX_PAGES = 10
LIST_TTL_S = 86400.0

REGION_KEYS = ("시도청", "지방청")
ADDRESS_KEYS = ("주소", "경찰_주소")
PHONE_KEYS = ("전화번호", "경찰_전화번호")


@dataclass(frozen=True)
class PoliceOffice:
    name: str  # 관서명, e.g. 역삼지구대
    station: str  # the 경찰서 it belongs to
    kind: str  # 구분: 지구대 or 파출소
    address: str
    phone: str | None

    def mentions(self, word: str) -> bool:
        return word in self.name or word in self.address


class PoliceConnector:
    def __init__(self, service_key: str, client: CachedHttpClient, dataset: str = DEFAULT_DATASET,
                 *, clock: Callable[[], float] = time.monotonic):
        self._key = unquote(service_key) if "%" in service_key else service_key
        self._client = client
        self._url = f"{BASE_URL}/{dataset.strip('/')}"
        self._clock = clock
        self._kept: tuple[float, list[PoliceOffice]] | None = None
        self._lock = threading.Lock()

    def in_district(self, gu: str, prefer: Iterable[str] = ()) -> list[PoliceOffice]:
        """Seoul offices in a 구; those naming the first word of ``prefer`` first, then the next."""
        words = [w for w in prefer if len(w) >= 2]
        offices = [o for o in self.offices() if gu in o.address.split()]

        def rank(office: PoliceOffice) -> int:
            return next((i for i, word in enumerate(words) if office.mentions(word)), len(words))

        return sorted(offices, key=rank)

    def offices(self) -> list[PoliceOffice]:
        """Every Seoul office, fetched once a day."""
        with self._lock:
            if self._kept is None or self._kept[0] <= self._clock():
                self._kept = (self._clock() + LIST_TTL_S, self._download())
            return self._kept[1]

    def _download(self) -> list[PoliceOffice]:
        found: list[PoliceOffice] = []
        for page in range(1, MAX_PAGES + 1):
            params = {"page": page, "perPage": PER_PAGE, "serviceKey": self._key}
            response = self._client.get(self._url, params=params, ttl_s=600)
            try:
                payload = response.json()
            except ValueError as err:  # the portal gateway answers key errors in XML
                raise UpstreamError(_portal_message(response.text) or "not JSON") from err
            if not isinstance(payload, dict):
                raise UpstreamError("unexpected payload")
            rows = payload.get("data")
            if not isinstance(rows, list):  # e.g. {"code": -4, "msg": "등록되지 않은 인증키 입니다."}
                raise UpstreamError(f"{payload.get('code', '')} {payload.get('msg', 'no data field')}".strip())
            found.extend(o for o in (_office(row) for row in rows if isinstance(row, dict)) if o is not None)
            total = _count(payload.get("totalCount"))
            if len(rows) < PER_PAGE or (total and page * PER_PAGE >= total):
                break
        if not found:
            raise NoData("no Seoul police offices")
        return found


def _office(row: dict[str, Any]) -> PoliceOffice | None:
    region = _first(row, REGION_KEYS)  # 서울청; a version without the column is judged by its address
    address = _first(row, ADDRESS_KEYS)
    if not (region or address).startswith("서울"):
        return None
    name = _first(row, ("관서명",))
    if not name:
        return None
    return PoliceOffice(name, _first(row, ("경찰서",)), _first(row, ("구분",)), address,
                        _first(row, PHONE_KEYS) or None)


def _first(row: dict[str, Any], keys: tuple[str, ...]) -> str:
    return next((str(row[k]).strip() for k in keys if row.get(k) not in (None, "")), "")


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _portal_message(text: str) -> str:
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return ""
    return (root.findtext(".//returnAuthMsg") or root.findtext(".//errMsg") or "").strip()
