"""What the sharing and program screens look like, with fixed content, in English and in French,
at 80x24 (a drop-in centre's terminal) and at 120x40: the feedback form, the facilitator's
editor, withdrawing, choosing a prompt set, the consent text, the always-hide list and the
hide-words dialog. The frozen clock (tests/conftest.py) keeps every date the same.
Update with `pytest --snapshot-update` after looking at the change."""

from __future__ import annotations

import pyrage
import pytest

from peerjournal import i18n
from peerjournal.journal import Journal
from peerjournal.promptset import find_shipped
from peerjournal.tui.facilitate_app import FacilitateApp
from peerjournal.tui.screens.consent import ConsentScreen
from peerjournal.tui.screens.feedback import FeedbackScreen
from peerjournal.tui.screens.hide_words import HideWordsScreen
from peerjournal.tui.screens.prompt_sets import PromptSetScreen
from peerjournal.tui.screens.terms import TermsScreen
from peerjournal.tui.screens.withdraw import WithdrawScreen
from tests.helpers import FAST_KDF, pw
from tests.tui.pilot_steps import settle
from tests.tui.test_export_wizard_support import CANDY, Host, study_journal

pytestmark = pytest.mark.slow

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
LANGUAGES = ["en", "fr"]
# A fixed key: the study block (and so the consent screen) shows the same text on every run.
IDENTITY = pyrage.x25519.Identity.from_str(
    "AGE-SECRET-KEY-1GQ9778VQXMMJVE8SK7J6VT8UJ4HDQAJUVSFCWCM02D8GEWQ72PVQ2Y5J33"
)


@pytest.fixture(autouse=True)
def _same_home(monkeypatch):
    """Folder fields start at the home folder: the same one on every machine."""
    monkeypatch.setenv("HOME", "/home/participant")


@pytest.fixture
def journals(tmp_path):
    made: list[Journal] = []
    yield made
    for journal in made:
        if journal.is_open:
            journal.close()


def shipped_journal(directory, language: str) -> Journal:
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(find_shipped("peer-advocate-training", language))
    return journal


async def settled(pilot) -> None:
    """Workers done, and no blinking cursor (a blink would make two runs differ)."""
    from textual.widgets import Input, TextArea

    await settle(pilot)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False
    await pilot.wait_for_scheduled_animations()
    await pilot.pause(0.2)  # a Markdown preview renders in steps: let a loaded machine finish


def _snap(snap_compare, app, size: str) -> bool:
    return snap_compare(app, terminal_size=SIZES[size], run_before=settled)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback(snap_compare, tmp_path, journals, language, size):
    i18n.set_language(language)
    journal = shipped_journal(tmp_path / "j", language)
    journals.append(journal)
    journal.program.save_feedback(1, {"useful": 4})
    assert _snap(snap_compare, Host(lambda: FeedbackScreen(journal, 1)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_facilitate(snap_compare, tmp_path, language, size):
    from tests.tui.test_facilitate import SET

    i18n.set_language(language)
    path = tmp_path / "evening.md"
    path.write_text(SET.replace("   - range: 1-5\n", ""), encoding="utf-8")
    assert _snap(snap_compare, FacilitateApp(path), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_withdraw(snap_compare, tmp_path, journals, language, size):
    i18n.set_language(language)
    journal = study_journal(tmp_path / "j", IDENTITY)
    journals.append(journal)
    assert _snap(snap_compare, Host(lambda: WithdrawScreen(journal)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_prompt_sets(snap_compare, tmp_path, journals, language, size):
    i18n.set_language(language)
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    journals.append(journal)
    assert _snap(snap_compare, Host(lambda: PromptSetScreen(journal)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_consent(snap_compare, tmp_path, journals, language, size):
    i18n.set_language(language)
    journal = study_journal(tmp_path / "j", IDENTITY, consent=False)
    journals.append(journal)
    assert _snap(snap_compare, Host(lambda: ConsentScreen(journal)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_terms(snap_compare, tmp_path, journals, language, size):
    i18n.set_language(language)
    journal = study_journal(tmp_path / "j", IDENTITY, with_items=False)
    journals.append(journal)
    journal.terms.add("Candy", "PERSON")
    journal.terms.add("Starlight Motel", "LOCATION")
    assert _snap(snap_compare, Host(lambda: TermsScreen(journal)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_hide_words(snap_compare, language, size):
    i18n.set_language(language)
    heading = "Entry · week 2026-W10"
    assert _snap(snap_compare, Host(lambda: HideWordsScreen(heading, CANDY)), size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_offer(snap_compare, language, size):
    """The app in `language`, a prompt set in the other one: the question in the set's."""
    from peerjournal.tui.screens.language_offer import LanguageOfferScreen

    i18n.set_language(language)
    other = "en" if language == "fr" else "fr"
    assert _snap(snap_compare, Host(lambda: LanguageOfferScreen(other)), size)
