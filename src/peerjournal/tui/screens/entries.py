"""Reading: every entry in one list, filters, and full-text search as you type.

Each query runs in a thread worker (exclusive per kind, so a newer search cancels an older one) and
comes back as a `Page`; the list loads 50 entries at a time and asks for more near its end. A
generation number drops any page that belongs to a search the person has already moved past.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Select, Static
from textual.worker import Worker, WorkerState

from peerjournal.errors import SearchSyntaxError
from peerjournal.i18n import N_, _, format_number, ngettext
from peerjournal.model import EntryFilter
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.entry_list import EntryList, Row
from peerjournal.tui.widgets.key_footer import KeyFooter

PAGE = 50  # rows per load: a screenful or two; each row costs layout time when shown
DEBOUNCE_SECONDS = 0.12
FALLBACK_SESSIONS = 12  # offered as filters when the journal follows no prompt set
FTS_WORDS = {"AND", "OR", "NOT", "NEAR"}
BARE_WORD = re.compile(r"^\w+$")
MIN_PREFIX = 2
NARROW_BELOW = 100  # columns: below this the filters take two rows

SEARCH_HELP = N_("Could not read that search, so these are matches for the words as typed.")
SEARCH_NONE = N_(
    "Nothing matches. In a search, quotes, AND, OR, NOT and * have special meanings; "
    "plain words always work."
)


def fts_query(text: str) -> str:
    """What the person typed, its last word (two letters or more) as a prefix: `harm red*`.

    Quotes, AND/OR/NOT and `*` keep their full-text meaning for those who use them.
    """
    words = text.split()
    if not words or text[-1].isspace():
        return text.strip()
    last = words[-1]
    # One letter is too little to guess a word from (and would match most of a journal).
    if len(last) >= MIN_PREFIX and BARE_WORD.match(last) and last not in FTS_WORDS:
        return text.strip() + "*"
    return text.strip()


def plain_query(text: str) -> str:
    """Every word as a quoted phrase, the last one as a prefix: always valid FTS5 syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    while words and words[-1].upper() in FTS_WORDS:  # a dangling "care AND" means "care"
        words.pop()
    quoted = [f'"{w}"' for w in words]
    if quoted and not text[-1].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class Request:
    """One page to load: the search text (empty: list all), the filter, where to start."""

    generation: int
    text: str
    flt: EntryFilter
    offset: int = 0
    limit: int = PAGE


@dataclass(frozen=True)
class Page:
    request: Request
    rows: list[Row]
    more: bool
    total: int | None = None  # known for plain lists; searches only know "more"
    note: str = ""
    fts: str = field(default="", repr=False)


