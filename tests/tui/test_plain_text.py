"""Journal text is text: titles, bodies, tags, drafts and answers holding what Textual would read
as markup (`ok [/b] then` crashed every unlock, `[x] done` lost words, `[@click=...]` made an
action) are shown verbatim in every screen of the real app, and nothing crashes (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Markdown, Select

from peerjournal import clock
from peerjournal.journal import Journal
from peerjournal.model import Draft, NewEntry
from peerjournal.tui.screens.entries import EntriesScreen
from peerjournal.tui.screens.entry import EntryScreen
from tests.helpers import pw
from tests.tui.pilot_steps import SIZE, app_for, settle, unlock, visible_text

pytestmark = pytest.mark.slow

TITLES = ["ok [/b] then", "[x] done", "[@click=app.screenshot()]snap[/]"]
BODY = "Body with [bold]not bold[/bold] and [@click=app.quit]stay[/] inside."
DRAFT = "[x] half a thought"
ANSWER = "I [/] learned [red]a lot[/red]"
TAG = "ok [/b] tag"


def fill(directory: Path) -> None:
    with Journal.open(directory, pw()) as journal:
        for title in TITLES:
            journal.entries.add(NewEntry(body=BODY, title=title, session_number=1, tags=(TAG,)))
        journal.drafts.save(
            Draft(
                id=journal.drafts.new_id(),
                updated_at=clock.now(),
                title=DRAFT,
                body="[b]unfinished",
            )
        )
        journal.program.save_feedback(1, {"takeaway": ANSWER, "useful": 4}, shared=True)


def no_screenshot_written(where: Path) -> None:
    assert not [p for p in where.rglob("*.svg")], "a screenshot was written"


async def test_markup_in_journal_text_is_shown_verbatim_everywhere(journal_dir, tmp_path):
    fill(journal_dir)
    app = app_for(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        shown = visible_text(app)
        assert DRAFT in shown  # the offer to go on with the draft, or the recent list
        await pilot.press("escape")
        await settle(pilot)
        app.action_home()
        await settle(pilot)
        shown = visible_text(app)
        for title in TITLES:
            assert title in shown, f"{title!r} not on the home screen"

        app.action_open("entries")
        await settle(pilot)
        assert isinstance(app.screen, EntriesScreen)
        shown = visible_text(app)
        for title in TITLES:
            assert title in shown, f"{title!r} not in the list"
        tag_filter = app.screen.query_one("#tag", Select)
        tag_filter.focus()
        await pilot.press("enter")  # the list of tags opens
        await pilot.pause()
        assert f"#{TAG}" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()

        search = app.screen.query_one("#search", Input)
        search.focus()
        search.value = "snap"
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        shown = visible_text(app)
        assert TITLES[2] in shown
        assert "[bold]not bold[/bold]" in shown and "[@click=app.quit]stay[/]" in shown
        opened: list[str] = []
        app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
        body = app.screen.query_one("#body", Markdown)
        body.post_message(Markdown.LinkClicked(body, "https://example.org/track"))
        await pilot.pause()
        assert opened == [], "a link in an entry opened a browser"
        await pilot.click("#title")
        await pilot.pause()
        await pilot.press("d")  # the delete question names the entry
        await settle(pilot)
        assert TITLES[2] in visible_text(app)
    no_screenshot_written(tmp_path)


async def test_markup_in_shared_items_is_shown_verbatim_in_the_export_review(tmp_path):
    import pyrage

    from tests.tui.test_export_wizard import pick_text, to_review, wizard_app
    from tests.tui.test_export_wizard_support import SIZE as WIZARD_SIZE
    from tests.tui.test_export_wizard_support import study_journal
    from tests.tui.test_export_wizard_support import visible_text as wizard_text

    journal = study_journal(tmp_path / "j", pyrage.x25519.Identity.generate(), with_items=False)
    try:
        journal.entries.add(NewEntry(body=BODY, title=TITLES[0], session_number=1, shared=True))
        journal.program.save_feedback(1, {"takeaway": ANSWER, "useful": 4}, shared=True)
        app = wizard_app(journal)
        async with app.run_test(size=WIZARD_SIZE) as pilot:
            await settle(pilot)
            assert "[bold]not bold" in wizard_text(app)  # the list of shared items
            await to_review(pilot)
            await settle(pilot)
            shown = wizard_text(app)
            # (the redactor hides "@click" as a handle: the rest is there as written)
            assert "[bold]not bold[/bold] and" in shown and "=app.quit]stay[/] inside." in shown
            await pick_text(pilot, 1)
            assert ANSWER in wizard_text(app)
    finally:
        journal.close()


async def test_problems_quoting_markup_are_shown_verbatim_to_the_facilitator(tmp_path):
    from peerjournal.tui.screens.facilitate import FacilitateScreen
    from tests.tui.test_export_wizard_support import Host
    from tests.tui.test_export_wizard_support import visible_text as host_text

    path = tmp_path / "set.md"
    path.write_text("# A set\n\n- id: a-set\n- colour[/b]: blue\n", encoding="utf-8")
    app = Host(lambda: FacilitateScreen(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        assert "unknown key 'colour[/b]'" in host_text(app)
