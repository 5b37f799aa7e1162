"""One reader per public dataset: CSV rows in, store rows (or a skip reason) out.

Readers are pure functions of the files, so the loader can checksum, parse and replace a
dataset inside one transaction, and tests can check a reader without a database.
"""

from __future__ import annotations

import re
from pathlib import Path

from donghaeng.catalog.sources import (
    SKIP_CLOSED,
    SKIP_DUPLICATE,
    SKIP_NO_CENTROID,
    SKIP_NO_NAME,
    Batch,
    clean_phone,
    gu_from_address,
    read_csv,
)

OPEN_HOSPITAL = "영업/정상"


def _place(dataset: str, kind: str, name: str, lat: float, lon: float, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "dataset": dataset, "kind": kind, "name": name, "lat": lat, "lon": lon,
        "subkind": None, "source_id": "", "gu": None, "address": "", "phone": None,
        "note": "", "coord_quality": "exact", "extra": {},
    }
    row.update(fields)
    return row


def read_subway_stations(files: list[Path]) -> Batch:
    batch, seen = Batch(), set()
    for row in read_csv(files[0]):
        key = (row["역사명"], row["호선"])
        coords = batch.located(row["위도"], row["경도"])
        if coords is None:
            continue
        if key in seen:
            batch.skipped[SKIP_DUPLICATE] += 1
            continue
        seen.add(key)
        batch.places.append(_place(
            "subway_stations", "subway_station", row["역사명"], *coords,
            source_id=row["역사_ID"], extra={"line": row["호선"]},
        ))
    return batch


def read_bus_stops(files: list[Path]) -> Batch:
    batch = Batch()
    for row in read_csv(files[0]):
        coords = batch.located(row["Y좌표"], row["X좌표"])
        if coords is None:
            continue
        batch.places.append(_place("bus_stops", "bus_stop", row["정류소명"], *coords, source_id=row["정류소번호"]))
    return batch


def read_ddareungi_stations(files: list[Path]) -> Batch:
    batch = Batch()
    for row in read_csv(files[0]):
        coords = batch.located(row["위도"], row["경도"])
        if coords is None:
            continue
        docks = sum(int(row[col]) for col in ("LCD 거치대수", "QR 거치대수") if row.get(col, "").isdigit())
        batch.places.append(_place(
            "ddareungi_stations", "bike_station", row["보관소(대여소)명"], *coords,
            source_id=row["대여소 번호"], gu=row["자치구"] or None, address=row["상세주소"],
            extra={"docks": docks, "installed": row["설치시기"]},
        ))
    return batch


def read_ddareungi_master(files: list[Path]) -> Batch:
    """ST-xxxx ids used by the live bike API, with an address for each."""
    batch = Batch()
    for row in read_csv(files[0]):
        coords = batch.located(row["위도"], row["경도"])
        if coords is None:
            continue
        address = " ".join(part for part in (row["주소1"], row["주소2"]) if part)
        batch.places.append(_place(
            "ddareungi_station_master", "bike_station_id", row["대여소_ID"], *coords,
            source_id=row["대여소_ID"], gu=gu_from_address(address), address=address,
        ))
    return batch


def heat_shelter_subkind(name: str) -> str | None:
    """What else a heat shelter is, so 경로당/주민센터 questions can use the same rows."""
    if "경로당" in name or "노인정" in name:
        return "senior_center"
    if "노인복지관" in name or "노인종합복지관" in name:
        return "senior_welfare_center"
    if "주민센터" in name or "행정복지센터" in name:
        return "community_center"
    if "복지관" in name:
        return "social_welfare_center"
    if "도서관" in name:
        return "library"
    return None


def read_heat_shelters(files: list[Path]) -> Batch:
    batch = Batch()
    for row in read_csv(files[0]):
        coords = batch.located(row["위도"], row["경도"])
        if coords is None:
            continue
        address = row["도로명주소"] or row["지번주소"]
        batch.places.append(_place(
            "heat_shelters", "heat_shelter", row["쉼터명칭"], *coords,
            subkind=heat_shelter_subkind(row["쉼터명칭"]), source_id=row["위치코드"],
            gu=gu_from_address(address), address=address, note=row["비고"],
            extra={"category": row["시설구분2"], "capacity": row["이용가능인원"], "year": row["시설년도"]},
        ))
    return batch


