"""Load the bundled public datasets into the store: versioned, idempotent, one transaction each.

A dataset's version is the checksum of the files it is built from. An unchanged dataset is
skipped (its stored counts are reported again, so "load twice" reports the same numbers);
a changed one has its old rows deleted and the new ones inserted in the same transaction,
so a reader never sees half a dataset.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import Engine, delete, insert, select

from donghaeng.catalog import readers
from donghaeng.catalog.sources import Batch, checksum
from donghaeng.catalog.welfare_facilities import read_welfare_facilities
from donghaeng.store.catalog_tables import (
    CatalogAreaRow,
    CatalogDatasetRow,
    CatalogPlaceRow,
    CatalogWelfareServiceRow,
)
from donghaeng.store.tables import utcnow

log = logging.getLogger(__name__)

_DISTRICTS = [
    "admin_districts/seoul_gu_centroids.csv",
    "admin_districts/seoul_admin_dong_centroids_2017.csv",
    "admin_districts/seoul_admin_legal_dong_mapping_20250513.csv",
    "admin_districts/seoul_legal_dong_codes_20250415.csv",
]
_SHELTERS = "heat_shelters/seoul_heat_shelters_2026.csv"


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    files: tuple[str, ...]
    read: Callable[[list[Path]], Batch]


DATASETS: tuple[DatasetSpec, ...] = (
    DatasetSpec("admin_districts", tuple(_DISTRICTS), readers.read_admin_districts),
    DatasetSpec("subway_stations", ("subway_stations/seoul_station_master.csv",), readers.read_subway_stations),
    DatasetSpec("bus_stops", ("bus_stops/seoul_bus_stops.csv",), readers.read_bus_stops),
    DatasetSpec("ddareungi_stations", ("ddareungi/ddareungi_stations.csv",), readers.read_ddareungi_stations),
    DatasetSpec("ddareungi_station_master", ("ddareungi/ddareungi_station_master.csv",),
                readers.read_ddareungi_master),
    DatasetSpec("heat_shelters", (_SHELTERS,), readers.read_heat_shelters),
    DatasetSpec("hospitals", ("hospitals/seoul_hospitals_license.csv",), readers.read_hospitals),
    DatasetSpec("parks", ("parks/seoul_major_parks.csv",), readers.read_parks),
    DatasetSpec("welfare_facilities", (
        "welfare_facilities/seoul_social_welfare_facilities.csv",
        "welfare_facilities/seoul_welfare_facilities_contacts_2022-08.csv",
        _SHELTERS, *_DISTRICTS,
    ), read_welfare_facilities),
    DatasetSpec("welfare_services", ("welfare_services/central_welfare_services_20250722.csv",),
                readers.read_welfare_services),
)


@dataclass
class DatasetReport:
    name: str
    status: str  # loaded | replaced | unchanged | missing
    loaded: int = 0
    skipped: int = 0
    skipped_by_reason: dict[str, int] = field(default_factory=dict)
    checksum: str = ""


@dataclass
class LoadReport:
    datasets: list[DatasetReport] = field(default_factory=list)

    @property
    def total_loaded(self) -> int:
        return sum(d.loaded for d in self.datasets)

    @property
    def total_skipped(self) -> int:
        return sum(d.skipped for d in self.datasets)

    def by_name(self) -> dict[str, DatasetReport]:
        return {d.name: d for d in self.datasets}

    def to_dict(self) -> dict[str, Any]:
        return {"datasets": [asdict(d) for d in self.datasets],
                "total_loaded": self.total_loaded, "total_skipped": self.total_skipped}


def public_dir(data_dir: Path) -> Path:
    """Accept either the repo's data/ folder or data/public itself."""
    data_dir = Path(data_dir)
    return data_dir / "public" if (data_dir / "public").is_dir() else data_dir


def load_public_data(engine: Engine, data_dir: Path, *, force: bool = False) -> LoadReport:
    """Bring every bundled dataset up to date in the store; safe to call on every start.

    The schema belongs to the Alembic migrations (``donghaeng.store.db.migrate``), which
    must have run first.
    """
    root = public_dir(data_dir)
    report = LoadReport()
    for spec in DATASETS:
        report.datasets.append(_load_one(engine, root, spec, force))
    return report


def _load_one(engine: Engine, root: Path, spec: DatasetSpec, force: bool) -> DatasetReport:
    paths = [root / name for name in spec.files]
    if not all(path.is_file() for path in paths):
        log.warning("dataset %s missing files under %s", spec.name, root)
        return DatasetReport(spec.name, "missing")
    digest = checksum(paths)
    with engine.begin() as conn:
        current = conn.execute(select(CatalogDatasetRow).where(CatalogDatasetRow.name == spec.name)).first()
        if current is not None and current.checksum == digest and not force:
            return DatasetReport(spec.name, "unchanged", current.rows_loaded, current.rows_skipped,
                                 dict(current.skipped_by_reason), digest)
        batch = spec.read(paths)
        for table in (CatalogPlaceRow, CatalogAreaRow, CatalogWelfareServiceRow):
            conn.execute(delete(table).where(table.dataset == spec.name))
        for table, rows in ((CatalogPlaceRow, batch.places), (CatalogAreaRow, batch.areas),
                            (CatalogWelfareServiceRow, batch.services)):
            if rows:
                conn.execute(insert(table), rows)
        conn.execute(delete(CatalogDatasetRow).where(CatalogDatasetRow.name == spec.name))
        skipped = dict(sorted(batch.skipped.items()))
        conn.execute(insert(CatalogDatasetRow), [{
            "name": spec.name, "checksum": digest, "source_files": list(spec.files),
            "rows_loaded": batch.loaded, "rows_skipped": sum(skipped.values()),
            "skipped_by_reason": skipped, "loaded_at": utcnow(),
        }])
    status = "loaded" if current is None else "replaced"
    return DatasetReport(spec.name, status, batch.loaded, sum(skipped.values()), skipped, digest)
