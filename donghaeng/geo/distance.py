"""Distances as a citizen experiences them: metres on foot and minutes at an older person's pace.

Straight-line distance understates a walk through city blocks, so it is stretched by a
detour factor; the pace is 60 m/min (3.6 km/h), slower than the usual 80 m/min, because
the people asking are often older and a too-optimistic "5분" is worse than a cautious one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
DETOUR_FACTOR = 1.3
WALK_M_PER_MIN = 60.0


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Walk:
    straight_m: float
    walk_m: int
    minutes: int

    @property
    def distance_text(self) -> str:
        """"350m" under a kilometre, "1.2km" above: how people say it."""
        if self.walk_m < 1000:
            return f"{int(round(self.walk_m, -1))}m"
        return f"{self.walk_m / 1000:.1f}km"


def walk(straight_m: float) -> Walk:
    walk_m = int(round(straight_m * DETOUR_FACTOR))
    return Walk(straight_m, walk_m, max(1, math.ceil(walk_m / WALK_M_PER_MIN)))


def map_action(lat: float, lon: float, label: str) -> dict[str, object]:
    """A show_map action the web page and apps understand, with an OpenStreetMap link."""
    url = f"https://www.openstreetmap.org/?mlat={lat:.6f}&mlon={lon:.6f}#map=17/{lat:.6f}/{lon:.6f}"
    return {"type": "show_map", "lat": round(lat, 6), "lon": round(lon, 6), "label": label, "url": url}
