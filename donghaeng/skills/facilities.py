"""facility.nearby: the nearest shelter, 경로당, 복지관, hospital, station or park, from real rows.

Kinds with a bundled dataset are answered offline from the store through a KD-tree per kind.
Kinds without one (pharmacy, public toilet, library, 한파쉼터, 보건소) use the live Seoul
connector when a key is configured, and police offices the 경찰청 list when a data.go.kr key
is; anything else is said honestly to be unavailable, with 120 offered, because a made-up or
stale "nearest pharmacy" is worse than none. The police list has no coordinates, so it is
answered by district (the citizen's 구, their 동 first) and never with a distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from donghaeng.connectors.http import ConnectorError
from donghaeng.connectors.poi import Poi, PoiConnector
from donghaeng.connectors.police import PoliceConnector
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
# "역삼1동" -> "역삼", "종로1·2·3·4가동" -> "종로": the part of a 동 name that offices and roads carry.
DONG_SUFFIX = re.compile(r"[\d·.,가]*동$")
NEARBY_DONGS = 6


def dong_stem(name: str) -> str:
    stem = DONG_SUFFIX.sub("", name.strip())
    return stem if len(stem) >= 2 else ""


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
                 poi: PoiConnector | None = None, police: PoliceConnector | None = None):
        self.catalog = catalog
        self.resolver = resolver
        self.say = phrasebook.say
        self.phrasebook = phrasebook
        self.poi = poi
        self.police = police
        self._dongs: tuple[list[Place], PointIndex] | None = None

    def handle(self, request: SkillRequest) -> SkillResponse:
        kind = ALIASES.get(str(request.slots.get("facility") or ""), str(request.slots.get("facility") or ""))
        if not kind:
            return SkillResponse(self.say("facilities.ask_facility"), state=STATE_NEED_SLOT, ask_slot="facility")
        kind_ko = self._kind_name(kind)
        live = (self.police is not None) if kind == "police" else bool(self.poi and self.poi.supports(kind))
        if kind not in OFFLINE_KINDS and not live:
            return SkillResponse(self.say("facilities.offline_unavailable", kind_topic=names.topic(kind_ko)),
                                 actions=(CALL_120,), data={"facility": kind, "available": False})
        origin = place_or_question(self.resolver, self.phrasebook, request)
        if isinstance(origin, SkillResponse):
            return origin
        if kind == "police":
            return self._police(origin, kind_ko)
        if kind in OFFLINE_KINDS:
            gu = origin.gu if origin.kind == "gu" else None
            hits = [(f.name, f.lat, f.lon, f.address, f.phone, f.note, f.approx, f.lines, m)
                    for f, m in self.catalog.nearest(kind, origin.lat, origin.lon, 3, gu)]
        else:
            try:
                hits = [(p.name, p.lat, p.lon, p.address, p.phone, self._live_note(kind, p), False, (), m)
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
        elif note and kind == "cold_shelter":
            parts.append(note)
        elif phone:
            parts.append(self.say("facilities.phone", phone=phone))
        actions: list[dict[str, Any]] = [map_action(lat, lon, name)]
        if phone:
            actions.append({"type": "call", "number": phone})
        extra = {"facility": kind, "name": name, "lat": lat, "lon": lon, "distance_m": round(meters),
                 "walk_minutes": trip.minutes, "alternatives": [h[0] for h in hits[1:]]}
        return SkillResponse(" ".join(parts), actions=tuple(actions), data=extra, simple_text=parts[0])

    def _live_note(self, kind: str, poi: Poi) -> str:
        """A 한파쉼터's one extra sentence: what kind of place it is and how many it holds."""
        if kind != "cold_shelter":
            return ""
        place_type, capacity = poi.detail("place_type"), _head_count(poi.detail("capacity"))
        if place_type and capacity:
            return self.say("facilities.cold_shelter_detail", place_type=place_type, capacity=capacity)
        if place_type:
            return self.say("facilities.cold_shelter_type", place_type=place_type)
        if capacity:
            return self.say("facilities.cold_shelter_capacity", capacity=capacity)
        remark = poi.detail("remark").rstrip(". ")
        return self.say("facilities.hours", note=remark) if remark else ""

    def _police(self, origin: Place, kind_ko: str) -> SkillResponse:
        """By district: the office list has no coordinates, so no distance is ever said."""
        gu = origin.gu or self.resolver.gu_of(origin.lat, origin.lon)
        if not gu:
            return SkillResponse(self.say("facilities.none_near", origin=origin.display,
                                          kind_topic=names.topic(kind_ko)), actions=(CALL_120,))
        dongs = self._dongs_near(origin, gu)
        try:
            offices = self.police.in_district(gu, [stem for stem, _ in dongs])  # type: ignore[union-attr]
        except ConnectorError:
            return SkillResponse(self.say("facilities.live_failed", kind=kind_ko), actions=(CALL_120,))
        if not offices:
            return SkillResponse(self.say("facilities.none_near", origin=origin.display,
                                          kind_topic=names.topic(kind_ko)), actions=(CALL_120,))
        first = offices[0]
        office_kind = first.kind or self.say("facilities.police_office")
        dong = next((name for stem, name in dongs if first.mentions(stem)), None)
        if dong:
            lead = self.say("facilities.police_near_dong", dong=dong, office_kind_topic=names.topic(office_kind),
                            name_copula=names.copula(first.name))
        else:
            lead = self.say("facilities.police_in_gu", gu=gu, office_kind=office_kind,
                            name_copula=names.copula(first.name))
        parts = [lead]
        if first.address:
            parts.append(self.say("facilities.address", address=first.address))
        if first.phone:
            parts.append(self.say("facilities.phone", phone=first.phone))
        if len(offices) > 1:
            parts.append(self.say("facilities.police_more", gu=gu, count=len(offices) - 1))
        actions = ({"type": "call", "number": first.phone},) if first.phone else ()
        data = {"facility": "police", "name": first.name, "gu": gu, "dong": dong, "address": first.address,
                "phone": first.phone, "count": len(offices), "alternatives": [o.name for o in offices[1:3]]}
        return SkillResponse(" ".join(parts), actions=actions, data=data, simple_text=lead)

    def _dongs_near(self, origin: Place, gu: str) -> list[tuple[str, str]]:
        """(stem, name) of the citizen's 동 and its neighbours in the same 구, nearest first.

        A 구 alone names no 동; a station, stop or browser location gets the 동 whose
        centroid is nearest (the resolver's reverse lookup works the same way).
        """
        if origin.kind == "gu":
            return []
        if self._dongs is None:
            unique = list({id(p): p for places in self.resolver.dongs.values() for p in places}.values())
            self._dongs = (unique, PointIndex([p.lat for p in unique], [p.lon for p in unique]))
        places, index = self._dongs
        nearby = [places[i] for i, _ in index.nearest(origin.lat, origin.lon, NEARBY_DONGS)]
        ordered = ([origin] if origin.kind == "dong" else []) + [p for p in nearby if p.gu == gu]
        found: list[tuple[str, str]] = []
        for place in ordered:
            stem = dong_stem(place.name)
            if stem and stem not in (s for s, _ in found):
                found.append((stem, place.name))
        return found

    def _kind_name(self, kind: str) -> str:
        key = f"facilities.kinds.{kind}"
        return self.say(key) if self.phrasebook.has(key) else kind


def _head_count(value: str) -> int | None:
    try:
        count = int(float(value))
    except ValueError:
        return None
    return count if count > 0 else None
