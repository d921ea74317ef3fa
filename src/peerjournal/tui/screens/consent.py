"""The study's consent text, read before anything is shared: Accept records it, Not now changes
nothing. Dismisses with True only when the participant accepted (or had already accepted this
exact text).

Everything from the prompt set (the study's name, contact, retention and the consent text) is
shown as plain text, the consent text as written: what is read is what is hashed when accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from peerjournal.errors import PeerJournalError
from peerjournal.export import participant
from peerjournal.i18n import N_, _
from peerjournal.promptset.plaintext import visible
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.notices import say, say_error
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.journal import Journal

INTRO = N_(
    "Before you share anything with the researchers, please read what you would be agreeing to. "
    "Saying no is fine: your journal works the same, and nothing leaves it."
)
ALREADY = N_(
    "You have already accepted this text. You can still choose, item by item, what to share."
)
NO_STUDY = N_(
    "There is no study to share with yet, so there is no consent text to read. If your program "
    "runs a research study, ask your facilitator for the study's prompt set."
)
SMALL_HEIGHT = 32  # rows: below this the dialog takes the whole screen and the text most of it


class ConsentScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[bool]):
    """Show who the study is, how long they keep data, and the consent text, plainly."""

    CSS_PATH = "consent.tcss"
    HELP = N_(
        "Read the study's consent text. Accept lets you export the entries and feedback you "
        "mark as shared; Not now closes this and shares nothing."
    )
    AUTO_FOCUS = "#text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "not_now",
            N_("Not now"),
            id="consent.not_now",
            tooltip=N_("Close without accepting; nothing is shared"),
        ),
        Binding(
            "a",
            "accept",
            N_("Accept"),
            id="consent.accept",
            tooltip=N_("Accept this consent text (you can withdraw later)"),
        ),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        study = participant.study_or_none(self.journal)
        if study is None:
            with Vertical(id="dialog"):
                yield Static(Content(_(NO_STUDY)), id="intro")
                with Horizontal(id="answers"):
                    yield Button(_("Close"), id="not-now")
            yield KeyFooter()
            return
        accepted = participant.has_consented(self.journal)
        with Vertical(id="dialog"):
            yield Static(Content(visible(study.name)), id="study-name")
            yield Static(Content(_(ALREADY if accepted else INTRO)), id="intro")
            with VerticalScroll(id="text"):
                contact = _("Contact: {contact}").format(contact=visible(study.contact))
                yield Static(Content(contact), id="contact")
                yield Static(
                    Content(
                        _("How long they keep it: {retention}").format(
                            retention=visible(study.retention)
                        )
                    ),
                    id="retention",
                )
                yield Static(Content(participant.consent_shown(study)), id="consent-text")
            with Horizontal(id="answers"):
                yield Button(_("Not now"), id="not-now")
                yield Button(
                    _("Close") if accepted else _("I accept"), variant="primary", id="accept"
                )
        yield KeyFooter()

    def on_resize(self, event: Resize) -> None:
        """A small terminal (80x24): the dialog fills the screen, its buttons take one row each,
        and the consent text gets every row that is left (it scrolls, with its scrollbar)."""
        small = event.size.height < SMALL_HEIGHT
        self.set_class(small and bool(self.query("#text")), "-small")  # no study: one sentence
        for button in self.query(Button):
            button.compact = small

    @on(Button.Pressed, "#accept")
    def action_accept(self) -> None:
        if not self.query("#accept"):
            return
        try:
            if not participant.has_consented(self.journal):
                participant.accept_consent(self.journal)
                say(
                    self.app,
                    _(
                        "Thank you. Only what you mark as shared can be exported, "
                        "and you see it before it goes"
                    ),
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
