"""Settings through the real app: preferences persist in the journal and apply at once; the
quick-hide key follows them; passphrase, recovery code and backup run in workers."""

from __future__ import annotations

import pytest
from textual.widgets import Select, Static

from peerjournal.errors import InvalidInput
from peerjournal.journal import Journal
from peerjournal.tui.keys import check_hide_key, usable_hide_key
from peerjournal.tui.screens.hidden import HiddenScreen
from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen
from peerjournal.tui.screens.settings import SettingsScreen
from tests.helpers import PASSPHRASE, pw
from tests.tui.pilot_steps import SIZE, app_for, settle, type_into, unlock

pytestmark = pytest.mark.slow


async def open_settings(pilot) -> SettingsScreen:
    await unlock(pilot)
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SettingsScreen)
    return pilot.app.screen


def status(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_preferences_are_saved_in_the_journal_and_applied(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        await type_into(pilot, "#autolock", "12")
        await type_into(pilot, "#hide-key", "F9")
        screen.query_one("#theme", Select).value = "high-contrast"
        screen.query_one("#save").press()
        await settle(pilot)
        assert "Saved" in status(screen, "#preferences-status")
        assert app.theme == "high-contrast"
        assert app.idle_limit == 12 * 60
        await pilot.press("escape")
        await pilot.press("f9")  # the new quick-hide key works at once
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
    with Journal.open(journal_dir, pw()) as journal:
        saved = journal.settings.load()
    assert (saved.autolock_minutes, saved.quick_hide_key, saved.theme) == (
        12,
        "f9",
        "high-contrast",
    )

    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert app.theme == "high-contrast"
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)


async def test_a_bad_preference_is_explained_and_nothing_is_saved(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        await type_into(pilot, "#hide-key", "ctrl+l")
        screen.query_one("#save").press()
        await settle(pilot)
        assert "already used for locking" in status(screen, "#preferences-status")
        await type_into(pilot, "#hide-key", "f12")
        await type_into(pilot, "#autolock", "5000")
        screen.query_one("#save").press()
        await settle(pilot)
        assert "between 0 (off) and 1440" in status(screen, "#preferences-status")
        assert app.journal.settings.load().autolock_minutes == 5


@pytest.mark.parametrize("raw", ["a", "enter", "", "ctrl+", "f25"])
def test_hide_keys_that_would_get_in_the_way_of_typing_are_refused(raw):
    with pytest.raises(InvalidInput):
        check_hide_key(raw)


def test_hide_keys_are_written_the_way_textual_reads_them():
    assert check_hide_key(" F10 ") == "f10"
    assert check_hide_key("Control+G") == "ctrl+g"


async def test_change_passphrase_recovery_code_and_backup(journal_dir, tmp_path):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_settings(pilot)
        await type_into(pilot, "#current-passphrase", PASSPHRASE)
        await type_into(pilot, "NewPassphrase #first", "another quiet place")
        await type_into(pilot, "NewPassphrase #second", "another quiet place")
        screen.query_one("#change").press()
        await settle(pilot)
        assert "passphrase is changed" in status(screen, "#passphrase-status")

        screen.query_one("#make-code").press()
        await settle(pilot)
        assert isinstance(app.screen, RecoveryCodeScreen)
        code = str(app.screen.query_one("#code", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert "You have a recovery code" in status(screen, "#recovery-text")

        await type_into(pilot, "#folder", str(tmp_path / "copy"))
        screen.query_one("#backup-now").press()
        await settle(pilot)
        assert "Backed up to" in status(screen, "#backup-status")
        screen.query_one("#backup-now").press()  # the folder now exists: refused, explained
        await settle(pilot)
        assert "-error" in screen.query_one("#backup-status").classes
    Journal.open(journal_dir, pw("another quiet place")).close()
    Journal.open_with_recovery_code(journal_dir, code).close()
    Journal.open(tmp_path / "copy", pw("another quiet place")).close()


def test_a_stored_key_that_would_eat_typing_falls_back_to_f12():
    assert usable_hide_key("a") == "f12" and usable_hide_key("F9") == "f9"


def test_a_refused_quick_hide_key_is_explained_in_the_chosen_language():
    """The reason names what the key already does, in French once French is chosen."""
    from peerjournal import i18n
    from peerjournal.errors import WrongPassphrase
    from peerjournal.tui.notices import describe

    i18n.set_language("fr")
    with pytest.raises(InvalidInput) as taken:
        check_hide_key("ctrl+s")
    with pytest.raises(InvalidInput) as shape:
        check_hide_key("x")
    assert taken.value.message == (
        "ctrl+s sert déjà pour enregistrer une entrée; choisissez une autre touche"
    )
    assert shape.value.message.startswith("choisissez une touche de fonction")
    assert describe(WrongPassphrase()).startswith("Cette phrase de passe n’ouvre pas ce journal.")
    assert describe(RuntimeError()).startswith("Un problème est survenu")
