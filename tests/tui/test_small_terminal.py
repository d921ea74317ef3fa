"""An 80x24 terminal (a drop-in centre's, a default window) and 120x40: the keys that keep a
person safe are always in the footer, and each main screen's text fits or ends in an ellipsis."""

from __future__ import annotations

import pytest

from peerjournal import i18n
from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.tui.widgets.key_footer import KeyFooter
from tests.helpers import pw
from tests.tui.pilot_steps import app_for, screen_lines, settle, unlock

pytestmark = pytest.mark.slow

SIZES = [(80, 24), (120, 40)]


async def _open(pilot, screen: str) -> None:
    """From home, the screen named `screen` (by its key on home, or a few steps)."""
    if screen == "home":
        return
    if screen == "write":
        await pilot.press("w")
    elif screen == "entries":
        await pilot.press("e")
    elif screen == "entry":
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("down", "enter")
    elif screen == "settings":
        await pilot.press("s")
    await settle(pilot)


def _footer_line(app) -> str:
    footer = app.screen.query_one(KeyFooter)
    return screen_lines(app)[footer.region.y]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", ["home", "write", "entries", "entry", "settings"])
async def test_hide_quit_lock_and_help_are_in_the_footer(journal_dir, size, screen):
    with Journal.open(journal_dir, pw()) as journal:
        journal.entries.add(NewEntry(body="A short entry to open."))
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        await _open(pilot, screen)
        line = _footer_line(app)
        for key, label in (("F12", "Hide"), ("^q", "Quit"), ("^l", "Lock"), ("F1", "Help")):
            assert f"{key} {label}" in line, (screen, line)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_gate_shows_hide_quit_and_help(journal_dir, new_dir, size):
    for directory in (journal_dir, new_dir):
        async with app_for(directory, warm_up=False).run_test(size=size) as pilot:
            await settle(pilot)
            line = _footer_line(pilot.app)
            for shown in ("F12 Hide", "^q Quit", "F1 Help"):
                assert shown in line, line


