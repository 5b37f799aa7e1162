"""espeak-ng through ctypes, from the library and voice data inside ``espeakng-loader``.

No apt step and no subprocess: the wheel ships ``libespeak-ng.so`` and ``espeak-ng-data``
(Korean included). The library keeps global state (one voice, one callback), so all
synthesis goes through one process-wide lock; a sentence takes tens of milliseconds.
"""

from __future__ import annotations

import ctypes
import threading
from typing import Any

import numpy as np

from donghaeng.tts.base import SentenceSynthesizer, check_rate

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_ESPEAK_RATE = 1
_ESPEAK_PITCH = 3
_CHARS_UTF8 = 1
# Words per minute: espeak's Korean default (175) is hurried for older listeners.
RATE_WPM = {"normal": 150, "slow": 105}

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)
_lock = threading.Lock()
_library: dict[str, Any] = {}


def _load() -> tuple[Any, int]:
    """Initialise the library once per process; returns (library, sample rate)."""
    if "lib" in _library:
        return _library["lib"], _library["rate"]
    import espeakng_loader

    lib = ctypes.CDLL(espeakng_loader.get_library_path())
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
    lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
    lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
    lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
    lib.espeak_Synth.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int,
                                 ctypes.c_uint, ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p]
    data_parent = str(__import__("pathlib").Path(espeakng_loader.get_data_path()).parent).encode()
    rate = lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data_parent, 0)
    if rate <= 0:
        raise RuntimeError("espeak-ng failed to initialise")
    if lib.espeak_SetVoiceByName(b"ko") != 0:
        raise RuntimeError("espeak-ng has no Korean voice in its data")
    collected: list[np.ndarray] = []

    def on_audio(wav: Any, count: int, _events: Any) -> int:
        if count > 0 and wav:
            collected.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        return 0

    callback = _SYNTH_CALLBACK(on_audio)
    lib.espeak_SetSynthCallback(callback)
    _library.update(lib=lib, rate=rate, callback=callback, collected=collected)
    return lib, rate


class EspeakTTS(SentenceSynthesizer):
    """Robotic but intelligible Korean, fully offline; the default until a better voice is set."""

    name = "espeak"

    def __init__(self) -> None:
        with _lock:
            _, self.sample_rate = _load()

    def synthesize_pcm(self, sentence: str, rate: str) -> np.ndarray:
        check_rate(rate)
        encoded = sentence.encode("utf-8") + b"\0"
        with _lock:
            lib, _ = _load()
            collected: list[np.ndarray] = _library["collected"]
            collected.clear()
            lib.espeak_SetParameter(_ESPEAK_RATE, RATE_WPM[rate], 0)
            buffer = ctypes.create_string_buffer(encoded)
            status = lib.espeak_Synth(buffer, len(encoded), 0, 0, 0, _CHARS_UTF8, None, None)
            lib.espeak_Synchronize()
            samples = np.concatenate(collected) if collected else np.zeros(0, dtype=np.int16)
            collected.clear()
        if status != 0:
            from donghaeng.audio.messages import audio_error

            raise audio_error("tts-failed")
        return samples.astype(np.float32) / 32768.0
