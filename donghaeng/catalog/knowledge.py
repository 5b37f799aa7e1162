"""Knowledge written as data (data/knowledge/*.yaml): benefits, FAQ entries, attractions.

Kept apart from the CSV catalogue because these are curated by people, cite their sources
inline and change with policy years rather than with data releases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Benefit:
    id: str
    name: str
    what: str
    apply: str
    documents: str
    phone: str
    phone_label: str
    service_id: str | None
    rule: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FaqEntry:
    id: str
    title: str
    keywords: tuple[str, ...]
    answer: str
    source: str


@dataclass(frozen=True)
class Attraction:
    name: str
    aliases: tuple[str, ...]
    gu: str | None
    lat: float
    lon: float
    summary: str
    hours: str = ""
    fee: str = ""
    events: str = ""
    phone: str | None = None
    source: str = ""
    family: bool = False


def _read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_benefits(knowledge_dir: Path) -> dict[str, Benefit]:
    raw = _read(Path(knowledge_dir) / "welfare_benefits.yaml")["benefits"]
    return {
        key: Benefit(id=key, name=v["name"], what=v["what"], apply=v["apply"], documents=v.get("documents", ""),
                     phone=str(v.get("phone", "129")), phone_label=v.get("phone_label", ""),
                     service_id=v.get("service_id"), rule=dict(v.get("rule") or {}))
        for key, v in raw.items()
    }


def load_faq(knowledge_dir: Path) -> list[FaqEntry]:
    raw = _read(Path(knowledge_dir) / "faq.yaml")["entries"]
    return [FaqEntry(e["id"], e["title"], tuple(str(k) for k in e.get("keywords", [])), e["answer"], e.get("source", "")) for e in raw]


def load_attractions(knowledge_dir: Path) -> list[Attraction]:
    raw = _read(Path(knowledge_dir) / "attractions.yaml")["attractions"]
    return [
        Attraction(name=a["name"], aliases=tuple(str(x) for x in a.get("aliases", [])), gu=a.get("gu"), lat=float(a["lat"]),
                   lon=float(a["lon"]), summary=a.get("summary", ""), hours=a.get("hours", ""), fee=a.get("fee", ""),
                   events=a.get("events", ""), phone=a.get("phone"), source=a.get("source", ""),
                   family=bool(a.get("family", False)))
        for a in raw
    ]
