"""Phrase patterns from the data files, compiled once and matched by sound.

A phrase in a data file is plain Korean as people say it. Spaces inside it are ignored
(speech is spaced arbitrarily), ``~`` means "anything may come between" (집까지 ~ 데려다),
a leading ``^`` anchors it to the start of the utterance and a trailing ``$`` to the end
(for short answers such as 네 or 아니요 that would otherwise match inside other words).
Matching happens on sound keys (hangul.py), so 잇어요 matches a phrase written 있어요.
"""

from __future__ import annotations

from dataclasses import dataclass

from donghaeng.nlu.hangul import sound_key


@dataclass(frozen=True)
class Phrase:
    """One compiled phrase: its sound-key parts and anchors."""

    source: str
    parts: tuple[str, ...]
    at_start: bool
    at_end: bool

    @classmethod
    def compile(cls, source: str) -> "Phrase":
        text = str(source).strip()
        at_start = text.startswith("^")
        at_end = text.endswith("$")
        text = text.strip("^$")
        lowered = text.lower() if text.isascii() else text
        parts = tuple(sound_key(part.replace(" ", "")) for part in lowered.split("~") if part.strip())
        if not parts:
            raise ValueError(f"empty phrase: {source!r}")
        return cls(str(source), parts, at_start, at_end)

    def find(self, key: str) -> int:
        """Start (in key symbols) of the first match in ``key``, or -1."""
        first = self.parts[0]
        if self.at_start:
            if not key.startswith(first):
                return -1
            start = 0
        else:
            start = key.find(first)
            if start < 0:
                return -1
        position = start + len(first)
        for part in self.parts[1:]:
            found = key.find(part, position)
            if found < 0:
                return -1
            position = found + len(part)
        if self.at_end and not self._ends_at(key, position):
            return -1
        return start

    def _ends_at(self, key: str, position: int) -> bool:
        if len(self.parts) == 1 and not self.at_start:
            # the last occurrence must end the utterance ("아니요" after other words)
            return key.endswith(self.parts[-1])
        return position == len(key)

    def matches(self, key: str) -> bool:
        return self.find(key) >= 0


def compile_all(sources: list[str] | tuple[str, ...] | None) -> tuple[Phrase, ...]:
    """Compile a list from a data file, skipping blanks."""
    return tuple(Phrase.compile(source) for source in (sources or []) if str(source).strip())


def any_match(phrases: tuple[Phrase, ...], key: str) -> bool:
    return any(phrase.matches(key) for phrase in phrases)
