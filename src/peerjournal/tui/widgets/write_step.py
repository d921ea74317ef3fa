"""Step 3 of the export: a format and a folder, one last "yes", the file, and how to hand it over.

The wizard sets `state`, the plan and the outcome down; the step posts `Write` (with the choices),
`Back` and `Done` up. Which parts show in each state is in export_wizard.tcss.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Input, ProgressBar, Select, Static

from peerjournal.i18n import N_, _
from peerjournal.tui.notices import say

FORMAT_CHOICES = (
    (N_("JSON lines (.jsonl), the usual choice"), "jsonl"),
    (N_("Spreadsheet tables (.csv in a .zip)"), "csv"),
    (N_("Qualitative project (.qdpx: NVivo, ATLAS.ti, MAXQDA, QualCoder)"), "qdpx"),
)


class WriteState(StrEnum):
    READY = "ready"  # choose, then "Write the file"
    CONFIRM = "confirm"  # the last question
    WRITING = "writing"  # the worker runs (progress bar)
    DONE = "done"  # written: where, and how to hand it over


class WriteStep(Vertical):
    """Format, folder, the plan in words, then the question and the outcome."""

    state: reactive[WriteState] = reactive(WriteState.READY, init=False)

    class Back(Message):
        """Back to the review."""

    class Write(Message):
        """The participant said yes: write `fmt` into `folder`."""

        def __init__(self, fmt: str, folder: Path) -> None:
            super().__init__()
            self.fmt = fmt
            self.folder = folder

    class Done(Message):
        """Close the export."""

    def compose(self) -> ComposeResult:
        yield Static(_("Step 3 of 3 \u00b7 Write the file"), classes="step-title")
        yield Static(_("Format"), classes="pane-label")
        yield Select(
            [(_(label), value) for label, value in FORMAT_CHOICES],
            value="jsonl",
            allow_blank=False,
            id="format",
        )
        yield Static(_("Folder to save it in"), classes="pane-label")
        yield Input(id="folder")
        yield Static("", id="plan")
        with Horizontal(classes="buttons", id="write-buttons"):
            yield Button(_("Back"), id="write-back")
            yield Button(_("Write the file"), variant="primary", id="write")
        with Horizontal(id="confirm-row"):
            yield Static("", id="confirm-question")
            yield Button(_("Not yet"), id="not-yet")
            yield Button(_("Yes, write it"), variant="success", id="confirm-write")
        yield ProgressBar(id="progress", show_eta=False)
        yield Static("", id="result")
        with Horizontal(classes="buttons", id="done-buttons"):
            yield Button(_("Done"), variant="primary", id="done")

    def on_mount(self) -> None:
        self.watch_state(self.state)

    def watch_state(self, state: WriteState) -> None:
        for each in WriteState:
            self.set_class(each is state, f"-{each.value}")
        if state is WriteState.CONFIRM:
            self.query_one("#not-yet", Button).focus()
        elif state is WriteState.DONE:
            self.query_one("#done", Button).focus()

    # -- set down by the wizard -------------------------------------------------------------------

    def prepare(self, plan: str, folder: Path) -> None:
        """Ready for an export: the plan in words, the folder last used."""
        self.state = WriteState.READY
        self.query_one("#plan", Static).update(Content(plan))
        self.query_one("#result", Static).update("")
        field = self.query_one("#folder", Input)
        if not field.value:
            field.value = str(folder)
        self.query_one("#format", Select).focus()

    def writing(self) -> None:
        self.state = WriteState.WRITING
        self.query_one("#progress", ProgressBar).update(total=None, progress=0)
        self.query_one("#result", Static).update(
            Content(_("Hiding names and places, then encrypting\u2026"))
        )

    def progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=max(total, 1), progress=done)

    def written(self, message: str) -> None:
        self.query_one("#progress", ProgressBar).update(total=1, progress=1)
        self.query_one("#result", Static).update(Content(message))
        self.state = WriteState.DONE

    def failed(self) -> None:
        self.query_one("#result", Static).update(Content(_("Nothing was written.")))
        self.state = WriteState.READY

    # -- the participant's choices ----------------------------------------------------------------

    def folder(self) -> Path | None:
        folder = Path(self.query_one("#folder", Input).value.strip() or "~").expanduser()
        if not folder.is_dir():
            say(self.app, _("There is no such folder; choose one that exists"), warning=True)
            return None
        return folder

    @on(Button.Pressed, "#write")
    @on(Input.Submitted, "#folder")
    def _ask(self) -> None:
        if self.state is not WriteState.READY:
            return
        folder = self.folder()
        if folder is None:
            return
        self.query_one("#confirm-question", Static).update(
            Content(_("Write the file in {folder}?").format(folder=folder))
        )
        self.state = WriteState.CONFIRM

    @on(Button.Pressed, "#not-yet")
    def _not_yet(self) -> None:
        self.state = WriteState.READY

    @on(Button.Pressed, "#confirm-write")
    def _confirmed(self) -> None:
        folder = self.folder()
        if folder is None:
            self.state = WriteState.READY
            return
        self.post_message(self.Write(str(self.query_one("#format", Select).value), folder))

    @on(Button.Pressed, "#write-back")
    def _back(self) -> None:
        self.post_message(self.Back())

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.post_message(self.Done())
