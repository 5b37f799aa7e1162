"""The run object: stage events in order, timings, stable error codes."""

import pytest

from donghaeng.errors import PipelineError
from donghaeng.pipeline import PipelineRun, Stage


def test_each_stage_emits_start_and_end_with_timings() -> None:
    seen = []
    run = PipelineRun(seen.append)
    with run.stage(Stage.NLU):
        pass
    with run.stage(Stage.DIALOGUE):
        with run.stage(Stage.SKILL):
            pass
    assert [e["type"] for e in seen] == ["nlu-start", "nlu-end", "dialogue-start", "skill-start", "skill-end",
                                         "dialogue-end"]
    assert set(run.latency_ms) == {"nlu", "dialogue", "skill"}


def test_a_crash_inside_a_stage_becomes_a_stable_error_code() -> None:
    run = PipelineRun()
    with pytest.raises(PipelineError) as caught:
        with run.stage(Stage.SKILL):
            raise KeyError("boom")
    assert caught.value.code == "skill-failed"
    assert "다시" in caught.value.message or "문제" in caught.value.message
    assert run.events[-1] == {**run.events[-1], "type": "skill-end", "error": "skill-failed"}


def test_a_text_turn_runs_nlu_dialogue_skill_and_reply_in_order(assistant) -> None:
    seen = []
    assistant.handle_text("따릉이 앱 켜줘", on_event=seen.append)
    assert [e["type"] for e in seen] == ["nlu-start", "nlu-end", "dialogue-start", "skill-start", "skill-end",
                                         "dialogue-end", "reply-start", "reply-end"]
