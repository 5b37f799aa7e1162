"""`donghaeng eval --dialogues`: scripted conversations through the real text pipeline.

Each scenario runs in its own session against a temporary store (so evaluation never
files complaints into the city's database), and is judged on the intent and slots of
every turn and on the outcome recorded in the store and the session's event list.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from donghaeng.config import Settings
from donghaeng.store.tables import ComplaintRow


def _norm(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        compact = "".join(value.split())
        return compact[:-1] if key == "station" and compact.endswith("역") and len(compact) > 1 else compact
    return value


def slots_match(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    problems = []
    for key, want in expected.items():
        if _norm(actual.get(key), key) != _norm(want, key):
            problems.append(f"slot {key}: expected {want!r}, got {actual.get(key)!r}")
    return problems


def run_scenario(assistant: Any, scenario: dict[str, Any]) -> dict[str, Any]:
    reasons: list[str] = []
    turns_out = []
    session_id = None
    for index, turn in enumerate(scenario.get("turns", []), start=1):
        result = assistant.handle_text(turn["user"], session_id=session_id, channel="eval")
        session_id = result["session_id"]
        turns_out.append({"user": turn["user"], "intent": result["intent"], "slots": result["slots"],
                          "state": result["state"], "reply": result["reply"]})
        if turn.get("expect_intent") and result["intent"] != turn["expect_intent"]:
            reasons.append(f"turn {index}: intent expected {turn['expect_intent']}, got {result['intent']}")
        reasons += [f"turn {index}: {p}" for p in slots_match(turn.get("expect_slots") or {}, result["slots"])]
    if session_id is not None:
        reasons += check_outcome(assistant, session_id, scenario.get("expect_outcome") or {})
    return {"id": scenario.get("id"), "passed": not reasons, "reasons": reasons, "turns": turns_out}


def check_outcome(assistant: Any, session_id: str, expected: dict[str, Any]) -> list[str]:
    events = assistant.session_events(session_id)
    kinds = [event["type"] for event in events]
    problems: list[str] = []
    if "complaint_filed" in expected:
        with assistant.sessions() as db:
            rows = list(db.scalars(select(ComplaintRow).where(ComplaintRow.session_id == session_id)))
        want = expected["complaint_filed"]
        if want is None and rows:
            problems.append(f"outcome: no complaint expected, {len(rows)} filed")
        elif want is not None:
            if not rows:
                problems.append("outcome: complaint expected, none filed")
            else:
                got = {"category": rows[-1].category, "place": rows[-1].place}
                problems += [f"outcome complaint {p}" for p in slots_match(want, got)]
    if "eligibility_answered" in expected:
        answered = [e.get("benefit") for e in events if e["type"] == "eligibility_answered"]
        want = expected["eligibility_answered"]
        if want is None and answered:
            problems.append(f"outcome: eligibility should not be answered, got {answered}")
        elif want is not None and want not in answered:
            problems.append(f"outcome: eligibility for {want} not answered (got {answered})")
    if "answered" in expected:
        answered_intents = [e.get("intent") for e in events if e["type"] == "answered"]
        if expected["answered"] not in answered_intents:
            problems.append(f"outcome: {expected['answered']} not answered (got {answered_intents})")
    if expected.get("repeated") and "repeated" not in kinds:
        problems.append("outcome: answer was not repeated")
    if expected.get("slowed") and "slow_on" not in kinds:
        problems.append("outcome: slower speech was not switched on")
    if "handoff" in expected and bool(expected["handoff"]) != ("handoff" in kinds):
        problems.append(f"outcome: handoff expected {expected['handoff']}")
    if "emergency" in expected:
        emergency_kinds = [e.get("kind") for e in events if e["type"] == "emergency"]
        if expected["emergency"] not in emergency_kinds:
            problems.append(f"outcome: emergency {expected['emergency']} not raised (got {emergency_kinds})")
    return problems


def run_dialogue_file(path: Path, settings: Settings) -> dict[str, Any]:
    from donghaeng.assistant import Assistant

    scenarios = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix="donghaeng-eval-") as tmp:
        eval_settings = settings.model_copy(update={"database_url": f"sqlite:///{Path(tmp) / 'eval.sqlite3'}"})
        assistant = Assistant(eval_settings)
        assistant.prepare_store(load_data=True)  # a fresh temporary store always needs the public data
        try:
            results = [run_scenario(assistant, scenario) for scenario in scenarios]
        finally:
            assistant.engine.dispose()
    return {"total": len(results), "passed": sum(r["passed"] for r in results), "scenarios": results}


def format_dialogue_report(report: dict[str, Any]) -> str:
    lines = [f"dialogues: {report['passed']}/{report['total']} passed"]
    for scenario in report["scenarios"]:
        mark = "PASS" if scenario["passed"] else "FAIL"
        lines.append(f"  {mark} {scenario['id']}")
        lines += [f"       - {reason}" for reason in scenario["reasons"]]
    return "\n".join(lines)
