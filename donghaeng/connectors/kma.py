"""KMA short-term forecast (기상청 단기예보 VilageFcstInfoService_2.0) and its grid.

The API is addressed by a 5 km Lambert-conformal grid (nx, ny), not by lat/lon, and serves
each forecast run only some minutes after its base time, so both are computed here:
observations (getUltraSrtNcst) for the last full hour once HH:40 has passed, and the
short-term forecast (getVilageFcst) from the latest of 02,05,...,23 h runs once HH:10 has
passed. Times are Korea Standard Time.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote

from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError

KST = timezone(timedelta(hours=9))
BASE_URL = "https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0"
FORECAST_HOURS = (2, 5, 8, 11, 14, 17, 20, 23)
SKY_TEXT = {"1": "맑음", "3": "구름 많음", "4": "흐림"}
PTY_TEXT = {"1": "비", "2": "비나 눈", "3": "눈", "4": "소나기", "5": "빗방울", "6": "빗방울과 눈날림", "7": "눈날림"}


def latlon_to_grid(lat: float, lon: float) -> tuple[int, int]:
    """KMA's DFS grid (Lambert conformal conic, 5 km), as in the API's guide."""
    re_, grid = 6371.00877, 5.0
    slat1, slat2, olon, olat, xo, yo = 30.0, 60.0, 126.0, 38.0, 43, 136
    rad = math.pi / 180.0
    re = re_ / grid
    s1, s2, lo, la = slat1 * rad, slat2 * rad, olon * rad, olat * rad
    sn = math.log(math.cos(s1) / math.cos(s2)) / math.log(math.tan(math.pi * 0.25 + s2 * 0.5)
                                                          / math.tan(math.pi * 0.25 + s1 * 0.5))
    sf = math.tan(math.pi * 0.25 + s1 * 0.5) ** sn * math.cos(s1) / sn
    ro = re * sf / math.tan(math.pi * 0.25 + la * 0.5) ** sn
    ra = re * sf / math.tan(math.pi * 0.25 + lat * rad * 0.5) ** sn
    theta = lon * rad - lo
    theta = (theta + math.pi) % (2 * math.pi) - math.pi
    theta *= sn
    return int(ra * math.sin(theta) + xo + 0.5), int(ro - ra * math.cos(theta) + yo + 0.5)


def ncst_base(now: datetime) -> tuple[str, str]:
    now = now.astimezone(KST)
    base = now if now.minute >= 40 else now - timedelta(hours=1)
    return base.strftime("%Y%m%d"), base.strftime("%H00")


def forecast_base(now: datetime) -> tuple[str, str]:
    now = now.astimezone(KST) - timedelta(minutes=10)
    hours = [h for h in FORECAST_HOURS if h <= now.hour]
    if not hours:
        now -= timedelta(days=1)
        hours = [23]
    return now.strftime("%Y%m%d"), f"{hours[-1]:02d}00"


@dataclass(frozen=True)
class Observation:
    temperature: float | None
    rain_mm: float
    precipitation: str | None  # 비/눈/... or None
    humidity: int | None


@dataclass(frozen=True)
class DayForecast:
    day: date
    low: float | None
    high: float | None
    rain_chance: int
    precipitation: str | None
    sky: str | None


class KmaConnector:
    def __init__(self, service_key: str, client: CachedHttpClient):
        self._key = unquote(service_key) if "%" in service_key else service_key
        self._client = client

    def now(self, lat: float, lon: float, at: datetime | None = None) -> Observation:
        base_date, base_time = ncst_base(at or datetime.now(KST))
        items = self._items("getUltraSrtNcst", lat, lon, base_date, base_time)
        values = {item["category"]: str(item.get("obsrValue", "")) for item in items}
        pty = values.get("PTY", "0")
        return Observation(
            temperature=_float(values.get("T1H")), rain_mm=_float(values.get("RN1")) or 0.0,
            precipitation=PTY_TEXT.get(pty), humidity=int(_float(values.get("REH")) or 0) or None,
        )

    def days(self, lat: float, lon: float, at: datetime | None = None) -> list[DayForecast]:
        base_date, base_time = forecast_base(at or datetime.now(KST))
        items = self._items("getVilageFcst", lat, lon, base_date, base_time)
        by_day: dict[str, list[dict[str, Any]]] = {}
        for item in items:
            by_day.setdefault(str(item["fcstDate"]), []).append(item)
        return [_summarise(day, rows) for day, rows in sorted(by_day.items())]

    def _items(self, operation: str, lat: float, lon: float, base_date: str, base_time: str) -> list[dict[str, Any]]:
        nx, ny = latlon_to_grid(lat, lon)
        params = {"serviceKey": self._key, "pageNo": 1, "numOfRows": 1000, "dataType": "JSON",
                  "base_date": base_date, "base_time": base_time, "nx": nx, "ny": ny}
        response = self._client.get(f"{BASE_URL}/{operation}", params=params, ttl_s=600)
        try:
            payload = response.json()
        except ValueError as err:  # the portal answers key errors in XML
            raise UpstreamError(_portal_error(response.text)) from err
        header = payload.get("response", {}).get("header", {})
        code = str(header.get("resultCode", ""))
        if code == "03":
            raise NoData(header.get("resultMsg", "NO_DATA"))
        if code != "00":
            raise UpstreamError(f"{code} {header.get('resultMsg', '')}".strip())
        items = payload["response"].get("body", {}).get("items") or {}
        return list(items.get("item") or [])


def _summarise(day: str, rows: list[dict[str, Any]]) -> DayForecast:
    values: dict[str, list[str]] = {}
    for row in rows:
        values.setdefault(row["category"], []).append(str(row.get("fcstValue", "")))
    temps = [t for t in (_float(v) for v in values.get("TMP", [])) if t is not None]
    low = _float((values.get("TMN") or [None])[0]) if values.get("TMN") else (min(temps) if temps else None)
    high = _float((values.get("TMX") or [None])[0]) if values.get("TMX") else (max(temps) if temps else None)
    pops = [int(v) for v in values.get("POP", []) if v.isdigit()]
    ptys = [v for v in values.get("PTY", []) if v not in ("0", "")]
    skies = Counter(values.get("SKY", []))
    return DayForecast(
        day=datetime.strptime(day, "%Y%m%d").date(), low=low, high=high,
        rain_chance=max(pops) if pops else 0,
        precipitation=PTY_TEXT.get(Counter(ptys).most_common(1)[0][0]) if ptys else None,
        sky=SKY_TEXT.get(skies.most_common(1)[0][0]) if skies else None,
    )


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _portal_error(text: str) -> str:
    for tag in ("returnAuthMsg", "errMsg"):
        start = text.find(f"<{tag}>")
        if start >= 0:
            return text[start + len(tag) + 2: text.find(f"</{tag}>")]
    return "unexpected response"
