"""A database that is briefly unavailable: retried, and a clear 503 when it stays down."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from donghaeng.errors import StoreUnavailable
from donghaeng.store.retry import with_store_retry


def flaky(failures: int):
    calls = {"n": 0}

    def operation() -> str:
        calls["n"] += 1
        if calls["n"] <= failures:
            raise OperationalError("INSERT", {}, Exception("database is locked"))
        return "stored"

    return operation, calls


def test_a_brief_outage_is_retried_and_the_write_happens_once() -> None:
    operation, calls = flaky(failures=2)
    assert with_store_retry(operation, backoff_s=0) == "stored"
    assert calls["n"] == 3


def test_a_lasting_outage_becomes_store_unavailable() -> None:
    operation, _ = flaky(failures=10)
    with pytest.raises(StoreUnavailable) as caught:
        with_store_retry(operation, backoff_s=0)
    assert caught.value.status == 503 and caught.value.code == "store-unavailable"

