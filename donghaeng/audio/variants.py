"""Harder versions of a clean recording, made at run time for benchmarks and robustness checks.

The evaluation corpus is clean read speech; citizens call from phones, streets and at their
own pace. These transforms approximate that without storing any derived audio.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

RATE = 16_000


def telephone_band(pcm: np.ndarray) -> np.ndarray:
    """8 kHz narrowband: keep 300–3400 Hz, drop to 8 kHz and back up to 16 kHz."""
    spectrum = np.fft.rfft(pcm)
    freqs = np.fft.rfftfreq(len(pcm), 1 / RATE)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    band = np.fft.irfft(spectrum, n=len(pcm)).astype(np.float32)
    narrow = band[::2]
    return np.interp(np.arange(len(pcm)) / 2, np.arange(len(narrow)), narrow).astype(np.float32)


def add_noise(pcm: np.ndarray, snr_db: float = 10.0, seed: int = 0) -> np.ndarray:
    """White noise at the given signal-to-noise ratio (seeded, so runs compare)."""
    power = float(np.mean(pcm ** 2)) or 1e-8
    noise = np.random.default_rng(seed).normal(0, np.sqrt(power / 10 ** (snr_db / 10)), len(pcm))
    return np.clip(pcm + noise, -1, 1).astype(np.float32)


def slowed(pcm: np.ndarray, tempo: float = 0.8) -> np.ndarray:
    """Slower speech at the same pitch (FFmpeg ``atempo``), like a careful older speaker."""
    import av

    graph = av.filter.Graph()
    source = graph.add_abuffer(sample_rate=RATE, format="flt", layout="mono", time_base=f"1/{RATE}")
    stretch = graph.add("atempo", str(tempo))
    sink = graph.add("abuffersink")
    source.link_to(stretch)
    stretch.link_to(sink)
    graph.configure()
    frame = av.AudioFrame.from_ndarray(np.asarray(pcm, dtype=np.float32).reshape(1, -1), format="flt",
                                       layout="mono")
    frame.sample_rate = RATE
    frame.pts = 0
    frame.time_base = Fraction(1, RATE)
    graph.push(frame)
    graph.push(None)
    out: list[np.ndarray] = []
    while True:
        try:
            out.append(graph.pull().to_ndarray().reshape(-1))
        except (av.error.EOFError, av.error.BlockingIOError):
            break
    return np.concatenate(out).astype(np.float32) if out else np.zeros(0, dtype=np.float32)


VARIANTS = {"clean": lambda pcm: pcm, "telephone_8k": telephone_band, "noise_10db": add_noise,
            "slowed_0.8x": slowed}
