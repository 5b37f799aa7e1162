"""Emergency detection: runs first, on every utterance, and wins over everything else.

A person in danger may say it in the middle of another task ("어 잠깐만 할머니가
쓰러졌어요"), with no request at all ("연기가 막 나요"), in dialect ("숨을 몬 쉰다"), in
English ("he collapsed") or while asking for something else ("누가 따라와 안심이 켜 줘"),
so this is not one intent among others competing on score.

The detector is a lexicon of *signs* per kind (medical, fire, crime) in two strengths:
``strong`` signs raise the alarm alone ("숨을 안 쉬어", "칼 들고"), ``weak`` signs only
together with an *urgency cue* (빨리, 지금, 도와, 어떡해, please) or a second sign
("가슴이 아프고" + "식은땀"). Missing a call is far worse than a false alarm, so the only
brake is a short ``not_now`` list (a rule question, a past event, a street light) that
cannot cancel two signs or a call for help.

Patterns are matched on the spaced text with every final consonant neutralised (쓰러졋 =
쓰러졌), spaces optional between syllables, and *not* on the loose sound key used for
intents: a phrase means its own syllables, so 강도 never matches inside 강동구 and 문 따
never spans 광화문 따릉이. Pattern syntax (data/nlu/emergency.yaml):
``~`` a short gap, ``(a|b)`` alternatives, ``<`` at the start: the word begins there,
``>`` at the end: the word ends there, ``^``/``$``: the utterance starts/ends there. English patterns match whole words (a trailing ``*``:
any ending, bleed* = bleeding, bleeds).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from donghaeng.nlu.normalize import Utterance

KINDS = ("medical", "fire", "crime")
_GAP = r"[^.?!]{0,16}?"
_HANGUL_START, _HANGUL_END = 0xAC00, 0xD7A3
# Final consonant index → the index of the final it is pronounced as (see hangul.py).
_FINAL_FOLD = {2: 1, 3: 1, 9: 1, 24: 1,          # ㄲ ㄳ ㄺ ㅋ → ㄱ
               5: 4, 6: 4,                        # ㄵ ㄶ → ㄴ
               19: 7, 20: 7, 22: 7, 23: 7, 25: 7,  # ㅅ ㅆ ㅈ ㅊ ㅌ → ㄷ
               11: 8, 12: 8, 13: 8, 15: 8,        # ㄼ ㄽ ㄾ ㅀ → ㄹ
               10: 16, 18: 17, 26: 17, 27: 0}     # ㄻ → ㅁ, ㅄ ㅍ → ㅂ, ㅎ → none
_WORD_CHAR = "0-9a-z가-힣"


def fold(text: str) -> str:
    """Lower-case, with each syllable's final consonant replaced by the one it sounds as."""
    out = []
    for ch in text.lower():
        code = ord(ch)
        if _HANGUL_START <= code <= _HANGUL_END:
            base, final = divmod(code - _HANGUL_START, 28)
            ch = chr(_HANGUL_START + base * 28 + _FINAL_FOLD.get(final, final))
        out.append(ch)
    return "".join(out)


def _korean_piece(piece: str) -> str:
    """Regex of one gap-free piece.

    Words written apart may be said together (숨을못쉬어); a word of three syllables or more
    may also be split by the recogniser (심장 마비). A two-syllable word must be said whole,
    so 자살 is not found across 혼자 살고.
    """
    words = []
    for word in piece.split():
        outside = re.sub(r"\(.*?\)", "", word)
        length = len(outside) + (1 if "(" in word else 0)
        inner = r"\s?" if length >= 3 else ""
        out = []
        for index, ch in enumerate(word):
            out.append(ch if ch in "()|" else re.escape(fold(ch)))
            following = word[index + 1] if index + 1 < len(word) else ""
            if inner and ch not in "(|" and following and following not in ")|":
                out.append(inner)
        words.append("".join(out))
    return r"\s?".join(words)


