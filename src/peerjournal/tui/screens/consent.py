"""The study's consent text, read before anything is shared: Accept records it, Not now changes
nothing. Dismisses with True only when the participant accepted (or had already accepted this
exact text)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Markdown, Static

from peerjournal.errors import PeerJournalError
from peerjournal.export import participant
from peerjournal.tui.notices import describe, say, say_error
from peerjournal.tui.translated import TranslatedBindings

if TYPE_CHECKING:
    from peerjournal.journal import Journal

INTRO = (
    "Before you share anything with the researchers, please read what you would be agreeing to. "
    "Saying no is fine: your journal works the same, and nothing leaves it."
)
ALREADY = "You have already accepted this text. You can still choose, item by item, what to share."


class ConsentScreen(TranslatedBindings, ModalScreen[bool]):
    """Show who the study is, how long they keep data, and the consent text, plainly."""

    CSS_PATH = "consent.tcss"
    HELP = (
        "Read the study's consent text. Accept lets you export the entries and feedback you "
        "mark as shared; Not now closes this and shares nothing."
    )
    AUTO_FOCUS = "#text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "not_now",
            "Not now",
            id="consent.not_now",
            tooltip="Close without accepting; nothing is shared",
        ),
        Binding(
            "a",
            "accept",
            "Accept",
            id="consent.accept",
            tooltip="Accept this consent text (you can withdraw later)",
        ),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        try:
            _, study = participant.study_of(self.journal)
        except PeerJournalError as error:
            with Vertical(id="dialog"):
                yield Static(Content(describe(error)), id="intro")
                with Horizontal(id="answers"):
                    yield Button("Close", id="not-now")
            yield Footer()
            return
        accepted = participant.has_consented(self.journal)
        with Vertical(id="dialog"):
            yield Static(Content(study.name), id="study-name")
            yield Static(INTRO if not accepted else ALREADY, id="intro")
            with VerticalScroll(id="text"):
                yield Static(Content(f"Contact: {study.contact}"), id="contact")
                yield Static(Content(f"How long they keep it: {study.retention}"), id="retention")
                yield Markdown(study.consent_text, id="consent-text")
            with Horizontal(id="answers"):
                yield Button("Not now", id="not-now")
                yield Button(
                    "I accept" if not accepted else "Close", variant="primary", id="accept"
                )
        yield Footer()

    @on(Button.Pressed, "#accept")
    def action_accept(self) -> None:
        if not self.query("#accept"):
            return
        try:
            if not participant.has_consented(self.journal):
                participant.accept_consent(self.journal)
                say(
                    self.app,
                    "Thank you. Only what you mark as shared can be exported, "
                    "and you see it before it goes",
                )
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#not-now")
    def action_not_now(self) -> None:
        try:
            accepted = participant.has_consented(self.journal)
        except PeerJournalError:
            accepted = False
        self.dismiss(accepted)
