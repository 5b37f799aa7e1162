"""Recorded API responses served through httpx.MockTransport (no network in tests)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import httpx
import pytest

from donghaeng.connectors.http import CachedHttpClient

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def body(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def serve(routes: dict[str, str | Exception | int], calls: list[str] | None = None) -> httpx.MockTransport:
    """Map a URL substring to a fixture file name, an exception to raise, or an HTTP status."""

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        if calls is not None:
            calls.append(url)
        for part, answer in routes.items():
            if part in url or part in httpx.URL(url).path:
                if isinstance(answer, Exception):
                    raise answer
                if isinstance(answer, int):
                    return httpx.Response(answer, content=b"error")
                kind = "application/xml" if answer.endswith(".xml") else "application/json"
                return httpx.Response(200, content=body(answer), headers={"content-type": kind})
        return httpx.Response(404, content=b"not recorded")

    return httpx.MockTransport(handler)


@pytest.fixture()
def recorded() -> Callable[..., CachedHttpClient]:
    """A client factory: ``recorded({"bikeList": "bike_list.json"}, calls)``; ``clock`` fakes time for caches."""

    def make(routes: dict[str, str | Exception | int], calls: list[str] | None = None,
             clock: Callable[[], float] = time.monotonic) -> CachedHttpClient:
        return CachedHttpClient(timeout_s=0.5, retries=2, backoff_s=0, transport=serve(routes, calls), clock=clock)

    return make
