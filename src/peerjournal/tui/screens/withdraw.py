"""Withdraw from the study, in the app: write the withdrawal file, then offer to stop sharing.

A withdrawal tells the researchers to remove everything this journal sent them. It holds no
entries, needs no consent (leaving must always work) and is handed over like an export. Entries
stay marked shared until the person says otherwise, so right after the file is written the screen
says how many are still shared and offers to stop sharing all of them (`export.sharing`, the same
domain calls as `peerjournal withdraw`), then says plainly what was done.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static
from textual.worker import Worker, WorkerState

from peerjournal.errors import PeerJournalError
from peerjournal.export import participant, sharing
from peerjournal.i18n import N_, _, ngettext
from peerjournal.tui.notices import say, say_error
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.journal import Journal


class Stage(StrEnum):
    """What the screen shows: the question, the writing, the offer to unshare, the end."""

    NO_STUDY = "no-study"
    READY = "ready"
    WRITING = "writing"
    OFFER = "offer"
    DONE = "done"


class Withdrawn(Message):
    """The withdrawal file is written at `where`."""

    def __init__(self, where: Path) -> None:
        super().__init__()
        self.where = where


def remembered_folder(journal: Journal) -> Path:
    """The folder of the last export from this journal (kept in its settings), else home."""
    kept = journal.settings.load().export_folder
    return Path(kept) if kept and Path(kept).is_dir() else Path.home()


class WithdrawScreen(TranslatedBindings, Screen[None]):
    """Withdraw from the study: one file for the researchers, then what to do with sharing."""

    CSS_PATH = "withdraw.tcss"
    HELP = N_(
        "Withdrawing writes a small encrypted file that asks the researchers to remove everything "
        "you sent them. It holds none of your writing. Hand it over like an export. Afterwards "
        "you can stop sharing everything, so a later export sends nothing again without you "
        "choosing it. Your journal itself stays as it is."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            N_("Close"),
            id="withdraw.close",
            tooltip=N_("Close this screen (nothing is written unless you said yes)"),
        ),
    ]

    stage: reactive[Stage] = reactive(Stage.READY, init=False, always_update=True)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(_("Withdraw from the study"), id="title")
            yield Static("", id="about")
            yield Static(_("Folder to save it in"), classes="label", id="folder-label")
            yield Input(id="folder")
            with Horizontal(classes="buttons", id="ask-buttons"):
                yield Button(_("Not now"), id="cancel")
                yield Button(_("Write the withdrawal"), variant="warning", id="withdraw")
            yield Static("", id="result")
            with Horizontal(classes="buttons", id="offer-buttons"):
                yield Button(_("Keep them shared"), id="keep")
                yield Button(_("Stop sharing all of them"), variant="primary", id="unshare")
            with Horizontal(classes="buttons", id="done-buttons"):
                yield Button(_("Done"), variant="primary", id="done")
        yield KeyFooter()

    def on_mount(self) -> None:
        study = participant.study_or_none(self.journal)
        about = self.query_one("#about", Static)
        if study is None:
            about.update(
                _(
                    "There is no study in your journal, so there is nothing to withdraw from. "
                    "Nothing has left your journal."
                )
            )
            self.stage = Stage.NO_STUDY
            self.query_one("#done", Button).focus()
            return
        about.update(
            Content(
                _(
                    "Withdrawing asks the researchers of {study} to remove everything you sent "
                    "them. It writes a small encrypted file, which holds none of your writing; "
                    "you hand it to them like an export. Your journal stays as it is, and you "
                    "can keep writing."
                ).format(study=study.name)
            )
        )
        self.query_one("#folder", Input).value = str(remembered_folder(self.journal))
        self.stage = Stage.READY
        self.query_one("#cancel", Button).focus()

    def watch_stage(self, stage: Stage) -> None:
        for each in Stage:
            self.set_class(each is stage, f"-{each.value}")

    # -- writing the file -----------------------------------------------------------------------

    @on(Button.Pressed, "#withdraw")
    @on(Input.Submitted, "#folder")
    def _ask(self) -> None:
        if self.stage is not Stage.READY:
            return
        folder = Path(self.query_one("#folder", Input).value.strip() or "~").expanduser()
        if not folder.is_dir():
            say(self.app, _("There is no such folder; choose one that exists"), warning=True)
            return
        from peerjournal.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(
                _("Withdraw everything you shared from the study?"),
                _("Yes, withdraw"),
                _("Not now"),
            ),
            lambda yes: self._write(folder) if yes else None,
        )

    def _write(self, folder: Path) -> None:
        self.stage = Stage.WRITING
        self.query_one("#result", Static).update(_("Writing the withdrawal\u2026"))
        self.write_withdrawal(folder)

    @work(thread=True, exclusive=True, exit_on_error=False, group="withdraw")
    def write_withdrawal(self, folder: Path) -> None:
        prepared = participant.prepare(self.journal, "jsonl", withdraw=True)
        where = participant.write(self.journal, prepared, folder)
        self.journal.settings.update(export_folder=str(folder))
        self.post_message(Withdrawn(where))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "withdraw" and event.state is WorkerState.ERROR:
            say_error(self.app, event.worker.error or PeerJournalError(_("unknown problem")))
            self.query_one("#result", Static).update(_("Nothing was written."))
            self.stage = Stage.READY

    @on(Withdrawn)
    def _withdrawn(self, message: Withdrawn) -> None:
        self.written = message.where
        wrote = _(
            "Done: the withdrawal is in {path}. Hand it to the researchers the way you hand "
            "them an export (a USB stick for your facilitator, or the email your program "
            "arranged)."
        ).format(path=message.where)
        left = sharing.still_shared(self.journal).total
        if not left:
            self._finish(" ".join((wrote, _("Nothing in your journal is marked shared."))))
            return
        self.query_one("#result", Static).update(
            Content(
                " ".join(
                    (
                        wrote,
                        ngettext(
                            "{count} item is still marked shared, so a new export would send "
                            "it again. Stop sharing it? It stays in your journal either way.",
                            "{count} items are still marked shared, so a new export would send "
                            "them again. Stop sharing all of them? They stay in your journal "
                            "either way.",
                            left,
                        ).format(count=left),
                    )
                )
            )
        )
        self.stage = Stage.OFFER
        self.query_one("#unshare", Button).focus()

    # -- sharing afterwards ---------------------------------------------------------------------

    @on(Button.Pressed, "#unshare")
    def _unshare(self) -> None:
        try:
            done = sharing.stop_sharing_everything(self.journal)
        except PeerJournalError as error:
            say_error(self.app, error)
            return
        self._finish(
            ngettext(
                "Withdrawal written to {path}. Stopped sharing {count} item; it stays in your "
                "journal.",
                "Withdrawal written to {path}. Stopped sharing {count} items; they stay in your "
                "journal.",
                done.total,
            ).format(count=done.total, path=self.written)
        )

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        left = sharing.still_shared(self.journal).total
        self._finish(
            ngettext(
                "Withdrawal written to {path}. {count} item stays marked shared: a new export "
                "would send it again.",
                "Withdrawal written to {path}. {count} items stay marked shared: a new export "
                "would send them again.",
                left,
            ).format(count=left, path=self.written)
        )

    def _finish(self, message: str) -> None:
        self.query_one("#result", Static).update(Content(message))
        self.stage = Stage.DONE
        self.query_one("#done", Button).focus()

    @on(Button.Pressed, "#cancel")
    @on(Button.Pressed, "#done")
    def action_close(self) -> None:
        if self.stage is not Stage.WRITING:
            self.dismiss(None)
