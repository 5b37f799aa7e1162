"""The data files a non-programmer edits stay well-formed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "data"


class _StrictLoader(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping (YAML keeps only the last)."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} written twice", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_no_key_is_written_twice_in_a_data_file(path: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        yaml.load(handle, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


def test_the_strict_loader_catches_a_key_written_twice() -> None:
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("a: [1]\nb: 2\na: [3]\n", Loader=_StrictLoader)  # noqa: S506
