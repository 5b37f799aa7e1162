"""Name lists for slot values, built from the data files and the real public datasets.

Hand-made lists go stale; the city already publishes its 구, 동, stations and bus stops.
So place names are read from ``data/public`` at load time, and only service names,
nicknames and landmarks come from ``data/nlu/entities.yaml``. Every entry says which slot
type it fills and with which value (a canonical id, or the name itself for free text).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from donghaeng.nlu.hangul import is_syllable, respelled

# Entry types that fill enumerated slots: the value is a canonical id.
ENUM_TYPES = ("app", "facility", "benefit", "category", "when", "household")
_SINO_READING = dict(zip("0123456789", ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"]))
_PARENTHESES = re.compile(r"\(.*?\)")
_SEOUL_LAT, _SEOUL_LON = (37.41, 37.72), (126.76, 127.19)


@dataclass(frozen=True)
class Entry:
    """One way of saying one thing: ``name`` as said, ``type`` of slot, canonical ``value``."""

    name: str
    type: str
    value: str
    # A spelling made from the sound of ``spelled`` (과낙구 from 관악구), not a name of its own.
    spelled: str | None = None


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    if not path.exists():
        return iter(())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return iter(list(csv.DictReader(handle)))


_ALTERNATION = re.compile(r"\(([^()]*)\)")


def _expand(name: str) -> list[str]:
    """"(트럭|택시)이 ~ 서 있" → each alternative spelled out (the list stays readable)."""
    match = _ALTERNATION.search(name)
    if match is None:
        return [name]
    return [expanded for option in match.group(1).split("|")
            for expanded in _expand(name[:match.start()] + option + name[match.end():])]


def _enum_entries(section: dict[str, list[Any]] | None, entry_type: str) -> Iterator[Entry]:
    for value, names in (section or {}).items():
        for name in names or []:
            for spelled in _expand(str(name)):
                yield Entry(spelled, entry_type, str(value))


def entries_from_yaml(path: Path) -> list[Entry]:
    """Service names, nicknames and landmarks written by hand in entities.yaml."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    entries: list[Entry] = []
    for section, entry_type in (("apps", "app"), ("facilities", "facility"), ("benefits", "benefit"),
                                ("complaints", "category"), ("when", "when"), ("household", "household")):
        entries.extend(_enum_entries(data.get(section), entry_type))
    entries.extend(Entry(str(n), "attraction", str(n)) for n in data.get("attractions", []))
    entries.extend(Entry(str(n), "topic", str(n)) for n in data.get("topics", []))
    entries.extend(Entry(str(n), "landmark", str(n)) for n in data.get("landmarks", []))
    entries.extend(Entry(str(n), "area", str(n)) for n in data.get("areas", []))
    entries.extend(_enum_entries(data.get("attraction_aliases"), "attraction"))
    entries.extend(_enum_entries(data.get("station_aliases"), "station"))
    return entries


def sound_alike_entries(entries: list[Entry], types: frozenset[str], min_syllables: int = 3) -> list[Entry]:
    """Each name again, spelled as it sounds (관악구 → 과낙구, 공중화장실 → 공중와장실).

    A recogniser that does not know a name writes what it hears, so these are found by the
    exact pass. Names shorter than three syllables are left out: said aloud, too many of them
    are everyday words (구의 → 구이).
    """
    known = {entry.name.replace(" ", "") for entry in entries}
    extra: list[Entry] = []
    for entry in entries:
        name = entry.name.replace(" ", "")
        if entry.type not in types or len(name) < min_syllables or not all(is_syllable(ch) for ch in name):
            continue
        heard = respelled(name)
        if heard != name and heard not in known:
            # 종노삼가 is heard from 종로삼가, which is itself how 종로3가 is said: report 종로3가.
            extra.append(Entry(heard, entry.type, entry.value, spelled=entry.spelled or name))
    return extra


