"""KMA grid conversion and base-time rules."""

from __future__ import annotations

from datetime import datetime

import pytest

from donghaeng.connectors.kma import KST, forecast_base, latlon_to_grid, ncst_base


@pytest.mark.parametrize("lat, lon, grid", [(37.5665, 126.9780, (60, 127)), (37.6541, 127.0568, (61, 129))])
def test_grid(lat: float, lon: float, grid: tuple[int, int]) -> None:
    assert latlon_to_grid(lat, lon) == grid


def test_base_times() -> None:
    assert forecast_base(datetime(2025, 7, 1, 1, 0, tzinfo=KST)) == ("20250630", "2300")
    assert forecast_base(datetime(2025, 7, 1, 5, 12, tzinfo=KST)) == ("20250701", "0500")
    assert forecast_base(datetime(2025, 7, 1, 5, 5, tzinfo=KST)) == ("20250701", "0200")
    assert ncst_base(datetime(2025, 7, 1, 10, 20, tzinfo=KST)) == ("20250701", "0900")
    assert ncst_base(datetime(2025, 7, 1, 10, 45, tzinfo=KST)) == ("20250701", "1000")
