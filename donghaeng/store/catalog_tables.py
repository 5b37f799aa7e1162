"""Catalogue tables: the public datasets as loaded into the store.

One generic ``catalog_places`` table holds every point the assistant can point at
(shelters, stations, stops, hospitals, parks, bike stations, welfare facilities), so the
spatial index is built from one query and a new dataset needs no new table. Each row keeps
the dataset it came from, so a reload of one dataset replaces only its own rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from donghaeng.store.tables import Base, utcnow


class CatalogDatasetRow(Base):
    """Which version (file checksum) of each dataset is loaded, and what was skipped."""

    __tablename__ = "catalog_datasets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    checksum: Mapped[str] = mapped_column(String(64))
    source_files: Mapped[list[Any]] = mapped_column(JSON, default=list)
    rows_loaded: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    skipped_by_reason: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CatalogPlaceRow(Base):
    """A point of interest. ``coord_quality`` is exact, dong or gu (approximate centroids)."""

    __tablename__ = "catalog_places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    subkind: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    source_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    gu: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    coord_quality: Mapped[str] = mapped_column(String(8), default="exact")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CatalogAreaRow(Base):
    """Administrative areas with a centroid: gu, 행정동 (admin_dong) and 법정동 (legal_dong)."""

    __tablename__ = "catalog_areas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset: Mapped[str] = mapped_column(String(64), index=True)
    level: Mapped[str] = mapped_column(String(16), index=True)
    code: Mapped[str] = mapped_column(String(16), default="")
    name: Mapped[str] = mapped_column(String(40), index=True)
    gu: Mapped[str] = mapped_column(String(16), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)


class CatalogWelfareServiceRow(Base):
    """One central-government welfare service (한국사회보장정보원 복지서비스정보)."""

    __tablename__ = "catalog_welfare_services"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dataset: Mapped[str] = mapped_column(String(64), index=True)
    service_id: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    url: Mapped[str] = mapped_column(String(400), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    site: Mapped[str] = mapped_column(String(400), default="")
    contact: Mapped[str] = mapped_column(String(400), default="")
    ministry: Mapped[str] = mapped_column(String(100), default="")
    year: Mapped[str] = mapped_column(String(8), default="")
