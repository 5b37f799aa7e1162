"""The `donghaeng` command line (Typer). Commands follow DESIGN.md section 3 exactly."""

from __future__ import annotations

import importlib
import json
import logging
import sys
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from donghaeng.config import REPO_DIR, Settings
from donghaeng.errors import DonghaengError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="동행 (donghaeng): 시민 AI 에이전트")

DEFAULT_EVAL_SET = REPO_DIR.parent / "shared" / "eval" / "dev.jsonl"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def log_to_file(settings: Settings) -> None:
    """One-shot commands keep stderr for their one-line error; diagnostics go to var/donghaeng.log."""
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=settings.var_dir / "donghaeng.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)


@lru_cache(maxsize=1)
def get_assistant() -> Any:
    from donghaeng.assistant import Assistant

    assistant = Assistant(get_settings())
    assistant.prepare_store()
    return assistant


def emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def fail(message: str, code: int = 2) -> None:
    sys.stderr.write(message.replace("\n", " ") + "\n")
    raise typer.Exit(code)


@app.callback()
def _configure(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand == "serve":
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, force=True,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    else:
        log_to_file(get_settings())


@app.command()
def serve(host: Annotated[Optional[str], typer.Option(help="bind address")] = None,
          port: Annotated[Optional[int], typer.Option(help="port")] = None) -> None:
    """API, citizen page at / and the control tower at /admin."""
    import uvicorn

    from donghaeng.api.app import create_app

    settings = get_settings().model_copy(update={"warm_models": True})
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port, log_level="info")


@app.command()
def ask(text: Annotated[str, typer.Argument(help="what the citizen says")],
        session: Annotated[Optional[str], typer.Option("--session", help="continue a session")] = None,
        lat: Annotated[Optional[float], typer.Option(help="latitude of the citizen")] = None,
        lon: Annotated[Optional[float], typer.Option(help="longitude of the citizen")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False) -> None:
    """One text turn through the whole pipeline."""
    try:
        result = get_assistant().handle_text(text, session_id=session, lat=lat, lon=lon, channel="cli")
    except DonghaengError as err:
        fail(f"{err.code}: {err.message}")
        return
    if as_json:
        emit_json(result)
    else:
        sys.stdout.write(result["reply"] + "\n")


@app.command()
def nlu(texts: Annotated[Optional[list[str]], typer.Argument(help="utterances")] = None,
        file: Annotated[Optional[Path], typer.Option("--file", help="JSONL with a `text` field")] = None,
        context: Annotated[Optional[str], typer.Option(help="dialogue state as JSON (NluContext fields)")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="JSONL output")] = False) -> None:
    """Intent and slots only."""
    from donghaeng.cli.nlu_batch import iter_inputs, parse_context

    try:
        inputs = list(iter_inputs(texts or [], file))
        nlu_context = parse_context(context)
    except DonghaengError as err:
        fail(f"{err.code}: {err.message}")
        return
    if not inputs:
        fail("no input: give TEXT or --file")
    from donghaeng.nlu.cascade import NluEngine

    settings = get_settings()
    engine = NluEngine.load(settings.data_dir, settings.cache_dir)
    for item_id, text in inputs:
        result = engine.understand(text, nlu_context)
        line = {"id": item_id, "text": text, "intent": result.intent, "slots": result.slots,
                "confidence": round(float(result.confidence), 4)}
        if as_json:
            emit_json(line)
        else:
            sys.stdout.write(f"{result.intent}\t{json.dumps(result.slots, ensure_ascii=False)}\t{text}\n")


@app.command(name="eval")
def evaluate(set_file: Annotated[Optional[Path], typer.Option("--set", help="labelled JSONL")] = None,
             dialogues: Annotated[Optional[Path], typer.Option("--dialogues", help="scripted dialogues JSONL")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False) -> None:
    """Intent accuracy, slot F1 and tables; or scripted dialogues with --dialogues."""
    if dialogues is not None:
        from donghaeng.dialogue.evaluation import format_dialogue_report, run_dialogue_file

        if not dialogues.exists():
            fail(f"dialogue file not found: {dialogues}")
        report = run_dialogue_file(dialogues, get_settings())
        if as_json:
            for scenario in report["scenarios"]:
                emit_json(scenario)
            emit_json(report)
        else:
            sys.stdout.write(format_dialogue_report(report) + "\n")
        return
    from donghaeng.nlu.cascade import NluEngine
    from donghaeng.nlu.evaluation import evaluate as run_eval
    from donghaeng.nlu.evaluation import format_report, load_records

    path = set_file or DEFAULT_EVAL_SET
    if not path.exists():
        fail(f"evaluation set not found: {path} (give --set FILE)")
    settings = get_settings()
    report = run_eval(NluEngine.load(settings.data_dir, settings.cache_dir), load_records(path))
    if as_json:
        emit_json(report)
    else:
        sys.stdout.write(format_report(report) + "\n")


@app.command()
def bench(as_json: Annotated[bool, typer.Option("--json", help="JSON output")] = False,
          quick: Annotated[bool, typer.Option("--quick", help="fewer repetitions, skip speech models")] = False,
          clips: Annotated[int, typer.Option("--clips", help="speech clips per engine (0 = all)")] = 40) -> None:
    """The benchmark suite (DESIGN.md section 5)."""
    from donghaeng.bench import format_bench, run_bench

    figures = run_bench(get_settings(), quick=quick, clips=clips or None)
    if as_json:
        emit_json(figures)
    else:
        sys.stdout.write(format_bench(figures) + "\n")


# Commands contributed by other stages: each module has register(app, factory).
for _name, _factory in (("voice", get_assistant), ("data", get_settings), ("admin", get_settings)):
    importlib.import_module(f"donghaeng.cli.{_name}").register(app, _factory)

def main() -> None:
    app()
