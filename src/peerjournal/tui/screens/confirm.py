"""A yes-or-no question in a modal: `True` only when the person chooses the confirming button."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from peerjournal.i18n import N_, _
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


class ConfirmScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[bool]):
    """Ask before something that cannot be undone. The safe answer has the focus."""

    CSS_PATH = "confirm.tcss"
    HELP = N_("Choose whether to go ahead. Escape keeps things as they are.")
    AUTO_FOCUS = "#cancel"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Keep it"),
            id="confirm.cancel",
            tooltip=N_("Close this question and change nothing"),
        ),
    ]

    def __init__(self, question: str, confirm_label: str, cancel_label: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label
        self.cancel_label = cancel_label if cancel_label is not None else _("Cancel")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.question), id="question")
            with Horizontal(id="answers"):
                yield Button(self.cancel_label, id="cancel")
                yield Button(self.confirm_label, variant="error", id="confirm")
        yield KeyFooter()

    @on(Button.Pressed, "#confirm")
    def _confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
