"""Input handling for `donghaeng nlu`: positional texts or a JSONL file, in order, ids kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from donghaeng.errors import InvalidInput
from donghaeng.models import NluContext


def iter_inputs(texts: list[str], file: Path | None) -> Iterator[tuple[object, str]]:
    for text in texts:
        yield None, text
    if file is None:
        return
    if not file.exists():
        raise InvalidInput(f"file not found: {file}", code="file-not-found")
    with file.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise InvalidInput(f"line {number}: malformed JSON", code="malformed-json") from err
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InvalidInput(f"line {number}: no `text` field", code="missing-text")
            yield record.get("id"), record["text"]


def parse_context(raw: str | None) -> NluContext | None:
    if not raw:
        return None
    try:
        fields = json.loads(raw)
        return NluContext(**fields)
    except (json.JSONDecodeError, TypeError) as err:
        raise InvalidInput("--context must be a JSON object of NluContext fields", code="invalid-context") from err
