"""`donghaeng bench`: the figures of DESIGN.md section 5, each with the machine's core count.

Speed and memory goals live here, not in timed tests. Sections that need the shared
evaluation corpus (../shared) are reported as skipped, with the reason, when it is absent.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

from donghaeng.config import REPO_DIR, Settings

SHARED_DIR = REPO_DIR.parent / "shared"
# Our own utterances for speed figures when the shared set is absent (never eval lines).
FALLBACK_TEXTS = ["따릉이 좀 열어 주세요", "가까운 무더위쉼터 알려 주세요", "버스 언제 와요", "기초연금 신청 방법",
                  "불법주차 신고할게요", "사람이 쓰러졌어요", "상담원 연결", "안녕하세요"]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _eval_texts() -> list[str]:
    path = SHARED_DIR / "eval" / "dev.jsonl"
    if not path.exists():
        return FALLBACK_TEXTS
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def bench_nlu(settings: Settings, repeats: int) -> dict[str, Any]:
    from donghaeng.nlu.cascade import NluEngine

    started = time.perf_counter()
    engine = NluEngine.load(settings.data_dir, settings.cache_dir)
    load_s = time.perf_counter() - started
    engine.warm()
    texts = _eval_texts()
    timings = []
    for _ in range(repeats):
        for text in texts:
            begin = time.perf_counter()
            engine.understand(text)
            timings.append((time.perf_counter() - begin) * 1000)
    figures: dict[str, Any] = {
        "load_s": round(load_s, 2), "p50_ms": round(percentile(timings, 50), 3),
        "p95_ms": round(percentile(timings, 95), 3), "turns_per_s": round(1000 / statistics.mean(timings), 1),
        "utterances": len(timings), "rss_mb_after_load": peak_rss_mb(),
    }
    dev = SHARED_DIR / "eval" / "dev.jsonl"
    if dev.exists():
        from donghaeng.nlu.evaluation import evaluate, load_records

        report = evaluate(engine, load_records(dev))
        figures["dev_accuracy"] = report["accuracy"]
        figures["dev_slot_f1"] = report["slot_f1"]
    else:
        figures["dev_accuracy"] = "skipped: ../shared/eval/dev.jsonl not present"
    return figures


def bench_http_turns(settings: Settings, repeats: int) -> dict[str, Any]:
    """Text turn latency through the real HTTP API (uvicorn on loopback, httpx client)."""
    import httpx
    import uvicorn

    from donghaeng.api.app import create_app

    with tempfile.TemporaryDirectory(prefix="donghaeng-bench-") as tmp:
        # Text turns need no speech models; leaving them unloaded keeps the STT section's load figures honest.
        local = settings.model_copy(update={"database_url": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
                                            "warm_models": True, "warm_speech": False})
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(local), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            _wait_until_up(port)
            timings = []
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                for _ in range(repeats):
                    for text in FALLBACK_TEXTS:
                        begin = time.perf_counter()
                        response = client.post("/v1/turns", json={"text": text})
                        response.raise_for_status()
                        timings.append((time.perf_counter() - begin) * 1000)
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    return {"p50_ms": round(percentile(timings, 50), 2), "p95_ms": round(percentile(timings, 95), 2),
            "turns": len(timings), "turns_per_s": round(1000 / statistics.mean(timings), 1)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, timeout_s: float = 120.0) -> None:
    import httpx

    deadline = time.time() + timeout_s
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise TimeoutError("server did not start")


def bench_serve_memory(settings: Settings, warm_speech: bool) -> dict[str, Any]:
    """Peak RSS of a real `donghaeng serve` process once every model is loaded (Linux /proc)."""
    import subprocess
    import sys

    import httpx

    with tempfile.TemporaryDirectory(prefix="donghaeng-bench-") as tmp:
        port = _free_port()
        env = {**os.environ, "DONGHAENG_DATABASE_URL": f"sqlite:///{Path(tmp) / 'serve.sqlite3'}",
               "DONGHAENG_WARM_SPEECH": "true" if warm_speech else "false",
               "DONGHAENG_VAR_DIR": str(settings.var_dir), "DONGHAENG_DATA_DIR": str(settings.data_dir)}
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "donghaeng", "serve", "--port", str(port)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_until_up(port, timeout_s=300)
            ready_s = time.perf_counter() - started
            httpx.post(f"http://127.0.0.1:{port}/v1/turns", json={"text": "가까운 무더위쉼터 알려 주세요"}, timeout=30)
            status = Path(f"/proc/{process.pid}/status").read_text()
            peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
        finally:
            process.terminate()
            process.wait(timeout=30)
    return {"peak_rss_mb": round(peak_kb / 1024, 1), "start_to_ready_s": round(ready_s, 1),
            "speech_models_loaded": warm_speech}


def _section(name: str, run: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    try:
        return run()
    except Exception as err:  # a failing section is reported, the others still run
        return {"error": f"{type(err).__name__}: {err}"}


def run_bench(settings: Settings, quick: bool = False, clips: int | None = 40) -> dict[str, Any]:
    repeats = 1 if quick else 5
    figures: dict[str, Any] = {"cores": os.cpu_count(), "quick": quick}
    figures["nlu"] = _section("nlu", lambda: bench_nlu(settings, repeats))
    figures["http_text_turn"] = _section("http", lambda: bench_http_turns(settings, 2 if quick else 10))
    figures["nearest_search"] = _section("nearest", lambda: _nearest(settings))
    if quick:
        figures["stt"] = "skipped: --quick"
    elif (SHARED_DIR / "audio").exists():
        figures["stt"] = _section("stt", lambda: _stt(settings, clips))
        figures["voice_turn"] = _section("voice", lambda: _voice(settings))
    else:
        figures["stt"] = "skipped: ../shared/audio not present"
    figures["tts"] = _section("tts", lambda: _tts(settings))
    figures["serve_memory"] = _section("serve", lambda: bench_serve_memory(settings, warm_speech=not quick))
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def _nearest(settings: Settings) -> dict[str, Any]:
    from donghaeng.assistant import Assistant
    from donghaeng.geo.bench import run_nearest_benchmark

    assistant = Assistant(settings)
    assistant.prepare_store()
    try:
        return run_nearest_benchmark(assistant.engine)
    finally:
        assistant.engine.dispose()


def _stt(settings: Settings, clips: int | None) -> dict[str, Any]:
    from donghaeng.stt.bench import run_stt_benchmark

    return run_stt_benchmark(settings, SHARED_DIR / "audio", limit=clips)


def _voice(settings: Settings) -> dict[str, Any]:
    """Through the real assistant, so NLU, dialogue and skill time are included."""
    from donghaeng.assistant import Assistant
    from donghaeng.stt.bench import run_voice_latency_benchmark

    with tempfile.TemporaryDirectory(prefix="donghaeng-bench-") as tmp:
        local = settings.model_copy(update={"database_url": f"sqlite:///{Path(tmp) / 'voice.sqlite3'}"})
        assistant = Assistant(local)
        assistant.prepare_store()
        assistant.warm()
        try:
            return run_voice_latency_benchmark(local, SHARED_DIR / "audio", assistant=assistant, limit=20)
        finally:
            assistant.engine.dispose()


def _tts(settings: Settings) -> dict[str, Any]:
    from donghaeng.tts import create_tts

    tts = create_tts(settings.tts_engine, settings)
    tts.synthesize("안녕하세요.")  # load the voice before timing
    firsts, wholes = [], []
    for text in ("접수했어요. 접수번호는 2026-000123이에요. 마포구청 주차관리과에서 처리해요.",
                 "관악구 신림동에서 가장 가까운 무더위쉼터는 경로당이에요. 걸어서 약 7분이에요."):
        begin = time.perf_counter()
        stream = iter(tts.stream(text))
        next(stream)
        firsts.append((time.perf_counter() - begin) * 1000)
        for _ in stream:
            pass
        wholes.append((time.perf_counter() - begin) * 1000)
    return {"time_to_first_audio_ms": round(max(firsts), 1), "whole_reply_ms": round(max(wholes), 1)}


def format_bench(figures: dict[str, Any]) -> str:
    return json.dumps(figures, ensure_ascii=False, indent=2)
