"""One entry, rendered as Markdown, with what it answered and whether it is shared.

The entry is read again every time the screen comes back into view, so after an edit (in the
writing screen) or a change made elsewhere, what shows is what is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Markdown, Static, Switch

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import N_, _
from peerjournal.model import Entry
from peerjournal.tui.format import mood_name
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.entry_list import when
from peerjournal.tui.widgets.key_footer import KeyFooter

SHARED_NOTE = N_("Shared with research: it can go into a research export that you make and review.")
PRIVATE_NOTE = N_(
    "Not shared: this entry stays only with you. Switch on to share it with research."
)


def meta_line(entry: Entry) -> str:
    """Date, session, mood and tags on one line."""
    parts = [when(entry.created_at)]
    if entry.updated_at > entry.created_at and (entry.updated_at - entry.created_at).seconds > 60:
        parts.append(_("changed {when}").format(when=when(entry.updated_at)))
    if entry.session_number is not None:
        parts.append(_("session {number}").format(number=entry.session_number))
    if entry.mood is not None:
        parts.append(_("mood: {mood}").format(mood=mood_name(entry.mood)))
    if entry.tags:
        parts.append(" ".join(f"#{t}" for t in entry.tags))
    return "  ·  ".join(parts)


if TYPE_CHECKING:
    from peerjournal.tui.app import PeerJournalApp


class EntryScreen(TranslatedBindings, Screen[str | None]):
    """Read one entry; edit it, share or unshare it, delete it (after asking).

    Dismisses with "deleted" when the entry was deleted, else None.
    """

    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "entry.tcss"
    HELP = N_(
        "Your entry as you wrote it. E edits it, S shares it with research or makes it private "
        "again, D deletes it (you will be asked first)."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", N_("Edit"), id="entry.edit", tooltip=N_("Change this entry")),
        Binding(
            "s",
            "toggle_share",
            N_("Share / unshare"),
            id="entry.share",
            tooltip=N_("Share this entry with research, or make it private again"),
        ),
        Binding(
            "d",
            "delete",
            N_("Delete"),
            id="entry.delete",
            tooltip=N_("Delete this entry (you will be asked first)"),
        ),
        Binding("escape", "back", N_("Back"), id="entry.back", tooltip=N_("Back to the list")),
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
                yield Switch(False, id="share", tooltip=_("Share this entry with research"))
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
            self.app.notify(_("That entry is no longer in your journal."), severity="warning")
            self._close("back")
            return
        self.entry = entry
        self.entry_id = entry.id
        self.query_one("#title", Static).update(Content(entry.title or _("Untitled entry")))
        self.query_one("#meta", Static).update(Content(meta_line(entry)))
        prompt = self.query_one("#prompt", Static)
        prompt.update(
            Content(_("Prompt: {text}").format(text=entry.prompt_text)) if entry.prompt_text else ""
        )
        prompt.display = bool(entry.prompt_text)
        self._show_shared(entry.shared)
        await self.query_one("#body", Markdown).update(entry.body)

    def _show_shared(self, shared: bool) -> None:
        switch = self.query_one("#share", Switch)
        if switch.value != shared:
            with switch.prevent(Switch.Changed):
                switch.value = shared
        self.query_one("#share-note", Static).update(_(SHARED_NOTE if shared else PRIVATE_NOTE))
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
                _("Shared with research. You will see it again before any export.")
                if shared
                else _("Private again. It will not be in future exports."),
                title=_("Sharing"),
            )

    # -- editing and deleting -------------------------------------------------------------------

    def action_edit(self) -> None:
        try:
            from peerjournal.tui.screens.write import WriteScreen
        except ImportError:
            self.app.notify(_("Editing is not available in this version."), severity="warning")
            return
        self.app.push_screen(WriteScreen(self.journal, entry_id=self.entry_id))

    def action_delete(self) -> None:
        from peerjournal.tui.screens.confirm import ConfirmScreen

        question = _("Delete this entry? You can bring it back for a few seconds with Ctrl+Z.")
        self.app.push_screen(
            ConfirmScreen(question, _("Delete"), _("Keep it")), self._delete_answer
        )

    def _delete_answer(self, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.app.delete_entry(self.entry_id)  # one notice, with the way back
        self._close("deleted")

    def action_back(self) -> None:
        self._close("back")
