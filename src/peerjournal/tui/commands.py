"""The command palette's journal commands (each reads "area: verb" and runs an app action), and
the palette itself with Textual's own words in the app's language."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from peerjournal.i18n import N_, _


class Command(NamedTuple):
    title: str
    action: str
    help: str
    needs_journal: bool = True


COMMANDS = (
    Command(N_("Write: new entry"), "write", N_("Write freely, without a prompt")),
    Command(N_("Entries: browse"), "open('entries')", N_("All your entries, newest first")),
    Command(N_("Entries: search"), "open('entries')", N_("Find entries by words in them")),
    Command(N_("Journal: home"), "home", N_("Back to the sessions and recent entries")),
    Command(N_("Journal: lock"), "lock", N_("Save what you are writing and lock")),
    Command(N_("Journal: hide now"), "quick_hide", N_("Hide everything at once and lock"), False),
    Command(N_("Journal: quit"), "quit", N_("Save, lock and close the app"), False),
    Command(
        N_("Share: export for research"),
        "open('export')",
        N_("See what you share, check each text as it will leave, write the file"),
    ),
    Command(
        N_("Share: words to always hide"),
        "open('terms')",
        N_("Your names, working names, people and places, hidden from anything shared"),
    ),
    Command(
        N_("Share: study consent"),
        "open('consent')",
        N_("Read (or accept) the study's consent text"),
    ),
    Command(
        N_("Share: withdraw from the study"),
        "open('withdraw')",
        N_("Ask the researchers to remove what you sent; then choose about sharing"),
    ),
    Command(
        N_("Program: choose a prompt set"),
        "open('prompt_sets')",
        N_("Follow a set that comes with peerjournal, or one from a file or USB stick"),
    ),
    Command(N_("Settings: open"), "open('settings')", N_("Auto-lock, quick-hide key, theme")),
    Command(N_("Settings: change passphrase"), "open('settings')", N_("Choose a new passphrase")),
    Command(
        N_("Settings: recovery code"), "open('settings')", N_("Make or replace your recovery code")
    ),
    Command(
        N_("Settings: back up"), "open('settings')", N_("Copy the encrypted journal to a folder")
    ),
    Command(N_("Help: keys and screens"), "help", N_("What each key does here"), False),
)


# Textual's own palette commands that the app keeps (app.get_system_commands), translated.
SYSTEM_COMMANDS = {
    "Maximize": (N_("Maximize"), N_("Maximize the focused widget")),
    "Minimize": (N_("Minimize"), N_("Minimize the widget and restore to normal size")),
}


class Palette(CommandPalette):
    """Textual's command palette, its placeholder and "No matches found" in the app's language."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder=_("Search for commands…"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2's method, whose words are fixed in English; the same with ours.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class JournalCommands(Provider):
    """Offers the commands that make sense now: most need an unlocked journal."""

    def _available(self) -> list[Command]:
        unlocked = getattr(self.app, "journal", None) is not None
        return [c for c in COMMANDS if unlocked or not c.needs_journal]

    def _run(self, command: Command):
        return partial(self.app.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._available():
            yield DiscoveryHit(_(command.title), self._run(command), help=_(command.help))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._available():
            title = _(command.title)
            # French titles keep a no-break space before the colon; a person types a plain one.
            typed = title.replace("\u00a0", " ").replace("\u202f", " ")
            score = matcher.match(typed)
            if score > 0:
                yield Hit(
                    score,
                    Content(title, list(matcher.highlight(typed).spans)),  # same length
                    self._run(command),
                    text=title,
                    help=_(command.help),
                )
