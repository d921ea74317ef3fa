"""Choosing the app's language: on first run, in Settings, and kept for the next unlock screen."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Select, Static

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


# -- a prompt set in another language (docs/i18n.md: the person's choice, then the set's) -------


def _french_index(screen: PromptSetScreen, set_id: str) -> int:
    return next(
        i for i, s in enumerate(screen.shipped) if s.id == set_id and s.language.startswith("fr")
    )


async def _follow_french(pilot, set_id: str = "peer-advocate-training") -> None:
    screen = pilot.app.screen
    assert isinstance(screen, PromptSetScreen)
    screen.query_one("#shipped").highlighted = _french_index(screen, set_id)
    await pilot.pause()
    screen.query_one("#install", Button).press()
    await settle(pilot)


async def test_first_run_a_french_set_offers_french_and_switches_live(new_dir):
    """A person who never chose a language picks the French program: the app asks, in French,
    and on yes shows itself in French at once, and the next unlock too."""
    from peerjournal.tui.screens.language_offer import LanguageOfferScreen

    app = app_for(new_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for field in ("#first", "#second"):
            app.screen.query_one(field).value = PASSPHRASE
        app.screen.query_one("#recovery").value = False
        app.screen.query_one("#create", Button).press()
        await settle(pilot)
        await _follow_french(pilot)
        assert isinstance(app.screen, LanguageOfferScreen)
        question = str(app.screen.query_one("#question", Static).content)
        assert question == "Ce programme est en français. Afficher l’application en français?"
        other = str(app.screen.query_one("#other", Static).content)
        assert other.startswith("The prompt set you chose is in French.")  # and in English
        shown = visible_text(app)
        assert "Ce programme est en français." in shown and "Oui, en français" in shown
        assert "F12 Hide" in shown  # the safety keys stay in the footer
        assert app.focused is app.screen.query_one("#switch")
        await pilot.press("enter")
        await settle(pilot)
        assert i18n.current_language() == "fr"
        assert isinstance(app.screen, HomeScreen)
        assert "Verrouiller" in visible_text(app) and "Écrire" in visible_text(app)
        assert app.journal.settings.load().language == ""  # still the set's: not a choice
    assert (new_dir / "language").read_text().strip() == "fr"
    i18n.set_language("en")
    again = app_for(new_dir, warm_up=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert i18n.current_language() == "fr"


async def test_from_settings_keeping_english_makes_it_the_choice(journal_dir):
    """Settings → prompt set → French, "No, keep English": English stays, is now the person's
    choice, and the next set chosen asks nothing."""
    from peerjournal.tui.screens.language_offer import LanguageOfferScreen

    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot)
        app.action_open("settings")
        await settle(pilot)
        app.action_open("prompt_sets")
        await settle(pilot)
        await _follow_french(pilot)
        assert isinstance(app.screen, LanguageOfferScreen)
        app.screen.query_one("#keep", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert i18n.current_language() == "en"
        assert app.journal.settings.load().language == "en"
        assert app.journal.program.active().language.startswith("fr")

        app.action_open("prompt_sets")
        await settle(pilot)
        await _follow_french(pilot, "daily-reflection")  # another French set: nothing asked
        assert app.journal.program.active().id == "daily-reflection"
        assert not isinstance(app.screen, LanguageOfferScreen)
        assert i18n.current_language() == "en"


async def test_from_settings_yes_relabels_home_and_settings(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot)
        app.action_open("settings")
        await settle(pilot)
        app.action_open("prompt_sets")
        await settle(pilot)
        await _follow_french(pilot)
        app.screen.query_one("#switch", Button).press()
        await settle(pilot)
        assert i18n.current_language() == "fr"
        assert isinstance(app.screen, SettingsScreen)  # back where the person was
        assert "Langue" in visible_text(app) and "Verrouiller" in visible_text(app)
        assert isinstance(app.screen_stack[-2], HomeScreen)


async def test_a_language_the_person_chose_is_never_overruled_by_a_set(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="en")
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot)
        app.action_open("prompt_sets")
        await settle(pilot)
        await _follow_french(pilot)
        assert isinstance(app.screen, HomeScreen)  # no question: English was chosen
        assert i18n.current_language() == "en"
