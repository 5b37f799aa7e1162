"""Voice commands for the CLI: ``transcribe``, ``say`` and ``voice`` (DESIGN.md section 3).

``register(app, get_assistant)`` adds them to the lead's Typer app; the assistant is built
only by ``voice``, since transcribing or speaking needs no dialogue, store or data load.
Errors print one line on stderr and exit non-zero; ``--json`` prints one object per line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from donghaeng.errors import DonghaengError


def _fail(message: str, code: int = 1) -> None:
    typer.echo(message.replace("\n", " "), err=True)
    raise typer.Exit(code)


def _print_json(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _settings() -> Any:
    from donghaeng.config import Settings

    return Settings()


def transcribe_command(audio: list[Path], engine: Optional[str], as_json: bool) -> int:
    from donghaeng.audio.turn import transcribe_bytes
    from donghaeng.stt import create_stt

    settings = _settings()
    try:
        stt = create_stt(engine or settings.stt_engine, settings)
    except ValueError as err:
        _fail(str(err), 2)
    failures = 0
    for path in audio:
        try:
            if not path.is_file():
                raise DonghaengError(f"파일을 찾지 못했어요: {path}", code="audio-not-found", status=404)
            if path.stat().st_size > settings.max_audio_bytes:
                from donghaeng.audio.messages import audio_error

                raise audio_error("audio-too-large")
            transcript = transcribe_bytes(path.read_bytes(), stt, settings)
        except DonghaengError as err:
            failures += 1
            typer.echo(f"{path}: {err.code}: {err.message}", err=True)
            continue
        if as_json:
            _print_json({"file": str(path), **transcript.to_dict()})
        else:
            typer.echo(transcript.text if len(audio) == 1 else f"{path}\t{transcript.text}")
    return 1 if failures else 0


def say_command(text: str, output: Path, rate: str, fmt: Optional[str]) -> None:
    from donghaeng.tts import create_tts

    settings = _settings()
    fmt = fmt or ("ogg" if output.suffix.lower() in (".ogg", ".opus") else "wav")
    if fmt not in ("wav", "ogg"):
        _fail(f"unknown format {fmt!r}; use wav or ogg", 2)
    if rate not in ("normal", "slow"):
        _fail(f"unknown rate {rate!r}; use normal or slow", 2)
    try:
        audio = create_tts(settings.tts_engine, settings).synthesize(text, rate=rate, fmt=fmt)
    except DonghaengError as err:
        _fail(f"{err.code}: {err.message}")
    output.write_bytes(audio)


def voice_command(get_assistant: Callable[[], Any], audio: Path, session: Optional[str], as_json: bool,
                  output: Optional[Path]) -> None:
    from donghaeng.audio.turn import run_voice_turn

    if not audio.is_file():
        _fail(f"audio-not-found: 파일을 찾지 못했어요: {audio}")
    assistant = get_assistant()
    if audio.stat().st_size > assistant.settings.max_audio_bytes:
        from donghaeng.audio.messages import audio_error

        error = audio_error("audio-too-large")
        _fail(f"{error.code}: {error.message}")
    fmt = "ogg" if output is not None and output.suffix.lower() in (".ogg", ".opus") else "wav"
    try:
        turn = run_voice_turn(assistant, audio.read_bytes(), session_id=session, reply_format=fmt)
    except DonghaengError as err:
        _fail(f"{err.code}: {err.message}")
    if output is not None and turn.reply_audio:
        output.write_bytes(turn.reply_audio)
    if as_json:
        _print_json(turn.result)
    else:
        typer.echo(f"들은 말: {turn.transcript.text}")
        typer.echo(str(turn.result.get("reply", "")))


def register(app: typer.Typer, get_assistant: Callable[[], Any]) -> None:
    """Add ``transcribe``, ``say`` and ``voice`` to ``app``."""

    @app.command("transcribe")
    def transcribe(
        audio: Annotated[list[Path], typer.Argument(help="audio files: wav, mp3, m4a, ogg, webm")],
        engine: Annotated[Optional[str], typer.Option("--engine", help="whisper, vosk or two-pass")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="one JSON object per line")] = False,
    ) -> None:
        """Speech to text."""
        raise typer.Exit(transcribe_command(audio, engine, as_json))

    @app.command("say")
    def say(
        text: Annotated[str, typer.Argument(help="Korean text to speak")],
        output: Annotated[Path, typer.Option("-o", "--output", help="where to write the audio")],
        rate: Annotated[str, typer.Option("--rate", help="normal or slow")] = "normal",
        fmt: Annotated[Optional[str], typer.Option("--format", help="wav or ogg (default from -o)")] = None,
    ) -> None:
        """Text to speech."""
        say_command(text, output, rate, fmt)

    @app.command("voice")
    def voice(
        audio: Annotated[Path, typer.Argument(help="one recorded question")],
        session: Annotated[Optional[str], typer.Option("--session", help="continue this session")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the turn result as JSON")] = False,
        output: Annotated[Optional[Path], typer.Option("-o", "--output", help="write the spoken reply")] = None,
    ) -> None:
        """One spoken turn: speech to text, the assistant, text to speech."""
        voice_command(get_assistant, audio, session, as_json, output)
