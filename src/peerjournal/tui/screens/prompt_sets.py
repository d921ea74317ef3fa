"""Choose the prompt set the journal follows, from inside the app: a set that comes with
peerjournal (each language its own line), or a file from a USB stick (type a file or a folder;
a folder lists its Markdown files). The choice is checked and described before anything changes;
"Follow this set" installs it through the open journal (`journal.program.install`, the same call
as `prompts install`). A set handed over by `prompts install` while the app was open is offered
here too, and installed only on that same yes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from peerjournal.errors import PeerJournalError, PromptSetInvalid
from peerjournal.i18n import N_, _, language_name, ngettext
from peerjournal.promptset import PromptSet, load_file, shipped_sets
from peerjournal.promptset.choose import files_in
from peerjournal.tui.notices import describe, say
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from peerjournal.journal import InstallReport, Journal


def set_line(prompt_set: PromptSet) -> str:
    """'Title · Français · 10 sessions' (the title as the facilitator wrote it)."""
    sessions = ngettext("{count} session", "{count} sessions", len(prompt_set.sessions)).format(
        count=len(prompt_set.sessions)
    )
    return f"{prompt_set.title} \u00b7 {language_of(prompt_set)} \u00b7 {sessions}"


def language_of(prompt_set: PromptSet) -> str:
    try:
        return language_name(prompt_set.language.split("-")[0])
    except ValueError:  # a language Babel does not know: its code, as written
        return prompt_set.language


def describe_set(prompt_set: PromptSet) -> str:
    """What following the set means, before the person says yes."""
    lines = [set_line(prompt_set)]
    if prompt_set.study is not None:
        lines.append(
            _(
                "It belongs to a research study ({study}). Following it shares nothing: you "
                "choose later, item by item, what to share, after reading its consent text."
            ).format(study=prompt_set.study.name)
        )
    else:
        lines.append(_("It has no research study: nothing can be shared from it."))
    return "\n".join(lines)


def current_line(journal: Journal) -> Content:
    """Which set the journal follows, in a sentence (its title as plain text)."""
    active = journal.program.active()
    if active is None:
        return Content(_("Your journal follows no prompt set yet."))
    return Content(_("Your journal follows: {set}").format(set=set_line(active)))


def installed_message(report: InstallReport) -> str:
    ps = report.prompt_set
    if report.action == "unchanged":
        return _("Your journal already follows {title}; nothing changed.").format(title=ps.title)
    if report.action == "upgraded":
        return _(
            "{title} is updated to version {version}. Entries already written keep the prompts "
            "they answered."
        ).format(title=ps.title, version=ps.version)
    return _("Your journal now follows {title}.").format(title=ps.title)


class PromptSetScreen(TranslatedBindings, Screen[bool]):
    """Pick a set, see what it is, follow it. Dismisses with True when one was installed."""

    CSS_PATH = "prompt_sets.tcss"
    HELP = N_(
        "Choose the prompt set your journal follows: its sessions, prompts and feedback forms. "
        "Pick one that comes with peerjournal (each language is its own line), or type where a "
        "file is, for example on a USB stick; a folder lists the files in it. Nothing changes "
        "until you choose Follow this set. Entries you already wrote keep their prompts."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "close",
            N_("Close"),
            id="prompt_sets.close",
            tooltip=N_("Close without changing the prompt set"),
        ),
    ]

    def __init__(self, journal: Journal, offered: PromptSet | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.offered = offered
        self.shipped = shipped_sets()
        self.files: list[Path] = []
        self.chosen: PromptSet | None = offered

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="body"):
            yield Static(_("Prompt set"), id="title")
            yield Static(self._current(), id="current")
            if self.offered is not None:
                yield Static(
                    _(
                        "A prompt set was sent to your journal from the command line. Check it "
                        "below, then follow it or close this screen."
                    ),
                    id="offered",
                )
            yield Static(_("Sets that come with peerjournal"), classes="label")
            yield OptionList(
                *(Option(Content(set_line(s)), id=f"s{i}") for i, s in enumerate(self.shipped)),
                id="shipped",
            )
            yield Static(
                _("Or a file, for example on a USB stick (a file, or a folder to list)"),
                classes="label",
            )
            with Horizontal(id="path-row"):
                yield Input(placeholder=_("for example /media/usb"), id="path")
                yield Button(_("Look"), id="look")
            yield OptionList(id="files")
            yield Static("", id="chosen")
            with Horizontal(id="buttons"):
                yield Button(_("Not now"), id="close")
                yield Button(_("Follow this set"), variant="primary", id="install")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#files", OptionList).display = False
        self._show_chosen()
        if self.offered is not None:
            self.query_one("#install", Button).focus()
        else:
            self.query_one("#shipped", OptionList).focus()

    def _current(self) -> Content:
        return current_line(self.journal)

    def _show_chosen(self, problem: str | None = None) -> None:
        chosen = self.query_one("#chosen", Static)
        if problem is not None:
            chosen.update(Content(problem))
        elif self.chosen is not None:
            chosen.update(Content(describe_set(self.chosen)))
        else:
            chosen.update(_("Choose a set to see what it holds."))
        chosen.set_class(problem is not None, "-error")
        # An update made while the screen is first laid out can keep the old height: lay out again.
        self.call_after_refresh(chosen.refresh, layout=True)
        self.query_one("#install", Button).disabled = self.chosen is None or problem is not None

    # -- choosing ---------------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#shipped")
    def _shipped_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.offered is not None and not event.option_list.has_focus:
            return  # the list's own first highlight must not replace the set offered
        self.chosen = self.shipped[event.option_index]
        self._show_chosen()

    @on(OptionList.OptionSelected, "#shipped")
    def _shipped_selected(self, event: OptionList.OptionSelected) -> None:
        self.chosen = self.shipped[event.option_index]
        self._show_chosen()
        self.query_one("#install", Button).focus()

    @on(Button.Pressed, "#look")
    @on(Input.Submitted, "#path")
    def _look(self) -> None:
        typed = self.query_one("#path", Input).value.strip()
        if not typed:
            return
        where = Path(typed).expanduser()
        listing = self.query_one("#files", OptionList)
        if where.is_dir():
            self.files = files_in(where)
            listing.set_options(
                Option(Content(p.name), id=f"f{i}") for i, p in enumerate(self.files)
            )
            listing.display = bool(self.files)
            if self.files:
                listing.highlighted = 0
                listing.focus()
                self.chosen = None
                self._show_chosen()
            else:
                self.chosen = None
                self._show_chosen(
                    _("There is no prompt set file (.md) in {folder}.").format(folder=where)
                )
            return
        listing.display = False
        self._load(where)

    @on(OptionList.OptionSelected, "#files")
    def _file_selected(self, event: OptionList.OptionSelected) -> None:
        self._load(self.files[event.option_index])

    def _load(self, path: Path) -> None:
        """Read and check the file; say its first problem when it cannot be followed."""
        self.chosen = None
        try:
            self.chosen = load_file(path)
        except PromptSetInvalid as error:
            first = error.problems[0] if error.problems else None
            self._show_chosen(
                ngettext(
                    "This file cannot be followed yet: it has {count} problem to fix "
                    "(line {line}: {problem}). Your facilitator can fix it.",
                    "This file cannot be followed yet: it has {count} problems to fix "
                    "(the first, line {line}: {problem}). Your facilitator can fix them.",
                    len(error.problems),
                ).format(
                    count=len(error.problems),
                    line=first.line if first else 1,
                    problem=first.message if first else "",
                )
            )
            return
        except PeerJournalError as error:
            self._show_chosen(describe(error))
            return
        self._show_chosen()
        self.query_one("#install", Button).focus()

    # -- following it -----------------------------------------------------------------------------

    @on(Button.Pressed, "#install")
    def _install(self) -> None:
        if self.chosen is None:
            return
        try:
            report = self.journal.program.install(self.chosen)
        except PeerJournalError as error:
            self._show_chosen(describe(error))
            return
        say(self.app, installed_message(report), title=_("Prompt set"))
        from peerjournal.journal import sharing_note

        note = sharing_note(report)
        if note:
            say(self.app, note, title=_("Prompt set"))
        self.dismiss(report.action != "unchanged")
        offer = getattr(self.app, "offer_set_language", None)
        if offer is not None and report.action != "unchanged":
            self.app.call_later(offer)  # a set in another language: show the app in it?

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(False)
