"""Where each public dataset lives on disk and how bad rows are recognised.

The checks here are the ones every dataset shares: a coordinate of 0,0 means "unknown",
and a point outside Seoul's bounding box is either a neighbouring city's row or an error;
neither may reach an answer, so both are skipped and counted by reason.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

# Seoul's bounding box as used throughout the project (lat, lon).
SEOUL_LAT = (37.41, 37.72)
SEOUL_LON = (126.76, 127.19)

SKIP_ZERO = "zero_coords"
SKIP_NO_COORDS = "no_coords"
SKIP_OUTSIDE = "outside_seoul"
SKIP_CLOSED = "closed"
SKIP_DUPLICATE = "duplicate"
SKIP_NO_NAME = "no_name"
SKIP_NO_CENTROID = "no_centroid"


@dataclass
class Batch:
    """Rows parsed from one dataset, ready to insert, plus what was skipped and why."""

    places: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    services: list[dict[str, Any]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def loaded(self) -> int:
        return len(self.places) + len(self.areas) + len(self.services)

    def located(self, lat_text: str, lon_text: str) -> tuple[float, float] | None:
        """The row's (lat, lon), or None after counting why the row is skipped."""
        coords = parse_coords(lat_text, lon_text)
        if isinstance(coords, str):
            self.skipped[coords] += 1
            return None
        return coords


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            yield {key.strip(): " ".join((value or "").split()) for key, value in row.items() if key}


def checksum(paths: list[Path]) -> str:
    """One digest over all the files a dataset is built from, so any edit triggers a reload."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def parse_coords(lat_text: str, lon_text: str) -> tuple[float, float] | str:
    """Return (lat, lon) or the skip reason."""
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        return SKIP_NO_COORDS
    if lat == 0 and lon == 0:
        return SKIP_ZERO
    if not in_seoul(lat, lon):
        return SKIP_OUTSIDE
    return lat, lon


def in_seoul(lat: float, lon: float) -> bool:
    return SEOUL_LAT[0] <= lat <= SEOUL_LAT[1] and SEOUL_LON[0] <= lon <= SEOUL_LON[1]


def gu_from_address(address: str) -> str | None:
    """The 구 named in a Seoul address ("서울특별시 관악구 ..." -> "관악구")."""
    parts = address.split()
    if len(parts) >= 2 and parts[0].startswith("서울") and parts[1].endswith("구"):
        return parts[1]
    return None


def clean_phone(text: str) -> str | None:
    """Phones as written in the data, normalised to 02-123-4567 style where the digits allow."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) < 7:
        return None
    if digits.startswith("02") and len(digits) in (9, 10):
        return f"02-{digits[2:-4]}-{digits[-4:]}"
    if len(digits) in (10, 11) and digits.startswith("0"):
        return f"{digits[:3]}-{digits[3:-4]}-{digits[-4:]}"
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:]}"
    return text.strip() or None
