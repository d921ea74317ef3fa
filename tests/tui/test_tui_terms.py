"""The always-redact terms screen on a real journal: add with a kind, remove the selected one,
and what is on the list is hidden by the export's redactor."""

from __future__ import annotations

import pyrage
import pytest
from textual.widgets import DataTable, Input, Select

from peerjournal.export import participant
from peerjournal.tui.screens.terms import TermsScreen
from tests.tui.test_export_wizard_support import SIZE, Host, notes, study_journal, visible_text

pytestmark = pytest.mark.slow


@pytest.fixture
def journal(tmp_path):
    journal = study_journal(tmp_path / "j", pyrage.x25519.Identity.generate(), with_items=False)
    yield journal
    journal.close()


async def add_term(pilot, term: str, kind: str) -> None:
    screen = pilot.app.screen
    screen.query_one("#kind", Select).value = kind
    field = screen.query_one("#term", Input)
    field.focus()
    field.value = term
    await pilot.press("enter")
    await pilot.pause()


async def test_add_person_and_place(journal):
    app = Host(lambda: TermsScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Nothing on the list yet" in visible_text(app)
        await add_term(pilot, "  Sugar   Plum ", "PERSON")
        await add_term(pilot, "Blue Door Spa", "LOCATION")
        assert app.screen.query_one("#term", Input).value == ""
        table = app.screen.query_one("#terms", DataTable)
        assert table.row_count == 2
        shown = visible_text(app)
        assert "Sugar Plum" in shown and "Blue Door Spa" in shown
        assert "2 words always hidden" in shown
    assert journal.terms.list() == [("Blue Door Spa", "LOCATION"), ("Sugar Plum", "PERSON")]
    redacted = participant.redactor_for(journal)
    found = {
        (s.kind if isinstance(s.kind, str) else s.kind.value)
        for s in redacted.find("Sugar Plum's friend works at blue door spa now.")
    }
    assert found == {"PERSON", "LOCATION"}


async def test_empty_term_is_a_message_not_a_crash(journal):
    app = Host(lambda: TermsScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await add_term(pilot, "   ", "PERSON")
        assert any("cannot be empty" in n for n in notes(app))
    assert journal.terms.list() == []


async def test_remove_the_selected_one(journal):
    journal.terms.add("Amber", "PERSON")
    journal.terms.add("Kingsway", "LOCATION")
    app = Host(lambda: TermsScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#terms", DataTable)
        assert table.row_count == 2
        table.focus()
        table.move_cursor(row=1)  # sorted by kind: Kingsway (LOCATION), Amber (PERSON)
        await pilot.press("delete")
        await pilot.pause()
        assert table.row_count == 1
        assert journal.terms.list() == [("Kingsway", "LOCATION")]
        await pilot.click("#remove")
        await pilot.pause()
        assert journal.terms.list() == []
        table.focus()
        await pilot.press("delete")  # nothing left: a gentle note
        await pilot.pause()
        assert any("nothing to remove" in n for n in notes(app))


async def test_escape_goes_back(journal):
    app = Host(lambda: TermsScreen(journal))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#terms", DataTable).focus()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
