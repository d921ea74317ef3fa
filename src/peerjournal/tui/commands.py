"""The command palette's journal commands. Each reads "area: verb" and runs an app action."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider


class Command(NamedTuple):
    title: str
    action: str
    help: str
    needs_journal: bool = True


COMMANDS = (
    Command("Write: new entry", "write", "Write freely, without a prompt"),
    Command("Entries: browse", "entries", "All your entries, newest first"),
    Command("Entries: search", "entries", "Find entries by words in them"),
    Command("Journal: home", "home", "Back to the sessions and recent entries"),
    Command("Journal: lock", "lock", "Save what you are writing and lock"),
    Command("Journal: hide now", "quick_hide", "Hide everything at once and lock", False),
    Command("Journal: quit", "quit", "Save, lock and close the app", False),
    Command(
        "Share: export for research",
        "export",
        "See what you share, check each text as it will leave, write the file",
    ),
    Command(
        "Share: words to always hide",
        "terms",
        "Your names, working names, people and places, hidden from anything shared",
    ),
    Command("Share: study consent", "consent", "Read (or accept) the study's consent text"),
    Command("Settings: open", "settings", "Auto-lock, quick-hide key, theme"),
    Command("Settings: change passphrase", "settings", "Choose a new passphrase"),
    Command("Settings: recovery code", "settings", "Make or replace your recovery code"),
    Command("Settings: back up", "settings", "Copy the encrypted journal to a folder"),
    Command("Help: keys and screens", "help", "What each key does here", False),
)


class JournalCommands(Provider):
    """Offers the commands that make sense now: most need an unlocked journal."""

    def _available(self) -> list[Command]:
        unlocked = getattr(self.app, "journal", None) is not None
        return [c for c in COMMANDS if unlocked or not c.needs_journal]

    def _run(self, command: Command):
        return partial(self.app.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._available():
            yield DiscoveryHit(command.title, self._run(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._available():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    self._run(command),
                    text=command.title,
                    help=command.help,
                )
