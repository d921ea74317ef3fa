"""Writing through the real app: a prompt above the editor, saving, drafts kept on every way out
and offered back after a crash."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static, Switch, TextArea

from peerjournal.journal import Journal
from peerjournal.tui.screens.draft_offer import DraftOfferScreen
from peerjournal.tui.screens.home import HomeScreen
from peerjournal.tui.screens.write import WriteScreen
from tests.helpers import pw
from tests.tui.pilot_steps import SIZE, app_for, settle, type_into, unlock, visible_text

pytestmark = pytest.mark.slow


async def open_write_for_first_prompt(pilot) -> WriteScreen:
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    home.query_one("#prompts", OptionList).focus()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WriteScreen)
    return pilot.app.screen


async def test_write_to_a_prompt_and_save(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        write = await open_write_for_first_prompt(pilot)
        prompt = app.journal.program.next_session().prompts[0]
        assert write.query_one("#prompt-text", Static).render().plain == prompt.text
        assert write.query_one("#share", Switch).value is False  # never shared by default
        assert "Share with research" in visible_text(app)
        write.query_one("#body", TextArea).focus()
        for key in "Today I spoke up":
            await pilot.press(key if key != " " else "space")
        assert "4 words" in str(write.query_one("#count", Static).render())
        await type_into(pilot, "#title", "First day")
        await type_into(pilot, "#tags", "group, courage")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [entry] = app.journal.entries.list()
        assert (entry.body, entry.title, entry.tags) == (
            "Today I spoke up",
            "First day",
            ("group", "courage"),
        )
        assert entry.session_number == 1 and entry.prompt_key == 1
        assert entry.prompt_text == prompt.text and entry.shared is False
        assert app.journal.drafts.count() == 0
        assert "First day" in visible_text(app)  # in the recent list


async def test_an_autosave_tick_after_saving_keeps_no_draft(journal_dir):
    """The autosave timer may fire between saving the entry and the screen going away."""
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        write = await open_write_for_first_prompt(pilot)
        write.query_one("#body", TextArea).text = "Saved once, and only once"
        write.action_save()
        write._autosave()  # the tick, while the screen is still mounted
        await settle(pilot)
        assert [e.body for e in app.journal.entries.list()] == ["Saved once, and only once"]
        assert app.journal.drafts.count() == 0


async def test_an_empty_entry_is_not_saved(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WriteScreen)
        assert "empty" in str(app.screen.query_one("#saved", Static).render())
        assert app.journal.entries.count() == 0


async def test_autosave_then_crash_then_draft_offered_on_next_unlock(journal_dir):
    app = app_for(journal_dir, autosave_seconds=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("Words I do not want to lose")
        await pilot.pause(0.6)
        [draft] = app.journal.drafts.list()
        assert draft.body == "Words I do not want to lose"
        assert "Draft saved" in str(app.screen.query_one("#saved", Static).render())
        # A crash: the journal goes away without any of the app's exit paths running.
        journal, app.journal = app.journal, None
        app.writers.clear()
        journal.close()

    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert isinstance(app.screen, DraftOfferScreen)
        assert "Words I do not want to lose" in visible_text(app)
        await pilot.click("#continue")
        await pilot.pause()
        assert isinstance(app.screen, WriteScreen)
        assert app.screen.query_one("#body", TextArea).text == "Words I do not want to lose"
        app.screen.query_one("#body", TextArea).insert(" And more.")  # at the cursor: the end
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.journal.drafts.count() == 0
        assert app.journal.entries.list()[0].body == "Words I do not want to lose And more."


async def test_leaving_keeps_a_draft_listed_on_home(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Draft: Half a thought" in visible_text(app)
        assert app.journal.drafts.list()[0].body == "Half a thought"


async def test_quitting_saves_the_draft(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("Said on the way out")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.journal is None
    with Journal.open(journal_dir, pw()) as journal:
        assert journal.drafts.list()[0].body == "Said on the way out"


async def test_preview_renders_markdown(journal_dir):
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#body", TextArea).insert("# A heading\n\nSome **bold** words")
        await pilot.press("f2")
        await pilot.pause()
        shown = visible_text(app)
        assert "A heading" in shown and "**bold**" not in shown
        await pilot.press("f2")
        await pilot.pause()
        assert app.screen.query_one("#body", TextArea).has_focus
