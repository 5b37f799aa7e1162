"""Finding known names in an utterance: exact by sound, then fuzzy for mis-heard names.

Two passes, because they fail differently. The exact pass walks the utterance once and
takes the longest name starting at each syllable (so 치매안심센터 is one benefit, not a
benefit plus a 센터), using an index on the first two syllables that keeps 12,000 bus stop
names cheap. The fuzzy pass compares jamo spellings (경노당 vs 경로당 is one jamo apart)
and runs only for the slot types the exact pass did not fill, which keeps it off the
common path.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from donghaeng.nlu.hangul import compose, decompose, is_syllable, pronounced_jamo, respelled, sound_of, to_jamo
from donghaeng.nlu.lexicon import Entry
from donghaeng.nlu.normalize import Utterance
from donghaeng.nlu.phrases import Phrase


# Place-like names are many and short (길동, 목동); they must start a word when two syllables long.
PLACE_LIKE = frozenset({"gu", "dong", "station", "landmark", "stop", "attraction"})
# What may follow a place name in the same word: a particle, a copula, or a word of place
# (봉천 동이에요, 교대역; but 와 본 동생이 holds no 본동, 우리동네 no 우이동).
NAME_FOLLOWERS = re.compile(r"(?:앞|뒤|옆|역|[사오삼]거리|입구|주민센터|출구|구청)?"
                            r"(?:에서요|에서?|에요|으?로|[은는이가을를도의]|쪽|근처|까지|부터|인데|인디|이요|이에요|이예요|예요|요|서)?")


@dataclass(frozen=True)
class Mention:
    """A stretch of the compact utterance (syllable offsets) that names one or more entries."""

    start: int
    end: int
    surface: str
    entries: tuple[Entry, ...]
    fuzzy: bool = False

    def values(self, entry_type: str) -> list[str]:
        return [e.value for e in self.entries if e.type == entry_type]

    def has(self, entry_type: str) -> bool:
        return any(e.type == entry_type for e in self.entries)

    def name_of(self, entry_type: str) -> str:
        """The name as it is spelled in the list: a sound-alike hearing (경복꿍) gets the real spelling."""
        for entry in self.entries:
            if entry.type == entry_type:
                # Dongs and attractions said another way (상계일동, National Museum of Korea) are
                # reported by their canonical name.
                if entry_type in ("dong", "attraction", "landmark"):
                    return entry.value.replace(" ", "")
                return (entry.spelled or entry.name).replace(" ", "")
        return self.surface


def _syllable_keys(text: str) -> tuple[str, ...]:
    return tuple(sound_of(ch) for ch in text.lower())


class Gazetteer:
    """Longest-match lookup of many names by sound, indexed by their first two syllables."""

    def __init__(self, entries: list[Entry]):
        grouped: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        for entry in entries:
            compact = entry.name.replace(" ", "")
            if len(compact) >= 2:
                grouped[_syllable_keys(compact)].append(entry)
        self._index: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Entry, ...]]]] = defaultdict(list)
        for keys, group in grouped.items():
            self._index[keys[:2]].append((keys, tuple(group)))
        for candidates in self._index.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        self.size = len(entries)

    def find(self, compact: str, word_starts: set[int] | None = None) -> list[Mention]:
        """Non-overlapping longest matches, left to right.

        ``word_starts`` are the offsets in ``compact`` where a spoken word began; two-syllable
        names must start there, longer names may start anywhere (speech runs words together).
        """
        keys = _syllable_keys(compact)
        mentions: list[Mention] = []
        position = 0
        while position < len(keys) - 1:
            found = self._longest_at(compact, keys, position, word_starts)
            if found is None:
                position += 1
                continue
            length, group = found
            mentions.append(Mention(position, position + length, compact[position:position + length], group))
            position += length
        return mentions

    def _longest_at(self, compact: str, keys: tuple[str, ...], position: int,
                    word_starts: set[int] | None) -> tuple[int, tuple[Entry, ...]] | None:
        for name_keys, group in self._index.get((keys[position], keys[position + 1]), ()):
            length = len(name_keys)
            if keys[position:position + length] == name_keys:
                # A two-syllable name never begins at the end of one word and ends in the next
                # (놈이 따릉이 holds no 이따).
                if word_starts is not None and length == 2 and position not in word_starts \
                        and position + 1 in word_starts:
                    continue
                if word_starts is not None and all(entry.type in PLACE_LIKE for entry in group) \
                        and not self._fits_words(compact, position, length, word_starts, group):
                    continue
                return length, group
        return None

    @staticmethod
    def _fits_words(compact: str, position: int, length: int, word_starts: set[int],
                    group: tuple[Entry, ...] = ()) -> bool:
        """Whether a place name may be heard here, given where the spoken words begin.

        A two-syllable name inside a word (귀가길동행 ≠ 길동) is not that name. A name heard across
        a space must begin a word (넘었는데 공원 holds no 대공원), and a short one must also end
        one (와 본 동생이 holds no 본동).
        """
        if length == 2 and position not in word_starts:
            # …except a station said right before 역 in run-together speech (대여소성수역)
            return compact[position + 2:position + 3] == "역" and any(e.type == "station" for e in group)
        inner = [start for start in word_starts if position < start < position + length]
        if not inner:
            return True
        if position not in word_starts:
            return False
        end = position + length
        following = min((start for start in word_starts if start >= end), default=len(compact))
        return length > 3 or NAME_FOLLOWERS.fullmatch(compact[end:following]) is not None


class PhraseNames:
    """Ways of saying a name with a gap ("차를 ~ 대 놔"), matched as phrases by sound."""

    def __init__(self, entries: list[Entry]):
        self._phrases = [(Phrase.compile(entry.name), entry) for entry in entries]

    def find(self, utterance: Utterance) -> list[Mention]:
        mentions = []
        for phrase, entry in self._phrases:
            start = phrase.find(utterance.key)
            if start >= 0:
                first = start // 3
                end = first + len(phrase.parts[0]) // 3
                mentions.append(Mention(first, end, utterance.compact[first:end], (entry,)))
        return mentions


class FuzzyMatcher:
    """Edit-distance search of longer names over spoken jamo spellings, for mis-heard names.

    A shortlist comes from one C call (``cdist`` with ``partial_ratio``); each shortlisted
    name is then aligned and accepted only within one jamo edit (two for long names), which
    keeps 경노당→경로당 and 쉽터→쉼터 while refusing unrelated words that merely share jamo.
    """

    def __init__(self, entries: list[Entry], min_syllables: int = 3):
        by_type: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        for entry in entries:
            compact = entry.name.replace(" ", "")
            # Names may carry digits (정부24), but need two syllables to be matched by sound.
            syllables = sum(1 for ch in compact if is_syllable(ch))
            if len(compact) >= min_syllables and syllables >= 2 \
                    and all(is_syllable(ch) or ch.isdigit() for ch in compact):
                by_type[entry.type].extend((spelling, entry) for spelling in spellings(compact))
        self._by_type = {t: ([j for j, _ in items], [e for _, e in items]) for t, items in by_type.items()}

    def find(self, compact: str, wanted_types: set[str], word_starts: Collection[int] = ()) -> list[Mention]:
        """Best fuzzy mention per wanted type, flagged ``fuzzy``.

        The utterance is read both as it is said and as it is written (see ``spellings``).
        """
        if not wanted_types or len(compact) < 2:
            return []
        readings = {tuple(pronounced_jamo(compact, word_starts)), tuple(pronounced_jamo(compact, range(len(compact))))}
        mentions: list[Mention] = []
        for entry_type in sorted(wanted_types):
            names, entries = self._by_type.get(entry_type, ([], []))
            found = [hit for pieces in readings
                     if (hit := self._best(list(pieces), names, entries, set(word_starts))) is not None]
            if found:
                mentions.append(min(found, key=lambda hit: hit[:2])[2])
        return mentions

    @staticmethod
    def _best(pieces: list[str], names: list[str], entries: list[Entry],
              word_starts: set[int] = frozenset()) -> tuple[int, int, Mention] | None:
        """The closest name within the allowed edits, as (distance, -length, mention).

        A short name heard across a space must begin a word: 연기가 우리 holds no 가오리.
        """
        if not names:
            return None
        text = "".join(pieces)
        owner = [i for i, piece in enumerate(pieces) for _ in piece]
        starts = {i for i in range(len(owner)) if i == 0 or owner[i] != owner[i - 1]}
        ends = {i for i in range(1, len(owner) + 1) if i == len(owner) or owner[i] != owner[i - 1]}
        scores = process.cdist([text], names, scorer=fuzz.partial_ratio, score_cutoff=75)[0]
        best: tuple[int, int, Mention] | None = None
        for index in scores.nonzero()[0]:
            name = names[index]
            alignment = fuzz.partial_ratio_alignment(name, text)
            if alignment is None or alignment.dest_end <= alignment.dest_start:
                continue
            # The aligned window has the name's length and may sit a jamo off; a heard jamo too
            # many or too few (요향 for 요양) needs it longer or shorter to count as one edit.
            # Windows hold whole syllables, so no name is heard from half of one (일거리 in 길걸으).
            windows = [(begin, stop)
                       for begin in range(alignment.dest_start - 2, alignment.dest_start + 3)
                       for stop in range(alignment.dest_end - 2, alignment.dest_end + 3)
                       if 0 <= begin < stop <= len(text) and begin in starts and stop in ends]
            if not windows:
                continue
            distance, start, end = min((Levenshtein.distance(name, text[begin:stop]), begin, stop)
                                       for begin, stop in windows)
            allowed = 1 if len(name) < 10 else 2
            if distance > allowed:
                continue
            first, last = owner[start], owner[end - 1] + 1
            if len(entries[index].name.replace(" ", "")) <= 5 and first not in word_starts \
                    and any(first < boundary < last for boundary in word_starts):
                continue
            rank = (distance, -len(name))
            if best is None or rank < best[:2]:
                # A mis-heard name is reported as it should have been heard (경복꿍 → 경복궁).
                mention = Mention(first, last, entries[index].name.replace(" ", ""), (entries[index],), True)
                best = (rank[0], rank[1], mention)
        return best


class MarkedNames:
    """Mis-heard place names that announce their kind: a word ending in 역 names a station, in 동 a
    dong, in 구 a district.

    Short names are too many and too alike to be searched anywhere in an utterance, but the
    word in front of 역 or 동 is surely one; it is matched against the names of that kind
    within one jamo edit (선능역 → 선릉, 신님동 → 신림동) and accepted only when one name alone
    is that close. Names heard exactly are left to the gazetteer.
    """

    MAX_STEM = 6

    def __init__(self, entries: list[Entry], marks: dict[str, str], everyday: frozenset[str] = frozenset()):
        self._marks = marks
        self._everyday = everyday
        by_type: dict[str, dict[str, set[str]]] = {t: defaultdict(set) for t in marks}
        for entry in entries:
            mark = marks.get(entry.type)
            if mark is None:
                continue
            stem = entry.name.replace(" ", "")
            named_with_mark = entry.type in ("dong", "gu")  # 신림동, 관악구; stations are named without 역
            if named_with_mark and not stem.endswith(mark):
                continue
            stem = stem[:-len(mark)] if named_with_mark else stem
            if len(stem) >= 2 and all(is_syllable(ch) for ch in stem):
                for spelling in spellings(stem):
                    by_type[entry.type][spelling].add(entry.value)
        self._names = {t: (list(names), [sorted(v) for v in names.values()]) for t, names in by_type.items()}

    @staticmethod
    def _near(stem: str, inside: set[int], names: list[str], values: list[list[str]]) -> list[tuple[int, str]]:
        """Names of one kind within one jamo of the stem, read as said and as written."""
        readings = {"".join(pronounced_jamo(stem, inside)), "".join(pronounced_jamo(stem, range(len(stem))))}
        return [(int(distance), values[index][0])
                for reading in readings
                for _, distance, index in process.extract(reading, names, scorer=Levenshtein.distance,
                                                          score_cutoff=1, limit=None)
                if len(values[index]) == 1]

    def find(self, compact: str, starts: set[int], taken: list[Mention]) -> list[Mention]:
        """A fuzzy mention for each marked word that no exact name covers."""
        mentions: list[Mention] = []
        for entry_type, mark in self._marks.items():
            names, values = self._names[entry_type]
            for position, char in enumerate(compact):
                if char != mark or position < 2 or compact[position - 1:position + 1] in self._everyday \
                        or any(m.start < position + 1 and position - 1 < m.end for m in taken):
                    continue
                word_start = max((s for s in starts if s <= position), default=0)
                word_end = min((s for s in starts if s > position), default=len(compact))
                if not NAME_FOLLOWERS.fullmatch(compact[position + 1:word_end]):
                    continue
                best: tuple[int, int, str] | None = None
                ambiguous = False
                for begin in range(max(word_start, position - self.MAX_STEM), position - 1):
                    stem = compact[begin:position]
                    if not all(is_syllable(ch) for ch in stem):
                        continue
                    inside = {s - begin for s in starts if begin < s < position}
                    for distance, value in self._near(stem, inside, names, values):
                        rank = (distance, -len(stem))
                        if best is None or rank < best[:2]:
                            best, ambiguous = (rank[0], rank[1], value), False
                        elif rank == best[:2] and value != best[2]:
                            ambiguous = True
                if best is None or ambiguous:
                    continue
                entry = Entry(best[2], entry_type, best[2])
                first = position + best[1]
                end = position + (len(mark) if entry_type in ("dong", "gu") else 0)
                mentions.append(Mention(first, end, compact[first:end], (entry,), True))
        return mentions


def spellings(name: str) -> set[str]:
    """A name's jamo spelling as it is said (왕십리 = 왕심니, see ``hangul.pronounced_jamo``) and
    as it is written: a recogniser may write either, and a near miss of either (신님 for 신림,
    said 실림) is one jamo from one of them. It is also spelled as a recogniser re-spells it,
    tense after a stop (태릉입구 → 태릉입꾸, so 태능입꾸 is one jamo off), and with the ㄴ said
    before 여/야/요/유/이 after a final (학여울 → 항녀울)."""
    forms = {"".join(pronounced_jamo(name)), "".join(pronounced_jamo(name, range(len(name)))),
             to_jamo(respelled(name))}
    inserted = _n_inserted(name)
    if inserted != name:
        forms |= {"".join(pronounced_jamo(inserted)), to_jamo(respelled(inserted))}
    return forms


_N_BEFORE = frozenset("ㅣㅑㅕㅛㅠ")


def _n_inserted(name: str) -> str:
    """ㄴ inserted where a syllable with a final meets 여/야/요/유/이 (학여울 → 학녀울)."""
    out = list(name)
    for index in range(1, len(name)):
        before, here = decompose(name[index - 1]), decompose(name[index])
        if is_syllable(name[index - 1]) and is_syllable(name[index]) and before[2] \
                and here[0] == "ㅇ" and here[1] in _N_BEFORE and here[1] != "ㅣ":
            out[index] = compose("ㄴ", here[1], here[2])
    return "".join(out)
