"""After unlocking: offer back writing saved as a draft (after a lock, a quick hide or a crash)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from peerjournal.i18n import N_, _, ngettext
from peerjournal.model import Draft
from peerjournal.tui.format import draft_label
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.notices import say
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.tui.app import PeerJournalApp


class DraftOfferScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[None]):
    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "draft_offer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "later",
            N_("Later"),
            id="draft_offer.later",
            tooltip=N_("Keep the draft for later; it stays on the home screen"),
        ),
    ]

    def __init__(self, journal) -> None:
        super().__init__()
        self.journal = journal
        drafts = journal.drafts.list()
        self.draft: Draft | None = drafts[0] if drafts else None
        self.others = max(0, len(drafts) - 1)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(_("You have unfinished writing"), id="heading")
            label = draft_label(self.draft) if self.draft else ""
            if self.others:
                more = ngettext(
                    "(and {count} more on the home screen)",
                    "(and {count} more on the home screen)",
                    self.others,
                ).format(count=self.others)
                label = f"{label}\n{more}"
            yield Static(Content(label), id="what")
            with Horizontal(classes="buttons"):
                yield Button(_("Keep writing"), variant="primary", id="continue")
                yield Button(_("Later"), id="later")
                yield Button(_("Discard"), variant="error", id="discard")
        yield KeyFooter()

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        from peerjournal.tui.screens.write import WriteScreen

        draft = self.draft
        self.dismiss()
        if draft is not None:
            self.app.push_screen(WriteScreen(self.journal, draft=draft))

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        """Throw this draft away (the person chose to); the next one, if any, is offered."""
        if self.draft is not None:
            self.journal.drafts.discard(self.draft.id)
            say(self.app, _("Draft discarded"))
        self.dismiss()
        self.app.offer_drafts()

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss()
