"""Snapshots of each main screen in English and in French, on an 80x24 terminal (a drop-in
centre's, a default window) and at 120x40 (issues 12 and 13), beside test_snapshots.py's.
Content and clock are fixed, so a changed snapshot means a changed screen; update with
`--snapshot-update` only after looking at the difference."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from tests.helpers import pw
from tests.tui.pilot_steps import app_for, settle, unlock
from tests.tui.test_snapshots import steady

pytestmark = pytest.mark.slow

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SAMPLES = (
    ("After the first session", "We agreed on **how** we listen to each other.", 1, 4),
    ("", "Tired today, but glad I went. Good to see familiar faces.", None, 3),
    ("Boundaries", "Practised saying no with a friend. It felt easier the second time.", 2, None),
)


@pytest.fixture
def language_dir(journal_dir, monkeypatch, request):
    """The sample journal, speaking `request.param` from the unlock screen on."""
    language = request.param
    monkeypatch.setenv("LANGUAGE", language)
    with Journal.open(journal_dir, pw()) as journal:
        for day, (title, body, session, mood) in enumerate(SAMPLES):
            journal.entries.add(
                NewEntry(
                    body=body,
                    title=title,
                    session_number=session,
                    mood=mood,
                    created_at=START + timedelta(days=day),
                )
            )
        journal.program.attend(1, START.date())
        journal.settings.update(language=language)
        journal.remember_language(language)
    return journal_dir


async def _go(pilot, screen: str) -> None:
    await steady(pilot)
    if screen == "unlock":
        return
    await unlock(pilot)
    keys = {"home": [], "write": ["w"], "entries": ["e"], "entry": ["e"], "settings": ["s"]}
    for key in keys[screen]:
        await pilot.press(key)
        await settle(pilot)
    if screen == "entry":
        await pilot.press("down", "enter")
        await settle(pilot)
    await steady(pilot)


def _app(directory):
    return app_for(directory, warm_up=False, autosave_seconds=3600)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language_dir", ["en", "fr"], indirect=True)
@pytest.mark.parametrize("screen", ["unlock", "home", "write", "entries", "entry", "settings"])
def test_screen(snap_compare, language_dir, screen, size):
    async def run_before(pilot) -> None:
        await _go(pilot, screen)

    assert snap_compare(_app(language_dir), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_welcome(snap_compare, new_dir, monkeypatch, language, size):
    monkeypatch.setenv("LANGUAGE", language)
    assert snap_compare(_app(new_dir), terminal_size=SIZES[size], run_before=steady)
