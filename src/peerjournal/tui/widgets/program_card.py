"""Settings' card for the prompt set: which one the journal follows, and a button to choose.

A widget of its own so the prompt-set choice lives beside its screen (screens/prompt_sets.py),
and Settings only places it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Button, Static

from peerjournal.i18n import _

if TYPE_CHECKING:
    from peerjournal.journal import Journal


class ProgramCard(Vertical):
    """'Prompt set: <title · language · sessions>' and Choose a prompt set."""

    DEFAULT_CSS = """
    ProgramCard {
        height: auto;
    }
    """

    def __init__(self, journal: Journal) -> None:
        super().__init__(classes="card", id="program")
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Static(_("Prompt set"), classes="heading")
        yield Static(self._current(), id="program-current", classes="hint")
        yield Button(_("Choose a prompt set"), id="choose-prompt-set")

    def _current(self):
        from peerjournal.tui.screens.prompt_sets import current_line

        return current_line(self.journal)

    @on(Button.Pressed, "#choose-prompt-set")
    def _choose(self) -> None:
        from peerjournal.tui.screens.prompt_sets import PromptSetScreen

        self.app.push_screen(PromptSetScreen(self.journal), self._chosen)

    def _chosen(self, _installed: bool | None) -> None:
        self.query_one("#program-current", Static).update(self._current())
