"""A bounded in-memory store for reply audio, so ``reply_audio_url`` can be fetched once or twice.

Replies are small (tens of kB) and short-lived; memory is capped by entry count and total
bytes, and entries expire, so a busy server never accumulates audio or temp files.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict


class ReplyAudioCache:
    def __init__(self, max_entries: int = 128, max_bytes: int = 32 * 1024 * 1024, ttl_s: float = 600.0):
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.ttl_s = ttl_s
        self._items: OrderedDict[str, tuple[float, bytes, str]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def put(self, audio: bytes, content_type: str) -> str:
        audio_id = secrets.token_urlsafe(12)
        with self._lock:
            self._items[audio_id] = (time.monotonic() + self.ttl_s, audio, content_type)
            self._bytes += len(audio)
            self._evict()
        return audio_id

    def get(self, audio_id: str) -> tuple[bytes, str] | None:
        with self._lock:
            self._evict()
            item = self._items.get(audio_id)
            return (item[1], item[2]) if item else None

    def _evict(self) -> None:
        now = time.monotonic()
        while self._items:
            oldest_id, (expires, audio, _) = next(iter(self._items.items()))
            if expires > now and len(self._items) <= self.max_entries and self._bytes <= self.max_bytes:
                break
            del self._items[oldest_id]
            self._bytes -= len(audio)
