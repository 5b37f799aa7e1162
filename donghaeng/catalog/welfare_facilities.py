"""노인복지관 and 사회복지관 with their phones, placed on the map as well as the data allows.

The Seoul facility list has addresses but no coordinates, and the ministry export has
phones but no addresses. We join them by name within a 구, take exact coordinates from
the heat-shelter list when the same facility is a shelter, and otherwise fall back to the
법정동 (or 구) centroid, recording that the position is approximate so answers do not claim
a walking time they cannot know.
"""

from __future__ import annotations

import re
from pathlib import Path

from donghaeng.catalog.readers import read_admin_districts
from donghaeng.catalog.sources import SKIP_OUTSIDE, Batch, clean_phone, gu_from_address, read_csv

KINDS = {
    "(노인) 노인복지관": "senior_welfare_center",
    "(노인) 노인복지관(소규모)": "senior_welfare_center",
    "(일반) 사회복지관": "social_welfare_center",
}
CONTACT_KINDS = {"노인복지관", "사회복지관"}
_NOISE = re.compile(r"\(.*?\)|서울특별시|서울시|시립|구립|재단법인|사회복지법인|\s")
_DONG_IN_PARENS = re.compile(r"\(([^()]*?동)[,)\s]")
_DONG_TOKEN = re.compile(r"([가-힣0-9]+동)\b")


def name_key(name: str) -> str:
    """A facility name without prefixes and spacing, for joining lists that spell it differently."""
    return _NOISE.sub("", name)


def read_welfare_facilities(files: list[Path]) -> Batch:
    facilities_file, contacts_file, shelters_file, *district_files = files
    batch = Batch()
    phones = _phones_by_name(contacts_file)
    shelters = _shelter_points(shelters_file)
    areas = read_admin_districts(district_files).areas
    dong_points = {(a["gu"], a["name"]): (a["lat"], a["lon"]) for a in areas if a["level"] != "gu"}
    gu_points = {a["name"]: (a["lat"], a["lon"]) for a in areas if a["level"] == "gu"}
    for row in read_csv(facilities_file):
        kind = KINDS.get(row["시설종류명(시설유형)"])
        if kind is None:
            continue
        address = row["시설주소"]
        gu = gu_from_address(address)
        if gu is None:
            batch.skipped[SKIP_OUTSIDE] += 1
            continue
        key = name_key(row["시설명"])
        point, quality = shelters.get((gu, key)), "exact"
        if point is None:
            point, quality = dong_points.get((gu, _dong_of(address) or "")), "dong"
        if point is None:
            point, quality = gu_points.get(gu), "gu"
        if point is None:
            batch.skipped[SKIP_OUTSIDE] += 1
            continue
        batch.places.append({
            "dataset": "welfare_facilities", "kind": kind, "subkind": row["시설종류명(시설유형)"],
            "source_id": row["시설코드"], "name": row["시설명"], "gu": gu, "address": address,
            "phone": phones.get((gu, key)), "note": "", "lat": point[0], "lon": point[1],
            "coord_quality": quality, "extra": {},
        })
    return batch


def _dong_of(address: str) -> str | None:
    match = _DONG_IN_PARENS.search(address + " ")
    if match:
        return match.group(1)
    for token in _DONG_TOKEN.findall(address.split("구", 1)[-1]):
        return token
    return None


def _phones_by_name(path: Path) -> dict[tuple[str, str], str]:
    phones: dict[tuple[str, str], str] = {}
    for row in read_csv(path):
        if row["시설유형(소)"] in CONTACT_KINDS:
            phone = clean_phone(row["연락처"])
            if phone:
                phones[(row["시군구"], name_key(row["시설명"]))] = phone
    return phones


def _shelter_points(path: Path) -> dict[tuple[str, str], tuple[float, float]]:
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for row in read_csv(path):
        gu = gu_from_address(row["도로명주소"] or row["지번주소"])
        if gu and "복지" in row["쉼터명칭"]:
            points[(gu, name_key(row["쉼터명칭"]))] = (float(row["위도"]), float(row["경도"]))
    return points
