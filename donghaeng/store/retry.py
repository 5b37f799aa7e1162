"""Retry a store operation when the database is briefly unavailable (locked, restarting)."""

from __future__ import annotations

import time
from typing import Callable, TypeVar

from sqlalchemy.exc import OperationalError

from donghaeng.errors import StoreUnavailable

T = TypeVar("T")


def with_store_retry(operation: Callable[[], T], attempts: int = 3, backoff_s: float = 0.2) -> T:
    for attempt in range(attempts):
        try:
            return operation()
        except OperationalError as err:
            if attempt == attempts - 1:
                raise StoreUnavailable() from err
            time.sleep(backoff_s * (2**attempt))
    raise StoreUnavailable()  # pragma: no cover - loop always returns or raises
