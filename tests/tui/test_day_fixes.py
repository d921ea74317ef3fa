"""The defects a new participant met on the app's main screens (issue 12), each reproduced on a
real journal through the real app: lists, drafts, deleting, feedback, settings, locking."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Button, Input, Select, Static, TextArea

from peerjournal import i18n
from peerjournal.journal import Journal
from peerjournal.model import Draft, NewEntry
from peerjournal.tui import app as app_module
from peerjournal.tui.format import entry_label, plain_text
from peerjournal.tui.screens.draft_offer import DraftOfferScreen
from peerjournal.tui.screens.entries import EntriesScreen
from peerjournal.tui.screens.entry import EntryScreen
from peerjournal.tui.screens.feedback import FeedbackScreen
from peerjournal.tui.screens.help import HelpScreen
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.unlock import UnlockScreen
from peerjournal.tui.screens.write import WriteScreen
from peerjournal.tui.widgets.entry_list import EntryList, row_prompt, snippet_content
from tests.helpers import PASSPHRASE, pw
from tests.tui.pilot_steps import SIZE, app_for, settle, type_into, unlock, visible_text

pytestmark = pytest.mark.slow


# -- lists show what a person wrote, not its syntax ------------------------------------------


def test_search_snippets_keep_the_spaces_around_the_match():
    shown = snippet_content([("tired but ", False), ("proud", True), (" of it", False)])
    assert shown.plain == "tired but proud of it"


def test_previews_are_plain_words_and_show_the_mood():
    body = "## What happened\n\nI explained **PrEP** to _someone_ at [the clinic](http://x)\n"
    assert plain_text(body) == "What happened I explained PrEP to someone at the clinic"


async def test_entry_rows_and_home_show_plain_text_and_mood(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        entry = journal.entries.add(NewEntry(body="Some **bold** and _soft_ words", mood=4))
        prompt = row_prompt(entry).plain
        label = entry_label(entry)
    assert "**" not in prompt and "_soft_" not in prompt and "mood: good" in prompt
    assert "Some bold and soft words" in label and "mood: good" in label
    async with app_for(journal_dir, warm_up=False).run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        shown = visible_text(pilot.app)
        assert "**bold**" not in shown and "Some bold" in shown and "mood: good" in shown


# -- drafts ----------------------------------------------------------------------------------


async def test_an_emptied_draft_is_not_kept(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        body = app.screen.query_one("#body", TextArea)
        body.insert("a start")
        assert app.screen.save_draft()
        assert app.journal.drafts.count() == 1
        body.text = ""
        await pilot.press("escape")
        await settle(pilot)
        assert app.journal.drafts.count() == 0


async def test_an_empty_draft_is_never_offered_and_a_draft_can_be_discarded(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        from peerjournal import clock

        for body in ("", "Worth keeping? Maybe not."):
            draft = Draft(id=journal.drafts.new_id(), updated_at=clock.now(), body=body)
            journal.drafts.save(draft)
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, DraftOfferScreen)
        assert "(and" not in visible_text(app)  # the empty one was dropped, not offered
        app.screen.query_one("#discard", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.journal.drafts.count() == 0


async def test_a_reopened_draft_puts_the_cursor_at_its_end(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        from peerjournal import clock

        draft = Draft(id=journal.drafts.new_id(), updated_at=clock.now(), body="one\ntwo three")
        journal.drafts.save(draft)
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        app.screen.query_one("#continue", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, WriteScreen)
        assert app.screen.query_one("#body", TextArea).cursor_location == (1, 9)


# -- deleting with a way back ----------------------------------------------------------------


async def _delete_first(pilot) -> str:
    await pilot.press("e")
    await settle(pilot)
    await pilot.press("down", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EntryScreen)
    entry_id = screen.entry_id
    await pilot.press("d")
    await pilot.pause()
    pilot.app.screen.query_one("#confirm", Button).press()
    await settle(pilot)
    return entry_id


async def test_delete_can_be_undone_then_is_final(journal_dir, monkeypatch):
    monkeypatch.setattr(app_module, "UNDO_SECONDS", 3.0)
    with Journal.open(journal_dir, pw()) as journal:
        journal.entries.add(NewEntry(body="maybe not gone"))
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        entry_id = await _delete_first(pilot)
        assert isinstance(app.screen, EntriesScreen)
        assert app.screen.query_one(EntryList).option_count == 0  # out of the list
        assert app.journal.entries.count() == 1  # still in the encrypted journal
        messages = [n.message for n in app._notifications]
        assert len(messages) == 1 and "Ctrl+Z" in messages[0]  # one notice, not two
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.screen.query_one(EntryList).option_count == 1
        await pilot.pause(3.5)
        assert app.journal.entries.get(entry_id).body == "maybe not gone"  # undone: kept

        await _delete_first(pilot)
        assert app.journal.entries.count() == 1
        await pilot.pause(3.5)
        await settle(pilot)
        assert app.journal.entries.count() == 0  # the time ran out: really deleted


async def test_locking_finishes_a_waiting_delete(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        journal.entries.add(NewEntry(body="to go"))
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await _delete_first(pilot)
        await pilot.press("ctrl+l")
        await settle(pilot)
    with Journal.open(journal_dir, pw()) as journal:
        assert journal.entries.count() == 0


# -- feedback from home --------------------------------------------------------------------------


async def test_f_on_home_offers_the_latest_attended_session(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        journal.program.attend(1, date(2026, 3, 1))
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert app.screen.chosen == 2  # home opens on the next, unattended session
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedbackScreen)
        assert app.screen.session_number == 1


# -- writing ---------------------------------------------------------------------------------------


async def test_write_help_shows_the_markdown_syntax_itself(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        shown = visible_text(app)
        assert "*italic*" in shown and "**bold**" in shown


async def test_sharing_with_no_study_says_so_plainly(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        hint = str(app.screen.query_one("#share-hint", Static).render())
        assert "no research study" in hint and "block" not in hint
        assert app.screen.query_one("#share-hint").region.bottom <= 23  # whole, above the footer


# -- settings and locking --------------------------------------------------------------------------


async def test_changing_the_passphrase_asks_the_current_one(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        await type_into(pilot, "#current-passphrase", "not my passphrase")
        await type_into(pilot, "NewPassphrase #first", "another quiet place")
        await type_into(pilot, "NewPassphrase #second", "another quiet place")
        screen.query_one("#change").press()
        await settle(pilot, expect_failure=Exception)
        status = str(screen.query_one("#passphrase-status", Static).render())
        assert "does not open" in status
    with Journal.open(journal_dir, pw()) as journal:  # the old one still works
        assert journal.is_open


async def test_a_complaint_about_the_passphrases_goes_when_they_change(new_dir):
    app = app_for(new_dir, warm_up=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_into(pilot, "NewPassphrase #first", "one quiet place")
        await type_into(pilot, "NewPassphrase #second", "two quiet places")
        app.screen.query_one("#create", Button).press()
        await pilot.pause()
        status = app.screen.query_one("#status", Static)
        assert "differ" in str(status.render())
        await type_into(pilot, "NewPassphrase #second", "one quiet place")
        await pilot.pause()
        assert "differ" not in str(status.render())


async def test_theme_names_are_for_people(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("s")
        await pilot.pause()
        labels = [str(label) for label, _value in app.screen.query_one("#theme", Select)._options]
        assert "High contrast (yellow on black)" in labels
        assert not any("textual-" in label for label in labels)


async def test_after_the_idle_lock_the_unlock_screen_says_so_and_kept_the_draft(journal_dir):
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        assert isinstance(app.screen, WriteScreen)
        app.screen.query_one("#body", TextArea).insert("left in the middle")
        app.autolock_seconds = 0.2  # now a quiet while passes
        await pilot.pause(2.5)
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        note = str(app.screen.query_one("#note", Static).render())
        assert "locked itself" in note and "draft" in note
    with Journal.open(journal_dir, pw()) as journal:
        assert journal.drafts.list()[0].body == "left in the middle"


async def test_welcome_fits_80x24_with_its_button_in_view(new_dir):
    async with app_for(new_dir, warm_up=False).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        button = pilot.app.screen.query_one("#create", Button)
        assert 0 < button.region.bottom <= 23 and button.region.width > 0
        assert pilot.app.screen.query_one("#first", Input).region.width >= 40


async def test_the_app_in_french_says_seance(journal_dir):
    with Journal.open(journal_dir, pw()) as journal:
        journal.settings.update(language="fr")
    app = app_for(journal_dir, warm_up=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot, PASSPHRASE)
        shown = visible_text(app)
        assert i18n.current_language() == "fr"
        assert "Séances" in shown and "Écrire librement" in shown
