"""Dialogue behaviour, with the NLU's answer scripted so each rule is tested on its own."""

from __future__ import annotations

from typing import Any

import pytest

from donghaeng.assistant import Assistant
from donghaeng.models import NluResult
from tests.conftest import make_settings

COMPLAINT_START = ("불법 주차 신고", "complaint.file", {"category": "illegal_parking"})
PLACE = ("망원동이요", "complaint.file", {"place": "망원동"})
YES = ("네", "meta.confirm", {})
NO = ("아니요", "meta.deny", {})
FIRE = ("불이 났어요", "safety.emergency", {"kind": "fire"})
UNKNOWN = ("로또 번호", "unknown", {})


class ScriptedNlu:
    """Answers with the intent written next to each utterance in the test."""

    def __init__(self) -> None:
        self.script: dict[str, NluResult] = {}

    def add(self, text: str, intent: str, slots: dict[str, Any]) -> str:
        self.script[text] = NluResult(intent=intent, slots=dict(slots), confidence=0.9)
        return text

    def understand(self, text: str, context: Any = None) -> NluResult:
        return self.script[text]

    def warm(self) -> None:
        pass


@pytest.fixture()
def talk(tmp_path, template_db):
    nlu = ScriptedNlu()
    assistant = Assistant(make_settings(tmp_path, template_db), nlu=nlu)
    assistant.prepare_store()
    session: dict[str, str | None] = {"id": None}

    def say(turn: tuple[str, str, dict[str, Any]], **kwargs: Any) -> dict[str, Any]:
        result = assistant.handle_text(nlu.add(*turn), session_id=session["id"], **kwargs)
        session["id"] = result["session_id"]
        return result

    say.assistant = assistant  # type: ignore[attr-defined]
    say.session = session  # type: ignore[attr-defined]
    yield say
    assistant.engine.dispose()


def test_complaint_asks_for_place_confirms_then_reads_back_a_receipt(talk) -> None:
    assert talk(COMPLAINT_START)["state"] == "need_slot"
    confirm = talk(PLACE)
    assert confirm["state"] == "confirm" and "망원동" in confirm["reply"]
    filed = talk(YES)
    assert filed["state"] == "done"
    assert filed["receipt"] in filed["reply"]


def test_denying_the_confirmation_asks_again_for_the_place_without_restarting(talk) -> None:
    talk(COMPLAINT_START)
    talk(PLACE)
    again = talk(NO)
    assert again["state"] == "need_slot" and "어디" in again["reply"]
    confirm = talk(("합정동이요", "complaint.file", {"place": "합정동"}))
    assert "불법 주정차" in confirm["reply"] and "합정동" in confirm["reply"]
    assert talk(YES)["receipt"]


def test_cancel_ends_the_flow_and_nothing_is_filed(talk) -> None:
    talk(COMPLAINT_START)
    talk(PLACE)
    assert "취소" in talk(("그만해", "meta.cancel", {}))["reply"]
    assert "receipt" not in talk(YES)


@pytest.mark.parametrize(
    "flow",
    [
        [COMPLAINT_START],
        [COMPLAINT_START, PLACE],
        [("기초연금 받을 수 있나", "welfare.eligibility", {"benefit": "basic_pension"})],
        [("기초연금 받을 수 있나", "welfare.eligibility", {"benefit": "basic_pension"}),
         ("일흔이요", "welfare.eligibility", {"age": 70})],
        [("복지 혜택 알려 줘", "welfare.info", {})],
        [("앱 열어 줘", "app.open", {})],
        [("경로당 어디 있어", "facility.nearby", {"facility": "senior_center"})],
        [("버스 언제 와", "transit.bus_arrival", {})],
        [("지하철 언제 와", "transit.subway_arrival", {})],
        [("내 민원 어떻게 됐어", "complaint.status", {})],
    ],
    ids=["complaint-category", "complaint-confirm", "eligibility-age", "eligibility-household", "welfare-info",
         "app", "facility-place", "bus", "subway", "status-receipt"],
)
def test_emergency_preempts_any_flow_and_the_flow_is_not_resumed(talk, flow) -> None:
    for turn in flow:
        assert talk(turn)["state"] in ("need_slot", "confirm")  # a flow is waiting for the citizen
    emergency = talk(FIRE)
    assert emergency["state"] == "emergency"
    assert {"type": "call", "number": "119"}.items() <= emergency["actions"][0].items()
    assert "receipt" not in talk(YES)


def test_repeat_gives_the_last_answer_and_slower_keeps_the_slow_rate(talk) -> None:
    first = talk(("따릉이 켜 줘", "app.open", {"app": "ttareungyi"}))
    assert talk(("다시", "meta.repeat", {}))["reply"] == first["reply"]
    slower = talk(("천천히", "meta.slower", {}))
    assert slower["slow"] is True
    assert talk(("안녕", "meta.greet", {}))["slow"] is True


def test_two_misunderstandings_in_a_row_hand_over_to_120_with_a_summary(talk) -> None:
    talk(COMPLAINT_START)
    assert talk(UNKNOWN)["state"] == "need_slot"
    handoff = talk(("뭐라카노", "unknown", {}))
    assert handoff["state"] == "handoff"
    summary = next(a["summary"] for a in handoff["actions"] if a["type"] == "handoff")
    assert "complaint.file" in summary and "illegal_parking" in summary
    assert any(a.get("number") == "120" for a in handoff["actions"])


def test_asking_for_a_human_hands_over_at_once(talk) -> None:
    assert talk(("상담원", "handoff.human", {}))["state"] == "handoff"


def test_state_is_rebuilt_from_the_stored_event_list(talk) -> None:
    talk(COMPLAINT_START)
    talk(PLACE)
    from donghaeng.dialogue.state import replay

    state = replay(talk.assistant.session_events(talk.session["id"]))
    assert state.active_intent == "complaint.file"
    assert state.slots["place"] == "망원동" and state.awaiting_confirmation


def test_an_idle_session_forgets_the_unfinished_flow(tmp_path, template_db) -> None:
    nlu = ScriptedNlu()
    assistant = Assistant(make_settings(tmp_path, template_db, session_idle_minutes=0), nlu=nlu)
    assistant.prepare_store()
    first = assistant.handle_text(nlu.add(*COMPLAINT_START))
    after = assistant.handle_text(nlu.add(*YES), session_id=first["session_id"])
    assert "receipt" not in after


def test_a_retried_turn_with_the_same_client_key_files_one_complaint(talk) -> None:
    talk(COMPLAINT_START)
    talk(PLACE)
    first = talk(YES, client_key="tap-123")
    retry = talk(YES, client_key="tap-123")
    assert retry["receipt"] == first["receipt"]
