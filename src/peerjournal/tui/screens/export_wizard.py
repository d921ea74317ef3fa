"""The export wizard: see what you share, check each text as it will leave, then write the file.

Three step widgets (widgets/share_items.py, review_step.py, write_step.py) and one phase. The
steps post what the person asks for; this screen does it through the domain API (`participant`,
`sharing`), in thread workers for anything slow (reading and redacting every text, writing the
file), and sets the outcome down on the steps. Nothing is written before the last yes.
"""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header
from textual.worker import Worker, WorkerState

from peerjournal.errors import ConsentNeeded, PeerJournalError
from peerjournal.export import participant, sharing
from peerjournal.i18n import N_, _, format_date, ngettext
from peerjournal.tui.notices import say, say_error
from peerjournal.tui.review_items import ReviewModel
from peerjournal.tui.screens.consent import ConsentScreen
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter
from peerjournal.tui.widgets.review_step import ReviewStep
from peerjournal.tui.widgets.share_items import ItemsState, ItemsStep
from peerjournal.tui.widgets.write_step import WriteState, WriteStep

if TYPE_CHECKING:
    from peerjournal.export.participant import ForReview
    from peerjournal.journal import Journal

PROGRESS_EVERY = 0.05  # seconds between progress messages from a worker


class Phase(StrEnum):
    """Which step shows (the ids of the step widgets)."""

    ITEMS = "step-items"
    REVIEW = "step-review"
    WRITE = "step-write"


class Progress(Message):
    """A worker's progress; a newer one replaces one not yet handled (toolong's practice)."""

    def __init__(self, group: str, done: int, total: int) -> None:
        super().__init__()
        self.group, self.done, self.total = group, done, total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, Progress) and message.group == self.group


class Found(Message):
    """The shared items and the redactor's finds are ready, as of the search numbered `search`."""

    def __init__(self, data: ForReview, withdrawn: str | None, search: int) -> None:
        super().__init__()
        self.data, self.withdrawn, self.search = data, withdrawn, search


class Written(Message):
    def __init__(self, where: Path, count: int) -> None:
        super().__init__()
        self.where, self.count = where, count


