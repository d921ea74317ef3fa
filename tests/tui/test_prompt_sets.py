"""Choosing a prompt set in the app, on real journals: first run offers it, the palette opens it,
shipped sets in each language, a file or a folder on a "USB stick" (a temp folder), a broken file
explained, and `prompts install` while the app holds the journal (handed over, installed on yes)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from peerjournal.journal import Journal
from peerjournal.promptset import find_shipped
from peerjournal.promptset.choose import HANDED_OVER, hand_over
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.language_offer import LanguageOfferScreen
from peerjournal.tui.screens.prompt_sets import PromptSetScreen
from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen
from tests.helpers import FAST_KDF, PASSPHRASE, pw
from tests.tui.pilot_steps import app_for, settle, type_into, unlock, visible_text
from tests.tui.test_export_wizard_support import NO_STUDY_SET, Host

pytestmark = pytest.mark.slow


def flat(app) -> str:
    return " ".join(visible_text(app).split())


def active(directory) -> tuple[str, str] | None:
    journal = Journal.open(directory, pw())
    try:
        ps = journal.program.active()
        return (ps.id, ps.language) if ps else None
    finally:
        journal.close()


async def test_first_run_offers_the_shipped_sets_in_each_language(new_dir):
    app = app_for(new_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "NewPassphrase #first", PASSPHRASE)
        await type_into(pilot, "NewPassphrase #second", PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryCodeScreen)
        await pilot.click("#done")
        await settle(pilot)
        assert isinstance(app.screen, PromptSetScreen)  # under the code, before home
        screen = app.screen
        lines = [str(o.prompt) for o in screen.query_one("#shipped").options]
        assert any("Français" in line for line in lines)
        assert any("English" in line for line in lines)
        french = next(
            i
            for i, s in enumerate(screen.shipped)
            if s.id == "peer-advocate-training" and s.language.startswith("fr")
        )
        screen.query_one("#shipped").highlighted = french
        await pilot.pause()
        assert "Follow" in str(screen.query_one("#install").label)
        await pilot.click("#install")
        await settle(pilot)
        assert isinstance(app.screen, LanguageOfferScreen)  # a French set, an English app
        await pilot.click("#keep")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert active(new_dir)[0] == "peer-advocate-training"
    assert active(new_dir)[1].startswith("fr")


async def test_a_file_from_a_folder_on_a_stick(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "evening-circle.md").write_text(NO_STUDY_SET, encoding="utf-8")
    (stick / "notes.txt").write_text("not a set", encoding="utf-8")
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    try:
        host = Host(lambda: PromptSetScreen(journal))
        async with host.run_test(size=(80, 24)) as pilot:
            await type_into(pilot, "#path", str(stick))
            await pilot.press("enter")
            await pilot.pause()
            files = host.screen.query_one("#files")
            assert [str(o.prompt) for o in files.options] == ["evening-circle.md"]
            assert host.focused is files
            await pilot.press("enter")  # the first (only) file
            await pilot.pause()
            assert "Plain program" in flat(host) and "no research study" in flat(host)
            await pilot.click("#install")
            await settle(pilot)
            assert host.results == [True]
        assert journal.program.active().id == "plain-program"
    finally:
        journal.close()


async def test_a_broken_file_is_explained_and_cannot_be_followed(tmp_path):
    broken = tmp_path / "broken.md"
    broken.write_text(NO_STUDY_SET.replace("- version: 1.0\n", ""), encoding="utf-8")
    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    try:
        host = Host(lambda: PromptSetScreen(journal))
        async with host.run_test(size=(80, 24)) as pilot:
            await type_into(pilot, "#path", str(broken))
            await pilot.press("enter")
            await pilot.pause()
            assert "cannot be followed yet" in flat(host) and "no version" in flat(host)
            assert host.screen.query_one("#install").disabled
        assert journal.program.active() is None
    finally:
        journal.close()


async def test_the_palette_opens_it_and_closing_changes_nothing(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"prompt set")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PromptSetScreen)
        assert "Your journal follows:" in flat(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert active(journal_dir) == ("peer-advocate-training", "en")


async def test_prompts_install_while_the_app_is_open_is_handed_to_it(journal_dir, tmp_path):
    """It used to refuse: the open app holds the journal's lock."""
    from peerjournal.cli.main import app as cli

    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE, encoding="utf-8")
    set_file = tmp_path / "evening.md"
    set_file.write_text(NO_STUDY_SET, encoding="utf-8")
    app = app_for(journal_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await unlock(pilot)
        result = CliRunner().invoke(
            cli,
            [
                *("--journal", str(journal_dir), "--passphrase-file", str(passfile)),
                *("prompts", "install", str(set_file)),
            ],
        )
        assert result.exit_code == 0, result.output
        assert "handed to it" in result.output
        assert (journal_dir / HANDED_OVER).exists()
        await pilot.pause(1.5)  # the app looks once a second
        assert isinstance(app.screen, PromptSetScreen)
        assert not (journal_dir / HANDED_OVER).exists()
        assert "sent to your journal from the command line" in flat(app)
        await pilot.click("#install")
        await settle(pilot)
    assert active(journal_dir) == ("plain-program", "en")


async def test_a_handed_over_set_is_only_an_offer(journal_dir):
    hand_over(find_shipped("daily-reflection", "en"), journal_dir)
    app = app_for(journal_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, PromptSetScreen)
        await pilot.click("#close")
        await pilot.pause()
    assert active(journal_dir) == ("peer-advocate-training", "en")
    assert not (journal_dir / HANDED_OVER).exists()  # offered once, not at every unlock


async def test_settings_shows_the_set_and_opens_the_choice(journal_dir):
    from peerjournal.tui.screens.settings import SettingsScreen

    app = app_for(journal_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.action_open("settings")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        current = str(app.screen.query_one("#program-current").render())
        assert "Peer health advocate training" in current
        app.screen.query_one("#choose-prompt-set").press()
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PromptSetScreen)
        daily = next(
            i
            for i, s in enumerate(screen.shipped)
            if s.id == "daily-reflection" and s.language == "en"
        )
        screen.query_one("#shipped").highlighted = daily
        await pilot.pause()
        screen.query_one("#install").press()
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert "Daily reflection" in str(app.screen.query_one("#program-current").render())
    assert active(journal_dir) == ("daily-reflection", "en")
