"""The participant's own always-redact list: their names, working names, and the people and places
in their life. These are hidden from everything shared, whatever the automatic finder thinks."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, DataTable, Header, Input, Select, Static

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import N_, _, ngettext
from peerjournal.tui.notices import say, say_error
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.journal import Journal

EXPLAIN = N_(
    "Words on this list are always hidden from anything you share with research: your own "
    "names and working names, regulars, friends, places you work. Matching ignores capitals and "
    "catches \u2019s and plurals. The list stays encrypted inside your journal."
)
KINDS = ((N_("A person or a name"), "PERSON"), (N_("A place"), "LOCATION"))
KIND_WORDS = {"PERSON": N_("person"), "LOCATION": N_("place")}


class TermsScreen(TranslatedBindings, Screen[None]):
    """List, add and remove always-redact terms (DataTable + Input + kind Select)."""

    CSS_PATH = "terms.tcss"
    HELP = N_(
        "Add names and places that must always be hidden when you share. Type the word, choose "
        "person or place, and press Enter. Select a row and press Delete to remove it."
    )
    AUTO_FOCUS = "#term"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Back"), id="terms.close", tooltip=N_("Go back")),
        Binding(
            "delete",
            "remove",
            N_("Remove"),
            id="terms.remove",
            tooltip=N_("Remove the selected word from the list"),
        ),
        Binding(
            "ctrl+n",
            "focus_new",
            N_("New word"),
            id="terms.new",
            tooltip=N_("Type a new word to always hide"),
        ),
    ]

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="terms-body"):
            yield Static(_("Always hide these"), id="heading")
            yield Static(Content(_(EXPLAIN)), id="explain")
            with Horizontal(id="add-row"):
                yield Input(placeholder=_("A name or place"), id="term")
                yield Select(
                    [(_(label), kind) for label, kind in KINDS],
                    value="PERSON",
                    allow_blank=False,
                    id="kind",
                )
                yield Button(_("Add"), variant="primary", id="add")
            yield DataTable(id="terms", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="foot-row"):
                yield Static("", id="status")
                yield Button(_("Remove selected"), id="remove")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one("#terms", DataTable)
        table.add_column(_("Word"), key="term")
        table.add_column(_("Kind"), key="kind")
        self.refresh_terms()

    def refresh_terms(self, select: str | None = None) -> None:
        table = self.query_one("#terms", DataTable)
        table.clear()
        terms = self.journal.terms.list()
        for term, kind in terms:
            word = _(KIND_WORDS[kind]) if kind in KIND_WORDS else kind.lower()
            table.add_row(Text(term), Text(word), key=term)
        status = self.query_one("#status", Static)
        status.update(
            Content(
                _("Nothing on the list yet.")
                if not terms
                else ngettext(
                    "{count} word always hidden.", "{count} words always hidden.", len(terms)
                ).format(count=len(terms))
            )
        )
        if select is not None:
            for row, (term, _kind) in enumerate(terms):
                if term.casefold() == select.casefold():
                    table.move_cursor(row=row)

    @on(Input.Submitted, "#term")
    @on(Button.Pressed, "#add")
    def add_term(self) -> None:
        field = self.query_one("#term", Input)
        kind = self.query_one("#kind", Select).value
        term = " ".join(field.value.split())
        try:
            self.journal.terms.add(term, str(kind))
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        field.value = ""
        self.refresh_terms(select=term)
        say(self.app, _("Added. It will always be hidden from what you share"))

    @on(Button.Pressed, "#remove")
    def action_remove(self) -> None:
        table = self.query_one("#terms", DataTable)
        if table.row_count == 0:
            say(self.app, _("There is nothing to remove"), warning=True)
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is None:
            return
        try:
            self.journal.terms.remove(key)
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        self.refresh_terms()
        say(self.app, _("Removed. It is now hidden only if the automatic check finds it"))

    def action_focus_new(self) -> None:
        self.query_one("#term", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)
