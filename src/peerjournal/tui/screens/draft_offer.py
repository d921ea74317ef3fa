"""After unlocking: offer back writing saved as a draft (after a lock, a quick hide or a crash)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from peerjournal.model import Draft
from peerjournal.tui.format import draft_label
from peerjournal.tui.translated import TranslatedBindings


class DraftOfferScreen(TranslatedBindings, ModalScreen[None]):
    CSS_PATH = "draft_offer.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "later",
            "Later",
            id="draft_offer.later",
            tooltip="Keep the draft for later; it stays on the home screen",
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
            yield Static("You have unfinished writing", id="heading")
            label = draft_label(self.draft) if self.draft else ""
            more = f"\n(and {self.others} more on the home screen)" if self.others else ""
            yield Static(Content(f"{label}{more}"), id="what")
            with Horizontal(classes="buttons"):
                yield Button("Keep writing", variant="primary", id="continue")
                yield Button("Later", id="later")

    @on(Button.Pressed, "#continue")
    def _continue(self) -> None:
        from peerjournal.tui.screens.write import WriteScreen

        draft = self.draft
        self.dismiss()
        if draft is not None:
            self.app.push_screen(WriteScreen(self.journal, draft=draft))

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss()
