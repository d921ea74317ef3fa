"""Forgot the passphrase: the recovery code opens the journal and a new passphrase is set."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import N_, _
from peerjournal.tui import text
from peerjournal.tui.messages import JournalOpened
from peerjournal.tui.notices import describe
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter
from peerjournal.tui.widgets.new_passphrase import NewPassphrase


class RecoverScreen(TranslatedBindings, Screen):
    CSS_PATH = "unlock.tcss"
    HELP = N_("Your recovery code lets you choose a new passphrase. Your entries stay as they are.")
    AUTO_FOCUS = "#code"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back"), id="recover.back", tooltip=N_("Back to unlock")),
    ]

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="unlock", classes="card"):
            yield Static(_("Set a new passphrase"), id="heading")
            yield Static(_(text.RECOVER_HINT), classes="hint")
            yield Input(placeholder=_("Recovery code, like ABCD-EFGH-…"), password=True, id="code")
            yield NewPassphrase(label=_("New passphrase"))
            yield Static("", id="status")
            with Horizontal(classes="buttons"):
                yield Button(_("Set passphrase and unlock"), variant="primary", id="go")
                yield Button(_("Back"), id="back")
        yield KeyFooter()

    @on(NewPassphrase.Edited)
    def _passphrase_edited(self) -> None:
        """A complaint about the passphrases goes as soon as the person changes them."""
        status = self.query_one("#status", Static)
        if status.has_class("-error"):
            status.update("")
            status.remove_class("-error")

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss()

    @on(Input.Submitted, "#code")
    def _next(self) -> None:
        self.query_one("NewPassphrase #first", Input).focus()

    @on(Button.Pressed, "#go")
    @on(Input.Submitted, "NewPassphrase #second")
    def _go(self) -> None:
        code = self.query_one("#code", Input).value
        try:
            if not code.strip():
                raise PeerJournalError(_("type your recovery code first"))
            secret = self.query_one(NewPassphrase).secret()
        except PeerJournalError as error:
            self._show(describe(error), error=True)
            return
        self._show(_("Unlocking…"))
        self.query_one("#go", Button).disabled = True
        self._recover(code, secret)

    def _show(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Content(message))
        status.set_class(error, "-error")

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="gate",
        description="Setting a new passphrase",
    )
    def _recover(self, code: str, secret: bytearray):
        from peerjournal.journal import Journal, zero

        try:
            journal = Journal.open_with_recovery_code(self.directory, code)
            try:
                journal.change_passphrase(secret)
            except BaseException:
                journal.close()
                raise
            from peerjournal.tui.opening import prepare

            return prepare(journal)
        finally:
            zero(secret)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS:
            journal = event.worker.result
            assert journal is not None, "a successful unlock returns the journal"
            if not self.is_attached:
                journal.close()
                return
            self.app.post_message(JournalOpened(journal))
            self.app.notify(_("Your new passphrase is set. The recovery code still works too."))
        elif event.state == WorkerState.ERROR:
            self.query_one("#go", Button).disabled = False
            self._show(describe(event.worker.error), error=True)
