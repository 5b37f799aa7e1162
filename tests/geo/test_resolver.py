"""Resolving what the citizen means, on the real gazetteer."""

from __future__ import annotations

import pytest

from donghaeng.geo.resolver import AMBIGUOUS, FOUND, NEED_LOCATION, NOT_FOUND, LocationResolver


@pytest.mark.parametrize("text, kind, gu", [
    ("관악구", "gu", "관악구"),
    ("신림동", "dong", "관악구"),
    ("망원 동", "dong", "마포구"),
    ("상계동", "dong", "노원구"),
    ("강남구 신사동", "dong", "강남구"),
    ("시청역", "station", "중구"),
    ("여의도공원", "park", "영등포구"),
    ("경복궁", "landmark", "종로구"),
    ("남산타워", "landmark", "용산구"),
])
def test_names_resolve(resolver: LocationResolver, text: str, kind: str, gu: str) -> None:
    result = resolver.resolve(text)
    assert result.status == FOUND and result.place is not None
    assert result.place.kind == kind
    assert (result.place.gu or resolver.gu_of(result.place.lat, result.place.lon)) == gu


def test_a_place_named_after_its_gu_is_that_place_not_the_gu(resolver: LocationResolver) -> None:
    result = resolver.resolve("노원구청")
    assert result.status == FOUND and result.place is not None
    assert result.place.kind != "gu" and "노원구청" in result.place.name
    assert resolver.gu_of(result.place.lat, result.place.lon) == "노원구"


def test_ars_number_finds_the_stop(resolver: LocationResolver) -> None:
    result = resolver.resolve("01001")
    assert result.place is not None and result.place.name == "종로2가사거리"


def test_dong_shared_by_several_gu_is_ambiguous(resolver: LocationResolver) -> None:
    result = resolver.resolve("신사동")
    assert result.status == AMBIGUOUS
    assert {"강남구 신사동", "은평구 신사동"} <= {c.display for c in result.candidates}


def test_citizen_location_settles_an_ambiguous_name(resolver: LocationResolver) -> None:
    result = resolver.resolve("신사동", lat=37.5240, lon=127.0230)  # near 신사역, 강남구
    assert result.status == FOUND and result.place is not None and result.place.gu == "강남구"


def test_same_named_stops_in_different_places_are_ambiguous(resolver: LocationResolver) -> None:
    assert resolver.resolve("새마을금고").status == AMBIGUOUS


def test_here_needs_the_browser_location(resolver: LocationResolver) -> None:
    assert resolver.resolve("여기").status == NEED_LOCATION
    assert resolver.resolve(None, 37.5665, 126.9780).place.kind == "point"  # type: ignore[union-attr]


def test_unknown_place(resolver: LocationResolver) -> None:
    assert resolver.resolve("아틀란티스").status == NOT_FOUND


def test_gu_of_points(resolver: LocationResolver) -> None:
    assert resolver.gu_of(37.4842, 126.9297) == "관악구"
    assert resolver.gu_of(37.5665, 126.9780) == "중구"
    assert resolver.gu_of(35.1796, 129.0756) is None  # 부산


def test_nearest_station_to_city_hall_is_sicheong(resolver: LocationResolver) -> None:
    station, meters = resolver.nearest_stations(37.5665, 126.9780, 1)[0]
    assert station.name == "시청" and {"1호선", "2호선"} <= set(station.lines)
    assert meters < 400
