"""Step 2 of the export: each text exactly as it will leave, and what was hidden in it.

The wizard hands the step a `ReviewModel` (`show`); the participant's changes to a text (hide
more words, show a hidden part as written) are the model's, made here. What touches the journal
is posted up: `Unshare` (stop sharing an item), `Terms` (the always-hide list), and the moves
`Back` and `Continue`. Every string from a person or a prompt set is shown as plain text.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from peerjournal.export.redaction import Redacted
from peerjournal.i18n import N_, _, ngettext
from peerjournal.tui.notices import say
from peerjournal.tui.review_items import ReviewModel, ReviewText, Row, RowKind, SharedItem
from peerjournal.tui.widgets.redacted_text import RedactedText

TEXT_WORDS = 40  # first words of a text in the list of texts


class ReviewStep(Vertical):
    """The texts to check (left, or on top when narrow), the chosen one as it leaves, and the
    list of what is hidden in it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "h",
            "hide_words",
            N_("Hide words"),
            id="export.hide",
            tooltip=N_("Choose more words of this text to hide"),
        ),
        Binding(
            "s",
            "show_as_written",
            N_("Show as written"),
            id="export.restore",
            tooltip=N_("Show the highlighted hidden part as you wrote it (or hide it again)"),
        ),
        Binding(
            "k",
            "keep_hidden",
            N_("Keep hidden"),
            id="export.keep",
            tooltip=N_(
                "The highlighted \u201cmaybe identifying\u201d part does identify: keep it hidden"
            ),
        ),
        Binding(
            "u",
            "unshare",
            N_("Stop sharing"),
            id="export.unshare",
            tooltip=N_("Take this item out of the export and switch its sharing off"),
        ),
        Binding(
            "t",
            "terms",
            N_("Always hide\u2026"),
            id="export.terms",
            tooltip=N_("Your list of names and places that are always hidden"),
        ),
    ]

    class Back(Message):
        """Back to the list of shared items."""

    class Continue(Message):
        """On to writing the file."""

    class Unshare(Message):
        """Stop sharing `item` (it stays in the journal)."""

        def __init__(self, item: SharedItem) -> None:
            super().__init__()
            self.item = item

    class Terms(Message):
        """Open the always-hide list; the finds are renewed after it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.model: ReviewModel | None = None
        self.current: ReviewText | None = None
        self.rows: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Static(_("Step 2 of 3 \u00b7 Check what leaves"), classes="step-title")
        with Horizontal(id="review-panes"):
            yield OptionList(id="texts")
            with Vertical(id="review-detail"):
                with Horizontal(classes="pane-bar"):
                    yield Static("", id="text-heading")
                    yield Button(_("Hide more words\u2026"), id="hide", compact=True)
                with VerticalScroll(id="redacted-scroll"):
                    yield RedactedText(id="redacted")
                yield Static("", id="tags")
                with Horizontal(classes="pane-bar"):
                    yield Static("", id="hidden-label")
                    yield Button(_("Keep hidden"), id="keep", compact=True)
                    yield Button(_("Show as written"), id="restore", compact=True)
                yield OptionList(id="redactions")
        yield Static(
            _(
                "Highlighted labels replaced something. In the file each person or place gets a "
                "number that stays the same everywhere ([PERSON 2]), so a story can be followed "
                "without knowing who."
            ),
            id="review-hint",
            markup=False,
        )
        with Horizontal(classes="buttons"):
            yield Button(_("Back"), id="review-back", compact=True)
            yield Button(_("Stop sharing this item"), variant="warning", id="unshare", compact=True)
            yield Button(_("Next: write the file"), variant="primary", id="to-write", compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep_hidden":
            return any(r.kind is RowKind.MAYBE for r in self.rows)
        return True

    # -- set down by the wizard -------------------------------------------------------------------

    def show(self, model: ReviewModel, start: SharedItem | None = None) -> None:
        """Fill the list of texts and show the first one (or the first of `start`)."""
        self.model = model
        texts = model.texts
        chosen = self.current if self.current in texts else None
        if start is not None and start.texts:
            chosen = start.texts[0]
        listing = self.query_one("#texts", OptionList)
        listing.clear_options()
        listing.add_options(Option(Content(self._text_label(t)), id=t.key) for t in texts)
        self.pick(texts.index(chosen) if chosen in texts else 0)

    def busy(self, finding: bool) -> None:
        """While the finds are renewed, the file cannot be written yet."""
        self.query_one("#to-write", Button).disabled = finding

    @staticmethod
    def _text_label(text: ReviewText) -> str:
        item = text.item
        return _("{kind}, week {week} \u00b7 {words}").format(
            kind=item.kind_label, week=item.week, words=_first(text.text)
        )

    def pick(self, index: int) -> None:
        assert self.model is not None
        texts = self.model.texts
        listing = self.query_one("#texts", OptionList)
        if not texts:
            self.current = None
            self._show_nothing()
            return
        index = max(0, min(index, len(texts) - 1))
        listing.highlighted = index
        self.show_text(texts[index])
        listing.focus()

    def _show_nothing(self) -> None:
        self.query_one("#text-heading", Static).update(
            Content(_("Nothing left to check: no shared item has written text. Ratings still go."))
        )
        self.query_one("#redacted", RedactedText).show(Redacted("", (), ()))
        self.query_one("#tags", Static).display = False
        self.query_one("#hidden-label", Static).update("")
        self.query_one("#redactions", OptionList).clear_options()
        self.rows = []

    def show_text(self, text: ReviewText, current: int | None = None) -> None:
        assert self.model is not None
        self.current = text
        redacted = self.model.preview(text)
        self.query_one("#text-heading", Static).update(
            Content.assemble(
                (text.heading, "bold"), " \u00b7 ", (_("as the researchers will get it"), "italic")
            )
        )
        self._fill_rows(text, current)
        self.query_one("#redacted", RedactedText).show(redacted, None, self._maybe())
        tags = self.model.tags(text.item)
        line = self.query_one("#tags", Static)
        line.update(Content(_("Tags: {tags}").format(tags=", ".join(tags)) if tags else ""))
        line.display = bool(tags)

    def _maybe(self) -> frozenset[int]:
        return frozenset(
            r.current for r in self.rows if r.kind is RowKind.MAYBE and r.current is not None
        )

    def _fill_rows(self, text: ReviewText, current: int | None) -> None:
        assert self.model is not None
        self.rows = self.model.rows(text)
        hidden = sum(1 for r in self.rows if r.kind is not RowKind.RESTORED)
        maybe = sum(1 for r in self.rows if r.kind is RowKind.MAYBE)
        if maybe:
            label = ngettext(
                "Hidden here: {count} part, {maybe} maybe identifying: keep it hidden, or show it?",
                "Hidden here: {count} parts, {maybe} maybe identifying: keep each hidden, or "
                "show it?",
                hidden,
            ).format(count=hidden, maybe=maybe)
        elif hidden:
            label = ngettext(
                "Hidden here: {count} part. Highlight one to see it in the text.",
                "Hidden here: {count} parts. Highlight one to see it in the text.",
                hidden,
            ).format(count=hidden)
        else:
            label = _("Nothing is hidden in this text.")
        self.query_one("#hidden-label", Static).update(Content(label))
        self.query_one("#keep", Button).display = bool(maybe)
        self.refresh_bindings()  # k shows in the footer only where it applies
        listing = self.query_one("#redactions", OptionList)
        listing.clear_options()
        listing.add_options(Option(Content(_row_text(row))) for row in self.rows)
        if self.rows:
            listing.highlighted = min(current or 0, len(self.rows) - 1)

    # -- the participant's changes ----------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#texts")
    def _text_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.model is None:
            return
        texts = self.model.texts
        index = event.option_index
        if (
            index < len(texts)
            and texts[index].key == event.option.id
            and texts[index] is not self.current
        ):
            self.show_text(texts[index])

    @on(OptionList.OptionHighlighted, "#redactions")
    def _row_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.model is None or self.current is None or event.option_index >= len(self.rows):
            return
        row = self.rows[event.option_index]
        view = self.query_one("#redacted", RedactedText)
        view.show(self.model.preview(self.current), row.current, self._maybe())

    @on(Button.Pressed, "#hide")
    def action_hide_words(self) -> None:
        from peerjournal.tui.screens.hide_words import HideWordsScreen

        text = self.current
        if text is None:
            return
        self.app.push_screen(HideWordsScreen(text.heading, text.text), self._hide_chosen)

    def _hide_chosen(self, chosen: tuple[int, int] | None) -> None:
        text = self.current
        if chosen is None or text is None or self.model is None:
            return
        if self.model.hide(text, *chosen):
            self.show_text(text)
            say(self.app, _("Hidden. It will read [REDACTED] in the file"))

    @on(Button.Pressed, "#restore")
    @on(OptionList.OptionSelected, "#redactions")
    def action_show_as_written(self) -> None:
        text, listing = self.current, self.query_one("#redactions", OptionList)
        index = listing.highlighted
        if text is None or self.model is None or index is None or index >= len(self.rows):
            say(self.app, _("Highlight a hidden part in the list first"), warning=True)
            return
        row = self.rows[index]
        self.model.toggle(text, row)
        if row.kind is RowKind.RESTORED:
            say(self.app, _("Hidden again"))
        else:
            say(self.app, _("That part will be shared as you wrote it"))
        self.show_text(text, current=index)
        listing.focus()

    @on(Button.Pressed, "#keep")
    def action_keep_hidden(self) -> None:
        text, listing = self.current, self.query_one("#redactions", OptionList)
        index = listing.highlighted
        if text is None or self.model is None or index is None or index >= len(self.rows):
            say(self.app, _("Highlight a hidden part in the list first"), warning=True)
            return
        if not self.model.keep_hidden(text, self.rows[index]):
            say(self.app, _("That part is not marked \u201cmaybe identifying\u201d"), warning=True)
            return
        say(self.app, _("Kept hidden"))
        self.show_text(text, current=index)
        listing.focus()

    # -- posted up --------------------------------------------------------------------------------

    @on(Button.Pressed, "#unshare")
    def action_unshare(self) -> None:
        if self.current is not None:
            self.post_message(self.Unshare(self.current.item))

    def action_terms(self) -> None:
        self.post_message(self.Terms())

    @on(Button.Pressed, "#review-back")
    def _back(self) -> None:
        self.post_message(self.Back())

    @on(Button.Pressed, "#to-write")
    def _continue(self) -> None:
        self.post_message(self.Continue())


def _first(text: str) -> str:
    from peerjournal.tui.review_items import first_words

    return first_words(text, TEXT_WORDS)


def _row_text(row: Row) -> str:
    """One line of the hidden list: the label, then the words it stands for."""
    if row.kind is RowKind.RESTORED:
        return _("shown as written: \u201c{words}\u201d (s hides it again)").format(words=row.words)
    if row.kind is RowKind.MAYBE:
        return _(
            "{label}  maybe identifying: \u201c{words}\u201d (k keeps it hidden, s shows it)"
        ).format(label=row.label, words=row.words)
    if row.kind is RowKind.MANUAL:
        return _("{label}  you hid \u201c{words}\u201d").format(label=row.label, words=row.words)
    return _("{label}  hidden \u201c{words}\u201d").format(label=row.label, words=row.words)
