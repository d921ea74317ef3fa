"""The recovery code, shown once with its warning. Nothing keeps it but the paper it goes on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown, Static

from peerjournal.i18n import N_, _
from peerjournal.tui import text
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


class RecoveryCodeScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[None]):
    CSS_PATH = "recovery_code.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "done",
            N_("Done"),
            id="recovery_code.done",
            tooltip=N_("I have written the code down"),
        ),
    ]

    def __init__(self, code: str) -> None:
        super().__init__()
        self._code = code

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Markdown(_(text.RECOVERY_SHOWN))
            yield Static(self._code, id="code")
            yield Button(_("I have written it down"), variant="primary", id="done")
        yield KeyFooter()

    @on(Button.Pressed, "#done")
    def action_done(self) -> None:
        self._code = ""
        self.dismiss()
