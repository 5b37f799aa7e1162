"""Composition of the data-backed skills: the lead's composition root calls these two builders.

    resolver = build_location_resolver(engine, settings.data_dir)
    skills = build_public_data_skills(settings, engine, phrasebook, resolver)

Live connectors are created only for the keys that are configured; a skill without its
connector says plainly that live data is not connected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine

from donghaeng.catalog.knowledge import load_attractions, load_benefits, load_faq
from donghaeng.connectors.bike import BikeConnector
from donghaeng.connectors.bus import BusArrivalConnector
from donghaeng.connectors.http import CachedHttpClient
from donghaeng.connectors.kma import KmaConnector
from donghaeng.connectors.poi import PoiConnector
from donghaeng.connectors.police import DEFAULT_DATASET, PoliceConnector
from donghaeng.connectors.subway import SubwayArrivalConnector
from donghaeng.geo.gazetteer import landmark_places, load_resolver
from donghaeng.geo.resolver import LocationResolver
from donghaeng.phrasebook import Phrasebook
from donghaeng.skills.base import Skill
from donghaeng.skills.facilities import FacilityCatalog, FacilityNearbySkill
from donghaeng.skills.faq import FaqSkill
from donghaeng.skills.tourism import TourismSkill
from donghaeng.skills.transit import BikeSkill, BusArrivalSkill, SubwayArrivalSkill
from donghaeng.skills.weather import WeatherSkill
from donghaeng.skills.welfare import WelfareEligibilitySkill, WelfareInfoSkill, load_services


def knowledge_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "knowledge"


def build_location_resolver(engine: Engine, data_dir: Path) -> LocationResolver:
    """Needs the catalogue loaded (``load_public_data``) first; landmarks come from data/knowledge."""
    return load_resolver(engine, landmark_places(load_attractions(knowledge_dir(data_dir))))


def bus_service_key(settings: Any) -> str | None:
    """ws.bus.go.kr and the KMA API both take a 공공데이터포털 (data.go.kr) key."""
    return (getattr(settings, "data_go_kr_api_key", None) or getattr(settings, "bus_api_key", None)
            or getattr(settings, "kma_api_key", None))


def build_public_data_skills(settings: Any, engine: Engine, phrasebook: Phrasebook, resolver: LocationResolver,
                             *, transport: httpx.BaseTransport | None = None) -> list[Skill]:
    data_dir = Path(settings.data_dir)
    client = CachedHttpClient(timeout_s=float(getattr(settings, "http_timeout_s", 4.0)), transport=transport)
    seoul_key = getattr(settings, "seoul_api_key", None)
    bus_key = bus_service_key(settings)
    kma_key = getattr(settings, "kma_api_key", None)
    portal_key = getattr(settings, "data_go_kr_api_key", None)
    police = (PoliceConnector(portal_key, client, getattr(settings, "police_offices_dataset", DEFAULT_DATASET))
              if portal_key else None)
    knowledge = knowledge_dir(data_dir)
    benefits = load_benefits(knowledge)
    services = load_services(engine)
    return [
        FacilityNearbySkill(FacilityCatalog.from_store(engine, resolver), resolver, phrasebook,
                            PoiConnector(seoul_key, client) if seoul_key else None, police),
        SubwayArrivalSkill(resolver, phrasebook, SubwayArrivalConnector(seoul_key, client) if seoul_key else None),
        BusArrivalSkill(resolver, phrasebook, BusArrivalConnector(bus_key, client) if bus_key else None),
        BikeSkill(engine, resolver, phrasebook, BikeConnector(seoul_key, client) if seoul_key else None),
        WeatherSkill(resolver, phrasebook, KmaConnector(kma_key, client) if kma_key else None),
        WelfareInfoSkill(benefits, phrasebook, services),
        WelfareEligibilitySkill(benefits, phrasebook, services),
        TourismSkill(load_attractions(knowledge), resolver, phrasebook),
        FaqSkill(load_faq(knowledge), phrasebook),
    ]
