"""Phrase patterns from the data files, compiled once and matched by sound.

A phrase in a data file is plain Korean as people say it. Spaces inside it are ignored
(speech is spaced arbitrarily), ``~`` means "anything may come between" (집까지 ~ 데려다),
a leading ``^`` anchors it to the start of the utterance and a trailing ``$`` to the end,
each at a word boundary (for short answers such as 네 or 아니요 that would otherwise match
inside other words). Free phrases are matched on sound keys (hangul.py), so 잇어요 matches a
phrase written 있어요; anchored phrases are short function words whose spelling matters
(네 "yes" vs 내 "my" sound alike), so they are matched on the spelling of the spaced text.
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
    def compile(cls, source: str, strict: bool = False, exact: bool = False) -> "Phrase":
        text = str(source).strip()
        at_start = text.startswith("^")
        at_end = text.endswith("$")
        text = text.strip("^$")
        lowered = text.lower() if text.isascii() else text
        # A part whose last syllable has no final consonant also matches that syllable with one
        # (그만하 → 그만할래, 비 와 → 비 왔어): phrases name word stems, endings vary.
        # ``exact`` phrases are nouns (로또), whose last syllable must be heard as written, so
        # that 로또 is not found in 센터로 돌려.
        parts = tuple(_open_end(sound_key(part.replace(" ", ""), strict), exact)
                      for part in lowered.split("~") if part.strip())
        if not parts:
            raise ValueError(f"empty phrase: {source!r}")
        return cls(str(source), parts, at_start, at_end)

    @property
    def anchored(self) -> bool:
        return self.at_start or self.at_end

    def find(self, key: str) -> int:
        """Start (in key symbols) of the first match of a free phrase in ``key``, or -1."""
        start = key.find(self.parts[0])
        if start < 0:
            return -1
        position = start + len(self.parts[0])
        for part in self.parts[1:]:
            found = key.find(part, position)
            if found < 0:
                return -1
            position = found + len(part)
        return start

    def matches_spaced(self, spaced: str) -> bool:
        """Anchored match on the spelling of the spaced text, at word boundaries."""
        words = self.source.strip().strip("^$")
        words = words.lower() if words.isascii() else words
        if self.at_start and self.at_end:
            return spaced.replace(" ", "") == words.replace(" ", "")
        if self.at_start:
            return spaced == words or spaced.startswith(words + " ")
        return spaced == words or spaced.endswith(" " + words)

    def matches(self, key: str, spaced: str = "") -> bool:
        if self.anchored:
            return self.matches_spaced(spaced)
        return self.find(key) >= 0


def _open_end(key: str, exact: bool) -> str:
    return key if exact else key.removesuffix("_")


def compile_all(sources: list[str] | tuple[str, ...] | None, strict: bool = False,
                exact: bool = False) -> tuple[Phrase, ...]:
    """Compile a list from a data file, skipping blanks (``strict``: see hangul.sound_of)."""
    return tuple(Phrase.compile(source, strict, exact) for source in (sources or []) if str(source).strip())


def any_match(phrases: tuple[Phrase, ...], key: str, spaced: str = "") -> bool:
    return any(phrase.matches(key, spaced) for phrase in phrases)
