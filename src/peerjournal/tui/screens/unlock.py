"""Unlock: the passphrase opens the journal; the key derivation runs in a thread, never freezing."""

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

from peerjournal.i18n import N_, _
from peerjournal.tui import text
from peerjournal.tui.messages import JournalOpened
from peerjournal.tui.notices import describe
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter


class UnlockScreen(TranslatedBindings, Screen):
    CSS_PATH = "unlock.tcss"
    HELP = N_("Type your passphrase and press Enter. Forgot it? Use your recovery code.")
    AUTO_FOCUS = "#passphrase"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+r",
            "recover",
            N_("Forgot passphrase"),
            id="unlock.recover",
            tooltip=N_("Set a new passphrase with your recovery code"),
        ),
    ]

    def __init__(self, directory: Path, *, note: str = "") -> None:
        super().__init__()
        self.directory = directory
        self.note = note  # why the journal locked, when it locked itself

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="unlock", classes="card"):
            yield Static(_("Your journal is locked"), id="heading")
            if self.note:
                yield Static(self.note, id="note")
            yield Static(_(text.UNLOCK_HINT), classes="hint")
            yield Input(placeholder=_("Passphrase"), password=True, id="passphrase")
            yield Static("", id="status")
            with Horizontal(classes="buttons"):
                yield Button(_("Unlock"), variant="primary", id="unlock-button")
                yield Button(_("Forgot passphrase?"), id="recover")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._precheck()

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="precheck",
        description="Checking the journal folder",
    )
    def _precheck(self) -> None:
        """Say what is wrong with the folder (a missing key file...) before any typing."""
        from peerjournal.journal import Journal

        Journal.check_openable(self.directory)

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock-button")
    def _unlock(self) -> None:
        field = self.query_one("#passphrase", Input)
        if not field.value:
            self._show(_("Type your passphrase first."), error=True)
            return
        self._busy(True)
        self._show(_("Unlocking…"))
        self._derive(bytearray(field.value.encode("utf-8")))

    @on(Button.Pressed, "#recover")
    def action_recover(self) -> None:
        from peerjournal.tui.screens.recover import RecoverScreen

        self.app.push_screen(RecoverScreen(self.directory))

    def _busy(self, busy: bool) -> None:
        self.set_class(busy, "-busy")
        self.query_one("#passphrase", Input).disabled = busy
        self.query_one("#unlock-button", Button).disabled = busy

    def _show(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Content(message))
        status.set_class(error, "-error")

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="gate",
        description="Unlocking the journal",
    )
    def _derive(self, secret: bytearray):
        from peerjournal.tui.opening import open_with_passphrase

        return open_with_passphrase(self.directory, secret)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "precheck":
            if event.state == WorkerState.ERROR:
                self._show(describe(event.worker.error), error=True)
            return
        if event.state == WorkerState.SUCCESS:
            journal = event.worker.result
            assert journal is not None, "a successful unlock returns the journal"
            if not self.is_attached:
                journal.close()
                return
            self.query_one("#passphrase", Input).value = ""
            self.app.post_message(JournalOpened(journal))
        elif event.state == WorkerState.ERROR:
            self._busy(False)
            self._show(describe(event.worker.error), error=True)
            field = self.query_one("#passphrase", Input)
            field.value = ""  # a wrong passphrase is not left selected for the next person
            field.focus()
