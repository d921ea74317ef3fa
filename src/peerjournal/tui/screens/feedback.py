"""A session's feedback form: scales and choices as radio buttons, open questions as text.

Answers go to `journal.program.save_feedback`, which checks each one against its question; they
stay in the journal unless the person switches on sharing, which is off until they choose it.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Label, RadioButton, RadioSet, Static, Switch, TextArea

from peerjournal.errors import PeerJournalError
from peerjournal.promptset import Question, Session
from peerjournal.tui.translated import TranslatedBindings

INTRO = "Answer what you like and leave the rest. Your answers stay in your journal."
SHARE_LABEL = "Share these answers with research"
SHARE_HINT = (
    "Off: they stay only with you. On: they can go into a research export you make and review."
)


def scale_buttons(question: Question, answer: object) -> list[RadioButton]:
    """One button per point of the scale; the ends carry their labels."""
    low, high = question.scale_min or 1, question.scale_max or 5
    buttons = []
    for value in range(low, high + 1):
        label = str(value)
        if value == low and question.min_label:
            label += f" {question.min_label}"
        elif value == high and question.max_label:
            label += f" {question.max_label}"
        buttons.append(RadioButton(label, value=answer == value))
    return buttons


def question_widget(question: Question, answer: object, index: int) -> Widget:
    """The input for one question, filled with an earlier answer when there is one."""
    wid = f"q{index}"
    if question.type == "scale":
        return RadioSet(*scale_buttons(question, answer), id=wid, classes="scale")
    if question.type == "choice":
        return RadioSet(
            *(RadioButton(o, value=answer == o) for o in question.options), id=wid, classes="choice"
        )
    return TextArea(
        str(answer or ""), id=wid, classes="open", soft_wrap=True, show_line_numbers=False
    )


class FeedbackScreen(TranslatedBindings, Screen[bool]):
    """The feedback form of session `session_number`; dismisses with True once saved."""

    CSS_PATH = "feedback.tcss"
    HELP = (
        "Tell the facilitators how the session went for you. Every question is optional. "
        "Ctrl+S saves; sharing with research stays off unless you switch it on."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save answers",
            id="feedback.save",
            tooltip="Keep these answers in your journal",
        ),
        Binding(
            "escape", "back", "Back", id="feedback.back", tooltip="Leave without saving changes"
        ),
    ]

    def __init__(self, journal, session_number: int) -> None:
        super().__init__()
        self.journal = journal
        self.session_number = session_number
        self.session: Session | None = None
        self.answers: dict[str, object] = {}
        self.shared = False
        self._load()

    def _load(self) -> None:
        """The session's questions and any answers given before."""
        program = self.journal.program
        active = program.active()
        self.session = active.session(self.session_number) if active is not None else None
        record = program.feedback(self.session_number) if self.session is not None else None
        if record is not None:
            self.answers = {a.question_id: a.value for a in record.answers}
            self.shared = record.shared

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.session.feedback if self.session is not None else ()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            if self.session is None or not self.questions:
                yield Static(f"Session {self.session_number} has no feedback form.", id="heading")
                yield Button("Back", id="back")
                return
            yield Static(
                f"Feedback · Session {self.session.number}: {self.session.title}", id="heading"
            )
            yield Static(INTRO, classes="hint")
            for index, question in enumerate(self.questions):
                with Vertical(classes="question"):
                    yield Label(f"{index + 1}. {question.text}", classes="asked")
                    yield question_widget(question, self.answers.get(question.id), index)
            with Horizontal(id="sharing"):
                yield Switch(self.shared, id="share")
                yield Label(SHARE_LABEL, id="share-label")
            yield Static(SHARE_HINT, classes="hint")
            yield Static("", id="status")
            with Horizontal(id="buttons"):
                yield Button("Save answers", variant="primary", id="save")
                yield Button("Back", id="back")
        yield Footer()

    def collected(self) -> dict[str, str | int]:
        """The answers as the form holds them now; unanswered questions are left out."""
        answers: dict[str, str | int] = {}
        for index, question in enumerate(self.questions):
            widget = self.query_one(f"#q{index}")
            if isinstance(widget, RadioSet):
                chosen = widget.pressed_index
                if chosen < 0:
                    continue
                if question.type == "scale":
                    answers[question.id] = (question.scale_min or 1) + chosen
                else:
                    answers[question.id] = question.options[chosen]
            elif isinstance(widget, TextArea) and widget.text.strip():
                answers[question.id] = widget.text.strip()
        return answers

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self.session is None or not self.questions:
            return
        status = self.query_one("#status", Static)
        try:
            self.journal.program.save_feedback(
                self.session_number, self.collected(), shared=self.query_one("#share", Switch).value
            )
        except PeerJournalError as error:
            from peerjournal.tui.notices import describe

            status.update(describe(error))
            status.add_class("-error")
            return
        self.app.notify("Thank you. Your answers are saved in your journal.", title="Feedback")
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(False)
