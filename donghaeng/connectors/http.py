"""A small HTTP client shared by the live connectors: timeouts, retries and a TTL cache.

Live data (arrivals, bikes, weather) is only worth a few seconds of waiting on a voice turn,
so every call has a hard timeout, one or two quick retries on timeouts and 5xx, and answers
are cached briefly so a repeated question ("다시 말해 줘") does not hit the API again.
Failures become ConnectorError subclasses with stable codes; the skill turns them into a
plain Korean sentence.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable

import httpx

log = logging.getLogger(__name__)


class ConnectorError(Exception):
    code = "connector-failed"

    def __init__(self, detail: str = ""):
        super().__init__(f"{self.code}: {detail}")
        self.detail = detail


class ConnectorNotConfigured(ConnectorError):
    code = "connector-not-configured"


class ConnectorUnavailable(ConnectorError):
    """Timeout, network error or 5xx after retries."""

    code = "connector-unavailable"


class UpstreamError(ConnectorError):
    """The API answered with an error payload (bad key, no data, quota)."""

    code = "connector-upstream-error"


class NoData(UpstreamError):
    code = "connector-no-data"


class CachedHttpClient:
    def __init__(self, *, timeout_s: float = 4.0, retries: int = 2, backoff_s: float = 0.2,
                 transport: httpx.BaseTransport | None = None, clock: Callable[[], float] = time.monotonic):
        self._client = httpx.Client(timeout=httpx.Timeout(timeout_s), transport=transport,
                                    headers={"User-Agent": "donghaeng/0.1"}, follow_redirects=True)
        self._retries = retries
        self._backoff_s = backoff_s
        self._clock = clock
        self._cache: dict[str, tuple[float, httpx.Response]] = {}
        self._lock = threading.Lock()
        self.calls = 0

    def get(self, url: str, *, params: dict[str, Any] | None = None, ttl_s: float = 30.0) -> httpx.Response:
        key = str(httpx.URL(url, params=params))
        now = self._clock()
        with self._lock:
            hit = self._cache.get(key)
            if hit and hit[0] > now:
                return hit[1]
        response = self._get_with_retries(url, params)
        with self._lock:
            self._cache[key] = (now + ttl_s, response)
            if len(self._cache) > 512:
                self._cache = {k: v for k, v in self._cache.items() if v[0] > now}
        return response

    def _get_with_retries(self, url: str, params: dict[str, Any] | None) -> httpx.Response:
        last: Exception | None = None
        for attempt in range(self._retries + 1):
            if attempt:
                time.sleep(self._backoff_s * attempt)
            self.calls += 1
            try:
                response = self._client.get(url, params=params)
            except httpx.TimeoutException as err:
                last = err
                continue
            except httpx.TransportError as err:
                last = err
                continue
            if response.status_code >= 500:
                last = ConnectorUnavailable(f"HTTP {response.status_code}")
                continue
            if response.status_code >= 400:
                raise UpstreamError(f"HTTP {response.status_code}")
            return response
        log.warning("live API failed after retries: %s", type(last).__name__)
        raise ConnectorUnavailable(type(last).__name__) from last

    def close(self) -> None:
        self._client.close()
