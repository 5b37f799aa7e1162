"""The command-line contract (DESIGN.md section 3), run as real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip


def run_cli(tmp_path: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DONGHAENG_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
           "DONGHAENG_VAR_DIR": str(tmp_path), "DONGHAENG_LOAD_DATA_ON_START": "false"}
    return subprocess.run([sys.executable, "-m", "donghaeng", *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=300)


def test_ask_json_prints_one_turn_result(tmp_path: Path) -> None:
    done = run_cli(tmp_path, "ask", "따릉이 앱 켜줘", "--json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["intent"] == "app.open" and result["actions"][0]["type"] == "open_app"


def test_ask_continues_a_session_across_invocations(tmp_path: Path) -> None:
    first = json.loads(run_cli(tmp_path, "ask", "쓰레기 무단투기 신고할래요", "--json").stdout)
    second = json.loads(run_cli(tmp_path, "ask", "망원동이요", "--session", first["session_id"], "--json").stdout)
    assert second["state"] == "confirm"


@pytest.mark.parametrize(("args", "needle"), [(("ask", "  "), "empty-text"),
                                              (("ask", "안녕", "--session", "nope"), "unknown-session")])
def test_bad_input_exits_non_zero_with_one_line(tmp_path: Path, args, needle) -> None:
    done = run_cli(tmp_path, *args)
    assert done.returncode != 0
    assert needle in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert done.stdout == ""


def test_nlu_file_keeps_order_and_ids(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": "정부24 열어 주세요"}, {"id": 7, "text": "상담원 연결해 줘"}, {"id": "c", "text": "안녕하세요"}]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    done = run_cli(tmp_path, "nlu", "--file", str(source), "--json")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", 7, "c"]
    assert [o["intent"] for o in out] == ["app.open", "handoff.human", "meta.greet"]
    assert set(out[0]) == {"id", "text", "intent", "slots", "confidence"}


def test_nlu_file_with_a_broken_line_fails_clearly(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": 1, "text": "안녕"}\n{broken\n', encoding="utf-8")
    done = run_cli(tmp_path, "nlu", "--file", str(source), "--json")
    assert done.returncode != 0 and "line 2" in done.stderr


def test_eval_prints_accuracy_table_on_the_dev_set(tmp_path: Path) -> None:
    dev = shared_or_skip("eval/dev.jsonl")
    done = run_cli(tmp_path, "eval", "--set", str(dev), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["accuracy"] >= 0.97


def test_eval_dialogues_all_dev_scenarios_pass(tmp_path: Path) -> None:
    dialogues = shared_or_skip("eval/dialogues.jsonl")
    done = run_cli(tmp_path, "eval", "--dialogues", str(dialogues), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    failed = [s for s in summary["scenarios"] if not s["passed"]]
    assert summary["passed"] == summary["total"], failed


def test_data_load_is_idempotent_and_the_server_starts_on_the_loaded_store(tmp_path: Path) -> None:
    first = run_cli(tmp_path, "data", "load", "--json")
    second = run_cli(tmp_path, "data", "load", "--json")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert json.loads(first.stdout)["total_loaded"] == json.loads(second.stdout)["total_loaded"] > 20_000
    from donghaeng.assistant import Assistant
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, database_url=f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    assistant = Assistant(settings)
    assistant.prepare_store(load_data=True)  # what `serve` does after `make run` loaded the data
    assistant.engine.dispose()
