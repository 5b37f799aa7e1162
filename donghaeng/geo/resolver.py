"""Where does the citizen mean? From a spoken place name (or the browser's location) to a point.

Names are looked up tier by tier (ARS number, 구, 동, station, landmark/park, bus stop, then
looser aliases and prefixes), and the first tier that knows the name decides. When that
tier's matches lie in clearly different places (신사동 in 강남구, 은평구 and 관악구) the
result is *ambiguous* with one candidate per place, so the skill can ask a short question
instead of guessing. A citizen's own location settles such a tie when only one candidate
is near them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from donghaeng.geo import names
from donghaeng.geo.distance import haversine_m
from donghaeng.geo.index import PointIndex

FOUND, AMBIGUOUS, NOT_FOUND, NEED_LOCATION = "found", "ambiguous", "not_found", "need_location"
SAME_PLACE_M = 1500.0
NEAR_CITIZEN_M = 5000.0


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    kind: str  # gu, dong, station, stop, park, landmark, point
    gu: str | None = None
    label: str = ""
    ids: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return self.label or self.name


@dataclass(frozen=True)
class Resolution:
    status: str
    query: str = ""
    place: Place | None = None
    candidates: tuple[Place, ...] = field(default_factory=tuple)

    @property
    def found(self) -> bool:
        return self.status == FOUND


class LocationResolver:
    """Built once from the store (see ``gazetteer.load_resolver``); read-only afterwards."""

    def __init__(self, *, gus: Iterable[Place], dongs: Iterable[Place], stations: Iterable[Place],
                 stops: Iterable[Place], landmarks: Iterable[Place], parks: Iterable[Place]):
        self.gus = {names.key(p.name): p for p in gus}
        self._dong_list = list(dongs)
        self.station_list = list(stations)
        self.stop_list = list(stops)
        self._tiers: list[dict[str, list[Place]]] = []
        self._dong_index = PointIndex([p.lat for p in self._dong_list], [p.lon for p in self._dong_list])
        self._station_index = PointIndex([p.lat for p in self.station_list], [p.lon for p in self.station_list])
        self._stop_index = PointIndex([p.lat for p in self.stop_list], [p.lon for p in self.stop_list])
        self.dongs = _group(self._dong_list, lambda p: [p.name])
        self.stations = _group(self.station_list, lambda p: [p.name, p.name + "역"])
        self.stops = _group(self.stop_list, lambda p: [p.name])
        self.stops_by_ars = {p.ids[0]: p for p in self.stop_list if p.ids}
        sights = _group(list(landmarks), lambda p: [p.name, *p.ids])
        for park in parks:
            for alias in names.park_aliases(park.name):
                sights.setdefault(alias, []).append(park)
        loose = _group(self._dong_list, lambda p: [p.name[:-1]] if p.name.endswith("동") and len(p.name) > 2 else [])
        self._tiers = [self.dongs, self.stations, sights, self.stops, loose]

    # --- public API -------------------------------------------------------------------
    def resolve(self, text: str | None, lat: float | None = None, lon: float | None = None) -> Resolution:
        """Resolve a place slot; an empty slot or "여기/근처" means the citizen's own location."""
        if names.means_here(text):
            if lat is None or lon is None:
                return Resolution(NEED_LOCATION, text or "")
            return Resolution(FOUND, text or "", Place("현재 위치", lat, lon, "point", self.gu_of(lat, lon)))
        query = names.place_key(text or "")
        if names.ARS_PATTERN.match(query):
            stop = self.stops_by_ars.get(query)
            return Resolution(FOUND, query, stop) if stop else Resolution(NOT_FOUND, query)
        gu, rest = self._split_gu(query)
        if gu and not rest:
            return Resolution(FOUND, query, gu)
        # A place named after its 구 ("노원구청" stops) is that place, not the whole 구.
        whole = self._lookup(query) if gu and rest else []
        if whole:
            return self._decide(query, whole, lat, lon)
        matches = self._lookup(rest)
        if gu:
            matches = [p for p in matches if p.gu == gu.name] or ([gu] if not matches else [])
        return self._decide(query, matches, lat, lon)

    def gu_of(self, lat: float, lon: float) -> str | None:
        """The 구 a point lies in (by the nearest 동 centroid); None outside Seoul."""
        from donghaeng.catalog.sources import in_seoul

        if not in_seoul(lat, lon):
            return None
        hit = self._dong_index.nearest(lat, lon, 1)
        return self._dong_list[hit[0][0]].gu if hit else None

    def nearest_stations(self, lat: float, lon: float, k: int = 1) -> list[tuple[Place, float]]:
        return [(self.station_list[i], m) for i, m in self._station_index.nearest(lat, lon, k)]

    def nearest_stops(self, lat: float, lon: float, k: int = 1) -> list[tuple[Place, float]]:
        return [(self.stop_list[i], m) for i, m in self._stop_index.nearest(lat, lon, k)]

    def stations_named(self, text: str) -> list[Place]:
        query = names.without_station_suffix(names.place_key(text))
        return self.stations.get(query, []) or self.stations.get(query + "역", [])

    def stops_matching(self, text: str, limit: int = 8) -> list[Place]:
        """Bus stops by ARS number, exact name, or name prefix ("신촌오거리" -> "신촌오거리.현대백화점")."""
        query = names.place_key(text)
        if names.ARS_PATTERN.match(query):
            return [self.stops_by_ars[query]] if query in self.stops_by_ars else []
        exact = self.stops.get(query)
        if exact:
            return exact[:limit]
        return [p for p in self.stop_list if names.key(p.name).startswith(query)][:limit] if len(query) >= 2 else []

    def all_points_index(self) -> PointIndex:
        """One index over every place the resolver knows (for the nearest-search benchmark)."""
        places = [*self._dong_list, *self.station_list, *self.stop_list]
        return PointIndex([p.lat for p in places], [p.lon for p in places])

    # --- internals --------------------------------------------------------------------
    def _split_gu(self, query: str) -> tuple[Place | None, str]:
        for gu_key, gu in self.gus.items():
            if query.startswith(gu_key):
                return gu, query[len(gu_key):]
        return None, query

    def _lookup(self, query: str) -> list[Place]:
        if not query:
            return []
        for tier in self._tiers:
            if query in tier:
                return tier[query]
        stripped = names.without_station_suffix(query)
        if stripped != query and stripped in self.stations:
            return self.stations[stripped]
        if len(query) >= 3:
            for tier in self._tiers[1:4]:
                hits = [p for k, ps in tier.items() if k.startswith(query) for p in ps]
                if hits:
                    return hits
        return []

    def _decide(self, query: str, matches: list[Place], lat: float | None, lon: float | None) -> Resolution:
        if not matches:
            return Resolution(NOT_FOUND, query)
        clusters = cluster_places(matches)
        if len(clusters) == 1:
            return Resolution(FOUND, query, clusters[0])
        if lat is not None and lon is not None:
            near = [p for p in clusters if haversine_m(lat, lon, p.lat, p.lon) <= NEAR_CITIZEN_M]
            if len(near) == 1:
                return Resolution(FOUND, query, near[0])
        return Resolution(AMBIGUOUS, query, None, tuple(clusters[:4]))


def _group(places: list[Place], keys_of) -> dict[str, list[Place]]:  # type: ignore[no-untyped-def]
    grouped: dict[str, list[Place]] = {}
    for place in places:
        for name in keys_of(place):
            k = names.key(name)
            if k:
                grouped.setdefault(k, []).append(place)
    return grouped


def _same_place(a: Place, b: Place) -> bool:
    if a.kind == "dong" and b.kind == "dong":
        return a.gu == b.gu and (a.name == b.name or haversine_m(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_M)
    return haversine_m(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_M


def cluster_places(matches: list[Place]) -> list[Place]:
    """One representative per distinct location; dongs in different 구 never merge."""
    reps: list[Place] = []
    for place in matches:
        same = next((r for r in reps if _same_place(r, place)), None)
        if same is None:
            reps.append(place)
    return reps
