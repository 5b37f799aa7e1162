"""Audio errors with their citizen-facing Korean text, which lives in ``responses/ko/voice.yaml``.

Codes are stable kebab-case (clients switch on them); the words can be edited without code.
"""

from __future__ import annotations

from pathlib import Path

from donghaeng.config import DEFAULT_DATA_DIR
from donghaeng.errors import AudioError
from donghaeng.phrasebook import Phrasebook

# HTTP status per code: size and length limits are 413, everything else a plain 400/422.
_STATUS = {"audio-too-large": 413, "audio-too-long": 413, "audio-unsupported": 415,
           "stt-no-text-recognized": 422}


def voice_phrase(key: str, data_dir: Path | None = None, **values: object) -> str:
    """A phrase from ``voice.yaml``; falls back to the package's bundled data directory."""
    book = Phrasebook.load(data_dir or DEFAULT_DATA_DIR)
    full_key = f"voice.{key}"
    if not book.has(full_key) and data_dir is not None:
        book = Phrasebook.load(DEFAULT_DATA_DIR)
    return book.say(full_key, **values)


def audio_error(code: str, **values: object) -> AudioError:
    """Build the ``AudioError`` for ``code`` with its Korean message from the phrase file."""
    try:
        message = voice_phrase(f"errors.{code}", **values)
    except KeyError:
        message = AudioError.message
    return AudioError(message, code=code, status=_STATUS.get(code, 400))