def _english_word(word: str) -> str:
    """One English word; ``word*`` inside a pattern allows any ending (smell* = smells)."""
    return re.escape(word[:-1]) + "[a-z']*" if word.endswith("*") else re.escape(word)


def _english_words(text: str) -> str:
    """Words separated by spaces; ``(a b|c)`` is a choice between word sequences."""
    out = []
    for match in re.finditer(r"\(([^)]*)\)|(\S+)", text):
        if match.group(1) is not None:
            choices = [r"\s+".join(_english_word(w) for w in choice.split()) for choice in match.group(1).split("|")]
            out.append("(?:" + "|".join(c for c in choices if c) + ")")
        else:
            out.append(_english_word(match.group(2)))
    return r"\s+".join(out)


def compile_sign(source: str) -> re.Pattern[str]:
    """One pattern of the data file as a regular expression (syntax in the module docstring)."""
    text = str(source).strip()
    at_start, at_end = text.startswith("^"), text.endswith("$")
    text = text.strip("^$").strip()
    word_start, word_end = text.startswith("<"), text.endswith(">")
    text = text.strip("<>").strip()
    pattern = _body(source, text, word_start, word_end)
    return re.compile(("^" if at_start else "") + pattern + ("$" if at_end else ""))


def _body(source: str, text: str, word_start: bool, word_end: bool) -> str:
    if not text:
        raise ValueError(f"empty emergency pattern: {source!r}")
    if text.isascii():
        open_end = text.endswith("*")
        text = text.rstrip("*")
        parts = [_english_words(part) for part in text.lower().split("~") if part.strip()]
        body = r"\b.{0,30}?\b".join(parts)
        if text[0].isdigit():  # a number: not a piece of a receipt (345-112)
            return rf"(?<![a-z0-9'-]){body}(?![a-z0-9]|-\d)"
        return rf"(?<![a-z0-9']){body}" + ("" if open_end else "(?![a-z0-9])")
    body = _GAP.join(_korean_piece(part) for part in text.split("~"))
    # A number is never part of a longer number: 112 is not inside 1120번 or a receipt 345-112.
    start = rf"(?<![{_WORD_CHAR}])" if word_start else (r"(?<![\d-])" if text[0].isdigit() else "")
    end = rf"(?![{_WORD_CHAR}])" if word_end else (r"(?!\d|-\d)" if text[-1].isdigit() else "")
    return start + body + end


@dataclass(frozen=True)
class Sign:
    """One compiled pattern and where it came from."""

    source: str
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, source: str) -> "Sign":
        return cls(str(source), compile_sign(str(source)))

    def search(self, text: str) -> bool:
        return self.pattern.search(text) is not None

    def span(self, text: str) -> tuple[int, int]:
        match = self.pattern.search(text)
        return match.span() if match else (-1, -1)


def _distinct(spans: list[tuple[int, int]]) -> int:
    """How many separate places in the text the matches cover (overlapping ones count once)."""
    count, reach = 0, -1
    for start, end in sorted(spans):
        if start >= reach:
            count += 1
        reach = max(reach, end)
    return count


def _spans(signs: tuple[Sign, ...], text: str) -> list[tuple[int, int]]:
    """Where the signs that are in the text were said."""
    return [match.span() for sign in signs if (match := sign.pattern.search(text))]


def _starts_inside(sign: Sign, text: str, spans: list[tuple[int, int]]) -> bool:
    """The sign begins inside one of the spans (a denial, a worry)."""
    first = sign.span(text)[0]
    return any(start <= first < end for start, end in spans)


def _signs(items: list[object] | None) -> tuple[Sign, ...]:
    return tuple(Sign.of(str(item)) for item in items or [] if str(item).strip())


@dataclass(frozen=True)
class Alarm:
    """A detected emergency: its kind and the phrases that raised it (for the audit trail)."""

    kind: str | None
    phrases: tuple[str, ...]
    confidence: float


