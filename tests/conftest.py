"""Suite-wide settings: the Hypothesis profiles, English unless a test asks otherwise, and a fixed
clock and time zone for every test that renders a date."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, settings

from peerjournal import i18n

# Hypothesis profiles, chosen with `pytest --hypothesis-profile=NAME`.
# - "ci" (what .ci/run uses): the same examples on every run, so a red CI is a real failure that
#   replays, not bad luck; no deadline, since two shared cores make any timing noisy; nothing kept
#   between runs. Each failure prints the blob that reproduces it (@reproduce_failure).
# - "dev" (the default): random examples, remembered in .hypothesis/ so a failure found once is
#   tried first next time.
# A test's own @settings (max_examples for its cost) still applies on top of either profile.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
settings.load_profile("dev")

# The moment every date-rendering test sees as "now" (a Wednesday, ISO week 2026-W48).
FROZEN_NOW = datetime(2026, 11, 25, 18, 0, tzinfo=UTC)


def pytest_configure(config: pytest.Config) -> None:
    """Every test, and every CLI a test starts, speaks English unless the test sets a language
    (LANGUAGE comes first in peerjournal.i18n.environment_language)."""
    import os

    os.environ["LANGUAGE"] = "en"


@pytest.fixture(autouse=True)
def _english_by_default():
    """The language is process-wide: a test that switches to French must not leak it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


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
def _snapshots_see_a_fixed_date(request, monkeypatch) -> None:
    """Every snapshot test runs on the frozen clock: a screen that shows the current week or day
    must look the same whenever the suite runs. Text cursors stay lit instead of blinking, so a
    snapshot does not depend on which half-second it was taken in."""
    if "snap_compare" in request.fixturenames:
        request.getfixturevalue("frozen_clock")
        from textual.widgets import Input, TextArea

        def lit(widget) -> None:
            widget._cursor_visible = True

        monkeypatch.setattr(Input, "_toggle_cursor", lit)
        monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lit)


# The quick run (`pytest -m "not slow"`) must stay under a minute on two cores (CONTRIBUTING.md).
# A test that takes longer than this, setup included, is named at the end of a quick run so that
# whoever added it marks it `slow`.
QUICK_TEST_SECONDS = 2.0


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if "not slow" not in (config.getoption("markexpr") or ""):
        return
    spent: dict[str, float] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) in ("setup", "call", "teardown"):
                spent[report.nodeid] = spent.get(report.nodeid, 0.0) + report.duration
    long = sorted(((s, n) for n, s in spent.items() if s > QUICK_TEST_SECONDS), reverse=True)
    if long:
        terminalreporter.section("quick run: tests to mark slow (CONTRIBUTING.md)", yellow=True)
        for seconds, nodeid in long:
            terminalreporter.line(f"{seconds:5.1f}s {nodeid}")
