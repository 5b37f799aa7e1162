"""faq.answer: retrieval over the administrative how-to knowledge base (data/knowledge/faq.yaml).

A character-bigram index is enough for a few dozen entries and is robust to Korean spacing,
particles and typos ("등본떼는법", "전입 신고"); keywords and the title weigh more than the
answer text, and the `topic` slot weighs more than the rest of the sentence.
"""

from __future__ import annotations

import math
from collections import Counter

from donghaeng.catalog.knowledge import FaqEntry
from donghaeng.geo import names
from donghaeng.models import STATE_NEED_SLOT, SkillRequest, SkillResponse
from donghaeng.phrasebook import Phrasebook

MIN_SCORE = 0.8
CALL_120 = {"type": "call", "number": "120"}


def bigrams(text: str) -> Counter[str]:
    value = names.key(text)
    return Counter(value[i:i + 2] for i in range(len(value) - 1)) if len(value) > 1 else Counter([value])


class FaqIndex:
    def __init__(self, entries: list[FaqEntry]):
        self.entries = entries
        self._docs: list[Counter[str]] = []
        for entry in entries:
            doc = Counter[str]()
            for keyword in (entry.title, *entry.keywords):
                for gram, n in bigrams(keyword).items():
                    doc[gram] += 3 * n
            doc.update(bigrams(entry.answer))
            self._docs.append(doc)
        df = Counter(g for doc in self._docs for g in doc)
        self._idf = {g: math.log(1 + len(entries) / n) for g, n in df.items()}
        self._keywords = [{names.key(k) for k in (e.title, *e.keywords)} for e in entries]

    def search(self, topic: str, text: str = "") -> list[tuple[FaqEntry, float]]:
        query = bigrams(topic) + bigrams(topic) + bigrams(text) if topic else bigrams(text)
        topic_key, text_key = names.key(topic), names.key(text)
        scored = []
        for entry, doc, keywords in zip(self.entries, self._docs, self._keywords):
            score = sum(self._idf.get(g, 0) * min(n, doc[g]) for g, n in query.items() if g in doc)
            score /= math.sqrt(sum(doc.values()))
            if any(k and (k in topic_key or (topic_key and topic_key in k)) for k in keywords):
                score += 2.0
            elif any(k and len(k) >= 2 and k in text_key for k in keywords):
                score += 1.0
            scored.append((entry, score))
        return sorted(scored, key=lambda pair: pair[1], reverse=True)


class FaqSkill:
    intents = ("faq.answer",)

    def __init__(self, entries: list[FaqEntry], phrasebook: Phrasebook):
        self.index, self.say = FaqIndex(entries), phrasebook.say

    def handle(self, request: SkillRequest) -> SkillResponse:
        topic = str(request.slots.get("topic") or "")
        if not topic and not request.text:
            return SkillResponse(self.say("faq.ask_topic"), state=STATE_NEED_SLOT, ask_slot="topic")
        ranked = self.index.search(topic, request.text)
        if not ranked or ranked[0][1] < MIN_SCORE:
            return SkillResponse(self.say("faq.not_found"), actions=(CALL_120,), data={"faq": None})
        entry, score = ranked[0]
        first_sentence = entry.answer.split(". ")[0].rstrip(".") + "."
        return SkillResponse(entry.answer, data={"faq": entry.id, "score": round(score, 3), "source": entry.source},
                             simple_text=first_sentence)
