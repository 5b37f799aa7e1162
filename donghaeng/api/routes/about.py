"""GET /about/data: who published each dataset the answers come from (공공누리 attribution).

Plain, accessible HTML in Korean; built from the loader's dataset list and the provenance
table below so a new dataset cannot be shipped without its publisher being named here.
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter()

# dataset -> (title, publisher, source, data date)
PROVENANCE: dict[str, tuple[str, str, str, str]] = {
    "subway_stations": ("서울시 역사마스터 정보", "서울특별시", "서울 열린데이터광장 OA-21232", "2025년 무렵"),
    "bus_stops": ("서울시 버스정류소 위치정보", "서울특별시", "서울 열린데이터광장 OA-15067", "2023년 무렵"),
    "ddareungi_stations": ("서울시 공공자전거 대여소 정보", "서울특별시·서울시설공단", "서울 열린데이터광장 OA-13252", "2022년 말"),
    "ddareungi_station_master": ("서울시 따릉이대여소 마스터 정보", "서울특별시", "서울 열린데이터광장", "2023년 무렵"),
    "heat_shelters": ("서울시 무더위쉼터", "서울특별시", "서울 열린데이터광장", "2026년"),
    "hospitals": ("서울시 병원 인허가 정보", "서울특별시(지방행정 인허가 데이터)", "서울 열린데이터광장", "2025년 4월"),
    "parks": ("서울시 주요 공원현황", "서울특별시", "서울 열린데이터광장", "날짜 미표기"),
    "welfare_facilities": ("서울시 사회복지시설 목록 / 사회복지시설 목록(연락처)",
                           "서울특별시 / 보건복지부 사회복지시설정보시스템", "서울 열린데이터광장 / 사회복지시설정보시스템",
                           "2022년"),
    "welfare_services": ("복지서비스정보", "한국사회보장정보원", "공공데이터포털 15083323", "2025년 7월 22일"),
    "admin_districts": ("행정구역 경계 중심점, 행정동·법정동 코드", "통계청·행정안전부·국토교통부",
                        "행정표준코드관리시스템, 공공데이터포털", "2017년 경계, 2025년 코드"),
}

_PAGE = """<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>동행이 쓰는 공공데이터 출처</title>
<style>body{{font-family:sans-serif;font-size:1.15rem;line-height:1.6;max-width:60rem;margin:1rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}th,td{{border:1px solid #555;padding:.5rem;text-align:left}}
caption{{text-align:left;font-weight:bold;margin-bottom:.5rem}}</style></head>
<body><main>
<h1>동행이 쓰는 공공데이터 출처</h1>
<p>동행의 시설·교통·복지 안내는 아래 공공기관이 공개한 데이터로 만들었습니다.
이 데이터는 공공누리 제1유형(출처표시) 조건에 따라 출처를 밝혀 이용합니다.
데이터의 저작권은 각 기관에 있습니다.</p>
<table><caption>데이터 목록</caption>
<thead><tr><th scope="col">데이터</th><th scope="col">제공 기관</th><th scope="col">출처</th><th scope="col">기준 시점</th></tr></thead>
<tbody>{rows}</tbody></table>
<h2>실시간 정보</h2>
<p>지하철 도착, 따릉이, 약국·화장실·도서관 위치는 서울 열린데이터광장 Open API, 버스 도착은 서울특별시 버스정보시스템,
날씨는 기상청 단기예보 API(공공데이터포털)를 통해 받아 옵니다. 인증키가 없으면 실시간 정보는 연결되지 않습니다.</p>
<p>한파쉼터는 서울특별시의 「서울시 한파쉼터」(서울 열린데이터광장 TbGtnCwP), 보건소 위치는 서울특별시의
「서울시 병의원 위치 정보」(서울 열린데이터광장 TbHospitalInfo, 국립중앙의료원 자료), 지구대·파출소는 경찰청의
「경찰청_경찰관서 위치 주소 현황」(공공데이터포털 15054711)에서 받아 옵니다. 경찰관서 자료에는 좌표가 없어
거리는 알려 드리지 않고, 같은 구에 있는 곳을 알려 드립니다.</p>
<h2>직접 정리한 안내</h2>
<p>복지 혜택의 선정 기준(예: 2025년 기초연금 선정기준액)과 민원 안내, 관광지 정보는 보건복지부, 국토교통부,
행정안전부, 국가유산청 등 각 기관이 발표한 내용을 출처와 기준 연도를 밝혀 정리했습니다.
최종 판단은 각 기관에서 하니 신청 전에 꼭 확인해 주세요.</p>
</main></body></html>"""


def render_about_page() -> str:
    rows = "".join(
        f"<tr><td>{escape(title)}</td><td>{escape(publisher)}</td><td>{escape(source)}</td><td>{escape(date)}</td></tr>"
        for title, publisher, source, date in PROVENANCE.values()
    )
    return _PAGE.format(rows=rows)


@router.get("/about/data", response_class=HTMLResponse)
def about_data() -> HTMLResponse:
    return HTMLResponse(render_about_page())