class ExportWizardScreen(TranslatedBindings, Screen[None]):
    """Three steps from "what is shared" to an encrypted file, with nothing written before yes."""

    CSS_PATH = "export_wizard.tcss"
    # Textual declares both as instance variables of Screen; here they are the class's constants.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]  # type: ignore[misc]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (32, "-tall")]  # type: ignore[misc]
    HELP = N_(
        "Step 1 lists what you share. Step 2 shows each text exactly as the researchers would "
        "get it: press h to choose more words to hide, highlight a hidden part in the list and "
        "press s to show it as written, press u to stop sharing the item, or press t to keep a "
        "name or place on your always-hide list. Step 3 writes one encrypted file, only after "
        "you say yes. Escape goes back a step; nothing is written on the way."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "back",
            N_("Back"),
            id="export.back",
            tooltip=N_("Go back a step (or close the export without writing anything)"),
        ),
        Binding("ctrl+n", "next", N_("Next"), id="export.next", tooltip=N_("Go to the next step")),
    ]

    phase: reactive[Phase] = reactive(Phase.ITEMS, init=False)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.model: ReviewModel | None = None
        self.written: Path | None = None
        self._unshared: str | None = None  # what "stop sharing all" did, kept in sight
        self._last_progress = 0.0
        # Each search for what to hide gets a number; only the newest one's finds are shown. A
        # thread worker cannot be stopped, so an older search still posts what it read before an
        # item was unshared, and that must never bring the item back.
        self._search = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial=Phase.ITEMS.value, id="steps"):
            yield ItemsStep(id=Phase.ITEMS.value)
            yield ReviewStep(id=Phase.REVIEW.value)
            yield WriteStep(id=Phase.WRITE.value)
        yield KeyFooter()

    @property
    def items_step(self) -> ItemsStep:
        return self.query_one(ItemsStep)

    @property
    def review_step(self) -> ReviewStep:
        return self.query_one(ReviewStep)

    @property
    def write_step(self) -> WriteStep:
        return self.query_one(WriteStep)

    def on_mount(self) -> None:
        self.start()

    # -- the phase ------------------------------------------------------------------------------

    def watch_phase(self, phase: Phase) -> None:
        self.query_one("#steps", ContentSwitcher).current = phase.value
        if phase is Phase.ITEMS:
            self.items_step.focus_list()
        elif phase is Phase.WRITE:
            self.write_step.prepare(self._plan(), self._folder())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            if self.phase is Phase.ITEMS:
                return self.items_step.state is ItemsState.READY
            return self.phase is Phase.REVIEW
        return True

    def action_next(self) -> None:
        if self.phase is Phase.ITEMS:
            self.post_message(ItemsStep.Review(None))
        elif self.phase is Phase.REVIEW:
            self.post_message(ReviewStep.Continue())

    def action_back(self) -> None:
        if self.phase is Phase.WRITE:
            if self.write_step.state is WriteState.WRITING:
                return
            self.phase = Phase.REVIEW
        elif self.phase is Phase.REVIEW:
            self.phase = Phase.ITEMS
        else:
            self.dismiss(None)

    # -- step 1: a study, consent, then the shared items ----------------------------------------

    def start(self) -> None:
        """Say plainly when there is no study; ask for consent first; then read the items."""
        if participant.study_or_none(self.journal) is None:
            self.items_step.explain(
                _(
                    "There is no study to share with yet. Your journal works the same, and "
                    "nothing leaves it. If your program runs a research study, ask your "
                    "facilitator for the study's prompt set: it holds the consent text and the "
                    "key that keeps an export readable only by the researchers."
                )
            )
            self.items_step.state = ItemsState.NO_STUDY
        elif participant.has_consented(self.journal):
            self.find()
        else:
            self.app.push_screen(ConsentScreen(self.journal), self._after_consent)

    def _after_consent(self, accepted: bool | None) -> None:
        if accepted:
            self.find()
            return
        self.items_step.explain(
            _(
                "You have not accepted the study's consent text, so nothing can be exported. "
                "That is completely fine: your journal works the same. You can read the text "
                "again any time."
            )
        )
        self.items_step.state = ItemsState.NO_CONSENT

    @on(ItemsStep.ReadConsent)
    def _read_consent(self) -> None:
        self.app.push_screen(ConsentScreen(self.journal), self._after_consent)

    def find(self) -> None:
        """Look again for what is shared and what to hide in it (replacing any older search)."""
        self._search += 1
        self._find(self._search)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="find",
        description=N_("Finding names and places"),
    )
    def _find(self, search: int) -> None:
        """Read what is shared and run the redactor over every text, off the screen's thread."""
        self._last_progress = 0.0
        data = participant.for_review(self.journal, progress=self._progress("find"))
        study = participant.study_or_none(self.journal)
        since = sharing.withdrawn_since(self.journal, study.id) if study else None
        self.post_message(Found(data, format_date(since.date()) if since else None, search))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "find" and event.state is WorkerState.RUNNING:
            if self.model is None:
                self.items_step.explain(_("Getting your shared items ready\u2026"))
                self.items_step.state = ItemsState.LOADING
            self.review_step.busy(True)
        if event.state is not WorkerState.ERROR:
            return
        say_error(self.app, event.worker.error or PeerJournalError(_("unknown problem")))
        if event.worker.group == "write":
            self.write_step.failed()
            if isinstance(event.worker.error, ConsentNeeded):  # the study's text changed
                self.app.push_screen(ConsentScreen(self.journal), self._consent_for_write)

    def _consent_for_write(self, accepted: bool | None) -> None:
        """Back on the write step: written only if the person accepted, and after a new yes."""
        if not accepted:
            self._after_consent(False)
            self.phase = Phase.ITEMS

    @on(Progress)
    def _progressed(self, message: Progress) -> None:
        if message.group == "find":
            self.items_step.finding(message.done, message.total)
        else:
            self.write_step.progress(message.done, message.total)

    @on(Found)
    def _found(self, message: Found) -> None:
        if message.search != self._search:  # an older search, read before a later change
            return
        if self.model is None:
            self.model = ReviewModel(message.data)
        else:
            self.model.renew(message.data)
        items = self.model.items
        self.items_step.show_items(items)
        self.items_step.explain(
            _(
                "These are the entries and feedback answers you chose to share. Only these can "
                "leave your journal. Next you will see each one the way the researchers would, "
                "with names and places hidden, and you can change anything before a file is "
                "written."
            )
            if items
            else _(
                "Nothing is shared right now, so there is nothing to export. To share an entry "
                "or a feedback form, switch on \u201cshare with research\u201d for it."
            )
        )
        self.items_step.state = ItemsState.READY if items else ItemsState.NOTHING
        self._note_withdrawal(message.withdrawn, len(items))
        self.review_step.busy(False)
        if self.phase is Phase.REVIEW:
            if items:
                self.review_step.show(self.model)
            else:
                self.phase = Phase.ITEMS
        elif self.phase is Phase.ITEMS:
            self.items_step.focus_list()
        self.refresh_bindings()

    def _note_withdrawal(self, withdrawn: str | None, count: int) -> None:
        if withdrawn is None or not count:  # nothing to offer; what was just done stays said
            self.items_step.withdrawn(self._unshared, offer=False)
            return
        note = " ".join(
            (
                _(
                    "You withdrew from the study on {date}: the researchers remove everything "
                    "you sent them before."
                ).format(date=withdrawn),
                ngettext(
                    "{count} item is still marked shared, so a new export would send it again.",
                    "{count} items are still marked shared, so a new export would send them again.",
                    count,
                ).format(count=count),
            )
        )
        self.items_step.withdrawn(note, offer=True)

    @on(ItemsStep.StopSharingAll)
    def _stop_sharing_all(self) -> None:
        try:
            done = sharing.stop_sharing_everything(self.journal)
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        message = ngettext(
            "Done: {count} item is no longer shared. It stays in your journal.",
            "Done: {count} items are no longer shared. They stay in your journal.",
            done.total,
        ).format(count=done.total)
        self._unshared = message
        self.items_step.withdrawn(message, offer=False)
        say(self.app, message)
        self.find()

    @on(ItemsStep.Review)
    def _to_review(self, message: ItemsStep.Review) -> None:
        if self.model is None or not self.model.items:
            return
        self.review_step.show(self.model, message.item)
        self.phase = Phase.REVIEW

    @on(ItemsStep.Close)
    @on(WriteStep.Done)
    def _close(self) -> None:
        self.dismiss(None)

    # -- step 2: review -------------------------------------------------------------------------

    @on(ReviewStep.Back)
    def _review_back(self) -> None:
        self.phase = Phase.ITEMS

    @on(ReviewStep.Continue)
    def _review_done(self) -> None:
        if not self.workers or not any(w.group == "find" and w.is_running for w in self.workers):
            self.phase = Phase.WRITE

    @on(ReviewStep.Unshare)
    def _unshare(self, message: ReviewStep.Unshare) -> None:
        assert self.model is not None
        item = message.item
        try:
            sharing.stop_sharing(self.journal, item.kind, item.source_id)
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        self.model.forget(item)
        say(self.app, _("No longer shared: it stays in your journal and will not be in the file"))
        if self.model.items:
            self.review_step.show(self.model)
        else:
            self.phase = Phase.ITEMS
        self.find()  # what one text reveals is hidden in the others: find again without it

    @on(ReviewStep.Terms)
    def _terms(self) -> None:
        from peerjournal.tui.screens.terms import TermsScreen

        self.app.push_screen(TermsScreen(self.journal), self._find_again)

    def _find_again(self, _result: object = None) -> None:
        """The always-hide list may have changed: look for what to hide again."""
        self.find()

    # -- step 3: write --------------------------------------------------------------------------

    def _plan(self) -> str:
        assert self.model is not None
        entries, forms = self.model.counts()
        study = participant.study_or_none(self.journal)
        maybe = self.model.undecided()
        undecided = (
            ngettext(
                "{count} part marked \u201cmaybe identifying\u201d stays hidden: you did not "
                "choose to show it.",
                "{count} parts marked \u201cmaybe identifying\u201d stay hidden: you did not "
                "choose to show them.",
                maybe,
            ).format(count=maybe)
            if maybe
            else None
        )
        return "\n".join(
            line
            for line in (
                _("Entries: {entries} \u00b7 Feedback forms: {forms}").format(
                    entries=entries, forms=forms
                ),
                _(
                    "The file holds them as you checked them, encrypted so that only the "
                    "researchers of {study} can open it. Nothing is written until you say yes. "
                    "Your journal notes when you exported and how many items, never what they "
                    "said."
                ).format(study=study.name if study else ""),
                undecided,
            )
            if line
        )

    def _folder(self) -> Path:
        """The folder of the last export from this journal (kept in its settings), else home."""
        kept = self.journal.settings.load().export_folder
        return Path(kept) if kept and Path(kept).is_dir() else Path.home()

    @on(WriteStep.Back)
    def _write_back(self) -> None:
        self.phase = Phase.REVIEW

    @on(WriteStep.Write)
    def _write(self, message: WriteStep.Write) -> None:
        assert self.model is not None
        self.write_step.writing()
        self.write_export(message.fmt, message.folder, self.model.reviews.all())

    @work(thread=True, exclusive=True, exit_on_error=False, group="write", description="Writing")
    def write_export(self, fmt: str, folder: Path, reviews: dict) -> None:
        self._last_progress = 0.0
        prepared = participant.prepare(
            self.journal, fmt, reviews=reviews, progress=self._progress("write")
        )
        where = participant.write(self.journal, prepared, folder)
        self.journal.settings.update(export_folder=str(folder))
        self.post_message(Written(where, prepared.item_count))

    @on(Written)
    def _written(self, message: Written) -> None:
        self.written = message.where
        study = participant.study_or_none(self.journal)
        self.write_step.written(
            " ".join(
                (
                    ngettext(
                        "Done: {count} item written to {path}.",
                        "Done: {count} items written to {path}.",
                        message.count,
                    ).format(count=message.count, path=message.where),
                    _(
                        "It is encrypted: only the researchers of {study} can open it. To hand "
                        "it over, copy the file to a USB stick for your facilitator, or attach "
                        "it to an email to {contact}, as your program arranged."
                    ).format(
                        study=study.name if study else "", contact=study.contact if study else ""
                    ),
                    _(
                        "If you change your mind later, stop sharing items and export again, or "
                        "withdraw from the study."
                    ),
                )
            )
        )

    def _progress(self, group: str):
        """A progress callback for a worker thread: a message a few times a second at most."""

        def report(done: int, total: int) -> None:
            now = time.monotonic()
            if done < total and now - self._last_progress < PROGRESS_EVERY:
                return
            self._last_progress = now
            self.post_message(Progress(group, done, total))

        return report
