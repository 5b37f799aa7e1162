"""Seoul bus arrivals at a stop by its 5-digit ARS number (ws.bus.go.kr getStationByUid, XML).

The key is a 공공데이터포털 (data.go.kr) service key; keys are often handed out already
URL-encoded, so an encoded key is decoded once before httpx encodes it again.
Errors come either as ``msgHeader/headerCd`` != 0 (4 = no result) or as a portal-level
``OpenAPI_ServiceResponse`` (unregistered key, quota exceeded).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import unquote

from donghaeng.connectors.http import CachedHttpClient, NoData, UpstreamError

URL = "http://ws.bus.go.kr/api/rest/stationinfo/getStationByUid"


@dataclass(frozen=True)
class BusArrival:
    route: str
    stop_name: str
    direction: str
    first: str  # e.g. "3분12초후[1번째 전]", "곧 도착", "운행종료"
    second: str


class BusArrivalConnector:
    def __init__(self, service_key: str, client: CachedHttpClient):
        self._key = unquote(service_key) if "%" in service_key else service_key
        self._client = client

    def arrivals(self, ars_id: str) -> list[BusArrival]:
        response = self._client.get(URL, params={"serviceKey": self._key, "arsId": ars_id}, ttl_s=20)
        try:
            root = ET.fromstring(response.content)
        except ET.ParseError as err:
            raise UpstreamError("unparseable response") from err
        if root.tag == "OpenAPI_ServiceResponse":
            raise UpstreamError(root.findtext(".//returnAuthMsg") or root.findtext(".//errMsg") or "portal error")
        code = root.findtext("msgHeader/headerCd", "")
        if code == "4":
            raise NoData(root.findtext("msgHeader/headerMsg", ""))
        if code != "0":
            raise UpstreamError(f"{code} {root.findtext('msgHeader/headerMsg', '')}".strip())
        return [
            BusArrival(route=item.findtext("rtNm", ""), stop_name=item.findtext("stNm", ""),
                       direction=item.findtext("adirection", ""), first=item.findtext("arrmsg1", ""),
                       second=item.findtext("arrmsg2", ""))
            for item in root.iterfind("msgBody/itemList")
        ]
