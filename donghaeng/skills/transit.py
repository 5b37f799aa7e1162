"""transit.subway_arrival, transit.bus_arrival and transit.bike.

Station, stop and bike-station facts come from the loaded data, so the answer is useful even
offline ("시청역은 1호선, 2호선 역이에요"); live arrivals and bike counts come from the Seoul
connectors when a key is configured, and the answer says plainly when they are not.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, select

from donghaeng.connectors.bike import BikeConnector
from donghaeng.connectors.bus import BusArrivalConnector
from donghaeng.connectors.http import ConnectorError, NoData
from donghaeng.connectors.subway import SubwayArrivalConnector
from donghaeng.geo import names
from donghaeng.geo.clarify import place_or_question
from donghaeng.geo.distance import map_action, walk
from donghaeng.geo.index import PointIndex
from donghaeng.geo.resolver import LocationResolver, Place, cluster_places
from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook
from donghaeng.store.catalog_tables import CatalogPlaceRow

TTAREUNGYI = {"type": "open_app", "app": "ttareungyi", "url": "https://www.bikeseoul.com"}


def line_name(slot: Any) -> str | None:
    """"2" / "2호선" / "이호선" are all 2호선; named lines ("경의중앙선") pass through."""
    if not slot:
        return None
    text = names.key(str(slot))
    return f"{text}호선" if text.isdigit() else text


def _ask(text: str, slot: str) -> SkillResponse:
    return SkillResponse(text, state=STATE_NEED_SLOT, ask_slot=slot)


class SubwayArrivalSkill:
    intents = ("transit.subway_arrival",)

    def __init__(self, resolver: LocationResolver, phrasebook: Phrasebook,
                 connector: SubwayArrivalConnector | None = None):
        self.resolver, self.say, self.connector = resolver, phrasebook.say, connector

    def handle(self, request: SkillRequest) -> SkillResponse:
        station = self._station(request)
        if isinstance(station, SkillResponse):
            return station
        lines = ", ".join(station.lines)
        line = line_name(request.slots.get("line"))
        map_ = (map_action(station.lat, station.lon, station.display),)
        if line and not any(served.startswith(line) for served in station.lines):
            return SkillResponse(self.say("transit.line_not_here", station=station.name, line=line, lines=lines),
                                 actions=map_)
        if self.connector is None:
            text = self.say("transit.subway_not_connected", station_topic=names.topic(station.display), lines=lines)
            return SkillResponse(text, actions=map_, data={"station": station.name, "live": False})
        try:
            arrivals = self.connector.arrivals(station.name)
        except NoData:
            arrivals = []
        except ConnectorError:
            return SkillResponse(self.say("transit.live_failed"), actions=map_, data={"live_error": True})
        direction = names.key(str(request.slots.get("direction") or ""))
        arrivals = [a for a in arrivals if (not line or a.line.startswith(line))
                    and (not direction or direction in names.key(a.heading + a.terminal))]
        if not arrivals:
            return SkillResponse(self.say("transit.subway_none", station=station.name), actions=map_)
        first = arrivals[0]
        text = self.say("transit.subway_next", station=station.name, line=first.line, terminal=first.terminal,
                        when=self._when(first.seconds, first.message))
        if len(arrivals) > 1:
            text += " " + self.say("transit.subway_then", when=self._when(arrivals[1].seconds, arrivals[1].message))
        return SkillResponse(text, actions=map_, data={"station": station.name, "live": True})

    def _station(self, request: SkillRequest) -> Place | SkillResponse:
        text = request.slots.get("station")
        if not text:
            if request.lat is None or request.lon is None:
                return _ask(self.say("transit.ask_station"), "station")
            return self.resolver.nearest_stations(request.lat, request.lon, 1)[0][0]
        found = self.resolver.stations_named(str(text))
        if not found:
            return _ask(self.say("transit.station_not_found", station=text), "station")
        if len(found) > 1:
            options = ", ".join(f"{p.gu or ''} {p.display}".strip() for p in found)
            return _ask(self.say("transit.ambiguous_station", name_subject=names.subject(str(text)),
                                 options=options), "station")
        return found[0]

    def _when(self, seconds: int | None, message: str) -> str:
        if seconds:
            return self.say("transit.minutes_later", minutes=max(1, round(seconds / 60)))
        return message or "곧"


class BusArrivalSkill:
    intents = ("transit.bus_arrival",)

    def __init__(self, resolver: LocationResolver, phrasebook: Phrasebook,
                 connector: BusArrivalConnector | None = None):
        self.resolver, self.say, self.connector = resolver, phrasebook.say, connector

    def handle(self, request: SkillRequest) -> SkillResponse:
        stops = self._stops(request)
        if isinstance(stops, SkillResponse):
            return stops
        stop = stops[0]
        ars = stop.ids[0] if stop.ids else ""
        map_ = (map_action(stop.lat, stop.lon, f"{stop.name} 정류장"),)
        if self.connector is None:
            return SkillResponse(self.say("transit.bus_not_connected", stop=stop.name, ars=ars), actions=map_,
                                 data={"stop": stop.name, "ars": ars, "live": False})
        route = names.key(str(request.slots.get("route") or "")).removesuffix("번")
        arrivals = []
        try:
            for place in stops[:4]:
                try:
                    arrivals.extend(self.connector.arrivals(place.ids[0]))
                except NoData:
                    continue
        except ConnectorError:
            return SkillResponse(self.say("transit.live_failed"), actions=map_, data={"live_error": True})
        if not arrivals:
            return SkillResponse(self.say("transit.bus_none", stop=stop.name), actions=map_)
        if not route:
            routes = ", ".join(f"{a.route}번 {_clean(a.first)}" for a in arrivals[:3])
            return SkillResponse(self.say("transit.bus_routes", stop=stop.name, routes=routes), actions=map_)
        mine = [a for a in arrivals if names.key(a.route) == route]
        if not mine:
            return SkillResponse(self.say("transit.bus_route_missing", route=route, stop=stop.name), actions=map_)
        bus = mine[0]
        text = self.say("transit.bus_next", route=bus.route, stop=stop.name, first=_clean(bus.first),
                        direction=bus.direction or "-")
        if bus.second and _clean(bus.second):
            text += " " + self.say("transit.bus_then", second=_clean(bus.second))
        return SkillResponse(text, actions=map_, data={"stop": stop.name, "ars": ars, "route": bus.route, "live": True})

    def _stops(self, request: SkillRequest) -> list[Place] | SkillResponse:
        text = request.slots.get("stop")
        if not text:
            if request.lat is None or request.lon is None:
                return _ask(self.say("transit.ask_stop"), "stop")
            return [p for p, _ in self.resolver.nearest_stops(request.lat, request.lon, 2)]
        found = self.resolver.stops_matching(str(text))
        if not found:
            return _ask(self.say("transit.stop_not_found", stop=text), "stop")
        clusters = cluster_places(found)
        if len(clusters) > 1:
            options = ", ".join(c.display for c in clusters[:4])
            return _ask(self.say("transit.ambiguous_station", name_subject=names.subject(str(text)),
                                 options=options), "stop")
        return found


def _clean(message: str) -> str:
    """"3분12초후[1번째 전]" -> "3분12초후": the bracket is noise when spoken."""
    return re.sub(r"\[.*?\]", "", message or "").strip()


class BikeSkill:
    intents = ("transit.bike",)

    def __init__(self, engine: Engine, resolver: LocationResolver, phrasebook: Phrasebook,
                 connector: BikeConnector | None = None):
        self.resolver, self.phrasebook, self.say, self.connector = resolver, phrasebook, phrasebook.say, connector
        with engine.connect() as conn:
            rows = conn.execute(select(CatalogPlaceRow.name, CatalogPlaceRow.lat, CatalogPlaceRow.lon,
                                       CatalogPlaceRow.address)
                                .where(CatalogPlaceRow.kind == "bike_station").order_by(CatalogPlaceRow.id)).all()
        self.stations = [tuple(r) for r in rows]
        self.index = PointIndex([r[1] for r in rows], [r[2] for r in rows])

    def handle(self, request: SkillRequest) -> SkillResponse:
        origin = place_or_question(self.resolver, self.phrasebook, request, namespace="transit")
        if isinstance(origin, SkillResponse):
            return origin
        if self.connector is not None:
            try:
                live = self.connector.stations()
                index = PointIndex([s.lat for s in live], [s.lon for s in live])
                i, meters = index.nearest(origin.lat, origin.lon, 1)[0]
                station = live[i]
                return self._answer(origin, re.sub(r"^\d+\.\s*", "", station.name), station.lat, station.lon,
                                    meters, self.say("transit.bike_live", bikes=station.bikes))
            except (ConnectorError, IndexError):
                pass  # fall back to the bundled list, saying live counts are unavailable
        hit = self.index.nearest(origin.lat, origin.lon, 1)
        if not hit:
            return SkillResponse(self.say("transit.live_failed"))
        name, lat, lon, _address = self.stations[hit[0][0]]
        return self._answer(origin, name, lat, lon, hit[0][1], self.say("transit.bike_not_connected"))

    def _answer(self, origin: Place, name: str, lat: float, lon: float, meters: float, tail: str) -> SkillResponse:
        trip = walk(meters)
        text = self.say("transit.bike_nearest", origin=origin.display, name_copula=names.copula(name),
                        minutes=trip.minutes, distance=trip.distance_text)
        return SkillResponse(f"{text} {tail}", actions=(map_action(lat, lon, name), TTAREUNGYI),
                             data={"bike_station": name, "distance_m": round(meters)}, simple_text=text)
