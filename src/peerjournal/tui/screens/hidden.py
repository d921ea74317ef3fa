"""The neutral screen quick hide shows: nothing about the journal, not even its name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from peerjournal.i18n import N_, _
from peerjournal.tui import text
from peerjournal.tui.messages import GateWanted
from peerjournal.tui.translated import TranslatedBindings


class HiddenScreen(TranslatedBindings, Screen):
    """Plain and empty. Enter brings back the (locked) unlock screen."""

    CSS_PATH = "hidden.tcss"
    NEUTRAL = True  # the app opens no help and no command palette over it
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "leave",
            N_("Continue"),
            show=False,
            id="hidden.leave",
            tooltip=N_("Back to the (locked) unlock screen"),
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_(text.HIDDEN), id="nothing")

    def action_leave(self) -> None:
        self.app.post_message(GateWanted())
