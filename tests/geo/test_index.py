"""The KD-tree nearest search: exact against brute force, and fast over every loaded row."""

from __future__ import annotations

import random

from sqlalchemy import Engine

from donghaeng.geo.bench import run_nearest_benchmark
from donghaeng.geo.distance import haversine_m, map_action, walk
from donghaeng.geo.index import PointIndex


def test_nearest_matches_brute_force_haversine() -> None:
    rng = random.Random(1)
    points = [(rng.uniform(37.41, 37.72), rng.uniform(126.76, 127.19)) for _ in range(2000)]
    index = PointIndex([p[0] for p in points], [p[1] for p in points])
    for _ in range(50):
        lat, lon = rng.uniform(37.41, 37.72), rng.uniform(126.76, 127.19)
        best = min(range(len(points)), key=lambda i: haversine_m(lat, lon, *points[i]))
        (found, meters), = index.nearest(lat, lon, 1)
        assert found == best
        assert abs(meters - haversine_m(lat, lon, *points[best])) < 0.5


def test_within_radius_sorted() -> None:
    index = PointIndex([37.5665, 37.5700, 37.6000], [126.9780, 126.9780, 126.9780])
    hits = index.within(37.5665, 126.9780, 500)
    assert [i for i, _ in hits] == [0, 1]


def test_walking_time_is_cautious() -> None:
    trip = walk(300)
    assert trip.walk_m == 390 and trip.minutes == 7 and trip.distance_text == "390m"
    assert walk(2000).distance_text == "2.6km"


def test_map_action_links_openstreetmap() -> None:
    action = map_action(37.5665, 126.978, "시청")
    assert action["type"] == "show_map" and "openstreetmap.org/?mlat=37.566500" in str(action["url"])


def test_benchmark_p95_under_10ms_over_all_rows(engine: Engine) -> None:
    result = run_nearest_benchmark(engine, n=500)
    assert result["points"] > 20000
    assert result["p95_ms"] <= 10.0
