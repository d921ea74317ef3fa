"""Parts the redactor is unsure of ("maybe identifying", issue 11): hidden until the participant
decides, shown apart in the review, kept hidden with k or shown as written with s, and the file
follows the decision."""

from __future__ import annotations

from dataclasses import replace

import pyrage
import pytest
from textual.widgets import OptionList

from peerjournal.export import participant
from peerjournal.tui.review_items import RowKind
from peerjournal.tui.widgets.redacted_text import MAYBE_STYLE, RedactedText
from peerjournal.tui.widgets.review_step import ReviewStep
from tests.tui.test_export_wizard import (
    bodies,
    press,
    records,
    styles,
    to_review,
    wizard_app,
    write_file,
)
from tests.tui.test_export_wizard_support import SIZE, notes, study_journal, visible_text

MOTEL = "the Starlight Motel"


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def journal(tmp_path, identity, monkeypatch):
    """The study journal, with the redactor unsure of the motel (as its tagger is of a place
    it has not seen): the finds are the real ones, the motel's marked uncertain."""
    real = participant.for_review

    def unsure_of_the_motel(journal, progress=None):
        data = real(journal, progress)
        for text, spans in data.found.items():
            data.found[text] = [
                replace(s, uncertain=True, confidence=0.4) if text[s.start : s.end] == MOTEL else s
                for s in spans
            ]
        return data

    monkeypatch.setattr(participant, "for_review", unsure_of_the_motel)
    journal = study_journal(tmp_path / "j", identity)
    yield journal
    journal.close()


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def rows(app):
    return app.screen.query_one(ReviewStep).rows


async def test_maybe_identifying_is_hidden_and_marked_for_a_decision(journal):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        assert [r.kind for r in rows(app)] == [RowKind.FOUND, RowKind.MAYBE]
        shown = visible_text(app)
        assert "maybe identifying: “the Starlight Motel”" in shown
        assert "1 maybe identifying" in shown
        view = app.screen.query_one("#redacted", RedactedText)
        assert MOTEL not in view.redacted.text  # hidden until the person decides
        label = view.redacted.shown[1]
        assert MAYBE_STYLE in styles(view)[(label.start, label.end)]
        assert app.screen.query_one("#keep").display


async def test_keep_hidden_decides_and_the_file_hides_it(journal, out, identity):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        listing = app.screen.query_one("#redactions", OptionList)
        listing.focus()
        listing.highlighted = 1
        await pilot.press("k")
        await pilot.pause()
        assert [r.kind for r in rows(app)] == [RowKind.FOUND, RowKind.FOUND]
        assert not app.screen.query_one("#keep").display
        await write_file(pilot, out)
    (first, _) = bodies(records(out, identity))
    assert MOTEL not in first and "[LOCATION 1]" in first


async def test_show_as_written_lets_it_leave(journal, out, identity):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        app.screen.query_one("#redactions", OptionList).highlighted = 1
        await press(pilot, "#restore")
        assert MOTEL in app.screen.query_one("#redacted", RedactedText).redacted.text
        await write_file(pilot, out)
    assert MOTEL in bodies(records(out, identity))[0]


async def test_undecided_parts_are_named_before_writing(journal):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        await press(pilot, "#to-write")
        shown = " ".join(visible_text(app).split())
        assert "1 part marked “maybe identifying” stays hidden" in shown


async def test_keep_on_a_sure_find_is_a_gentle_note(journal):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        app.screen.query_one("#redactions", OptionList).highlighted = 0
        await pilot.press("k")
        await pilot.pause()
        assert any("not marked" in n for n in notes(app))
