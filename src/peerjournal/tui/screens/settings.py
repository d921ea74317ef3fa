"""Settings: auto-lock, quick-hide key, theme; passphrase, recovery code and backup.

Preferences are stored inside the encrypted journal. Anything that derives a key (a new passphrase,
a new recovery code) or copies the journal (backup) runs in a thread worker.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Select, Static
from textual.worker import Worker, WorkerState

from peerjournal.errors import InvalidInput, PeerJournalError
from peerjournal.i18n import N_, _, available_languages, language_name
from peerjournal.tui.keys import check_hide_key
from peerjournal.tui.notices import describe, say
from peerjournal.tui.themes import OFFERED, theme_label
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter
from peerjournal.tui.widgets.new_passphrase import NewPassphrase
from peerjournal.tui.widgets.program_card import ProgramCard


def check_minutes(raw: str) -> int:
    try:
        minutes = int(raw.strip())
    except ValueError:
        raise InvalidInput(
            _("auto-lock needs a whole number of minutes (0 turns it off)")
        ) from None
    return minutes


if TYPE_CHECKING:
    from peerjournal.journal import Settings
    from peerjournal.tui.app import PeerJournalApp


class SettingsScreen(TranslatedBindings, Screen):
    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "settings.tcss"
    HELP = N_("Your preferences are kept inside the encrypted journal, like your entries.")
    AUTO_FOCUS = "#autolock"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", N_("Back"), id="settings.back", tooltip=N_("Back to home")),
    ]

    def __init__(self, journal) -> None:
        super().__init__()
        self.journal = journal

    def compose(self) -> ComposeResult:
        current = self._settings()
        themes = [
            (theme_label(name), name) for name in OFFERED if name in self.app.available_themes
        ]
        with VerticalScroll(id="settings"):
            yield ProgramCard(self.journal)  # the prompt set (widgets/program_card.py)
            with Vertical(classes="card", id="preferences"):
                yield Static(_("Preferences"), classes="heading")
                yield Static(_("Lock after this many idle minutes (0: never)"), classes="label")
                yield Input(str(current.autolock_minutes), type="integer", id="autolock")
                yield Static(
                    _("Quick-hide key (hides everything and locks, from anywhere)"), classes="label"
                )
                yield Input(current.quick_hide_key, id="hide-key")
                yield Static(_("Language"), classes="label")
                codes = available_languages()
                yield Select(
                    [
                        (_("Automatic: the prompt set's, then the computer's"), ""),
                        *((language_name(code), code) for code in codes),
                    ],
                    value=current.language if current.language in codes else "",
                    allow_blank=False,
                    id="language",
                )
                yield Static(_("Theme"), classes="label")
                yield Select(
                    themes,
                    value=current.theme
                    if current.theme in {name for _label, name in themes}
                    else Select.NULL,
                    allow_blank=False,
                    id="theme",
                )
                yield Static("", id="preferences-status", classes="status")
                yield Button(_("Save preferences"), variant="primary", id="save")
            with Vertical(classes="card", id="passphrase"):
                yield Static(_("Passphrase"), classes="heading")
                yield Input(
                    placeholder=_("Current passphrase"), password=True, id="current-passphrase"
                )
                yield NewPassphrase(label=_("New passphrase"))
                yield Static("", id="passphrase-status", classes="status")
                yield Button(_("Change passphrase"), id="change")
            with Vertical(classes="card", id="recovery"):
                yield Static(_("Recovery code"), classes="heading")
                yield Static(self._recovery_text(), id="recovery-text", classes="hint")
                yield Button(self._recovery_button(), id="make-code")
            with Vertical(classes="card", id="backup"):
                yield Static(_("Backup"), classes="heading")
                yield Static(
                    _(
                        "An encrypted copy in a new folder (a USB stick works well). It opens "
                        "with the same passphrase."
                    ),
                    classes="hint",
                )
                yield Input(
                    placeholder=_("New folder, like /media/usb/journal-backup"), id="folder"
                )
                yield Static("", id="backup-status", classes="status")
                yield Button(_("Back up now"), id="backup-now")
        yield KeyFooter()

    def action_back(self) -> None:
        self.dismiss()

    # -- preferences -------------------------------------------------------------------------

    @on(NewPassphrase.Edited)
    def _passphrase_edited(self) -> None:
        """A complaint about the passphrases goes as soon as the person changes them."""
        status = self.query_one("#passphrase-status", Static)
        if status.has_class("-error"):
            status.update("")
            status.remove_class("-error")

    @on(Button.Pressed, "#save")
    def _save(self) -> None:
        status = self.query_one("#preferences-status", Static)
        try:
            theme = self.query_one("#theme", Select).value
            language = self.query_one("#language", Select).value
            current = self._settings()
            chosen = replace(
                current,
                language=language if isinstance(language, str) else "",
                autolock_minutes=check_minutes(self.query_one("#autolock", Input).value),
                quick_hide_key=check_hide_key(self.query_one("#hide-key", Input).value),
                theme=theme if isinstance(theme, str) else current.theme,
            )
            saved = self.app.save_settings(chosen)
        except PeerJournalError as error:
            self._status(status, describe(error), error=True)
            return
        self.query_one("#hide-key", Input).value = saved.quick_hide_key
        self._status(status, _("Saved."))
        say(self.app, _("Preferences saved"))

    # -- secrets and backup (thread workers) -------------------------------------------------

    @on(Button.Pressed, "#change")
    @on(Input.Submitted, "NewPassphrase #second")
    def _change(self) -> None:
        status = self.query_one("#passphrase-status", Static)
        current_field = self.query_one("#current-passphrase", Input)
        if not current_field.value:
            self._status(status, _("Type your current passphrase first."), error=True)
            current_field.focus()
            return
        try:
            secret = self.query_one(NewPassphrase).secret()
        except PeerJournalError as error:
            self._status(status, describe(error), error=True)
            return
        current = bytearray(current_field.value.encode("utf-8"))
        current_field.value = ""
        self._status(status, _("Changing…"))
        self._run("passphrase", self._change_passphrase, current, secret)

    def _change_passphrase(self, current: bytearray, secret: bytearray) -> str:
        from peerjournal.journal import zero

        try:
            self.journal.check_passphrase(current)
            self.journal.change_passphrase(secret)
        finally:
            zero(current)
            zero(secret)
        return _("Your passphrase is changed. Use the new one from now on.")

    @on(Button.Pressed, "#make-code")
    def _make_code(self) -> None:
        self._status(self.query_one("#recovery-text", Static), _("Making a new code…"))
        self._run("recovery", self.journal.new_recovery_code)

    @on(Button.Pressed, "#backup-now")
    @on(Input.Submitted, "#folder")
    def _backup(self) -> None:
        raw = self.query_one("#folder", Input).value.strip()
        status = self.query_one("#backup-status", Static)
        if not raw:
            self._status(status, _("Type the new folder to back up into."), error=True)
            return
        self._status(status, _("Backing up…"))
        self._run("backup", self._back_up, Path(raw).expanduser())

    def _back_up(self, folder: Path) -> str:
        before = len(self.journal.warnings)
        where = self.journal.backup(folder)
        lines = [_("Backed up to {folder}.").format(folder=where)]
        lines += [_("Note: {warning}.").format(warning=w) for w in self.journal.warnings[before:]]
        return " ".join(lines)

    def _run(self, name: str, job, *args) -> None:
        """Run `job` in a thread; `on_worker_state_changed` shows what came of it."""
        self.run_worker(
            partial(job, *args),
            name=name,
            group="settings",
            thread=True,
            exit_on_error=False,
            description=f"Settings: {name}",
        )

    STATUS_OF: ClassVar[dict[str, str]] = {
        "passphrase": "#passphrase-status",
        "recovery": "#recovery-text",
        "backup": "#backup-status",
    }

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "settings" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        status = self.query_one(self.STATUS_OF[worker.name], Static)
        if event.state == WorkerState.ERROR:
            self._status(status, describe(worker.error), error=True)
            return
        if worker.name == "recovery":
            from peerjournal.tui.screens.recovery_code import RecoveryCodeScreen

            status.update(self._recovery_text())
            self.query_one("#make-code", Button).label = self._recovery_button()
            self.app.push_screen(RecoveryCodeScreen(str(worker.result)))
            return
        if worker.name == "passphrase":
            self.query_one(NewPassphrase).clear()
        self._status(status, str(worker.result))

    # -- small helpers -----------------------------------------------------------------------

    def _settings(self) -> Settings:
        settings = self.app.settings
        assert settings is not None, "the settings screen opens only on an unlocked journal"
        return settings

    def _recovery_text(self) -> str:
        if self.journal.has_recovery_code:
            return _(
                "You have a recovery code. Make a new one if it may have been seen or lost; "
                "the old one stops working."
            )
        return _(
            "You have no recovery code. Without one, a forgotten passphrase means your "
            "entries are lost."
        )

    def _recovery_button(self) -> str:
        if self.journal.has_recovery_code:
            return _("Replace recovery code")
        return _("Make a recovery code")

    @staticmethod
    def _status(widget: Static, message: str, *, error: bool = False) -> None:
        widget.update(Content(message))
        widget.set_class(error, "-error")
