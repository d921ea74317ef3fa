"""Home: the program's sessions and what was written for each, the next session's prompts,
"write freely", unfinished drafts and recent entries.

Everything here is a handful of indexed queries, so home opens at once even with 100,000 entries.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from peerjournal.errors import PeerJournalError
from peerjournal.i18n import N_, _, ngettext
from peerjournal.tui.format import draft_label
from peerjournal.tui.notices import say, say_error
from peerjournal.tui.program import active_set
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.entry_list import recent_row
from peerjournal.tui.widgets.key_footer import KeyFooter

RECENT = 8


def hanging(marker: str, text: str, *, muted: str = "") -> Table:
    """`marker` in its own column and `text` wrapped beside it, so the lines of a long prompt or
    title line up under its first word (a hanging indent). Plain text, never markup."""
    grid = Table.grid(padding=(0, 1, 0, 0), expand=True)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    body = Text(text)
    if muted:
        body.append(" · " + muted, style="dim")
    grid.add_row(Text(marker), body)
    return grid


def one_line(text: str) -> Content:
    """Plain text (never markup); home.tcss keeps it on one line, cut with an ellipsis."""
    return Content(text)


def session_line(status, is_next: bool = False) -> Table:
    """`✓ 2. Safety planning · 3 entries · feedback given`; `→` marks the next session."""
    session = status.session
    mark = "✓" if status.attended_on else ("→" if is_next else "·")
    notes = []
    if status.entry_count:
        count = status.entry_count
        notes.append(ngettext("{count} entry", "{count} entries", count).format(count=count))
    if status.feedback_done:
        notes.append(_("feedback given"))
    return hanging(f"{mark} {session.number}.", session.title, muted=" · ".join(notes))


if TYPE_CHECKING:
    from peerjournal.tui.app import PeerJournalApp


class HomeScreen(TranslatedBindings, Screen):
    if TYPE_CHECKING:  # for the type checker: the app this screen runs in, and what it offers
        app = getters.app(PeerJournalApp)

    CSS_PATH = "home.tcss"
    HELP = N_(
        "Your sessions are on the left: ✓ marks the ones you attended (press A to mark one). "
        "Pick a prompt on the right to write about it, or press W to write freely."
    )
    AUTO_FOCUS = "#prompts"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "w",
            "app.write",
            N_("Write"),
            id="home.write",
            tooltip=N_("A new entry, without a prompt"),
        ),
        Binding(
            "e",
            "app.open('entries')",
            N_("Entries"),
            id="home.entries",
            tooltip=N_("Read and search all your entries"),
        ),
        Binding(
            "f",
            "feedback",
            N_("Feedback"),
            id="home.feedback",
            tooltip=N_("Give feedback on the highlighted session"),
        ),
        Binding(
            "a",
            "attend",
            N_("Attended"),
            id="home.attend",
            tooltip=N_("Mark the highlighted session as attended today (again to unmark)"),
        ),
        Binding(
            "x",
            "app.open('export')",
            N_("Share"),
            id="home.export",
            tooltip=N_("Export what you chose to share with research, after checking it"),
        ),
        Binding(
            "s",
            "app.open('settings')",
            N_("Settings"),
            id="home.settings",
            tooltip=N_("Auto-lock, quick-hide key, theme, passphrase, backup"),
        ),
    ]

    def __init__(self, journal) -> None:
        super().__init__()
        self.journal = journal
        self.chosen: int | None = None  # the session whose prompts are shown

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            with Vertical(id="left"):
                yield Static(_("Sessions"), classes="heading")
                yield OptionList(id="sessions")
                yield Static("", id="no-program", classes="hint")
            with Vertical(id="right"):
                yield Static("", id="prompts-heading", classes="heading")
                yield OptionList(id="prompts")
                yield Button(_("Write freely"), id="write-freely", variant="primary", compact=True)
                yield Static(_("Recent"), classes="heading")
                yield OptionList(id="recent")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Fill (or refresh, back from writing) the lists each time home comes to the front."""
        if self.journal.is_open:
            self.refresh_all()

    # -- filling the lists -------------------------------------------------------------------

    def refresh_all(self) -> None:
        self._fill_sessions()
        self._fill_prompts()
        self._fill_recent()
        if self.focused is None or not self.focused.display:  # e.g. no prompt set: no prompts
            self.query_one("#write-freely", Button).focus()

    def _fill_sessions(self) -> None:
        sessions = self.query_one("#sessions", OptionList)
        statuses = self.journal.program.sessions()
        keep = sessions.highlighted
        upcoming = self.journal.program.next_session()
        next_number = upcoming.number if upcoming else None
        sessions.clear_options()
        sessions.add_options(
            Option(
                session_line(s, s.session.number == next_number),  # plain Rich Text in a grid
                id=f"s{s.session.number}",
            )
            for s in statuses
        )
        note = self.query_one("#no-program", Static)
        if not statuses:
            sessions.display = False
            note.display = True
            note.update(
                _(
                    "No program sessions here yet. When your group uses a prompt set, your "
                    "facilitator can help you add it, and its sessions and prompts will show here."
                )
            )
            return
        sessions.display = True
        note.display = False
        if self.chosen is None:
            self.chosen = next_number or statuses[-1].session.number
        index = next((i for i, s in enumerate(statuses) if s.session.number == self.chosen), 0)
        sessions.highlighted = keep if keep is not None else index

    def _fill_prompts(self) -> None:
        prompts = self.query_one("#prompts", OptionList)
        heading = self.query_one("#prompts-heading", Static)
        prompts.clear_options()
        prompt_set = active_set(self.journal)
        session = prompt_set.session(self.chosen) if prompt_set and self.chosen else None
        if session is None:
            heading.update(_("Write"))
            prompts.display = False
            return
        upcoming = self.journal.program.next_session()
        if upcoming and upcoming.number == session.number:
            title = _("Next session {number}: {title}")
        else:
            title = _("Session {number}: {title}")
        heading.update(Content(title.format(number=session.number, title=session.title)))
        prompts.display = True
        prompts.add_options(
            Option(hanging(f"{p.key}.", p.text), id=f"p{p.key}") for p in session.prompts
        )
        if not session.prompts:
            prompts.add_option(Option(_("Write about this session"), id="p0"))
        prompts.highlighted = 0

    def _fill_recent(self) -> None:
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        for draft in self.journal.drafts.list()[:RECENT]:
            recent.add_option(Option(one_line(draft_label(draft)), id=f"d{draft.id}"))
        for entry in self.journal.entries.list(
            limit=RECENT + len(self.app.pending_deletes.waiting)
        ):
            if entry.id in self.app.pending_deletes:  # deleted a moment ago; Ctrl+Z undoes it
                continue
            recent.add_option(Option(recent_row(entry), id=f"e{entry.id}"))
        if recent.option_count == 0:
            empty = _("Nothing written yet. Whenever you are ready.")
            recent.add_option(Option(empty, disabled=True))

    # -- choosing ----------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sessions")
    def _session_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        number = int(_option_id(event.option)[1:])
        if number != self.chosen:
            self.chosen = number
            self._fill_prompts()

    @on(OptionList.OptionSelected, "#sessions")
    def _session_selected(self) -> None:
        self.query_one("#prompts", OptionList).focus()

    @on(OptionList.OptionSelected, "#prompts")
    def _prompt_selected(self, event: OptionList.OptionSelected) -> None:
        key = int(_option_id(event.option)[1:]) or None
        self.app.action_write(session_number=self.chosen, prompt_key=key)

    @on(Button.Pressed, "#write-freely")
    def _write_freely(self) -> None:
        self.app.action_write()

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        option_id = _option_id(event.option)
        kind, ident = option_id[0], option_id[1:]
        try:
            if kind == "d":
                from peerjournal.tui.screens.write import WriteScreen

                draft = self.journal.drafts.get(ident)
                self.app.push_screen(WriteScreen(self.journal, draft=draft))
            else:
                from peerjournal.tui.screens.entry import EntryScreen

                self.app.push_screen(EntryScreen(self.journal, ident))
        except PeerJournalError as error:
            say_error(self.app, error)

    # -- actions -----------------------------------------------------------------------------

    def _highlighted_session(self) -> int | None:
        sessions = self.query_one("#sessions", OptionList)
        if not sessions.display or sessions.highlighted is None:
            return None
        return int(_option_id(sessions.get_option_at_index(sessions.highlighted))[1:])

    def action_attend(self) -> None:
        number = self._highlighted_session()
        if number is None:
            say(self.app, _("There are no program sessions to mark yet"), warning=True)
            return
        program = self.journal.program
        try:
            if number in program.attended():
                program.unattend(number)
                say(
                    self.app,
                    _("Session {number} is no longer marked as attended").format(number=number),
                )
            else:
                program.attend(number, date.today())
                say(self.app, _("Session {number} marked as attended").format(number=number))
        except PeerJournalError as error:
            say_error(self.app, error)
        self._fill_sessions()
        self._fill_prompts()

    def action_feedback(self) -> None:
        number = self._highlighted_session()
        if number is None:
            say(self.app, _("There are no program sessions to give feedback on yet"), warning=True)
            return
        from peerjournal.tui.screens.feedback import FeedbackScreen

        # The highlighted session if it was attended; otherwise (home starts on the next,
        # unattended one) the form picks the latest attended session, and offers the others.
        attended = number in self.journal.program.attended()
        self.app.push_screen(FeedbackScreen(self.journal, number if attended else None))


def _option_id(option: Option) -> str:
    """The id every selectable option on this screen is made with: a kind letter, then a key."""
    assert option.id is not None, "selectable options on the home screen all have ids"
    return option.id
