"""Build the LocationResolver from the loaded catalogue (and the landmark list in data/knowledge).

Stations come one row per line; here rows with the same name within walking distance become
one place that knows all its lines, so "시청" is one answer with 1호선 and 2호선.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select

from donghaeng.catalog.knowledge import Attraction
from donghaeng.geo.distance import haversine_m
from donghaeng.geo.names import without_station_suffix
from donghaeng.geo.resolver import SAME_PLACE_M, LocationResolver, Place
from donghaeng.store.catalog_tables import CatalogAreaRow, CatalogPlaceRow


def load_resolver(engine: Engine, landmarks: list[Place] | None = None) -> LocationResolver:
    with engine.connect() as conn:
        areas = conn.execute(select(CatalogAreaRow.level, CatalogAreaRow.name, CatalogAreaRow.gu,
                                    CatalogAreaRow.lat, CatalogAreaRow.lon)
                             .order_by(CatalogAreaRow.level, CatalogAreaRow.id)).all()
        rows = conn.execute(select(CatalogPlaceRow.kind, CatalogPlaceRow.name, CatalogPlaceRow.source_id,
                                   CatalogPlaceRow.gu, CatalogPlaceRow.lat, CatalogPlaceRow.lon,
                                   CatalogPlaceRow.extra)
                            .where(CatalogPlaceRow.kind.in_(("subway_station", "bus_stop", "park")))
                            .order_by(CatalogPlaceRow.id)).all()
    gus = [Place(a.name, a.lat, a.lon, "gu", a.gu) for a in areas if a.level == "gu"]
    # admin_dong sorts before legal_dong: an exact 행정동 centroid wins over a 법정동 mean.
    dongs = [Place(a.name, a.lat, a.lon, "dong", a.gu, f"{a.gu} {a.name}") for a in areas if a.level != "gu"]
    resolver_parts: dict[str, list[Place]] = {"stop": [], "park": []}
    station_rows = []
    for row in rows:
        if row.kind == "subway_station":
            station_rows.append(row)
        elif row.kind == "bus_stop":
            resolver_parts["stop"].append(Place(row.name, row.lat, row.lon, "stop", None,
                                                f"{row.name} 정류장({row.source_id})", (row.source_id,)))
        else:
            resolver_parts["park"].append(Place(row.name, row.lat, row.lon, "park", row.gu))
    resolver = LocationResolver(gus=gus, dongs=dongs, stations=_merge_stations(station_rows),
                                stops=resolver_parts["stop"], landmarks=landmarks or [],
                                parks=resolver_parts["park"])
    resolver.station_list[:] = [_with_gu(p, resolver.gu_of(p.lat, p.lon)) for p in resolver.station_list]
    return resolver


def _merge_stations(rows: list) -> list[Place]:  # type: ignore[type-arg]
    merged: list[dict[str, object]] = []
    for row in rows:
        line = str((row.extra or {}).get("line", ""))
        name = without_station_suffix(row.name)
        target = next((m for m in merged if m["name"] == name
                       and haversine_m(m["lat"], m["lon"], row.lat, row.lon) <= SAME_PLACE_M), None)  # type: ignore[arg-type]
        if target is None:
            merged.append({"name": name, "lat": row.lat, "lon": row.lon, "lines": [line], "ids": [row.source_id]})
        else:
            target["lines"].append(line)  # type: ignore[union-attr]
            target["ids"].append(row.source_id)  # type: ignore[union-attr]
    return [Place(str(m["name"]), float(m["lat"]), float(m["lon"]), "station", None,  # type: ignore[arg-type]
                  f"{m['name']}역", tuple(m["ids"]), tuple(m["lines"])) for m in merged]  # type: ignore[call-overload]


def _with_gu(place: Place, gu: str | None) -> Place:
    return Place(place.name, place.lat, place.lon, place.kind, gu, place.label, place.ids, place.lines)


def landmark_places(attractions: list[Attraction]) -> list[Place]:
    """Landmarks from the tourism knowledge file; aliases ride in ``ids`` for lookup."""
    return [Place(a.name, a.lat, a.lon, "landmark", a.gu, a.name, a.aliases) for a in attractions]


def default_knowledge_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "knowledge"
