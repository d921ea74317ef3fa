"""One entry, rendered as Markdown, with what it answered and whether it is shared.

The entry is read again every time the screen comes back into view, so after an edit (in the
writing screen) or a change made elsewhere, what shows is what is stored.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, Static, Switch

from peerjournal.errors import PeerJournalError
from peerjournal.model import Entry
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.entry_list import when
from peerjournal.tui.widgets.key_footer import KeyFooter

SHARED_NOTE = "Shared with research: it can go into a research export that you make and review."
PRIVATE_NOTE = "Not shared: this entry stays only with you. Switch on to share it with research."


def meta_line(entry: Entry) -> str:
    """Date, session, mood and tags on one line."""
    parts = [when(entry.created_at)]
    if entry.updated_at > entry.created_at and (entry.updated_at - entry.created_at).seconds > 60:
        parts.append(f"changed {when(entry.updated_at)}")
    if entry.session_number is not None:
        parts.append(f"session {entry.session_number}")
    if entry.mood is not None:
        parts.append(f"mood {entry.mood} of 5")
    if entry.tags:
        parts.append(" ".join(f"#{t}" for t in entry.tags))
    return "  ·  ".join(parts)


class EntryScreen(TranslatedBindings, Screen[str | None]):
    """Read one entry; edit it, share or unshare it, delete it (after asking).

    Dismisses with "deleted" when the entry was deleted, else None.
    """

    CSS_PATH = "entry.tcss"
    HELP = (
        "Your entry as you wrote it. E edits it, S shares it with research or makes it private "
        "again, D deletes it (you will be asked first)."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit", id="entry.edit", tooltip="Change this entry"),
        Binding(
            "s",
            "toggle_share",
            "Share / unshare",
            id="entry.share",
            tooltip="Share this entry with research, or make it private again",
        ),
        Binding(
            "d",
            "delete",
            "Delete",
            id="entry.delete",
            tooltip="Delete this entry (you will be asked first)",
        ),
        Binding("escape", "back", "Back", id="entry.back", tooltip="Back to the list"),
    ]

    def __init__(self, journal, entry_id: str) -> None:
        super().__init__()
        self.journal = journal
        self.entry_id = entry_id
        self.entry: Entry | None = None
        self._outcome: str | None = None  # set once the screen is on its way out
        self._leaving = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page"):
            yield Static("", id="title")
            yield Static("", id="meta")
            with Horizontal(id="sharing"):
                yield Switch(False, id="share", tooltip="Share this entry with research")
                yield Static("", id="share-note")
            yield Static("", id="prompt")
            yield Markdown("", id="body", open_links=False)
        yield KeyFooter()

    async def on_screen_resume(self) -> None:
        if self._outcome is not None:
            self._close(self._outcome)
            return
        await self.refresh_entry()

    def _close(self, outcome: str) -> None:
        """Leave once, however many events ask for it (a modal's answer arrives before it pops)."""
        self._outcome = outcome
        if self.is_active and not self._leaving:
            self._leaving = True
            self.dismiss(None if outcome == "back" else outcome)

    async def refresh_entry(self) -> None:
        """Read the entry from the journal and show it; a vanished entry closes the screen."""
        try:
            entry = self.journal.entries.get(self.entry_id)
        except PeerJournalError:
            self.app.notify("That entry is no longer in your journal.", severity="warning")
            self._close("back")
            return
        self.entry = entry
        self.entry_id = entry.id
        self.query_one("#title", Static).update(Content(entry.title or "Untitled entry"))
        self.query_one("#meta", Static).update(Content(meta_line(entry)))
        prompt = self.query_one("#prompt", Static)
        prompt.update(Content(f"Prompt: {entry.prompt_text}" if entry.prompt_text else ""))
        prompt.display = bool(entry.prompt_text)
        self._show_shared(entry.shared)
        await self.query_one("#body", Markdown).update(entry.body)

    def _show_shared(self, shared: bool) -> None:
        switch = self.query_one("#share", Switch)
        if switch.value != shared:
            with switch.prevent(Switch.Changed):
                switch.value = shared
        self.query_one("#share-note", Static).update(SHARED_NOTE if shared else PRIVATE_NOTE)
        self.set_class(shared, "-shared")

    # -- sharing --------------------------------------------------------------------------------

    @on(Switch.Changed, "#share")
    def _switched(self, event: Switch.Changed) -> None:
        self.set_shared(event.value)

    def action_toggle_share(self) -> None:
        if self.entry is not None:
            self.set_shared(not self.entry.shared)

    def set_shared(self, shared: bool) -> None:
        if self.entry is None or self.entry.shared == shared:
            return
        try:
            self.entry = self.journal.entries.set_shared(self.entry.id, shared)
        except PeerJournalError as error:
            from peerjournal.tui.notices import say_error

            say_error(self.app, error)
            shared = self.entry.shared
        self._show_shared(shared)
        if self.entry.shared == shared:
            self.app.notify(
                "Shared with research. You will see it again before any export."
                if shared
                else "Private again. It will not be in future exports.",
                title="Sharing",
            )

    # -- editing and deleting -------------------------------------------------------------------

    def action_edit(self) -> None:
        try:
            from peerjournal.tui.screens.write import WriteScreen
        except ImportError:
            self.app.notify("Editing is not available in this version.", severity="warning")
            return
        self.app.push_screen(WriteScreen(self.journal, entry_id=self.entry_id))

    def action_delete(self) -> None:
        from peerjournal.tui.screens.confirm import ConfirmScreen

        question = "Delete this entry? It will be gone from your journal for good."
        self.app.push_screen(ConfirmScreen(question, "Delete", "Keep it"), self._delete_answer)

    def _delete_answer(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            self.journal.entries.delete(self.entry_id)
        except PeerJournalError as error:
            from peerjournal.tui.notices import say_error

            say_error(self.app, error)
            return
        self.app.notify("Entry deleted.", title="Deleted")
        self._close("deleted")

    def action_back(self) -> None:
        self._close("back")
