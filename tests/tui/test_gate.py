"""First run, unlock (right and wrong) and the recovery-code path, through the real app."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Checkbox, Static

from peerjournal.errors import KeyFileMissing, WrongSecret
from peerjournal.journal import Journal, KdfParams
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.prompt_sets import PromptSetScreen
from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.welcome import WelcomeScreen
from tests.helpers import PASSPHRASE, pw
from tests.tui.pilot_steps import (
    SIZE,
    app_for,
    settle,
    type_into,
    unlock,
    visible_text,
    wait_until,
)

pytestmark = pytest.mark.slow


async def test_first_run_makes_a_journal_and_shows_the_recovery_code_once(new_dir):
    app = app_for(new_dir)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, WelcomeScreen)
        shown = visible_text(app)
        assert "What stays private" in shown and "What is not private" in shown
        await type_into(pilot, "NewPassphrase #first", "short")
        await pilot.pause()
        assert "Too short" in str(app.screen.query_one(".strength", Static).render())
        await type_into(pilot, "NewPassphrase #first", PASSPHRASE)
        await type_into(pilot, "NewPassphrase #second", PASSPHRASE + " typo")
        await pilot.press("enter")
        await settle(pilot)
        assert "differ" in str(app.screen.query_one("#status", Static).render())
        assert not Journal.exists(new_dir)

        await type_into(pilot, "NewPassphrase #second", PASSPHRASE)
        assert app.screen.query_one("#recovery", Checkbox).value is True
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryCodeScreen)
        code = str(app.screen.query_one("#code", Static).render())
        assert "only this once" in visible_text(app)
        await pilot.click("#done")
        await settle(pilot)
        assert isinstance(app.screen, PromptSetScreen)  # a new journal: choose a prompt set
        await pilot.click("#close")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.journal is not None and app.journal.has_recovery_code
    assert app.journal is None  # quitting closed it
    Journal.open_with_recovery_code(new_dir, code).close()


async def test_wrong_passphrase_says_so_and_clears_the_field(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await unlock(pilot, "not my passphrase", expect_failure=WrongSecret)
        assert isinstance(app.screen, UnlockScreen)
        status = str(app.screen.query_one("#status", Static).render())
        assert "does not open this journal" in status
        field = app.screen.query_one("#passphrase")
        assert field.has_focus and not field.disabled and field.value == ""
        assert "Traceback" not in visible_text(app)
        assert app.journal is None

        await unlock(pilot, PASSPHRASE)
        assert isinstance(app.screen, HomeScreen)
        assert app.journal is not None and app.journal.is_open


async def test_unlock_shows_unlocking_while_the_key_is_derived(tmp_path):
    slow = KdfParams(memory_kib=64 * 1024, iterations=12, lanes=1)  # long enough to be seen
    journal_dir = tmp_path / "slow"
    Journal.create(journal_dir, pw(), kdf=slow)[0].close()
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await type_into(pilot, "#passphrase", PASSPHRASE)
        app.screen.query_one("#unlock-button", Button).press()
        # Not pilot.pause() or settle(): those would wait for the worker to finish.
        await wait_until(
            pilot,
            lambda: "Unlocking" in str(app.screen.query_one("#status", Static).render()),
            "the unlock screen to say it is unlocking",
        )
        assert app.screen.query_one("#unlock-button", Button).disabled
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_recovery_code_sets_a_new_passphrase(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        code = journal.new_recovery_code()
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#recover")
        await pilot.pause()
        await type_into(pilot, "#code", "AAAA-BBBB")
        await type_into(pilot, "NewPassphrase #first", "a brand new passphrase")
        await type_into(pilot, "NewPassphrase #second", "a brand new passphrase")
        await pilot.click("#go")
        await settle(pilot)
        assert "not a recovery code" in str(app.screen.query_one("#status", Static).render())

        await type_into(pilot, "#code", code.lower())
        await pilot.click("#go")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    Journal.open(journal_dir, pw("a brand new passphrase")).close()


async def test_a_missing_key_file_is_explained_before_any_typing(journal_dir):
    (journal_dir / "keyslots.json").rename(journal_dir.parent / "elsewhere.json")
    for backup in journal_dir.glob("keyslots*"):
        backup.rename(journal_dir.parent / backup.name)
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, expect_failure=KeyFileMissing)
        assert isinstance(app.screen, UnlockScreen)
        assert "key file is missing" in str(app.screen.query_one("#status", Static).render())
