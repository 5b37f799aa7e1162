"""Loading the real public data: counts, skipped bad rows, idempotency and versioning."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine, func, select

from donghaeng.catalog.loader import LoadReport, load_public_data
from donghaeng.store.catalog_tables import CatalogDatasetRow, CatalogPlaceRow
from donghaeng.store.db import make_engine, migrate


def migrated_engine(path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    return engine


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(select(CatalogPlaceRow.dataset, func.count()).group_by(CatalogPlaceRow.dataset)).all()
    return dict(rows)


def test_every_dataset_loads(loaded: tuple[Engine, LoadReport]) -> None:
    _, report = loaded
    by_name = report.by_name()
    assert {d.status for d in report.datasets} <= {"loaded", "unchanged"}
    assert by_name["heat_shelters"].loaded == 4087
    assert by_name["bus_stops"].loaded == 12558
    assert by_name["welfare_services"].loaded == 367


def test_bad_rows_are_skipped_and_counted(loaded: tuple[Engine, LoadReport]) -> None:
    by_name = loaded[1].by_name()
    assert by_name["ddareungi_station_master"].skipped_by_reason["zero_coords"] == 77
    assert by_name["hospitals"].skipped_by_reason["closed"] >= 331
    assert by_name["bus_stops"].skipped_by_reason == {"outside_seoul": 1}
    assert by_name["subway_stations"].skipped_by_reason["outside_seoul"] > 250


def test_closed_hospitals_and_outside_points_never_reach_the_store(engine: Engine) -> None:
    with engine.connect() as conn:
        names = set(conn.execute(select(CatalogPlaceRow.name).where(CatalogPlaceRow.kind == "hospital")).scalars())
        lats = conn.execute(select(func.min(CatalogPlaceRow.lat), func.max(CatalogPlaceRow.lat))).one()
    assert "서울대학교병원" in names
    assert 37.41 <= lats[0] and lats[1] <= 37.72


def test_loading_twice_gives_the_same_counts(tmp_path: Path, data_dir: Path) -> None:
    engine = migrated_engine(tmp_path / "twice.sqlite3")
    first = load_public_data(engine, data_dir)
    before = _counts(engine)
    second = load_public_data(engine, data_dir)
    assert {d.status for d in second.datasets} == {"unchanged"}
    assert _counts(engine) == before
    assert first.to_dict()["total_loaded"] == second.to_dict()["total_loaded"]
    assert first.total_skipped == second.total_skipped


def test_a_changed_file_replaces_its_rows(tmp_path: Path, data_dir: Path) -> None:
    public = tmp_path / "public"
    shutil.copytree(data_dir / "public", public)
    engine = migrated_engine(tmp_path / "versioned.sqlite3")
    load_public_data(engine, tmp_path)
    parks = public / "parks" / "seoul_major_parks.csv"
    lines = parks.read_text(encoding="utf-8").splitlines(keepends=True)
    parks.write_text("".join(lines[:11]), encoding="utf-8")  # header + 10 parks
    report = load_public_data(engine, tmp_path).by_name()
    assert report["parks"].status == "replaced"
    assert report["heat_shelters"].status == "unchanged"
    assert _counts(engine)["parks"] == report["parks"].loaded <= 10
    with engine.connect() as conn:
        checksum = conn.execute(select(CatalogDatasetRow.checksum).where(CatalogDatasetRow.name == "parks")).scalar()
    assert checksum == report["parks"].checksum


def test_welfare_facilities_have_phones_and_honest_positions(engine: Engine) -> None:
    with engine.connect() as conn:
        rows = conn.execute(select(CatalogPlaceRow.phone, CatalogPlaceRow.coord_quality)
                            .where(CatalogPlaceRow.dataset == "welfare_facilities")).all()
    assert len(rows) > 150
    assert sum(1 for phone, _ in rows if phone) / len(rows) > 0.9
    assert {quality for _, quality in rows} <= {"exact", "dong", "gu"}