def not_place_endings(path: Path) -> frozenset[str]:
    """Everyday words that end in 역 or 동 like a place name does (구역, 활동)."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    return frozenset(str(word) for word in data.get("not_place_endings", []))


def _dong_variants(name: str) -> set[str]:
    """상계1동 → {상계1동, 상계동}: people say the legal dong, not the numbered office."""
    names = {name}
    if "·" in name:
        return set()
    base = re.sub(r"제?\d+(가)?동$", "동", name)
    if base != name and len(base) >= 2:
        names.add(base)
    return names


def _spoken_digits(name: str) -> str:
    """종로3가 → 종로삼가, the way a recogniser writes a spoken station name."""
    return "".join(_SINO_READING.get(ch, ch) for ch in name)


def place_entries(public_dir: Path) -> list[Entry]:
    """구, 동 and station names from the admin-district and station master files."""
    entries: list[Entry] = []
    admin = public_dir / "admin_districts"
    for row in _read_csv(admin / "seoul_gu_centroids.csv"):
        entries.append(Entry(row["SIG_KOR_NM"], "gu", row["SIG_KOR_NM"]))
        # Each 구's office is a landmark of its own ("노원구청 근처"), not the whole 구.
        entries.append(Entry(row["SIG_KOR_NM"] + "청", "landmark", row["SIG_KOR_NM"] + "청"))
    dongs: set[str] = set()
    for row in _read_csv(admin / "seoul_admin_dong_centroids_2017.csv"):
        dongs |= _dong_variants(row["dong"])
    for row in _read_csv(admin / "seoul_admin_legal_dong_mapping_20250513.csv"):
        dongs |= _dong_variants(row.get("읍면동명", "") or "")
    for row in _read_csv(admin / "seoul_legal_dong_codes_20250415.csv"):
        dongs |= _dong_variants(row.get("읍면동명", "") or "")
    entries.extend(Entry(d, "dong", d) for d in sorted(dongs) if len(d) >= 2 and d.endswith(("동", "가", "로")))
    # A numbered dong as it is spoken and written by a recogniser: 상계1동 → 상계일동, 도봉2동 → 도봉이동.
    for d in sorted(dongs):
        if re.search(r"\d", d) and d.endswith("동") and len(d) >= 3:
            spoken = _spoken_digits(re.sub(r"제(?=\d)", "", d))
            if spoken != d:
                entries.append(Entry(spoken, "dong", d))
    for row in _read_csv(public_dir / "parks" / "seoul_major_parks.csv"):
        park = _PARENTHESES.sub("", row.get("공원명", "")).strip()
        if len(park) >= 3:
            entries.append(Entry(park, "landmark", park))
    return entries


def station_entries(public_dir: Path) -> list[Entry]:
    """Every station of the capital-area network (directions name stations outside Seoul too)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for row in _read_csv(public_dir / "subway_stations" / "seoul_station_master.csv"):
        full = row["역사명"].strip()
        main = _PARENTHESES.sub("", full).strip()
        names = {main, _spoken_digits(main)}
        alias = re.findall(r"\((.*?)\)", full)
        names.update(a for a in alias if len(a) >= 2 and "." not in a)
        for name in names:
            if len(name) >= 2 and name not in seen:
                seen.add(name)
                # 종로삼가 is how 종로3가 is said; it is reported as written.
                entries.append(Entry(name, "station", main, spelled=main if name == _spoken_digits(main) != main else None))
    return entries


def bus_stop_entries(public_dir: Path) -> list[Entry]:
    """Bus stop names; a stop often carries several names joined by '.', each is sayable."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for row in _read_csv(public_dir / "bus_stops" / "seoul_bus_stops.csv"):
        for part in row.get("정류소명", "").split("."):
            name = _PARENTHESES.sub("", part).strip().replace(" ", "")
            if len(name) >= 3 and name not in seen:
                seen.add(name)
                entries.append(Entry(name, "stop", name))
                spoken = _spoken_digits(name)  # 종로2가 is said 종로이가
                if spoken != name and spoken not in seen:
                    seen.add(spoken)
                    entries.append(Entry(spoken, "stop", name, spelled=name))
    return entries


def gu_short_names(public_dir: Path) -> tuple[str, ...]:
    """강남구 → 강남: village bus routes are named after the 구 (강남01, 관악02)."""
    names = [row["SIG_KOR_NM"][:-1] for row in _read_csv(public_dir / "admin_districts" / "seoul_gu_centroids.csv")]
    return tuple(n for n in names if len(n) >= 2)