async def test_the_footer_speaks_french(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.use_language("fr")
        await settle(pilot)
        line = _footer_line(app)
        assert i18n._("Hide") in line and i18n._("Lock") in line, line


LONG_TITLE = "A very long title about the outreach night at the clinic on Rue Ontario with everyone"


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_an_entry_row_first_line_is_cut_with_an_ellipsis_never_wrapped(journal_dir, language):
    """At 80 columns a long title is cut with an ellipsis on its one line, and the date, the
    mood and "shared" stay on that line, in Entries and in Home's Recent list."""
    from peerjournal.tui.widgets.entry_list import EntryList

    with Journal.open(journal_dir, pw()) as journal:
        journal.entries.add(
            NewEntry(
                body="Body words " * 20, title=LONG_TITLE, mood=4, tags=["outreach"], shared=True
            )
        )
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        app.use_language(language)
        await pilot.press("e")
        await settle(pilot)
        listing = app.screen.query_one(EntryList)
        lines = screen_lines(app)
        top = listing.content_region.y
        first, second = lines[top], lines[top + 1]
        mood, shared = i18n._("mood: {mood}").format(mood=i18n._("good")), i18n._("shared")
        assert "…" in first and LONG_TITLE[:12] in first, first
        assert mood in first and shared in first, first
        # the tags are there whole, or gave way whole and an ellipsis says so
        assert "#outreach" in first or first.rstrip(" │").endswith(" …"), first
        assert "#o…" not in first and "#outr" not in first.replace("#outreach", ""), first
        assert second.strip(" │").startswith("Body words"), second  # not the title's end
        assert "Ontario" not in "".join(lines)

        await pilot.press("escape")
        await settle(pilot)
        recent = app.screen.query_one("#recent")
        row = screen_lines(app)[recent.content_region.y]
        assert LONG_TITLE[:8] in row and "…" in row and mood in row, row


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_home_footer_at_80_columns_has_write_entries_feedback_and_the_safety_keys(
    journal_dir, language
):
    """Home's most used keys come first and French uses its shorter footer labels, so at 80
    columns Write, Entries and Feedback are there beside Hide, Lock, Help and Quit."""
    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language=language)
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        line = _footer_line(app)
        _ = i18n._
        feedback = i18n.pgettext("short footer label", "Feedback")
        for key, label in (("w", _("Write")), ("e", _("Entries")), ("f", feedback)):
            assert f"{key} {label}" in line, line
        for key, label in (("F12", "Hide"), ("^l", "Lock"), ("F1", "Help"), ("^q", "Quit")):
            assert f"{key} {_(label)}" in line, line
        assert len(line.rstrip()) <= 80


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dialog", ["help", "confirm", "draft_offer"])
async def test_dialogs_show_hide_quit_lock_and_help_in_their_footer(journal_dir, size, dialog):
    """Help, a yes-or-no question and the draft offer cover the screen's footer: each has its
    own, with the safety keys (the help screen had none at all)."""
    from peerjournal.model import Draft
    from peerjournal.tui.screens.confirm import ConfirmScreen
    from peerjournal.tui.screens.draft_offer import DraftOfferScreen
    from peerjournal.tui.screens.help import HelpScreen

    with Journal.open(journal_dir, pw()) as journal:
        journal.entries.add(NewEntry(body="A short entry to open."))
        if dialog == "draft_offer":
            from peerjournal import clock

            draft = Draft(id=journal.drafts.new_id(), updated_at=clock.now(), body="Half a thought")
            journal.drafts.save(draft)
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=size) as pilot:
        await unlock(pilot)
        if dialog == "help":
            await pilot.press("f1")
        elif dialog == "confirm":
            await _open(pilot, "entry")
            await pilot.press("d")
        await settle(pilot)
        kind = {"help": HelpScreen, "confirm": ConfirmScreen, "draft_offer": DraftOfferScreen}
        assert isinstance(app.screen, kind[dialog])
        line = _footer_line(app)
        for key, label in (("F12", "Hide"), ("^q", "Quit"), ("^l", "Lock"), ("F1", "Help")):
            if dialog == "help" and label == "Help":
                continue  # F1 closes it: its own key says so
            assert f"{key} {label}" in line, (dialog, line)


async def test_the_recovery_code_shows_hide_and_quit(new_dir):
    from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen
    from tests.helpers import PASSPHRASE
    from tests.tui.pilot_steps import type_into

    app = app_for(new_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_into(pilot, "NewPassphrase #first", PASSPHRASE)
        await type_into(pilot, "NewPassphrase #second", PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RecoveryCodeScreen)
        line = _footer_line(app)
        assert "F12 Hide" in line and "^q Quit" in line, line


async def test_french_footers_at_80_columns_keep_each_screens_main_key(journal_dir):
    """In French the safety keys take more room; shorter labels keep each screen's main keys:
    Save on the feedback form (there was none), Edit and Share on an entry."""
    from datetime import date

    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="fr")
        journal.entries.add(NewEntry(body="A short entry to open."))
        journal.program.attend(1, date.today())
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        short = i18n.pgettext
        await _open(pilot, "entry")
        line = _footer_line(app)
        share = short("short footer label", "Share / unshare")
        assert "e Modifier" in line and f"s {share}" in line, line
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        line = _footer_line(app)
        assert f"^s {short('short footer label', 'Save answers')}" in line, line
        assert "F12 Cacher" in line and "^q Quitter" in line, line


@pytest.mark.parametrize("screen", ["terms", "entries", "write"])
async def test_select_boxes_never_wrap_their_label_at_80_columns(journal_dir, screen):
    """A select's label stays on its one line, cut with an ellipsis ("Une personne ou un / nom"
    wrapped on the always-hide list in French)."""
    from textual.widgets import Select

    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="fr")
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        if screen == "terms":
            app.action_open("terms")
        elif screen == "entries":
            await pilot.press("e")
        else:
            await pilot.press("w")
        await settle(pilot)
        selects = list(app.screen.query(Select))
        assert selects
        for select in selects:
            label = select.query_one("SelectCurrent #label")
            assert label.region.height == 1, (select.id, label.region)
