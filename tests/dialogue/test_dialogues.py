"""Multi-turn conversations through the real NLU and dialogue (our own scenarios)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from donghaeng.dialogue.evaluation import run_scenario

SCENARIOS = [json.loads(line) for line in (Path(__file__).parent / "scenarios.jsonl").read_text(encoding="utf-8")
             .splitlines() if line.strip()]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scripted_conversation_reaches_its_outcome(assistant, scenario) -> None:
    result = run_scenario(assistant, scenario)
    assert result["passed"], result["reasons"]


def test_a_complaint_in_the_same_session_can_be_followed_up_without_a_receipt(assistant) -> None:
    first = assistant.handle_text("도로에 구멍이 났어요 신고할게요")
    sid = first["session_id"]
    assistant.handle_text("망원동이요", session_id=sid)
    filed = assistant.handle_text("네", session_id=sid)
    status = assistant.handle_text("내 민원 어떻게 됐어요", session_id=sid)
    assert status["intent"] == "complaint.status"
    assert filed["receipt"] in status["reply"] and "접수" in status["reply"]


def test_a_filed_complaint_is_triaged_to_the_department_of_its_gu(assistant) -> None:
    first = assistant.handle_text("불법 주차 신고할게요")
    sid = first["session_id"]
    assistant.handle_text("망원동이요", session_id=sid)
    filed = assistant.handle_text("네", session_id=sid)
    assert "마포구청 주차관리과" in filed["reply"]


def test_an_ambiguous_dong_gets_a_question_and_the_short_answer_is_understood(assistant) -> None:
    first = assistant.handle_text("쓰레기 무단투기 신고할게요")
    sid = first["session_id"]
    question = assistant.handle_text("신사동이요", session_id=sid)
    assert question["state"] == "need_slot" and "강남구" in question["reply"]
    confirm = assistant.handle_text("강남구요", session_id=sid)
    assert confirm["state"] == "confirm" and "강남구 신사동" in confirm["reply"]
    filed = assistant.handle_text("네", session_id=sid)
    assert "강남구청" in filed["reply"]


def test_an_escort_request_asks_where_and_the_bare_station_answer_continues_it(assistant) -> None:
    first = assistant.handle_text("밤늦게 집에 혼자 가기 무서워요 같이 가 줄 분 있나요")
    assert first["intent"] == "safety.escort" and first["state"] == "need_slot"
    second = assistant.handle_text("사당역이요", session_id=first["session_id"])
    assert second["intent"] == "safety.escort" and second["state"] == "done"
    assert "사당역" in second["reply"]
    assert any(action.get("app") == "ansimi" for action in second["actions"])
