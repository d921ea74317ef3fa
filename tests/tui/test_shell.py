"""The shell around the screens: palette commands, F1 help, the neutral title, the factory."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.command import CommandPalette

from peerjournal.tui.app import PeerJournalApp, make_app
from peerjournal.tui.commands import COMMANDS
from peerjournal.tui.screens.help import HelpScreen
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.settings import SettingsScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.write import WriteScreen
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, visible_text

pytestmark = pytest.mark.slow


def test_commands_read_area_colon_verb():
    for command in COMMANDS:
        area, _, verb = command.title.partition(": ")
        assert area and verb and area[0].isupper(), command.title


def test_make_app_builds_the_app_with_a_neutral_title(tmp_path):
    app = make_app(tmp_path / "j")
    assert isinstance(app, PeerJournalApp)
    assert app.title == "Journal"


async def run_command(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    for key in words:
        await pilot.press(key if key != " " else "space")
    await pilot.pause(0.4)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_opens_settings_and_locks(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await run_command(pilot, "Settings: open")
        assert isinstance(app.screen, SettingsScreen)
        await run_command(pilot, "Write: new entry")
        app.screen.query_one("#body").insert("kept on the way home")
        await run_command(pilot, "Journal: home")
        assert isinstance(app.screen, HomeScreen) and len(app.screen_stack) == 1
        assert app.journal.drafts.list()[0].body == "kept on the way home"
        await run_command(pilot, "Journal: lock")
        assert isinstance(app.screen, UnlockScreen) and app.journal is None


async def test_palette_offers_no_screenshot(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and titles  # it would write the screen to a file


async def test_f1_help_lists_the_keys_of_the_screen(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = visible_text(app)
        assert "A new entry, without a prompt" in shown  # the write binding's tooltip
        assert "hides everything at once" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_home_without_a_prompt_set_still_invites_writing(bare_dir):
    app = app_for(bare_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        shown = visible_text(app)
        assert "No program sessions here yet" in shown and "Write freely" in shown
        await pilot.press("enter")  # the focus is on "Write freely"
        await pilot.pause()
        assert isinstance(app.screen, WriteScreen)


async def test_marking_a_session_attended(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.screen.query_one("#sessions").focus()
        await pilot.press("a")
        await pilot.pause()
        assert 1 in app.journal.program.attended()
        assert "✓ 1." in visible_text(app)
        assert "→ 2." in visible_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert 1 not in app.journal.program.attended()


def test_the_cli_help_does_not_import_textual():
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom peerjournal.cli.main import app\n"
        "CliRunner().invoke(app, ['--help'])\nprint('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


async def test_palette_reaches_the_sharing_screens(journal_dir):
    from peerjournal.tui.screens.export_wizard import ExportWizardScreen
    from peerjournal.tui.screens.terms import TermsScreen

    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await run_command(pilot, "Share: words to always hide")
        assert isinstance(app.screen, TermsScreen)
        await pilot.press("ctrl+l")
        await settle(pilot)
        await unlock(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ExportWizardScreen)


async def test_the_palette_speaks_french_and_finds_a_title_typed_with_a_plain_space(
    journal_dir, monkeypatch
):
    """Textual's own palette words (placeholder, "No matches found", its system commands) were
    English; and a French title's no-break space before the colon did not match a typed space."""
    from textual.command import CommandInput

    from peerjournal.journal import Journal
    from tests.helpers import pw

    monkeypatch.setenv("LANGUAGE", "fr")
    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="fr")
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and all(t in ("Agrandir", "Réduire") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Chercher une commande…"
        for key in "zzzq":
            await pilot.press(key)
        await pilot.pause(0.8)
        assert "Aucun résultat" in visible_text(app) and "No matches" not in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await run_command(pilot, "réglages : ouvrir")  # as typed: a plain space
        assert isinstance(app.screen, SettingsScreen)
