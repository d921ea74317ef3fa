"""Suite-wide fixtures: a fixed clock and time zone for every test that renders a date."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

# The moment every date-rendering test sees as "now" (a Wednesday, ISO week 2026-W48).
FROZEN_NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


@pytest.fixture
def frozen_clock(monkeypatch) -> Iterator[time_machine.Coordinates]:
    """Wall-clock time starts at FROZEN_NOW and the local time zone is UTC.

    The clock still ticks (timers, autosave and Textual's own scheduling use the monotonic clock,
    which time-machine leaves alone), so only what a screen prints as a date is fixed.
    """
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    with time_machine.travel(FROZEN_NOW, tick=True) as traveller:
        yield traveller
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def _snapshots_see_a_fixed_date(request) -> None:
    """Every snapshot test runs on the frozen clock: a screen that shows the current week or day
    must look the same whenever the suite runs."""
    if "snap_compare" in request.fixturenames:
        request.getfixturevalue("frozen_clock")
