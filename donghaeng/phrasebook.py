"""Korean user-facing text, loaded from YAML files so non-programmers can edit it.

Files live in ``<data_dir>/responses/ko/<namespace>.yaml``; a key is addressed as
``"<namespace>.<key>"``. Values are str.format templates; a list value means "pick one"
(the first is used, so replies stay deterministic and testable).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


class Phrasebook:
    def __init__(self, entries: dict[str, Any]):
        self._entries = entries

    @classmethod
    def load(cls, data_dir: Path, language: str = "ko") -> "Phrasebook":
        return cls(_load_dir(str(Path(data_dir) / "responses" / language)))

    def has(self, key: str) -> bool:
        return key in self._entries

    def raw(self, key: str) -> Any:
        try:
            return self._entries[key]
        except KeyError as err:
            raise KeyError(f"missing phrase {key!r}") from err

    def say(self, key: str, **values: Any) -> str:
        template = self.raw(key)
        if isinstance(template, list):
            template = template[0]
        return str(template).format(**values).strip()


@lru_cache(maxsize=8)
def _load_dir(path: str) -> dict[str, Any]:
    entries: dict[str, Any] = {}
    for file in sorted(Path(path).glob("*.yaml")):
        content = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        _flatten(file.stem, content, entries)
    return entries


def _flatten(prefix: str, node: Any, out: dict[str, Any]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}", value, out)
    else:
        out[prefix] = node
