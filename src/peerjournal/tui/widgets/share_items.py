"""Step 1 of the export: what is shared now, or why there is nothing to export.

The wizard sets `state` (and the items, the notes) down; the step posts what the person asks
for up (`Review`, `ReadConsent`, `StopSharingAll`, `Close`). What shows in each state is in
export_wizard.tcss, keyed by the state's class.
"""

from __future__ import annotations

from enum import StrEnum

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, DataTable, ProgressBar, Static

from peerjournal.i18n import _
from peerjournal.tui.review_items import SharedItem, first_words

WIDE = 100  # columns from which the list has room for longer first words


class ItemsState(StrEnum):
    LOADING = "loading"  # reading the items and running the redactor (progress bar)
    NO_STUDY = "no-study"  # the prompt set offers no study: nothing can be shared
    NO_CONSENT = "no-consent"  # the consent text was not accepted (yet)
    NOTHING = "nothing"  # a study, consent, and nothing marked shared
    READY = "ready"  # items to check


class ItemsStep(Vertical):
    """The list of shared items, with the way forward (check them) or the reason there is none."""

    state: reactive[ItemsState] = reactive(ItemsState.LOADING, init=False)

    class Review(Message):
        """Check the items, starting with `item` (None: the first)."""

        def __init__(self, item: SharedItem | None) -> None:
            super().__init__()
            self.item = item

    class ReadConsent(Message):
        """Show the consent text again."""

    class StopSharingAll(Message):
        """Switch sharing off for every item (offered after a withdrawal)."""

    class Close(Message):
        """Leave the export without writing anything."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[SharedItem] = []

    def compose(self) -> ComposeResult:
        yield Static(_("Step 1 of 3 \u00b7 What you share"), classes="step-title")
        yield Static(Content(_("Getting your shared items ready\u2026")), id="items-intro")
        yield ProgressBar(id="finding", show_eta=False)
        with Vertical(id="withdrawn-note"):
            yield Static("", id="withdrawn-text")
            yield Button(_("Stop sharing all of them"), variant="warning", id="unshare-all")
        yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="buttons"):
            yield Button(_("Close"), id="close")
            yield Button(_("Read the consent text"), id="read-consent")
            yield Button(_("Check each item"), variant="primary", id="to-review")

    def on_mount(self) -> None:
        table = self.query_one("#items", DataTable)
        for label, key in (
            (_("Kind"), "kind"),
            (_("Session"), "session"),
            (_("Week"), "week"),
            (_("First words"), "words"),
        ):
            table.add_column(label, key=key)
        self.watch_state(self.state)

    def watch_state(self, state: ItemsState) -> None:
        for each in ItemsState:
            self.set_class(each is state, f"-{each.value}")

    # -- set down by the wizard -------------------------------------------------------------------

    def explain(self, message: str) -> None:
        self.query_one("#items-intro", Static).update(Content(message))

    def finding(self, done: int, total: int) -> None:
        self.query_one("#finding", ProgressBar).update(total=max(total, 1), progress=done)

    def show_items(self, items: list[SharedItem]) -> None:
        self.items = items
        table = self.query_one("#items", DataTable)
        table.clear()
        # Long sessions and first words end in an ellipsis within the width, never cut silently.
        width = self.screen.size.width
        session_chars = 24 if width < WIDE else 40
        words_chars = max(12, width - session_chars - 34) if width < WIDE else 60
        for n, item in enumerate(items):
            table.add_row(
                Text(item.kind_label),
                Text(first_words(item.session, session_chars)),
                Text(item.week),
                Text(first_words(item.words, words_chars)),
                key=str(n),
            )

    def withdrawn(self, message: str | None, *, offer: bool) -> None:
        """A note about a withdrawal (None: no note); `offer` shows the stop-sharing button."""
        self.set_class(message is not None, "-withdrawn")
        self.set_class(offer, "-offer-unshare")
        self.query_one("#withdrawn-text", Static).update(Content(message or ""))

    def focus_list(self) -> None:
        if self.items:
            self.query_one("#items", DataTable).focus()

    # -- posted up ------------------------------------------------------------------------------

    @on(Button.Pressed, "#to-review")
    def _to_review(self) -> None:
        self.post_message(self.Review(None))

    @on(DataTable.RowSelected, "#items")
    def _review_item(self, event: DataTable.RowSelected) -> None:
        """Enter on an item: check that one first."""
        self.post_message(self.Review(self.items[int(event.row_key.value or 0)]))

    @on(Button.Pressed, "#read-consent")
    def _read_consent(self) -> None:
        self.post_message(self.ReadConsent())

    @on(Button.Pressed, "#unshare-all")
    def _unshare_all(self) -> None:
        self.post_message(self.StopSharingAll())

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.post_message(self.Close())