def read_hospitals(files: list[Path]) -> Batch:
    """Only hospitals whose licence status is 영업/정상: a closed one must never be suggested."""
    batch = Batch()
    for row in read_csv(files[0]):
        if row["영업상태명"] != OPEN_HOSPITAL:
            batch.skipped[SKIP_CLOSED] += 1
            continue
        coords = batch.located(row["위도(WGS84,변환)"], row["경도(WGS84,변환)"])
        if coords is None:
            continue
        address = row["도로명주소"] or row["지번주소"]
        batch.places.append(_place(
            "hospitals", "hospital", row["사업장명"], *coords, subkind=row["업태구분명"] or None,
            source_id=row["관리번호"], gu=gu_from_address(address), address=address,
            phone=clean_phone(row["전화번호"]),
        ))
    return batch


def read_parks(files: list[Path]) -> Batch:
    batch = Batch()
    for row in read_csv(files[0]):
        if not row["공원명"]:
            batch.skipped[SKIP_NO_NAME] += 1
            continue
        coords = batch.located(row["위도"], row["경도"])
        if coords is None:
            continue
        batch.places.append(_place(
            "parks", "park", row["공원명"], *coords, source_id=row["연번"],
            gu=row["지역"] or gu_from_address(row["공원주소"]), address=row["공원주소"],
            phone=clean_phone(row["전화번호"].split("/")[0]), note=row["오시는길"],
            extra={"summary": row["공원개요"], "url": row["바로가기"]},
        ))
    return batch


def read_welfare_services(files: list[Path]) -> Batch:
    batch = Batch()
    for row in read_csv(files[0]):
        batch.services.append({
            "dataset": "welfare_services", "service_id": row["서비스아이디"], "name": row["서비스명"],
            "url": row["서비스URL"], "summary": row["서비스요약"], "site": row["사이트"],
            "contact": row["대표문의"], "ministry": row["소관부처명"], "year": row["기준연도"],
        })
    return batch


def read_admin_districts(files: list[Path]) -> Batch:
    """Gu and 행정동 centroids as given; 법정동 centroids as the mean of their 행정동s."""
    gu_file, dong_file, mapping_file, legal_file = files
    batch = Batch()
    for row in read_csv(gu_file):
        batch.areas.append(_area("gu", row["SIG_CD"], row["SIG_KOR_NM"], row["SIG_KOR_NM"],
                                 row["centroid_lat"], row["centroid_lon"]))
    admin: dict[tuple[str, str], tuple[float, float]] = {}
    for row in read_csv(dong_file):
        admin[(row["gu"], row["dong"])] = (float(row["centroid_lat"]), float(row["centroid_lon"]))
        batch.areas.append(_area("admin_dong", row["adm_cd(통계청7자리)"], row["dong"], row["gu"],
                                 row["centroid_lat"], row["centroid_lon"]))
    members: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for row in read_csv(mapping_file):
        admin_key = (row["시군구명"], admin_dong_name(row["읍면동명"]))
        if row["읍면동명"] and row["동리명"] and admin_key in admin:
            members.setdefault((row["시군구명"], row["동리명"]), []).append(admin[admin_key])
    for row in read_csv(legal_file):
        if not row["읍면동명"]:
            continue
        points = members.get((row["시군구명"], row["읍면동명"]))
        if not points:
            batch.skipped[SKIP_NO_CENTROID] += 1
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        batch.areas.append(_area("legal_dong", row["법정동코드"], row["읍면동명"], row["시군구명"], lat, lon))
    return batch


def admin_dong_name(name: str) -> str:
    """The code table writes 망원제1동 and 종로1.2.3.4가동; the centroid file 망원1동, 종로1·2·3·4가동."""
    return re.sub(r"제(\d)", r"\1", name).replace(".", "·")


def _area(level: str, code: str, name: str, gu: str, lat: object, lon: object) -> dict[str, object]:
    return {"dataset": "admin_districts", "level": level, "code": code, "name": name, "gu": gu,
            "lat": float(lat), "lon": float(lon)}  # type: ignore[arg-type]
