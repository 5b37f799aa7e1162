"""Optional last NLU stage: an OpenAI-compatible chat endpoint, off unless configured.

Only consulted when the local cascade ends in ``unknown`` (or a weak ``faq.answer``), and
only trusted when its reply validates against a strict JSON schema whose intent is one of
the taxonomy's. Any failure (timeout, bad JSON, an intent outside the list) leaves the
local result unchanged: the product never depends on it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, replace
from typing import Any

import httpx

from donghaeng.models import NluResult

log = logging.getLogger(__name__)

# Intents the LLM may choose: a general question or a polite decline, never an action.
LLM_INTENTS = ("faq.answer", "unknown")
WEAK_FAQ_CONFIDENCE = 0.5

RESPONSE_SCHEMA: dict[str, Any] = {
    "name": "citizen_request",
    "strict": True,
    "schema": {
        "type": "object",
        "additionalProperties": False,
        "required": ["intent", "topic", "confidence"],
        "properties": {
            "intent": {"type": "string", "enum": list(LLM_INTENTS)},
            "topic": {"type": "string", "description": "the administrative topic asked about, in Korean, or ''"},
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        },
    },
}

SYSTEM_PROMPT = (
    "You classify one request a Seoul citizen said to the city's assistant. Answer with JSON only. "
    "intent 'faq.answer' if it is a general administrative question (documents, certificates, taxes, "
    "waste disposal, passports, registrations) and give its topic as a short Korean noun phrase; "
    "otherwise intent 'unknown' and topic ''."
)


@dataclass(frozen=True)
class LlmFallback:
    base_url: str
    api_key: str
    model: str
    timeout_s: float = 4.0
    transport: httpx.BaseTransport | None = None

    def should_ask(self, result: NluResult) -> bool:
        return result.intent == "unknown" or (result.intent == "faq.answer"
                                              and result.confidence < WEAK_FAQ_CONFIDENCE)

    def refine(self, text: str, result: NluResult) -> NluResult:
        if not self.should_ask(result):
            return result
        try:
            answer = self._ask(text)
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as err:
            log.warning("LLM stage skipped: %s", err)
            return result
        slots = {"topic": answer["topic"]} if answer["intent"] == "faq.answer" and answer["topic"] else {}
        return replace(result, intent=answer["intent"], slots=slots, confidence=float(answer["confidence"]),
                       source="llm")

    def _ask(self, text: str) -> dict[str, Any]:
        with httpx.Client(base_url=self.base_url.rstrip("/"), timeout=self.timeout_s,
                          transport=self.transport) as client:
            response = client.post("/chat/completions", headers={"Authorization": f"Bearer {self.api_key}"}, json={
                "model": self.model,
                "temperature": 0,
                "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}],
                "response_format": {"type": "json_schema", "json_schema": RESPONSE_SCHEMA},
            })
            response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
        return validate_answer(json.loads(content))


def validate_answer(answer: Any) -> dict[str, Any]:
    """The schema, enforced here too: a server that ignores response_format cannot slip through."""
    if not isinstance(answer, dict) or set(answer) != {"intent", "topic", "confidence"}:
        raise ValueError("LLM answer does not match the schema")
    if answer["intent"] not in LLM_INTENTS or not isinstance(answer["topic"], str):
        raise ValueError(f"LLM answer outside the allowed intents: {answer['intent']!r}")
    confidence = answer["confidence"]
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise ValueError("LLM confidence out of range")
    return answer


def build_llm_fallback(settings: Any) -> LlmFallback | None:
    if not settings.llm_base_url or not settings.llm_api_key:
        return None
    return LlmFallback(base_url=settings.llm_base_url, api_key=settings.llm_api_key, model=settings.llm_model,
                       timeout_s=settings.http_timeout_s)
