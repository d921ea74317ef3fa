"""Messages screens send the app. A screen never awaits the app's screen changes itself: those
remove the very screen that asked, which would wait on its own message loop."""

from __future__ import annotations

from textual.message import Message


class JournalOpened(Message):
    """The key is derived and the journal open; the app takes it from here."""

    def __init__(self, journal, recovery_code: str | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.recovery_code = recovery_code


class GateWanted(Message):
    """Show the unlock (or welcome) screen, e.g. when leaving the hidden screen."""
