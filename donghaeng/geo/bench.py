"""Nearest-search benchmark for ``donghaeng bench``: p50/p95 over random points in Seoul.

It queries the largest realistic index (every point of interest loaded), because that is the
worst case a facility or bike answer pays on each turn.
"""

from __future__ import annotations

import os
import random
import time
from typing import Any

from sqlalchemy import Engine, select

from donghaeng.catalog.sources import SEOUL_LAT, SEOUL_LON
from donghaeng.geo.index import PointIndex
from donghaeng.store.catalog_tables import CatalogPlaceRow


def _index_of(target: Any) -> PointIndex:
    if isinstance(target, PointIndex):
        return target
    if isinstance(target, Engine):  # every loaded row: the honest "all rows" figure
        with target.connect() as conn:
            rows = conn.execute(select(CatalogPlaceRow.lat, CatalogPlaceRow.lon)).all()
        return PointIndex([r[0] for r in rows], [r[1] for r in rows])
    if hasattr(target, "all_points_index"):
        return target.all_points_index()
    raise TypeError("run_nearest_benchmark needs a PointIndex, an Engine or a LocationResolver")


def run_nearest_benchmark(resolver_or_index: Any, n: int = 1000, k: int = 3, seed: int = 7) -> dict[str, Any]:
    index = _index_of(resolver_or_index)
    rng = random.Random(seed)
    points = [(rng.uniform(*SEOUL_LAT), rng.uniform(*SEOUL_LON)) for _ in range(n)]
    index.nearest(*points[0], k=k)  # warm-up
    timings = []
    for lat, lon in points:
        start = time.perf_counter()
        index.nearest(lat, lon, k=k)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "name": "nearest_search", "points": index.size, "queries": n, "k": k,
        "p50_ms": round(timings[n // 2], 4), "p95_ms": round(timings[min(n - 1, int(n * 0.95))], 4),
        "max_ms": round(timings[-1], 4), "cores": os.cpu_count(),
    }
