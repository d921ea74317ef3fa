"""The session feedback form on a real journal following the shipped training set: it saves through
the program store, keeps sharing off unless switched on, and comes back filled in."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import RadioSet, Select, Static, Switch, TextArea

from peerjournal.journal import Journal
from peerjournal.promptset import find_shipped
from peerjournal.tui.screens.feedback import FeedbackScreen
from tests.helpers import FAST_KDF

pytestmark = pytest.mark.slow


class Host(App[None]):
    """A bare app that shows one screen and remembers what it was dismissed with."""

    def __init__(self, make_screen) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)


@pytest.fixture
def journal(tmp_path):
    made, _ = Journal.create(tmp_path / "j", bytearray(b"pw"), kdf=FAST_KDF)
    made.program.install(find_shipped("peer-advocate-training", "en"))
    yield made
    if made.is_open:
        made.close()


def question_index(screen: FeedbackScreen, question_id: str) -> int:
    return next(i for i, q in enumerate(screen.questions) if q.id == question_id)


async def test_answers_are_saved_private_by_default(journal):
    async with Host(lambda: FeedbackScreen(journal, 1)).run_test(size=(100, 50)) as pilot:
        screen = pilot.app.screen
        assert "Community agreements" in str(screen.query_one("#heading", Static).render())
        assert screen.query_one("#share", Switch).value is False
        useful = screen.query_one(f"#q{question_index(screen, 'useful')}", RadioSet)
        useful.focus()
        await pilot.press("right", "right", "right", "enter")  # the fourth point: 4
        pace = screen.query_one(f"#q{question_index(screen, 'pace')}", RadioSet)
        pace.focus()
        await pilot.press("down", "enter")  # "About right"
        takeaway = screen.query_one(f"#q{question_index(screen, 'takeaway')}", TextArea)
        takeaway.focus()
        await pilot.press(*"look after each other")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.results == [True]

    record = journal.program.feedback(1)
    answers = {a.question_id: a.value for a in record.answers}
    assert answers == {"useful": 4, "pace": "About right", "takeaway": "look after each other"}
    assert record.shared is False


async def test_saved_answers_come_back_and_can_be_shared(journal):
    earlier = {"useful": 2, "pace": "Too fast", "suggestions": "more breaks"}
    journal.program.save_feedback(2, earlier)
    async with Host(lambda: FeedbackScreen(journal, 2)).run_test(size=(100, 50)) as pilot:
        screen = pilot.app.screen
        useful = screen.query_one(f"#q{question_index(screen, 'useful')}", RadioSet)
        assert useful.pressed_index == 1  # 2 on a 1-5 scale
        pace = screen.query_one(f"#q{question_index(screen, 'pace')}", RadioSet)
        assert str(pace.pressed_button.label) == "Too fast"
        assert (
            screen.query_one(f"#q{question_index(screen, 'suggestions')}", TextArea).text
            == "more breaks"
        )
        assert screen.collected() == earlier
        await pilot.click("#share")
        await pilot.click("#save")
        await pilot.pause()
        assert pilot.app.results == [True]
    assert journal.program.feedback(2).shared is True


async def test_an_empty_form_says_why_nothing_was_saved(journal):
    async with Host(lambda: FeedbackScreen(journal, 3)).run_test(size=(100, 50)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        status = str(pilot.app.screen.query_one("#status", Static).render())
        assert "No answers given" in status
        assert pilot.app.results == []
    assert journal.program.feedback(3) is None


async def test_a_session_without_a_form_says_so(tmp_path):
    bare, _ = Journal.create(tmp_path / "bare", bytearray(b"pw"), kdf=FAST_KDF)
    with bare:
        async with Host(lambda: FeedbackScreen(bare, 1)).run_test(size=(80, 20)) as pilot:
            heading = str(pilot.app.screen.query_one("#heading", Static).render())
            assert "has no feedback form" in heading
            await pilot.press("escape")
            await pilot.pause()
            assert pilot.app.results == [False]


async def test_the_form_opens_on_its_first_question(journal):
    """It opened with nothing focused, so the first key did nothing the person could see."""
    async with Host(lambda: FeedbackScreen(journal, 1)).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.focused is screen.query_one("#q0")
        assert screen.query_one("#form").scroll_y == 0  # the heading stays in sight


async def test_with_no_session_given_it_offers_the_latest_attended_one(journal):
    from datetime import date

    journal.program.attend(1, date(2026, 3, 2))
    journal.program.attend(2, date(2026, 3, 9))
    async with Host(lambda: FeedbackScreen(journal)).run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.session_number == 2  # not 3, the next session, which has not happened
        assert screen.query_one("#session", Select).value == 2


async def test_another_session_can_be_picked_inside_the_form(journal):
    async with Host(lambda: FeedbackScreen(journal, 1)).run_test(size=(100, 40)) as pilot:
        screen = pilot.app.screen
        screen.query_one("#session", Select).value = 3
        await pilot.pause()
        await pilot.pause()
        heading = str(screen.query_one("#heading", Static).render())
        assert "Session 3" in heading and "Stigma" in heading
        assert screen.focused is screen.query_one("#q0")
        takeaway = screen.query_one(f"#q{question_index(screen, 'takeaway')}", TextArea)
        takeaway.text = "less alone"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pilot.app.results == [True]
    assert journal.program.feedback(3) is not None
    assert journal.program.feedback(1) is None


async def test_the_form_speaks_french(journal):
    from peerjournal import i18n

    i18n.set_language("fr")
    try:
        async with Host(lambda: FeedbackScreen(journal, 1)).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = str(pilot.app.screen.query_one(".hint", Static).render())
            assert "Répondez" in text
    finally:
        i18n.set_language("en")


async def test_a_long_french_question_wraps_inside_the_form_at_80_columns(tmp_path):
    """The French training's longest questions ran off the right edge, cut without an ellipsis."""
    from textual.widgets import Label

    from peerjournal import i18n

    made, _ = Journal.create(tmp_path / "fr", bytearray(b"pw"), kdf=FAST_KDF)
    made.program.install(find_shipped("peer-advocate-training", "fr"))
    i18n.set_language("fr")
    try:
        async with Host(lambda: FeedbackScreen(made, 1)).run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            form = pilot.app.screen.query_one("#form").content_region
            asked = list(pilot.app.screen.query(".asked").results(Label))
            longest = max(asked, key=lambda label: len(str(label.render())))
            assert len(str(longest.render())) > form.width  # a question longer than a line
            for label in asked:
                assert label.region.right <= form.right, str(label.render())
            assert longest.region.height >= 2
    finally:
        i18n.set_language("en")
        made.close()
