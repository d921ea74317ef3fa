"""The keys that keep a person safe (quick hide, quit, lock, help) are in the footer of every
sharing and program screen, at 80x24 and at 120x40: the export review used to cut the hide key
even at 120 columns."""

from __future__ import annotations

import pytest

from peerjournal.tui.widgets.key_footer import KeyFooter
from tests.tui.pilot_steps import app_for, screen_lines, settle, unlock

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (120, 40)]
SCREENS = ["export", "terms", "consent", "withdraw", "prompt_sets", "feedback"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("action", SCREENS)
async def test_hide_and_quit_are_always_in_the_footer(journal_dir, size, action):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        if action == "feedback":
            from peerjournal.tui.screens.feedback import FeedbackScreen

            await app.push_screen(FeedbackScreen(app.journal))
        else:
            await app.run_action(f"open('{action}')")
        await settle(pilot)
        assert type(app.screen).__name__ != "HomeScreen", action  # the screen really opened
        footer = app.screen.query_one(KeyFooter)
        line = screen_lines(app)[footer.region.y]
        for key, label in (("F12", "Hide"), ("^q", "Quit"), ("^l", "Lock"), ("F1", "Help")):
            assert f"{key} {label}" in line, (action, line)
