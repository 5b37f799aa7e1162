"""tourism.attraction: what a sight is, its fee, hours or festival, and how to get there.

Attraction facts come from the curated list in data/knowledge (each with its source); the way
there is computed from the loaded subway stations, so it names a real nearest station and a
walking time instead of a memorised sentence.
"""

from __future__ import annotations

from donghaeng.catalog.knowledge import Attraction
from donghaeng.geo import names
from donghaeng.geo.distance import map_action, walk
from donghaeng.geo.resolver import FOUND, LocationResolver
from donghaeng.models import SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook

FEE_WORDS = ("입장료", "얼마", "요금", "무료", "공짜", "돈")
EVENT_WORDS = ("축제", "행사", "벚꽃", "등축제", "빛초롱")
HOURS_WORDS = ("야간", "시간", "쉬는", "휴관", "휴궁", "열어", "문 열", "개방", "몇 시")
CALL_120 = {"type": "call", "number": "120"}


class TourismSkill:
    intents = ("tourism.attraction",)

    def __init__(self, attractions: list[Attraction], resolver: LocationResolver, phrasebook: Phrasebook):
        self.attractions = attractions
        self.resolver, self.say = resolver, phrasebook.say
        self._by_key: dict[str, Attraction] = {}
        for item in attractions:
            for alias in (item.name, *item.aliases):
                self._by_key.setdefault(names.key(alias), item)

    def find(self, text: str) -> Attraction | None:
        query = names.place_key(text)
        if query in self._by_key:
            return self._by_key[query]
        hits = [a for k, a in self._by_key.items() if len(query) >= 2 and (k.startswith(query) or query in k)]
        return hits[0] if hits else None

    def handle(self, request: SkillRequest) -> SkillResponse:
        place = str(request.slots.get("place") or "")
        if not place:
            picks = [a.name for a in self.attractions if a.family][:3]
            return SkillResponse(self.say("tourism.recommend", places=", ".join(picks)),
                                 data={"recommended": picks})
        sight = self.find(place)
        if sight is None:
            return self._place_only(place, request)
        detail = self._detail(sight, request.text)
        parts = [sight.summary, detail, self._getting_there(sight.lat, sight.lon)]
        actions = [map_action(sight.lat, sight.lon, sight.name)]
        if sight.phone:
            actions.append({"type": "call", "number": sight.phone})
        return SkillResponse(" ".join(p for p in parts if p), actions=tuple(actions),
                             data={"attraction": sight.name, "source": sight.source}, simple_text=sight.summary)

    def _detail(self, sight: Attraction, text: str) -> str:
        if any(w in text for w in FEE_WORDS) and sight.fee:
            return sight.fee
        if any(w in text for w in EVENT_WORDS) and sight.events:
            return sight.events
        if any(w in text for w in HOURS_WORDS) and sight.hours:
            return sight.hours
        return sight.events or sight.hours or sight.fee

    def _getting_there(self, lat: float, lon: float) -> str:
        station, meters = self.resolver.nearest_stations(lat, lon, 1)[0]
        return self.say("tourism.getting_there", station=station.display, lines=", ".join(station.lines),
                        minutes=walk(meters).minutes)

    def _place_only(self, place: str, request: SkillRequest) -> SkillResponse:
        resolution = self.resolver.resolve(place, request.lat, request.lon)
        if resolution.status != FOUND or resolution.place is None:
            return SkillResponse(self.say("tourism.not_found", place=place), actions=(CALL_120,))
        spot = resolution.place
        text = self.say("tourism.place_only", place=spot.display, getting_there=self._getting_there(spot.lat, spot.lon))
        return SkillResponse(text, actions=(map_action(spot.lat, spot.lon, spot.display), CALL_120))
