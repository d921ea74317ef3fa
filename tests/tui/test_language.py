"""Choosing the app's language: on first run, in Settings, and kept for the next unlock screen."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Select

from peerjournal import i18n
from peerjournal.journal import Journal
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.prompt_sets import PromptSetScreen
from peerjournal.tui.screens.settings import SettingsScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.welcome import WelcomeScreen
from tests.helpers import PASSPHRASE, pw
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, visible_text

# Whole-app Pilot runs or real FUSE mounts: seconds each (the quick run stays quick).
pytestmark = pytest.mark.slow


async def test_first_run_offers_the_language_before_anything_else(new_dir):
    app = app_for(new_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        language = app.screen.query_one("#language", Select)
        assert app.focused is language  # the first thing a person can change
        assert "Language · Langue" in visible_text(app)
        language.value = "fr"
        await settle(pilot)
        assert i18n.current_language() == "fr"
        assert "Langue · Language" not in visible_text(app)  # the label stays in all languages
        assert "Language · Langue" in visible_text(app)
        for field in ("#first", "#second"):
            app.screen.query_one(field).value = PASSPHRASE
        app.screen.query_one("#recovery").value = False
        app.screen.query_one("#create", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, PromptSetScreen)  # the choice of a set, in French too
        assert "Suivre ce jeu de questions" in visible_text(app)
        await pilot.click("#close")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.journal.settings.load().language == "fr"
        assert (new_dir / "language").read_text().strip() == "fr"
        assert "Verrouiller" in visible_text(app)  # the footer's Lock, in French


async def test_a_journal_in_french_unlocks_in_french_and_remembers_it(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="fr")
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Verrouiller" in visible_text(app) and "Aide" in visible_text(app)
        await app.action_lock()
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
    assert (journal_dir / "language").read_text().strip() == "fr"
    second = app_for(journal_dir)
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert i18n.current_language() == "fr"  # before the passphrase: the unlock screen's


async def test_changing_the_language_in_settings_relabels_the_app(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert "Lock" in visible_text(app)
        app.action_open("settings")
        await settle(pilot)
        app.screen.query_one("#language", Select).value = "fr"
        app.screen.query_one("#save", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "Verrouiller" in visible_text(app) and "Langue" in visible_text(app)
        assert app.journal.settings.load().language == "fr"
        app.screen.query_one("#language", Select).value = ""  # automatic: the prompt set's
        app.screen.query_one("#save", Button).press()
        await settle(pilot)
        assert i18n.current_language() == "en"  # the shipped set in the fixture is English
        assert "Lock" in visible_text(app)
