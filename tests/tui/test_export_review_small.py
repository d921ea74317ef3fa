"""The export review at 80x24 and in daily use (issues 10, 11, 12): every part of the review fits
the screen, the review shows exactly what the file holds, the redactor never runs on the screen's
thread, the folder is remembered, the hand-over is explained, a withdrawal is followed up, and
person-written text is never parsed as markup."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pyrage
import pytest
from textual.widgets import Button, Input, OptionList

from peerjournal.export import participant
from peerjournal.redact import Redactor
from peerjournal.tui.screens.export_wizard import ExportWizardScreen
from peerjournal.tui.widgets.redacted_text import RedactedText
from peerjournal.tui.widgets.review_step import ReviewStep
from tests.tui.pilot_steps import settle
from tests.tui.test_export_wizard import (
    bodies,
    press,
    records,
    select_words,
    to_review,
    wizard_app,
    write_file,
)
from tests.tui.test_export_wizard_support import add, study_journal, visible_text

# Whole-app Pilot runs or real FUSE mounts: seconds each (the quick run stays quick).
pytestmark = pytest.mark.slow

SMALL = (80, 24)


@pytest.fixture(scope="module")
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def journal(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity)
    yield journal
    journal.close()


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def on_screen(app, selector: str) -> bool:
    """The widget is shown, and wholly inside the terminal (not scrolled or pushed off it)."""
    widget = app.screen.query_one(selector)
    region = widget.region
    width, height = app.size
    return (
        widget.display
        and region.width > 0
        and region.height > 0
        and region.right <= width
        and region.bottom <= height
    )


@pytest.mark.parametrize("language", ["en", "fr"])
async def test_the_whole_review_fits_80x24(journal, language):
    from peerjournal import i18n

    i18n.set_language(language)
    app = wizard_app(journal)
    async with app.run_test(size=SMALL) as pilot:
        await to_review(pilot)
        for part in ("#texts", "#redacted-scroll", "#redactions", "#to-write", "#unshare", "#hide"):
            assert on_screen(app, part), part
        scroll = app.screen.query_one("#redacted-scroll")
        assert scroll.content_region.height >= 3  # several lines of the text, not one
        assert app.screen.query_one("#redactions").content_region.height >= 2
        await press(pilot, "#to-write")
        for part in ("#format", "#folder", "#write"):
            assert on_screen(app, part), part


async def test_a_long_text_scrolls_inside_its_pane_at_80x24(tmp_path, identity):
    journal = study_journal(tmp_path / "j", identity, with_items=False)
    add(
        journal,
        "\n\n".join(f"Paragraph {n}: we talked for a long time." for n in range(30)),
        shared=True,
        day=3,
    )
    app = wizard_app(journal)
    try:
        async with app.run_test(size=SMALL) as pilot:
            await to_review(pilot)
            scroll = app.screen.query_one("#redacted-scroll")
            assert scroll.max_scroll_y > 0  # the text is longer than its pane...
            assert on_screen(app, "#to-write")  # ...and the way on stays in sight
            scroll.focus()
            await pilot.press("end")
            await pilot.pause()
            assert scroll.scroll_y == scroll.max_scroll_y
            assert "Paragraph 29" in visible_text(app)
    finally:
        journal.close()


async def test_the_review_shows_exactly_what_the_file_holds(journal, out, identity):
    """Labels, numbers and the participant's changes: each text in the review is the text in
    the file, character for character."""
    add(journal, "Candy and I went back to the Starlight Motel with Marcus.", shared=True, day=20)
    app = wizard_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_review(pilot)
        step = app.screen.query_one(ReviewStep)
        await select_words(pilot, "PrEP")
        await pilot.press("h")
        await settle(pilot)
        listing = app.screen.query_one("#redactions", OptionList)
        listing.highlighted = 1
        await press(pilot, "#restore")  # the motel, shown as written in the first entry
        shown = {t.key: step.model.preview(t).text for t in step.model.texts}
        await write_file(pilot, out)
    recs = records(out, identity)
    written = bodies(recs)
    entry_keys = [t.key for t in step.model.texts if "#" not in t.key]
    assert [shown[k] for k in entry_keys] == written
    assert "[PERSON 1]" in written[0] and "[PERSON 1]" in written[-1]  # Candy, both times
    (form,) = [r for r in recs if r["type"] == "feedback"]
    answer = next(a["answer"] for a in form["answers"] if a["question_id"] == "takeaway")
    assert answer in shown.values()


async def test_the_redactor_never_runs_on_the_screens_thread(journal, monkeypatch):
    """Finding names and places is slow on long journals: it runs in a worker, so the screen
    keeps answering."""
    threads: list[str] = []
    find = Redactor.find

    def watched(self, text):
        threads.append(threading.current_thread().name)
        return find(self, text)

    monkeypatch.setattr(Redactor, "find", watched)
    app = wizard_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_review(pilot)
        await pilot.press("down")  # moving between texts finds nothing anew
        await pilot.press("down")
        await pilot.pause()
        ui = threading.current_thread().name
    assert threads and ui not in threads


async def test_progress_of_the_finding_reaches_the_list(journal):
    app = wizard_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one("#finding")
        assert bar.percentage == 1  # every text was looked at


async def test_the_folder_is_remembered_for_the_next_export(journal, out):
    app = wizard_app(journal)
    async with app.run_test(size=SMALL) as pilot:
        await to_review(pilot)
        await write_file(pilot, out)
    again = wizard_app(journal)
    async with again.run_test(size=SMALL) as pilot:
        await to_review(pilot)
        await press(pilot, "#to-write")
        assert again.screen.query_one("#folder", Input).value == str(out)


async def test_done_says_how_to_hand_the_file_over(journal, out):
    app = wizard_app(journal)
    async with app.run_test(size=SMALL) as pilot:
        await to_review(pilot)
        await write_file(pilot, out)
        shown = " ".join(visible_text(app).split())
        assert "USB stick" in shown and "research@example.org" in shown
        assert on_screen(app, "#done")


async def test_after_a_withdrawal_offers_to_stop_sharing_everything(journal, out):
    prepared = participant.prepare(journal, "jsonl", withdraw=True)
    participant.write(journal, prepared, out)
    app = wizard_app(journal)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = " ".join(visible_text(app).split())
        assert "You withdrew from the study" in shown
        assert "3 items are still marked shared" in shown
        await press(pilot, "#unshare-all")
        await settle(pilot)
        shown = " ".join(visible_text(app).split())
        assert "Done: 3 items are no longer shared. They stay in your journal." in shown
        assert "Nothing is shared right now" in shown
        assert not app.screen.query_one("#to-review").display
    assert journal.entries.shared() == [] and journal.program.shared_feedback() == []
    assert len(journal.entries.list()) == 3  # still in the journal


async def test_no_withdrawal_note_after_a_later_export(journal, out):
    participant.write(journal, participant.prepare(journal, "jsonl", withdraw=True), out)
    participant.write(journal, participant.prepare(journal, "jsonl"), out)
    app = wizard_app(journal)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "withdrew" not in visible_text(app)
        assert not app.screen.query_one("#unshare-all").display


MARKUP = "I wrote [b]this[/b] and [@click=app.quit]that[/] and [red]more"


async def test_person_written_text_is_never_markup(tmp_path, identity, out):
    journal = study_journal(tmp_path / "j", identity, with_items=False)
    add(journal, MARKUP, shared=True, day=3)
    app = wizard_app(journal)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert "I wrote [b]this[/b]" in visible_text(app)  # the list of items
            await press(pilot, "#to-review")
            view = app.screen.query_one("#redacted", RedactedText)
            as_leaving = view.redacted.text  # the redactor takes "@click" for a handle
            assert str(view.content) == as_leaving
            assert (
                "I wrote [b]this[/b] and [" in as_leaving and "]that[/] and [red]more" in as_leaving
            )
            shown = visible_text(app)
            assert "I wrote [b]this[/b] and [" in shown and "[red]more" in shown
            await pilot.click("#redacted")
            await pilot.pause()
            assert app.is_running  # clicking the text runs nothing
            await write_file(pilot, out)
        assert bodies(records(out, identity)) == [as_leaving]
    finally:
        journal.close()


async def test_the_next_button_waits_for_the_finding(journal):
    app = wizard_app(journal)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_review(pilot)
        step = app.screen.query_one(ReviewStep)
        step.busy(True)
        await pilot.pause()
        assert app.screen.query_one("#to-write", Button).disabled
        step.busy(False)
        await pilot.pause()
        assert not app.screen.query_one("#to-write", Button).disabled
        assert json.dumps(step.model.reviews.all()) == "{}"
        assert isinstance(app.screen, ExportWizardScreen)