def fetch_page(journal, request: Request, fts: str | None = None) -> Page:
    """Load one page through the domain API (runs in a worker thread)."""
    entries = journal.entries
    if not request.text.strip():
        rows = entries.list(request.flt, limit=request.limit + 1, offset=request.offset)
        total = entries.count(request.flt) if request.offset == 0 else None
        return Page(request, list(rows[: request.limit]), len(rows) > request.limit, total)
    note = ""
    query = fts or fts_query(request.text)
    try:
        hits = entries.search(query, request.limit + 1, request.flt, request.offset, order="newest")
    except SearchSyntaxError:
        query = plain_query(request.text)
        hits = entries.search(query, request.limit + 1, request.flt, request.offset, order="newest")
        note = SEARCH_HELP if hits else SEARCH_NONE
    return Page(request, list(hits[: request.limit]), len(hits) > request.limit, None, note, query)


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD day, or None for an empty field; raises ValueError for anything else."""
    return date.fromisoformat(text.strip()) if text.strip() else None


class EntriesScreen(TranslatedBindings, Screen):
    """All entries, newest first; type to search, pick filters, Enter to read one."""

    CSS_PATH = "entries.tcss"
    HELP = N_(
        "All your entries, newest first. Type to search: matching words are highlighted. "
        "Narrow the list by session, tag, dates or sharing. Enter opens an entry."
    )
    AUTO_FOCUS = "#search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "focus_search",
            N_("Search"),
            id="entries.search",
            tooltip=N_("Type words to find entries that hold them"),
        ),
        Binding(
            "ctrl+r",
            "clear_filters",
            N_("Clear filters"),
            id="entries.clear",
            tooltip=N_("Show every entry again: no search, no filters"),
        ),
        Binding(
            "escape",
            "back",
            N_("Back"),
            id="entries.back",
            tooltip=N_("Clear the search, or go back"),
        ),
        Binding(
            "down",
            "to_list",
            N_("To list"),
            id="entries.to_list",
            show=False,
            tooltip=N_("Move from the search field to the list"),
        ),
    ]

    def __init__(self, journal) -> None:
        super().__init__()
        self.journal = journal
        self._flt = EntryFilter()
        self._text = ""
        self._generation = 0
        self._loaded_once = False
        self._debounce: Timer | None = None
        self._fts = ""
        self._keep: str | None = None
        self._limit = PAGE
        self._tags_asked = False
        self._querying = False  # a first-page query is under way
        self._query_waiting = False  # another was asked for meanwhile

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="reading"):
            yield Static(_("Your entries"), id="heading")
            yield Input(
                placeholder=_('Search your entries…  (words, "a phrase", care OR rest)'),
                id="search",
            )
            with Horizontal(id="filters"):
                yield Select(self._session_options(), prompt=_("Any session"), id="session")
                yield Select([], prompt=_("Any tag"), id="tag")
                yield Select(
                    [(_("Shared"), True), (_("Private"), False)],
                    prompt=_("Any sharing"),
                    id="shared",
                )
                yield Input(
                    placeholder=_("From YYYY-MM-DD"),
                    id="since",
                    max_length=10,
                    tooltip=_("Entries written on or after this day"),
                )
                yield Input(
                    placeholder=_("To YYYY-MM-DD"),
                    id="until",
                    max_length=10,
                    tooltip=_("Entries written on or before this day"),
                )
            yield Static("", id="status")
            yield EntryList(id="entries")
        yield KeyFooter()

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_BELOW, "-narrow")

    def _session_options(self) -> list[tuple[Content | str, int]]:
        active = self.journal.program.active()
        if active is not None and active.sessions:
            return [(Content(f"{s.number} · {s.title}"), s.number) for s in active.sessions]
        return [
            (_("Session {number}").format(number=n), n) for n in range(1, FALLBACK_SESSIONS + 1)
        ]

    def on_screen_resume(self) -> None:
        """First show, and every return from an entry (which may have changed or gone)."""
        keep = self.query_one(EntryList).highlighted_id if self._loaded_once else None
        size = max(PAGE, self.query_one(EntryList).loaded) if self._loaded_once else PAGE
        self._loaded_once = True
        self.reload(keep=keep, limit=size)

    # -- loading --------------------------------------------------------------------------------

    def reload(self, keep: str | None = None, limit: int = PAGE) -> None:
        """Load the first page for the current search and filters.

        One query runs at a time: a search asked for while another runs waits for it and then
        runs with the newest text, so fast typing never queues a line of stale queries.
        """
        self._generation += 1
        self._keep, self._limit = keep, limit
        self.workers.cancel_group(self, "entries-more")
        if self._querying:
            self._query_waiting = True
        else:
            self._start()

    def _start(self) -> None:
        self._querying, self._query_waiting = True, False
        self._fetch(Request(self._generation, self._text, self._flt, 0, self._limit))

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="entries-first",
        description="Finding entries",
    )
    def _fetch(self, request: Request) -> Page:
        return fetch_page(self.journal, request)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="entries-more",
        description="Loading more entries",
    )
    def _fetch_more(self, request: Request, fts: str) -> Page:
        return fetch_page(self.journal, request, fts or None)

    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="entries-tags",
        description="Listing tags",
    )
    def _load_tags(self) -> list[str]:
        return sorted(self.journal.entries.tag_counts(), key=str.casefold)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        finished = event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
        if worker.group == "entries-first" and finished:
            self._querying = False
            if self._query_waiting and self.is_attached:
                self._start()
        if event.state == WorkerState.SUCCESS:
            result = worker.result
            assert result is not None, "every entries worker returns a value"
            if worker.group == "entries-tags":
                self.query_one("#tag", Select).set_options((Content(f"#{t}"), t) for t in result)
            elif worker.group in ("entries-first", "entries-more"):
                self._show(result)
        elif event.state == WorkerState.ERROR and worker.group.startswith("entries"):
            self._failed(worker.error)

    def _failed(self, error: BaseException | None) -> None:
        if not self.journal.is_open:  # locked under a running query: nothing to say
            return
        from peerjournal.tui.notices import describe

        self._status(describe(error) if error else _("Could not load entries."), error=True)

    def _show(self, page: Page) -> None:
        if page.request.generation != self._generation:
            return  # the person has typed on since this was asked
        listing = self.query_one(EntryList)
        if page.request.offset == 0:
            self._fts = page.fts
            listing.show_rows(page.rows, more=page.more, keep=self._keep)
            self._status(_(page.note) if page.note else self._summary(page), error=bool(page.note))
            if not self._tags_asked:  # after the first page: counting tags reads every entry
                self._tags_asked = True
                self._load_tags()
        else:
            listing.add_rows(page.rows, more=page.more)

    def _summary(self, page: Page) -> str:
        filtered = self._flt != EntryFilter()
        if page.request.text.strip():
            if not page.rows:
                if filtered:
                    return _("Nothing matches that search with these filters.")
                return _("Nothing matches that search.")
            count = len(page.rows)
            if page.more:
                return _("More than {count} entries match, newest first.").format(
                    count=format_number(count)
                )
            return ngettext(
                "{count} entry matches, newest first.",
                "{count} entries match, newest first.",
                count,
            ).format(count=format_number(count))
        total = page.total or 0
        if total == 0:
            return _("No entries match these filters.") if filtered else _("No entries yet.")
        if filtered:
            message = ngettext(
                "{count} entry matches these filters.",
                "{count} entries match these filters.",
                total,
            )
        else:
            message = ngettext(
                "{count} entry, newest first.", "{count} entries, newest first.", total
            )
        return message.format(count=format_number(total))

    def _status(self, message: str, *, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Content(message))
        status.set_class(error, "-note")

    @on(EntryList.NeedMore)
    def _more(self) -> None:
        listing = self.query_one(EntryList)
        request = Request(self._generation, self._text, self._flt, listing.loaded, PAGE)
        self._fetch_more(request, self._fts)

    # -- search and filters ---------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _typed(self, event: Input.Changed) -> None:
        """Wait for a short pause in typing, then search (each keystroke only restarts a timer)."""
        self._text = event.value
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(DEBOUNCE_SECONDS, self.reload, name="search-debounce")

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.action_to_list()

    @on(Select.Changed)
    def _selected(self) -> None:
        self._apply_filters()

    @on(Input.Changed, "#since, #until")
    def _dates(self) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        def value(selector: str):
            chosen = self.query_one(selector, Select).value
            return None if chosen is Select.NULL else chosen

        try:
            since = parse_day(self.query_one("#since", Input).value)
            until = parse_day(self.query_one("#until", Input).value)
        except ValueError:
            if any(len(self.query_one(f, Input).value) == 10 for f in ("#since", "#until")):
                self._status(_("Dates look like 2026-03-31 (year, month, day)."), error=True)
            return
        flt = replace(
            EntryFilter(),
            session_number=value("#session"),
            tag=value("#tag"),
            shared=value("#shared"),
            since=since,
            until=until,
        )
        if flt != self._flt:
            self._flt = flt
            self.reload()

    # -- opening --------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#entries")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from peerjournal.tui.screens.entry import EntryScreen

        if event.option.id is not None:
            self.app.push_screen(EntryScreen(self.journal, event.option.id))

    # -- actions --------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_to_list(self) -> None:
        if self.focused is self.query_one("#search", Input):
            listing = self.query_one(EntryList)
            listing.focus()
            if listing.highlighted is None and listing.option_count:
                listing.highlighted = 0

    def action_clear_filters(self) -> None:
        self.query_one("#search", Input).value = ""
        for selector in ("#session", "#tag", "#shared"):
            self.query_one(selector, Select).clear()
        for selector in ("#since", "#until"):
            self.query_one(selector, Input).value = ""
        self._text, self._flt = "", EntryFilter()
        self.reload()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            search.focus()
            return
        self.dismiss()
