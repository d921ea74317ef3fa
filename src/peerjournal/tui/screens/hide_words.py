"""Choose more words of one text to hide: select them in the text as written, then Hide.

Dismisses with the selection as character offsets into the stored text, or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from peerjournal.i18n import N_, _
from peerjournal.tui.modal_keys import SafetyKeysShown
from peerjournal.tui.notices import say
from peerjournal.tui.review_items import offset_of
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


class HideWordsScreen(TranslatedBindings, SafetyKeysShown, ModalScreen[tuple[int, int] | None]):
    """The text as written, read-only, for selecting words to hide."""

    CSS_PATH = "hide_words.tcss"
    HELP = N_(
        "Select the words to hide with shift and the arrow keys, or drag with the mouse, then "
        "press h (or the Hide button). They will read [REDACTED] in the file. Escape goes back "
        "and hides nothing more."
    )
    AUTO_FOCUS = "#original"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            N_("Back"),
            id="hide_words.cancel",
            tooltip=N_("Back to the review; nothing more is hidden"),
        ),
        Binding(
            "h",
            "hide",
            N_("Hide selection"),
            id="hide_words.hide",
            tooltip=N_("Hide the words selected in your text"),
        ),
    ]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__()
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(Content(self.heading), id="heading")
            yield Static(
                Content(
                    _(
                        "Select the words to hide (shift and the arrow keys, or drag with the "
                        "mouse), then press h."
                    )
                ),
                id="explain",
            )
            yield TextArea(self.text, id="original", read_only=True, soft_wrap=True)
            with Horizontal(id="answers"):
                yield Button(_("Back"), id="cancel", compact=True)
                yield Button(_("Hide selection"), variant="primary", id="hide", compact=True)
        yield KeyFooter()

    def selected(self) -> tuple[int, int] | None:
        """The selection as character offsets into the text (start < end), if any."""
        area = self.query_one("#original", TextArea)
        start, end = sorted(offset_of(self.text, loc) for loc in area.selection)
        return (start, end) if start < end and self.text[start:end].strip() else None

    @on(Button.Pressed, "#hide")
    def action_hide(self) -> None:
        chosen = self.selected()
        if chosen is None:
            say(
                self.app,
                _(
                    "Select the words to hide in your text first (shift and the arrow keys, "
                    "or drag with the mouse)"
                ),
                warning=True,
            )
            return
        self.dismiss(chosen)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
