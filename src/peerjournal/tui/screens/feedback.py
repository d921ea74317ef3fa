"""A session's feedback form: scales and choices as radio buttons, open questions as text.

Answers go to `journal.program.save_feedback`, which checks each one against its question; they
stay in the journal unless the person switches on sharing, which is off until they choose it.
The form opens on a session (the one asked for, else the latest attended one that has a form),
focused on its first question; a session picker at the top moves to another session's form.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    Switch,
    TextArea,
)

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import N_, _
from peerjournal.promptset import Question, Session
from peerjournal.tui.notices import describe
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.journal import Journal

INTRO = N_("Answer what you like and leave the rest. Your answers stay in your journal.")
SHARE_LABEL = N_("Share these answers with research")
SHARE_HINT = N_(
    "Off: they stay only with you. On: they can go into a research export you make and review."
)


def sessions_with_forms(journal: Journal) -> list[Session]:
    """The sessions of the active prompt set that have feedback questions, in order."""
    active = journal.program.active()
    return [s for s in active.sessions if s.feedback] if active is not None else []


def default_session(journal: Journal) -> int | None:
    """The form to offer first: the latest attended session with a form, else the first form.

    Feedback is given after a session, so the next, unattended one is never the default."""
    forms = sessions_with_forms(journal)
    attended = set(journal.program.attended())
    done = [s.number for s in forms if s.number in attended]
    if done:
        return max(done)
    return forms[0].number if forms else None


def session_label(session: Session, attended: bool) -> Content:
    """'✓ Session 3: title' for the picker; the title is the prompt set's text, shown as is."""
    label = _("Session {number}: {title}").format(number=session.number, title=session.title)
    return Content(f"\u2713 {label}" if attended else f"  {label}")


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
        buttons.append(RadioButton(Content(label), value=answer == value))
    return buttons


def question_widget(question: Question, answer: object, index: int) -> Widget:
    """The input for one question, filled with an earlier answer when there is one."""
    wid = f"q{index}"
    if question.type == "scale":
        return RadioSet(*scale_buttons(question, answer), id=wid, classes="scale")
    if question.type == "choice":
        return RadioSet(
            *(RadioButton(Content(o), value=answer == o) for o in question.options),
            id=wid,
            classes="choice",
        )
    return TextArea(
        str(answer or ""), id=wid, classes="open", soft_wrap=True, show_line_numbers=False
    )


class FeedbackScreen(TranslatedBindings, Screen[bool]):
    """The feedback form of session `session_number` (None: the latest attended one that has a
    form); dismisses with True once saved."""

    CSS_PATH = "feedback.tcss"
    HELP = N_(
        "Tell the facilitators how the session went for you. Every question is optional. "
        "Choose another session at the top to answer its form. Ctrl+S saves; sharing with "
        "research stays off unless you switch it on."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            N_("Save answers"),
            id="feedback.save",
            tooltip=N_("Keep these answers in your journal"),
        ),
        Binding(
            "escape",
            "back",
            N_("Back"),
            id="feedback.back",
            tooltip=N_("Leave without saving changes"),
        ),
    ]

    def __init__(self, journal: Journal, session_number: int | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.session_number = (
            session_number if session_number is not None else default_session(journal)
        )
        self.session: Session | None = None
        self.answers: dict[str, object] = {}
        self.shared = False
        self._load()

    def _load(self) -> None:
        """The session's questions and any answers given before."""
        program = self.journal.program
        active = program.active()
        self.session, self.answers, self.shared = None, {}, False
        if active is None or self.session_number is None:
            return
        self.session = next((s for s in active.sessions if s.number == self.session_number), None)
        record = program.feedback(self.session_number) if self.session is not None else None
        if record is not None:
            self.answers = {a.question_id: a.value for a in record.answers}
            self.shared = record.shared

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.session.feedback if self.session is not None else ()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield from self._picker()
            if self.session is None or not self.questions:
                yield Static(self._no_form(), id="heading")
                yield Button(_("Back"), id="back")
            else:
                yield from self._form()
        yield KeyFooter()

    def _form(self) -> ComposeResult:
        assert self.session is not None
        yield Static(
            Content(
                _("Feedback \u00b7 Session {number}: {title}").format(
                    number=self.session.number, title=self.session.title
                )
            ),
            id="heading",
        )
        yield Static(_(INTRO), classes="hint")
        for index, question in enumerate(self.questions):
            with Vertical(classes="question"):
                yield Label(Content(f"{index + 1}. {question.text}"), classes="asked")
                yield question_widget(question, self.answers.get(question.id), index)
        with Horizontal(id="sharing"):
            yield Switch(self.shared, id="share")
            yield Label(_(SHARE_LABEL), id="share-label")
        yield Static(_(SHARE_HINT), classes="hint")
        yield Static("", id="status")
        with Horizontal(id="buttons"):
            yield Button(_("Save answers"), variant="primary", id="save")
            yield Button(_("Back"), id="back")

    def _picker(self) -> ComposeResult:
        """A choice of session, when the prompt set has more than one form."""
        forms = sessions_with_forms(self.journal)
        if len(forms) < 2:
            return
        attended = set(self.journal.program.attended())
        known = self.session_number in {s.number for s in forms}
        yield Select(
            [(session_label(s, s.number in attended), s.number) for s in forms],
            value=self.session_number if known else Select.BLANK,
            prompt=_("Choose a session"),
            allow_blank=not known,
            id="session",
        )

    def _no_form(self) -> str:
        if self.session_number is None:
            return _("There is no session with a feedback form yet.")
        return _("Session {number} has no feedback form.").format(number=self.session_number)

    def on_mount(self) -> None:
        self.focus_first_question()

    def focus_first_question(self) -> None:
        """Start where the person answers: the first question, not the top of the screen."""
        first = self.query("#q0")
        if first:
            first.first().focus()
            self.query_one("#form", VerticalScroll).scroll_home(animate=False)

    @on(Select.Changed, "#session")
    async def _other_session(self, event: Select.Changed) -> None:
        if not isinstance(event.value, int) or event.value == self.session_number:
            return
        self.session_number = event.value
        self._load()
        await self.recompose()
        self.focus_first_question()

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
                self.session.number,
                self.collected(),
                shared=self.query_one("#share", Switch).value,
            )
        except PeerJournalError as error:
            status.update(Content(describe(error)))
            status.add_class("-error")
            return
        self.app.notify(
            _("Thank you. Your answers are saved in your journal."), title=_("Feedback")
        )
        self.dismiss(True)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(False)
