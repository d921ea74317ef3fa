"""First run: what is private and what is not, a passphrase typed twice, the recovery code offer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import getters, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Markdown, Select, Static
from textual.worker import Worker, WorkerState

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import (
    N_,
    _,
    available_languages,
    current_language,
    gettext_in,
    language_name,
)
from peerjournal.tui import text
from peerjournal.tui.messages import JournalOpened
from peerjournal.tui.notices import describe
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter
from peerjournal.tui.widgets.new_passphrase import NewPassphrase

if TYPE_CHECKING:
    from peerjournal.journal import KdfParams
    from peerjournal.tui.app import PeerJournalApp


LANGUAGE = N_("Language")
SMALL_WIDTH, SMALL_HEIGHT = 100, 32


def language_label() -> str:
    """'Language · Langue': the label is read before a language is chosen, so it is in all."""
    return " · ".join(dict.fromkeys(gettext_in(code, LANGUAGE) for code in available_languages()))


class WelcomeScreen(TranslatedBindings, Screen):
    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "welcome.tcss"
    HELP = text.WELCOME  # what is private and what is not: on screen when it fits, F1 always
    AUTO_FOCUS = "#language"  # a person who does not read English must be able to start

    def __init__(self, directory: Path, kdf: KdfParams | None = None) -> None:
        super().__init__()
        self.directory = directory
        self.kdf = kdf
        self.language_chosen = False  # the person changed the language: it becomes the setting

    def compose(self) -> ComposeResult:
        with Horizontal(id="welcome"):
            with VerticalScroll(id="about-scroll"):
                yield Markdown(_(text.WELCOME), id="about")
            with VerticalScroll(id="choose", classes="card"):
                yield Static(_(text.WELCOME_SHORT), id="lead")
                yield Static(language_label(), classes="label")
                yield Select(
                    [(language_name(code), code) for code in available_languages()],
                    value=current_language(),
                    allow_blank=False,
                    id="language",
                )
                yield NewPassphrase(label=_("Choose a passphrase"))
                yield Checkbox(_("Make a recovery code (recommended)"), value=True, id="recovery")
                yield Static(_(text.RECOVERY_OFFER), classes="hint")
                yield Static("", id="status")
                with Horizontal(classes="buttons"):
                    yield Button(_("Create my journal"), variant="primary", id="create")
        yield KeyFooter()

    @on(NewPassphrase.Edited)
    def _passphrase_edited(self) -> None:
        """A complaint about the passphrases goes as soon as the person changes them."""
        status = self.query_one("#status", Static)
        if status.has_class("-error"):
            status.update("")
            status.remove_class("-error")

    def on_resize(self, event: Resize) -> None:
        """A small terminal (80x24): the form alone, in compact fields, its button in view;
        the longer text about privacy stays one key away (F1)."""
        small = event.size.width < SMALL_WIDTH or event.size.height < SMALL_HEIGHT
        self.set_class(small, "-small")
        for widget in self.query("Input, Select, Button"):
            widget.compact = small  # type: ignore[attr-defined]

    @on(Select.Changed, "#language")
    async def _language_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != current_language():
            self.language_chosen = True
            self.app.use_language(event.value)
            await self.recompose()
            self.query_one("#language", Select).focus()

    @on(Button.Pressed, "#create")
    @on(Input.Submitted, "#second")
    def _create(self) -> None:
        self._start()

    def _start(self) -> None:
        status = self.query_one("#status", Static)
        try:
            secret = self.query_one(NewPassphrase).secret()
        except PeerJournalError as error:
            status.update(Content(describe(error)))
            status.set_class(True, "-error")
            return
        status.set_class(False, "-error")
        status.update(_("Making your journal… this takes a moment."))
        self.query_one("#create", Button).disabled = True
        chosen = current_language() if self.language_chosen else ""
        self._make(secret, self.query_one("#recovery", Checkbox).value, chosen)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="gate",
        description="Making the journal",
    )
    def _make(self, secret: bytearray, with_code: bool, language: str):
        from peerjournal.journal import KDF_DEFAULT, Journal, zero

        try:
            journal, code = Journal.create(
                self.directory, secret, kdf=self.kdf or KDF_DEFAULT, with_recovery_code=with_code
            )
        finally:
            zero(secret)
        # A language the person chose is their setting; one they only accepted (the system's)
        # stays automatic, so the prompt set they choose next can offer its own (docs/i18n.md).
        if language:
            journal.settings.update(language=language)
        return journal, code

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            assert result is not None, "a successful creation returns the journal and its code"
            journal, code = result
            if not self.is_attached:  # the person hid or quit meanwhile
                journal.close()
                return
            self.query_one(NewPassphrase).clear()
            self.app.post_message(JournalOpened(journal, code))
        elif event.state == WorkerState.ERROR:
            status = self.query_one("#status", Static)
            status.update(Content(describe(event.worker.error)))
            status.set_class(True, "-error")
            self.query_one("#create", Button).disabled = False
