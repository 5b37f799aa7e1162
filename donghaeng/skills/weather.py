"""weather.forecast: KMA short-term forecast for the place asked about (default: 서울시청).

Weather is never guessed from old data: without a KMA key the skill says the live forecast is
not connected and offers 131 (기상청 날씨 안내). Fine dust is not part of this forecast, so a
dust question is answered honestly as not connected.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from donghaeng.connectors.http import ConnectorError, NoData
from donghaeng.connectors.kma import KST, DayForecast, KmaConnector
from donghaeng.geo import names
from donghaeng.geo.clarify import place_or_question
from donghaeng.geo.resolver import LocationResolver, Place
from donghaeng.models import SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook

CITY_HALL = Place("서울", 37.5663, 126.9779, "point", "중구")
CALL_131 = {"type": "call", "number": "131"}
DUST_WORDS = ("미세먼지", "먼지", "황사", "초미세")


class WeatherSkill:
    intents = ("weather.forecast",)

    def __init__(self, resolver: LocationResolver, phrasebook: Phrasebook, connector: KmaConnector | None = None,
                 clock=lambda: datetime.now(KST)):  # type: ignore[no-untyped-def]
        self.resolver, self.phrasebook, self.say = resolver, phrasebook, phrasebook.say
        self.connector = connector
        self.clock = clock

    def handle(self, request: SkillRequest) -> SkillResponse:
        dust = any(word in request.text for word in DUST_WORDS)
        if self.connector is None:
            text = self.say("weather.not_connected")
            return SkillResponse(text, actions=(CALL_131,), data={"live": False})
        place = self._place(request)
        if isinstance(place, SkillResponse):
            return place
        when = str(request.slots.get("when") or "today")
        now = self.clock()
        try:
            if when == "now":
                parts = [self._now(place, now)]
            else:
                parts = self._days(place, when, now)
        except NoData:
            return SkillResponse(self.say("weather.no_data"), actions=(CALL_131,))
        except ConnectorError:
            return SkillResponse(self.say("weather.live_failed"), actions=(CALL_131,), data={"live_error": True})
        if dust:
            parts.append(self.say("weather.dust_unavailable"))
        return SkillResponse(" ".join(parts), data={"live": True, "when": when, "place": place.display},
                             simple_text=parts[0])

    def _place(self, request: SkillRequest) -> Place | SkillResponse:
        if not request.slots.get("place") and (request.lat is None or request.lon is None):
            return CITY_HALL
        return place_or_question(self.resolver, self.phrasebook, request, namespace="weather")

    def _now(self, place: Place, now: datetime) -> str:
        obs = self.connector.now(place.lat, place.lon, now)  # type: ignore[union-attr]
        condition = (self.say("weather.now_condition_rain", precipitation=obs.precipitation) if obs.precipitation
                     else self.say("weather.now_condition_dry"))
        temperature = "-" if obs.temperature is None else f"{obs.temperature:g}"
        return self.say("weather.now", place_topic=names.topic(place.display), temperature=temperature,
                        condition=condition)

    def _days(self, place: Place, when: str, now: datetime) -> list[str]:
        days = self.connector.days(place.lat, place.lon, now)  # type: ignore[union-attr]
        today = now.astimezone(KST).date()
        labels = {today: "today", today + timedelta(days=1): "tomorrow", today + timedelta(days=2): "after"}
        wanted = {"today": [today], "tomorrow": [today + timedelta(days=1)]}.get(when, list(labels))
        chosen = [d for d in days if d.day in wanted and d.day in labels]
        if not chosen:
            raise NoData("no forecast for the day asked")
        parts = [self.say("weather.week_intro")] if when == "week" else []
        for day in chosen:
            parts.append(self._day_text(place, day, labels[day.day]))
        if chosen[0].precipitation and chosen[0].rain_chance >= 50:
            parts.append(self.say("weather.day_rain", precipitation=chosen[0].precipitation))
        if chosen[0].high is not None and chosen[0].high >= 33:
            parts.append(self.say("weather.heat_advice"))
        return parts

    def _day_text(self, place: Place, day: DayForecast, label: str) -> str:
        return self.say("weather.day", day=self.say(f"weather.day_names.{label}"), place=place.display,
                        sky=day.sky or "하늘 상태는 알 수 없고", low=_deg(day.low), high=_deg(day.high), rain_chance=day.rain_chance)


def _deg(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"
