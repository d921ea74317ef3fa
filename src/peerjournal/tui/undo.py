"""Deleting with a way back: a deleted entry waits a few seconds before it is really deleted.

Until then its text stays where it always was, in the encrypted database, and Ctrl+Z brings it
back; the lists leave it out. When the time is up, or the journal locks, hides or quits, the
entry is deleted through the domain API, and the guarantees on deleted text apply from then on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peerjournal.errors import PeerJournalError

if TYPE_CHECKING:
    from textual.timer import Timer

    from peerjournal.journal import Journal

UNDO_SECONDS = 10.0


@dataclass
class PendingDeletes:
    """Entries deleted in the app and not yet gone from the journal, with their timers."""

    waiting: dict[str, Timer] = field(default_factory=dict)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.waiting

    def add(self, entry_id: str, timer: Timer) -> None:
        self.waiting[entry_id] = timer

    def take_back(self) -> str | None:
        """The most recently deleted entry, no longer to be deleted (None: nothing waits)."""
        if not self.waiting:
            return None
        entry_id = next(reversed(self.waiting))
        self.waiting.pop(entry_id).stop()
        return entry_id

    def finish(self, journal: Journal, entry_id: str | None = None) -> list[str]:
        """Really delete `entry_id` (None: every waiting entry); returns the error messages."""
        ids = [entry_id] if entry_id is not None else list(self.waiting)
        problems = []
        for ident in ids:
            timer = self.waiting.pop(ident, None)
            if timer is None:
                continue
            timer.stop()
            try:
                journal.entries.delete(ident)
            except PeerJournalError as error:
                problems.append(error.message)
        return problems
