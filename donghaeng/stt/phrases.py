"""Domain phrases for recogniser biasing, built from the service catalogue — never from eval audio.

Sources: the 25 구 and 426 행정동 names, subway station names, the public app names and a
hand-written list of meta commands and request shapes in ``data/voice/commands.txt``.
Vosk uses them as a run-time grammar for a second pass over short commands.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

_HANGUL = re.compile(r"^[가-힣0-9 ]+$")


def _csv_column(path: Path, column: str) -> list[str]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row[column].strip() for row in csv.DictReader(handle) if row.get(column)]


def _app_names(path: Path) -> list[str]:
    """Korean names from the second column of the public-apps table."""
    if not path.exists():
        return []
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 3 and cells[1] and not cells[1].startswith(("canonical", "---")):
            names.append(re.sub(r"\(.*?\)", "", cells[2]).strip())
    return names


@lru_cache(maxsize=4)
def catalogue_phrases(data_dir: Path) -> tuple[str, ...]:
    """Unique Hangul phrases, shortest first so a grammar stays small and readable."""
    public = data_dir / "public"
    raw: list[str] = []
    raw += _csv_column(public / "admin_districts" / "seoul_gu_centroids.csv", "SIG_KOR_NM")
    raw += _csv_column(public / "admin_districts" / "seoul_admin_dong_centroids_2017.csv", "dong")
    for station in _csv_column(public / "subway_stations" / "seoul_station_master.csv", "역사명"):
        raw += [station, f"{station}역"]
    raw += _app_names(public / "PUBLIC_APPS.md")
    commands = data_dir / "voice" / "commands.txt"
    if commands.exists():
        raw += [line.strip() for line in commands.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    phrases = {phrase for phrase in (" ".join(item.split()) for item in raw) if _HANGUL.match(phrase)}
    return tuple(sorted(phrases, key=lambda item: (len(item), item)))
