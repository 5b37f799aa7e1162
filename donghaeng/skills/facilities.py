"""facility.nearby: the nearest shelter, 경로당, 복지관, hospital, station or park, from real rows.

Kinds with a bundled dataset are answered offline from the store through a KD-tree per kind.
Kinds without one (pharmacy, public toilet, library) use the live Seoul connector when a key
is configured; anything else is said honestly to be unavailable, with 120 offered, because a
made-up or stale "nearest pharmacy" is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from donghaeng.connectors.http import ConnectorError
from donghaeng.connectors.poi import PoiConnector
from donghaeng.geo import names
from donghaeng.geo.clarify import place_or_question
from donghaeng.geo.distance import map_action, walk
from donghaeng.geo.index import PointIndex
from donghaeng.geo.resolver import LocationResolver, Place
from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.store.catalog_tables import CatalogPlaceRow

# kind -> (column, value) that selects its rows in catalog_places.
OFFLINE_KINDS: dict[str, tuple[str, str]] = {
    "heat_shelter": ("kind", "heat_shelter"),
    "senior_center": ("subkind", "senior_center"),
    "community_center": ("subkind", "community_center"),
    "senior_welfare_center": ("kind", "senior_welfare_center"),
    "social_welfare_center": ("kind", "social_welfare_center"),
    "hospital": ("kind", "hospital"),
    "subway_station": ("kind", "subway_station"),
    "park": ("kind", "park"),
}
ALIASES = {"welfare_center": "social_welfare_center", "senior_hall": "senior_center", "station": "subway_station"}
CALL_120 = {"type": "call", "number": "120"}


@dataclass(frozen=True)
class Facility:
    name: str
    lat: float
    lon: float
    gu: str | None
    address: str
    phone: str | None
    note: str
    approx: bool
    lines: tuple[str, ...] = ()


class FacilityCatalog:
    """All facility rows in memory with one spatial index per kind (built once at start)."""

    def __init__(self, by_kind: dict[str, list[Facility]]):
        self.by_kind = by_kind
        self._index = {k: PointIndex([f.lat for f in v], [f.lon for f in v]) for k, v in by_kind.items()}

    @classmethod
    def from_store(cls, engine: Engine, resolver: LocationResolver | None = None) -> "FacilityCatalog":
        columns = {"kind": CatalogPlaceRow.kind, "subkind": CatalogPlaceRow.subkind}
        wanted = or_(*(columns[col] == value for col, value in OFFLINE_KINDS.values()))
        with Session(engine) as session:
            rows = session.execute(select(CatalogPlaceRow).where(wanted).order_by(CatalogPlaceRow.id)).scalars().all()
        by_kind: dict[str, list[Facility]] = {k: [] for k in OFFLINE_KINDS}
        for row in rows:
            for kind, (col, value) in OFFLINE_KINDS.items():
                if getattr(row, col) == value and kind != "subway_station":
                    by_kind[kind].append(Facility(row.name, row.lat, row.lon, row.gu, row.address, row.phone,
                                                  row.note, row.coord_quality != "exact"))
        if resolver is not None:  # stations: one place per station with all its lines
            by_kind["subway_station"] = [Facility(p.name + "역", p.lat, p.lon, p.gu, "", None, "", False, p.lines)
                                         for p in resolver.station_list]
        return cls(by_kind)

    def nearest(self, kind: str, lat: float, lon: float, k: int = 3, gu: str | None = None) -> list[tuple[Facility, float]]:
        items = self.by_kind.get(kind, [])
        hits = self._index[kind].nearest(lat, lon, k if gu is None else min(len(items), 400))
        found = [(items[i], m) for i, m in hits if gu is None or items[i].gu == gu]
        return found[:k]

    def count(self) -> int:
        return sum(len(v) for v in self.by_kind.values())


class FacilityNearbySkill:
    intents = ("facility.nearby",)

    def __init__(self, catalog: FacilityCatalog, resolver: LocationResolver, phrasebook: Phrasebook,
                 poi: PoiConnector | None = None):
        self.catalog = catalog
        self.resolver = resolver
        self.say = phrasebook.say
        self.phrasebook = phrasebook
        self.poi = poi

    def handle(self, request: SkillRequest) -> SkillResponse:
        kind = ALIASES.get(str(request.slots.get("facility") or ""), str(request.slots.get("facility") or ""))
        if not kind:
            return SkillResponse(self.say("facilities.ask_facility"), state=STATE_NEED_SLOT, ask_slot="facility")
        kind_ko = self._kind_name(kind)
        if kind not in OFFLINE_KINDS and not (self.poi and self.poi.supports(kind)):
            return SkillResponse(self.say("facilities.offline_unavailable", kind_topic=names.topic(kind_ko)),
                                 actions=(CALL_120,), data={"facility": kind, "available": False})
        origin = place_or_question(self.resolver, self.phrasebook, request)
        if isinstance(origin, SkillResponse):
            return origin
        if kind in OFFLINE_KINDS:
            gu = origin.gu if origin.kind == "gu" else None
            hits = [(f.name, f.lat, f.lon, f.address, f.phone, f.note, f.approx, f.lines, m)
                    for f, m in self.catalog.nearest(kind, origin.lat, origin.lon, 3, gu)]
        else:
            try:
                hits = [(p.name, p.lat, p.lon, p.address, p.phone, "", False, (), m)
                        for p, m in self.poi.nearest(kind, origin.lat, origin.lon, 3)]  # type: ignore[union-attr]
            except ConnectorError:
                return SkillResponse(self.say("facilities.live_failed", kind=kind_ko), actions=(CALL_120,))
        if not hits:
            return SkillResponse(self.say("facilities.none_near", origin=origin.display,
                                          kind_topic=names.topic(kind_ko)), actions=(CALL_120,))
        return self._answer(kind, kind_ko, origin, hits, urgent="응급" in request.text)

    def _answer(self, kind: str, kind_ko: str, origin: Place, hits: list[tuple[Any, ...]],
                urgent: bool = False) -> SkillResponse:
        """At most three sentences: where and how far, the address, then hours or phone."""
        name, lat, lon, address, phone, note, approx, lines, meters = hits[0]
        trip = walk(meters)
        label = name + (f"({', '.join(lines)})" if lines else "")
        key = "facilities.nearest_approx" if approx else "facilities.nearest"
        parts = [self.say(key, origin=origin.display, kind_topic=names.topic(kind_ko), name_copula=names.copula(label),
                          minutes=trip.minutes, distance=trip.distance_text)]
        if address:
            parts.append(self.say("facilities.address", address=address))
        if urgent and kind == "hospital":
            parts.append(self.say("facilities.hospital_note"))
        elif note and kind == "heat_shelter":
            parts.append(self.say("facilities.hours", note=note.rstrip(". ")))
        elif phone:
            parts.append(self.say("facilities.phone", phone=phone))
        actions: list[dict[str, Any]] = [map_action(lat, lon, name)]
        if phone:
            actions.append({"type": "call", "number": phone})
        extra = {"facility": kind, "name": name, "lat": lat, "lon": lon, "distance_m": round(meters),
                 "walk_minutes": trip.minutes, "alternatives": [h[0] for h in hits[1:]]}
        return SkillResponse(" ".join(parts), actions=tuple(actions), data=extra, simple_text=parts[0])

    def _kind_name(self, kind: str) -> str:
        key = f"facilities.kinds.{kind}"
        return self.say(key) if self.phrasebook.has(key) else kind
