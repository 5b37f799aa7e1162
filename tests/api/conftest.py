from __future__ import annotations

from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from donghaeng.api.app import create_app


@pytest.fixture()
def client(assistant) -> Iterator[TestClient]:
    with TestClient(create_app(assistant.settings, assistant=assistant)) as test_client:
        yield test_client
