"""The optional LLM stage against a recorded OpenAI-compatible server (httpx.MockTransport)."""

from __future__ import annotations

import json

import httpx

from donghaeng.models import NluResult
from donghaeng.nlu.llm import LlmFallback

UNKNOWN = NluResult(intent="unknown", slots={}, confidence=0.3, source="fallback")


def recorded(content: str, status: int = 200, seen: list | None = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(json.loads(request.content))
        body = {"id": "chatcmpl-1", "object": "chat.completion", "model": "m",
                "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}]}
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def fallback(transport: httpx.MockTransport) -> LlmFallback:
    return LlmFallback(base_url="http://llm.test/v1", api_key="k", model="m", transport=transport)


def test_an_unknown_request_becomes_a_faq_topic_with_a_strict_schema() -> None:
    seen: list = []
    answer = '{"intent": "faq.answer", "topic": "가족관계증명서", "confidence": 0.8}'
    result = fallback(recorded(answer, seen=seen)).refine("가족관계증명서 인터넷으로 뽑는 법", UNKNOWN)
    assert (result.intent, result.slots, result.source) == ("faq.answer", {"topic": "가족관계증명서"}, "llm")
    assert seen[0]["response_format"]["json_schema"]["strict"] is True


def test_an_answer_outside_the_allowed_intents_is_ignored() -> None:
    answer = '{"intent": "complaint.file", "topic": "", "confidence": 0.9}'
    assert fallback(recorded(answer)).refine("뭐든 해 줘", UNKNOWN) == UNKNOWN


def test_malformed_json_or_a_server_error_leaves_the_local_result() -> None:
    assert fallback(recorded("not json")).refine("안녕", UNKNOWN) == UNKNOWN
    assert fallback(recorded("{}", status=500)).refine("안녕", UNKNOWN) == UNKNOWN


def test_confident_local_results_never_reach_the_llm() -> None:
    seen: list = []
    local = NluResult(intent="app.open", slots={"app": "gov24"}, confidence=0.99)
    assert fallback(recorded("{}", seen=seen)).refine("정부24 열어 줘", local) == local
    assert seen == []