@dataclass(frozen=True)
class Assessment:
    """What the detector made of an utterance: an alarm, or none, and then whether danger words
    were said and explained away (a past story, a question about 119, a mistaken fright)."""

    alarm: Alarm | None
    dismissed: bool


NO_SIGNS = Assessment(None, dismissed=False)
DISMISSED = Assessment(None, dismissed=True)


class EmergencyDetector:
    """Signs per kind, calls for help, urgency cues and look-alikes from ``emergency.yaml``."""

    def __init__(self, strong: dict[str, tuple[Sign, ...]], weak: dict[str, tuple[Sign, ...]],
                 any_kind: tuple[Sign, ...], urgency: tuple[Sign, ...], not_now: tuple[Sign, ...],
                 call_only: tuple[Sign, ...] = (), past_time: tuple[Sign, ...] = (),
                 past_story: tuple[Sign, ...] = (), still_now: tuple[Sign, ...] = (),
                 not_now_past: tuple[Sign, ...] = (), hypothetical: tuple[Sign, ...] = (),
                 repair_request: tuple[Sign, ...] = (), trouble: tuple[Sign, ...] = (),
                 denied: tuple[Sign, ...] = (), service_names: tuple[Sign, ...] = (),
                 service_question: tuple[Sign, ...] = (), interjections: tuple[str, ...] = (),
                 negated_after: tuple[Sign, ...] = (), worry: tuple[Sign, ...] = (),
                 escort_request: tuple[Sign, ...] = (), happening_now: tuple[Sign, ...] = (),
                 might_happen_after: tuple[Sign, ...] = (), seeking_care: tuple[Sign, ...] = (),
                 mistaken: tuple[Sign, ...] = (), still_happening: tuple[Sign, ...] = (),
                 recovered: tuple[Sign, ...] = (), service_places: tuple[Sign, ...] = ()):
        words = "|".join(re.escape(fold(word)) for word in sorted(interjections, key=len, reverse=True))
        self._interjection = re.compile(rf"(?<![{_WORD_CHAR}])(?:{words})(?![{_WORD_CHAR}])") if words else None
        self._negated_after = negated_after
        self._might_happen_after = might_happen_after
        self._seeking_care = seeking_care
        self._mistaken = mistaken
        self._still_happening = still_happening
        self._recovered = recovered
        self._service_places = service_places
        self._worry = worry
        self._escort_request = escort_request
        self._happening_now = happening_now
        self._service_names = service_names
        self._service_question = service_question
        self._trouble = trouble  # usage_trouble + everyday_trouble: a figure of speech with "살려 줘"
        self._denied = denied
        self._not_now_past = not_now_past
        self._hypothetical = hypothetical
        self._repair_request = repair_request
        self._call_only = call_only
        self._past_time = past_time
        self._past_story = past_story
        self._still_now = still_now
        self._strong = strong
        self._weak = weak
        self._any_kind = any_kind
        self._urgency = urgency
        self._not_now = not_now

    @classmethod
    def load(cls, path: Path) -> "EmergencyDetector":
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
        strong = {kind: _signs((data.get(kind) or {}).get("strong")) for kind in KINDS}
        weak = {kind: _signs((data.get(kind) or {}).get("weak")) for kind in KINDS}
        return cls(strong, weak, _signs(data.get("any_kind")), _signs(data.get("urgency")),
                   _signs(data.get("not_now")), _signs(data.get("call_only")), _signs(data.get("past_time")),
                   _signs(data.get("past_story")), _signs(data.get("still_now")), _signs(data.get("not_now_past")),
                   _signs(data.get("hypothetical")), _signs(data.get("repair_request")),
                   _signs(data.get("usage_trouble")) + _signs(data.get("everyday_trouble")), _signs(data.get("denied")),
                   _signs(data.get("service_names")), _signs(data.get("service_question")),
                   tuple(str(word) for word in data.get("interjections") or ()), _signs(data.get("negated_after")),
                   _signs(data.get("worry")), _signs(data.get("escort_request")), _signs(data.get("happening_now")),
                   _signs(data.get("might_happen_after")), _signs(data.get("seeking_care")),
                   _signs(data.get("mistaken")), _signs(data.get("still_happening")),
                   _signs(data.get("recovered")), _signs(data.get("service_places")))

    def detect(self, utterance: Utterance) -> Alarm | None:
        """The alarm for this utterance, or None when nobody is in danger."""
        return self.assess(utterance).alarm

    def assess(self, utterance: Utterance) -> Assessment:
        """The alarm, or why there is none: no danger words, or words a look-alike explains."""
        text = fold(utterance.spaced)
        if self._interjection is not None:
            text = " ".join(self._interjection.sub(" ", text).split())
        for place in self._service_places:  # "119 안전센터 앞에": a place, not a call
            text = " ".join(place.pattern.sub(" ", text).split())
        strong = [(kind, sign) for kind, signs in self._strong.items() for sign in signs if self._said(sign, text)]
        # A call by number (119) raises the alarm like a strong sign but names no kind.
        strong += [("", sign) for sign in self._call_only if self._said(sign, text)]
        weak = [(kind, sign) for kind, signs in self._weak.items() for sign in signs
                if self._said(sign, text, self._negated_after + self._might_happen_after)]
        general = [sign for sign in self._any_kind if sign.search(text)]
        # Words inside a denial ("응급 상황은 아니고요") are not signs.
        denied = _spans(self._denied, text)
        if denied:
            def kept(sign: Sign) -> bool:
                return not _starts_inside(sign, text, denied)
            strong = [hit for hit in strong if kept(hit[1])]
            weak = [hit for hit in weak if kept(hit[1])]
            general = [sign for sign in general if kept(sign)]
        # No sign, or one weak sign and no urgency, raises no alarm; the look-alike checks
        # below still say whether the words are explained away (a past story, a figure of
        # speech), which the classifier's alarms must respect (see NluEngine._alarm_heard).
        too_little = False
        if not strong and not general:
            worries = _spans(self._worry, text)
            urgent = any(sign.search(text) and not _starts_inside(sign, text, worries) for sign in self._urgency)
            too_little = not weak or (not urgent and len({s.source for _, s in weak}) < 2)
        if not strong and not weak and any(sign.search(text) for sign in self._trouble):
            return DISMISSED  # "살려 줘, 이 기계 어떻게 쓰는지 모르겠어" / "배고파 죽겠다": trouble, not a danger
        if not general and self._past_story_only(text):
            return DISMISSED
        if not general and any(sign.search(text) for sign in self._mistaken) \
                and not any(sign.search(text) for sign in self._still_happening):
            return DISMISSED  # a fright found mistaken, and nothing still going on
        if not general and self._over_since(text):
            return DISMISSED  # an earlier day's danger, and the person is well again
        if not general and self._question_about_service(text, [sign for _, sign in strong + weak]):
            return DISMISSED
        if not strong and not general and self._hazard_report(text):
            return DISMISSED
        if not strong and not general and any(sign.search(text) for sign in self._seeking_care):
            return DISMISSED  # a mild symptom and a search for a pharmacy or clinic
        if not general and self._escort_wanted(text, strong + weak):
            return DISMISSED
        # Patterns that match overlapping words ("불 났" and "불이 났") are one sign.
        signs = _distinct([sign.span(text) for _, sign in strong + weak])
        if not general and signs < 2 and (any(sign.search(text) for sign in self._not_now) or (
                any(sign.search(text) for sign in self._not_now_past)
                and not any(sign.search(text) for sign in self._still_now))):
            return DISMISSED
        if too_little:
            return NO_SIGNS
        # Kind from the signs that name one: a bare "119 불러 주세요" with a fall names medical.
        kind = self._kind([hit for hit in strong if hit[0]] or weak)
        confidence = min(1.0, 0.85 + 0.05 * (signs + len(general)))
        sources = tuple(s.source for _, s in strong + weak) + tuple(s.source for s in general)
        return Assessment(Alarm(kind, sources, round(confidence, 3)), dismissed=False)

    def kind_of(self, utterance: Utterance) -> str | None:
        """The kind named by the signs in the utterance, look-alike checks aside (for an
        emergency that the classifier recognised and these rules did not)."""
        text = fold(utterance.spaced)
        hits = [(kind, sign) for table in (self._strong, self._weak) for kind, signs in table.items()
                for sign in signs if sign.search(text)]
        return self._kind(hits)

    def _said(self, sign: Sign, text: str, taken_back: tuple[Sign, ...] | None = None) -> bool:
        """The sign is in the text and not taken back right after it ("연기 나는 거 아니고요");
        weak signs are also not counted when only a possibility follows (넘어지겠어)."""
        match = sign.pattern.search(text)
        if match is None:
            return False
        rest = text[match.end():].lstrip()
        after = self._negated_after if taken_back is None else taken_back
        return not any(negation.pattern.match(rest) for negation in after)

    def _escort_wanted(self, text: str, hits: list[tuple[str, Sign]]) -> bool:
        """Fear of being followed, or an old fright, said to ask for the safe-return escort: only
        crime signs, an escort request, and no cue that anything is happening right now."""
        return (bool(hits) and all(kind == "crime" for kind, _ in hits)
                and any(sign.search(text) for sign in self._escort_request)
                and not any(sign.search(text) for sign in self._happening_now))

    def _hazard_report(self, text: str) -> bool:
        """Harm that may happen plus a request to fix or report it ("블록이 들떠서 넘어지겠어요
        고쳐 주세요"): a complaint about a hazard, not someone in danger now."""
        return (any(sign.search(text) for sign in self._hypothetical)
                and any(sign.search(text) for sign in self._repair_request))

    def _question_about_service(self, text: str, signs: list[Sign]) -> bool:
        """A question about 119 or the police themselves ("119 구급차 요금 따로 내요?"): every sign
        is only a service's name, a cost or rules question is asked, and nobody asks it to come."""
        if not any(sign.search(text) for sign in self._service_question):
            return False
        if any(sign.search(text) for sign in self._still_now):
            return False
        names = [match.span() for sign in self._service_names for match in sign.pattern.finditer(text)]
        spans = [sign.span(text) for sign in signs]
        return all(any(start <= first and last <= end for start, end in names) for first, last in spans)

    def _over_since(self, text: str) -> bool:
        """Danger of an earlier day that is over ("그저께 응급실에 실려 갔는데 이젠 멀쩡해요"): a past
        time word, a word of recovery, and nothing that says it is still going on."""
        return (any(sign.search(text) for sign in self._past_time)
                and any(sign.search(text) for sign in self._recovered)
                and not any(sign.search(text) for sign in self._still_happening))

    def _past_story_only(self, text: str) -> bool:
        """A clearly past narrative ("작년에 불났을 때 소방차가 금방 오더라"): a past time word and
        a past-narrative form, and no cue that anything is happening now."""
        return (any(sign.search(text) for sign in self._past_time)
                and any(sign.search(text) for sign in self._past_story)
                and not any(sign.search(text) for sign in self._still_now))

    @staticmethod
    def _kind(hits: list[tuple[str, Sign]]) -> str | None:
        """The kind named by most signs; the most specific (longest) sign breaks a tie.

        None when no sign names a kind (a bare "119 불러 줘", "살려 주세요")."""
        hits = [hit for hit in hits if hit[0]]
        if not hits:
            return None
        counts = {kind: sum(1 for k, _ in hits if k == kind) for kind in KINDS}
        return max(hits, key=lambda hit: (counts[hit[0]], len(hit[1].source)))[0]
