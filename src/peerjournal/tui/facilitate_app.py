"""The small app behind `peerjournal facilitate FILE`: one prompt set file, no journal at all."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from peerjournal.i18n import N_, _
from peerjournal.tui.screens.facilitate import FacilitateScreen
from peerjournal.tui.typography import keep_no_break_spaces

keep_no_break_spaces()  # French « … » and « : » never split across lines


class FacilitateApp(App[None]):
    """Hosts the facilitator's editor; closing the editor closes the app."""

    TITLE = N_("Prompt set editor")

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.title = _(self.TITLE)  # TITLE is fixed at import; the language is known now

    def on_mount(self) -> None:
        self.push_screen(FacilitateScreen(self.path), lambda _: self.exit())

    async def action_quit(self) -> None:
        """Ctrl+Q goes through the editor, which asks before dropping unsaved changes."""
        screen = self.screen
        if isinstance(screen, FacilitateScreen):
            screen.action_leave()
        else:
            self.exit()


def run_facilitate(path: Path) -> None:
    FacilitateApp(path).run()
