"""The export wizard: see what you share, check each text as it will leave, then write the file.

Step 1 lists the shared items (the export's own query, `participant.shared_items`). Step 2 shows
each text redacted, with the labels highlighted; the participant can hide more by selecting words
in their own text, show a wrongly hidden word as written, or stop sharing an item. Step 3 picks a
format and a folder; the file is built and written in a thread worker only after a last "yes".
The headless `export.participant` does all the work; this screen only gathers choices.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import (
    Button,
    ContentSwitcher,
    DataTable,
    Footer,
    Header,
    Input,
    OptionList,
    ProgressBar,
    Select,
    Static,
    TextArea,
)
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from peerjournal.errors import PeerJournalError
from peerjournal.export import participant
from peerjournal.export.redaction import Redacted, detect, redact_text
from peerjournal.export.review import MANUAL_KIND, ItemReview, ReviewSpan
from peerjournal.tui.notices import describe, say, say_error
from peerjournal.tui.review_items import (
    Reviews,
    ReviewText,
    SharedItem,
    first_words,
    items_from,
    offset_of,
)
from peerjournal.tui.screens.consent import ConsentScreen
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.redacted_text import RedactedText

if TYPE_CHECKING:
    from peerjournal.journal import Journal

FORMAT_CHOICES = (
    ("JSON lines (.jsonl), the usual choice", "jsonl"),
    ("Spreadsheet tables (.csv in a .zip)", "csv"),
    ("Qualitative project (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder)", "qdpx"),
)
PROGRESS_EVERY = 0.05  # seconds between progress updates from the worker

ITEMS_INTRO = (
    "These are the entries and feedback answers you chose to share. Only these can leave your "
    "journal. Next you will see each one the way the researchers would, with names and places "
    "hidden, and you can change anything before a file is written."
)
REVIEW_HINT = (
    "Highlighted labels replaced something. In the file each person or place gets a number that "
    "stays the same everywhere ([PERSON 2]), so a story can be followed without knowing who."
)
NO_CONSENT = (
    "You have not accepted the study's consent text, so nothing can be exported. That is "
    "completely fine: your journal works the same. You can read the text again any time."
)
NOTHING_SHARED = (
    "Nothing is shared right now, so there is nothing to export. To share an entry or a "
    "feedback form, switch on \u201cshare with research\u201d for it."
)


class ExportWizardScreen(TranslatedBindings, Screen[None]):
    """Three steps from "what is shared" to an encrypted file, with nothing written before yes."""

    CSS_PATH = "export_wizard.tcss"
    HELP = (
        "Step 1 lists what you share. Step 2 shows each text as the researchers would get it: "
        "select words in your own text and press h to hide them too, highlight a hidden part in "
        "the list and press s to show it as written, press u to stop sharing the item, or press t "
        "to keep a name or place on your always-hide list. Step 3 writes one encrypted file, "
        "only after you say yes. Escape goes back a step; nothing is written on the way."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            "Back",
            id="export.back",
            tooltip="Go back a step (or close the export without writing anything)",
        ),
        Binding(
            "h",
            "hide_selection",
            "Hide selection",
            id="export.hide",
            tooltip="Hide the words selected in your text",
        ),
        Binding(
            "s",
            "show_as_written",
            "Show as written",
            id="export.restore",
            tooltip="Show the highlighted hidden part as you wrote it",
        ),
        Binding(
            "u",
            "unshare",
            "Stop sharing",
            id="export.unshare",
            tooltip="Take this item out of the export and switch its sharing off",
        ),
        Binding(
            "t",
            "terms",
            "Always hide\u2026",
            id="export.terms",
            tooltip="Your list of names and places that are always hidden",
        ),
        Binding("ctrl+n", "next", "Next", id="export.next", tooltip="Go to the next step"),
    ]
    STEP_ACTIONS: ClassVar[dict[str, set[str]]] = {
        "step-review": {"hide_selection", "show_as_written", "unshare", "terms"},
    }

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.items: list[SharedItem] = []
        self.texts: list[ReviewText] = []
        self.reviews = Reviews()
        self.redactor: Any = None
        self._found: dict[str, list[ReviewSpan]] = {}
        self._current: ReviewText | None = None
        self._loaded: ReviewText | None = None
        self._rows: list[tuple[str, ReviewSpan]] = []
        self._last_progress = 0.0
        self.written: Path | None = None

    # -- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial="step-items", id="steps"):
            with Vertical(id="step-items"):
                yield Static("Step 1 of 3 \u00b7 What you share", classes="step-title")
                yield Static(
                    "Getting your shared items ready\u2026", id="items-intro", classes="explain"
                )
                yield DataTable(id="items", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="buttons"):
                    yield Button("Close", id="close")
                    yield Button("Read the consent text", id="read-consent")
                    yield Button("Check each item", variant="primary", id="to-review")
            with Vertical(id="step-review"):
                yield Static("Step 2 of 3 \u00b7 Check what leaves", classes="step-title")
                with Horizontal(id="review-panes"):
                    yield OptionList(id="texts")
                    with Vertical(id="review-detail"):
                        yield Static("", id="text-heading")
                        yield Static("As the researchers will get it", classes="pane-label")
                        with VerticalScroll(id="redacted-scroll"):
                            yield RedactedText(id="redacted")
                        yield Static("", id="tags")
                        yield Static(
                            "Your words: select some and press h to hide them too",
                            classes="pane-label",
                        )
                        yield TextArea(
                            id="original", read_only=True, soft_wrap=True, show_cursor=True
                        )
                        yield Static(
                            "Hidden here: highlight one and press s to show it as written",
                            classes="pane-label",
                        )
                        yield OptionList(id="redactions")
                yield Static(REVIEW_HINT, id="review-hint", classes="explain")
                with Horizontal(classes="buttons"):
                    yield Button("Back", id="review-back")
                    yield Button("Hide selection", id="hide")
                    yield Button("Show as written", id="restore")
                    yield Button("Stop sharing this item", variant="warning", id="unshare")
                    yield Button("Next: write the file", variant="primary", id="to-write")
            with Vertical(id="step-write"):
                yield Static("Step 3 of 3 \u00b7 Write the file", classes="step-title")
                yield Static("Format", classes="pane-label")
                yield Select(FORMAT_CHOICES, value="jsonl", allow_blank=False, id="format")
                yield Static("Folder to save it in", classes="pane-label")
                yield Input(str(Path.home()), id="folder")
                yield Static("", id="plan", classes="explain")
                with Horizontal(classes="buttons", id="write-buttons"):
                    yield Button("Back", id="write-back")
                    yield Button("Write the file", variant="primary", id="write")
                with Horizontal(classes="buttons", id="confirm-row"):
                    yield Static("", id="confirm-question")
                    yield Button("Not yet", id="not-yet")
                    yield Button("Yes, write it", variant="success", id="confirm-write")
                yield ProgressBar(id="progress", show_eta=False)
                yield Static("", id="result")
                with Horizontal(classes="buttons", id="done-buttons"):
                    yield Button("Done", variant="primary", id="done")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#items", DataTable)
        for label, key in (
            ("Kind", "kind"),
            ("Session", "session"),
            ("Week", "week"),
            ("First words", "words"),
        ):
            table.add_column(label, key=key)
        for selector in (
            "#confirm-row",
            "#progress",
            "#done-buttons",
            "#read-consent",
            "#to-review",
        ):
            self.query_one(selector).display = False
        self.start()

    # -- step 1: consent, then the shared items ---------------------------------------------

    def start(self) -> None:
        """Say kindly when there is no study; ask for consent first; then list the items."""
        try:
            consented = participant.has_consented(self.journal)
        except PeerJournalError as error:
            self._intro(describe(error) + " There is nothing to export.")
            return
        if consented:
            self.load_items()
        else:
            self.app.push_screen(ConsentScreen(self.journal), self._after_consent)

    def _after_consent(self, accepted: bool | None) -> None:
        if accepted:
            self.query_one("#read-consent").display = False
            self.load_items()
        else:
            self._intro(NO_CONSENT)
            self.query_one("#read-consent").display = True

    @on(Button.Pressed, "#read-consent")
    def _read_consent(self) -> None:
        self.app.push_screen(ConsentScreen(self.journal), self._after_consent)

    def _intro(self, message: str) -> None:
        self.query_one("#items-intro", Static).update(Content(message))

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="load",
        description="Reading shared items",
    )
    def load_items(self) -> None:
        entries, feedback = participant.shared_items(self.journal)
        redactor = participant.redactor_for(self.journal)
        self.app.call_from_thread(self._show_items, items_from(entries, feedback), redactor)

    def _show_items(self, items: list[SharedItem], redactor: Any) -> None:
        if not self.is_mounted:
            return
        self.items, self.redactor = items, redactor
        self.texts = [t for item in items for t in item.texts]
        table = self.query_one("#items", DataTable)
        table.clear()
        for n, item in enumerate(items):
            kind = "Entry" if item.kind == "entry" else "Feedback"
            table.add_row(kind, Text(item.session), item.week, Text(item.words), key=str(n))
        self._intro(ITEMS_INTRO if items else NOTHING_SHARED)
        self.query_one("#to-review").display = bool(items)
        if items:
            table.focus()

    # -- moving between steps ---------------------------------------------------------------

    @property
    def step(self) -> str:
        return self.query_one("#steps", ContentSwitcher).current or "step-items"

    def go(self, step: str) -> None:
        self.query_one("#steps", ContentSwitcher).current = step
        if step == "step-review":
            self._fill_texts()
        elif step == "step-write":
            self._fresh_write_step()
            self._show_plan()
            self.query_one("#format", Select).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        for step, actions in self.STEP_ACTIONS.items():
            if action in actions and self.step != step:
                return False
        return not (action == "next" and self.step == "step-write")

    @on(Button.Pressed, "#to-review")
    def _to_review(self) -> None:
        if self.items:
            self.go("step-review")

    @on(DataTable.RowSelected, "#items")
    def _review_item(self, event: DataTable.RowSelected) -> None:
        """Enter on an item: check that one first."""
        item = self.items[int(event.row_key.value or 0)]
        if item.texts:
            self._current = item.texts[0]
        self._to_review()

    @on(Button.Pressed, "#to-write")
    def _to_write(self) -> None:
        self.go("step-write")

    def action_next(self) -> None:
        if self.step == "step-items":
            self._to_review()
        elif self.step == "step-review":
            self._to_write()

    @on(Button.Pressed, "#review-back")
    @on(Button.Pressed, "#write-back")
    def action_back(self) -> None:
        if self.is_writing:
            return
        if self.step == "step-write":
            self._cancel_confirm()
            self.go("step-review")
        elif self.step == "step-review":
            self._show_items(self.items, self.redactor)
            self.go("step-items")
        else:
            self.dismiss(None)

    @on(Button.Pressed, "#close")
    @on(Button.Pressed, "#done")
    def _close(self) -> None:
        self.dismiss(None)

    # -- step 2: review -----------------------------------------------------------------------

    def _fill_texts(self) -> None:
        texts = self.query_one("#texts", OptionList)
        texts.clear_options()
        options = []
        for text in self.texts:
            item = self.items[text.item]
            label = ("Entry" if item.kind == "entry" else "Feedback") + f", week {item.week}"
            options.append(Option(Content(f"{label}\n{first_words(text.text, 28)}"), id=text.key))
        texts.add_options(options)
        self._pick_text(self.texts.index(self._current) if self._current in self.texts else 0)

    def _pick_text(self, index: int) -> None:
        """Highlight and show the text at `index` of the list (or say the list is empty)."""
        texts = self.query_one("#texts", OptionList)
        if not self.texts:
            self._current = self._loaded = None
            self.query_one("#text-heading", Static).update(
                "Nothing left to check: no shared item has written text. Ratings still go."
            )
            self.query_one("#redacted", RedactedText).show(Redacted("", (), ()))
            self.query_one("#original", TextArea).load_text("")
            self.query_one("#redactions", OptionList).clear_options()
            self._rows = []
            return
        index = min(index, len(self.texts) - 1)
        texts.highlighted = index
        self._show_text(self.texts[index])
        texts.focus()

    @on(OptionList.OptionHighlighted, "#texts")
    def _text_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = event.option_index
        if index < len(self.texts) and self.texts[index].key == event.option.id:
            self._show_text(self.texts[index])

    def _spans_found(self, text: ReviewText) -> list[ReviewSpan]:
        if text.key not in self._found:
            self._found[text.key] = detect(self.redactor, text.text)
        return self._found[text.key]

    def preview(self, text: ReviewText) -> Redacted:
        """The text as it will leave, with this participant's review applied."""
        return redact_text(text.text, self._spans_found(text), self.reviews.of(text.key), None)

    def _show_text(self, text: ReviewText, current: int | None = None) -> None:
        self._current = text
        redacted = self.preview(text)
        self.query_one("#text-heading", Static).update(Content(text.heading))
        self.query_one("#redacted", RedactedText).show(redacted)
        item = self.items[text.item]
        tags = [redact_text(t, detect(self.redactor, t), None, None).text for t in item.tags]
        tag_line = self.query_one("#tags", Static)
        tag_line.update(Content("Tags: " + ", ".join(tags) if tags else ""))
        tag_line.display = bool(tags)
        if self._loaded is not text:  # keep the selection while the same text stays
            self._loaded = text
            self.query_one("#original", TextArea).load_text(text.text)
        self._fill_redactions(text, redacted, current)

    def _fill_redactions(self, text: ReviewText, redacted: Redacted, current: int | None) -> None:
        rows: list[tuple[str, ReviewSpan]] = []
        options: list[Option] = []
        for span, label in zip(redacted.hidden, redacted.shown, strict=True):
            shown, words = redacted.text[label.start : label.end], text.text[span.start : span.end]
            by = "you hid" if span.kind == MANUAL_KIND else "hidden"
            options.append(Option(Content(f"{shown}  {by} \u201c{words}\u201d")))
            rows.append(("hidden", span))
        for span in self.reviews.restored.get(text.key, []):
            words = text.text[span.start : span.end]
            options.append(
                Option(Content(f"shown as written: \u201c{words}\u201d  (s hides it again)"))
            )
            rows.append(("restored", span))
        listing = self.query_one("#redactions", OptionList)
        listing.clear_options()
        listing.add_options(options or [Option("Nothing is hidden in this text.", disabled=True)])
        self._rows = rows
        if rows:
            listing.highlighted = min(current or 0, len(rows) - 1)

    @on(OptionList.OptionHighlighted, "#redactions")
    def _redaction_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self._current is None or event.option_index >= len(self._rows):
            return
        kind, _ = self._rows[event.option_index]
        current = event.option_index if kind == "hidden" else None
        self.query_one("#redacted", RedactedText).show(self.preview(self._current), current)

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in the original text as character offsets (start < end), if any."""
        if self._current is None:
            return None
        area = self.query_one("#original", TextArea)
        start, end = sorted(offset_of(self._current.text, loc) for loc in area.selection)
        return (start, end) if start < end else None

    @on(Button.Pressed, "#hide")
    def action_hide_selection(self) -> None:
        text = self._current
        chosen = self.selected_range()
        if text is None or chosen is None:
            say(
                self.app,
                "Select the words to hide in your text first (shift and the arrow "
                "keys, or drag with the mouse)",
                warning=True,
            )
            return
        start, end = chosen
        while start < end and text.text[start].isspace():
            start += 1
        while end > start and text.text[end - 1].isspace():
            end -= 1
        if start == end:
            return
        self.reviews.hide(text.key, start, end)
        self._show_text(text)
        say(self.app, "Hidden. It will read [REDACTED] in the file")

    @on(Button.Pressed, "#restore")
    @on(OptionList.OptionSelected, "#redactions")
    def action_show_as_written(self) -> None:
        text, listing = self._current, self.query_one("#redactions", OptionList)
        index = listing.highlighted
        if text is None or index is None or index >= len(self._rows):
            say(self.app, "Highlight a hidden part in the list first", warning=True)
            return
        kind, span = self._rows[index]
        if kind == "hidden":
            self.reviews.show_as_written(text.key, span)
            say(self.app, "That part will be shared as you wrote it")
        else:
            self.reviews.hide_again(text.key, span)
            say(self.app, "Hidden again")
        self._show_text(text, current=index)

    @on(Button.Pressed, "#unshare")
    def action_unshare(self) -> None:
        text = self._current
        if text is None:
            return
        item = self.items[text.item]
        try:
            if item.kind == "entry":
                self.journal.entries.set_shared(item.source_id, False)
            else:
                self._unshare_feedback(item)
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        self._drop(item)
        say(self.app, "No longer shared: it stays in your journal and will not be in the file")

    def action_terms(self) -> None:
        from peerjournal.tui.screens.terms import TermsScreen

        self.app.push_screen(TermsScreen(self.journal), lambda _: self.reload_redactor())

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="load",
        description="Updating what is hidden",
    )
    def reload_redactor(self) -> None:
        """The participant's list may have changed: find again with the new list."""
        redactor = participant.redactor_for(self.journal)
        self.app.call_from_thread(self._use_redactor, redactor)

    def _use_redactor(self, redactor: Any) -> None:
        if not self.is_mounted:
            return
        self.redactor, self._found = redactor, {}
        if self._current is not None:
            self._show_text(self._current)

    def _unshare_feedback(self, item: SharedItem) -> None:
        self.journal.program.unshare_feedback_record(item.source_id)

    def _drop(self, item: SharedItem) -> None:
        position = self.texts.index(self._current) if self._current in self.texts else 0
        self.items = [i for i in self.items if i is not item]
        for n, kept in enumerate(self.items):
            for t in kept.texts:
                t.item = n
        self.texts = [t for i in self.items for t in i.texts]
        if not self.items:
            self._current = None
            self._show_items([], self.redactor)
            self.go("step-items")
            return
        listing = self.query_one("#texts", OptionList)
        for text in item.texts:
            listing.remove_option(text.key)
        self._pick_text(position)

    # -- step 3: write ------------------------------------------------------------------------

    def _show_plan(self) -> None:
        entries = sum(1 for i in self.items if i.kind == "entry")
        forms = len(self.items) - entries
        _, study = participant.study_of(self.journal)
        self.query_one("#plan", Static).update(
            Content(
                f"The file will hold {entries} entr{'y' if entries == 1 else 'ies'} and "
                f"{forms} feedback form{'' if forms == 1 else 's'}, as you checked them, "
                f"encrypted so that only the researchers of {study.name} can open it. Nothing "
                "is written until you say yes. Your journal notes when you exported and how "
                "many items, never what they said."
            )
        )

    def _fresh_write_step(self) -> None:
        """Coming back after an export: ready for another one, the last summary cleared."""
        if self.is_writing:
            return
        for selector, shown in (
            ("#write-buttons", True),
            ("#confirm-row", False),
            ("#progress", False),
            ("#done-buttons", False),
        ):
            self.query_one(selector).display = shown
        self.query_one("#result", Static).update("")

    @property
    def is_writing(self) -> bool:
        return any(w.group == "write" and w.is_running for w in self.workers)

    def _folder(self) -> Path | None:
        folder = Path(self.query_one("#folder", Input).value.strip() or "~").expanduser()
        if not folder.is_dir():
            say(self.app, "There is no such folder; choose one that exists", warning=True)
            return None
        return folder

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#folder")
    def _ask_confirm(self) -> None:
        folder = self._folder()
        if folder is None:
            return
        self.query_one("#confirm-question", Static).update(Content(f"Write the file in {folder}?"))
        self.query_one("#write-buttons").display = False
        self.query_one("#confirm-row").display = True
        self.query_one("#not-yet", Button).focus()

    @on(Button.Pressed, "#not-yet")
    def _cancel_confirm(self) -> None:
        self.query_one("#confirm-row").display = False
        self.query_one("#write-buttons").display = True

    @on(Button.Pressed, "#confirm-write")
    def _confirmed(self) -> None:
        folder = self._folder()
        if folder is None:
            self._cancel_confirm()
            return
        self.query_one("#confirm-row").display = False
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#result", Static).update("Hiding names and places, then encrypting\u2026")
        fmt = str(self.query_one("#format", Select).value)
        self.write_export(fmt, folder, self.reviews.all())

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="write",
        description="Writing the export",
    )
    def write_export(self, fmt: str, folder: Path, reviews: dict[str, ItemReview]) -> Path:
        prepared = participant.prepare(self.journal, fmt, reviews=reviews, progress=self._progress)
        where = participant.write(self.journal, prepared, folder)
        self.app.call_from_thread(self._written, where, prepared.item_count)
        return where

    def _progress(self, done: int, total: int) -> None:
        """Called in the worker thread: hand the figures to the UI thread, a few times a second."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_EVERY:
            return
        self._last_progress = now
        self.app.call_from_thread(self._set_progress, done, total)

    def _set_progress(self, done: int, total: int) -> None:
        if not self.is_mounted:  # the journal was locked meanwhile: the screen is gone
            return
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _written(self, where: Path, count: int) -> None:
        self.written = where
        if not self.is_mounted:
            return
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=1, progress=1)
        self.query_one("#result", Static).update(
            Content(
                f"Done. {count} item{'' if count == 1 else 's'} written to {where}, encrypted "
                "for the researchers. Send this file the way your program arranged. If you "
                "change your mind later, stop sharing items and export again, or write a "
                "withdrawal."
            )
        )
        self.query_one("#done-buttons").display = True
        self.query_one("#done", Button).focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or not self.is_mounted:
            return
        say_error(self.app, event.worker.error or PeerJournalError("unknown problem"))
        if event.worker.group == "write":
            self.query_one("#progress").display = False
            self.query_one("#result", Static).update("Nothing was written.")
            self._cancel_confirm()
