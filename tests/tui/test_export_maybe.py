"""Parts the redactor is unsure of ("maybe identifying", issue 11): hidden until the participant
decides, shown apart in the review, kept hidden with k or shown as written with s, and the file
follows the decision."""

from __future__ import annotations

import re

import pyrage
import pytest
from textual.widgets import OptionList

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
from tests.tui.test_export_wizard_support import (
    MARCUS,
    SIZE,
    add,
    notes,
    study_journal,
    visible_text,
)

# Whole-app Pilot runs or real FUSE mounts: seconds each (the quick run stays quick).
pytestmark = pytest.mark.slow

# Sentences the redactor is sure of one name in and unsure of one place in (its tagger has not
# seen these places). The first that the real redactor finds that way is the shared entry; if it
# finds none of them so, the tests fail and say so: a new model must keep some finds "maybe".
CANDIDATES = (
    "Ash lent me a charger at Berri.",
    "I told Star about the outreach van near Pointe.",
)


def _unsure_sentence() -> tuple[str, str]:
    from peerjournal.redact import Redactor

    redactor = Redactor()
    for sentence in CANDIDATES:
        spans = redactor.find(sentence)
        if [s.uncertain for s in spans] == [False, True]:
            return sentence, sentence[spans[1].start : spans[1].end]
    raise AssertionError(f"the redactor is sure of everything in {CANDIDATES!r}")


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture(scope="module")
def unsure() -> tuple[str, str]:
    """(the sentence, the part of it the redactor is unsure of), found by the real redactor."""
    return _unsure_sentence()


@pytest.fixture
def maybe(unsure) -> str:
    return unsure[1]


@pytest.fixture
def journal(tmp_path, identity, unsure):
    """The study journal sharing the sentence the redactor is unsure of, then a sure one: the
    finds are the redactor's own (nothing patched)."""
    journal = study_journal(tmp_path / "j", identity, with_items=False)
    add(journal, unsure[0], shared=True, day=3, session=1)
    add(journal, MARCUS, shared=True, day=10, session=2)
    yield journal
    journal.close()


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def rows(app):
    return app.screen.query_one(ReviewStep).rows


async def test_maybe_identifying_is_hidden_and_marked_for_a_decision(journal, maybe):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        assert [r.kind for r in rows(app)] == [RowKind.FOUND, RowKind.MAYBE]
        shown = visible_text(app)
        assert f"maybe identifying: “{maybe}”" in shown
        assert "1 maybe identifying" in shown
        view = app.screen.query_one("#redacted", RedactedText)
        assert maybe not in view.redacted.text  # hidden until the person decides
        label = view.redacted.shown[1]
        assert MAYBE_STYLE in styles(view)[(label.start, label.end)]
        assert app.screen.query_one("#keep").display


async def test_keep_hidden_decides_and_the_file_hides_it(journal, out, identity, maybe):
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
    # Both parts leave as labels (the unsure one may be a person or a place: the model says which).
    assert maybe not in first
    assert len(re.findall(r"\[(?:PERSON|LOCATION) \d+\]", first)) == 2, first


async def test_show_as_written_lets_it_leave(journal, out, identity, maybe):
    app = wizard_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await to_review(pilot)
        app.screen.query_one("#redactions", OptionList).highlighted = 1
        await press(pilot, "#restore")
        assert maybe in app.screen.query_one("#redacted", RedactedText).redacted.text
        await write_file(pilot, out)
    assert maybe in bodies(records(out, identity))[0]


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
