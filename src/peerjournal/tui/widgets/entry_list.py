"""A list of entries that stays fast at any size: one `OptionList` row per *loaded* entry.

The list never holds every entry. The screen hands it a page at a time; when the cursor or the
scroll position comes near the end of what is loaded, the list asks for more with `NeedMore`.
`OptionList` draws only the rows on screen, so a long list costs what its loaded pages cost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from peerjournal.clock import local
from peerjournal.i18n import N_, _, format_skeleton
from peerjournal.model import Entry, SearchHit
from peerjournal.tui.format import mood_badge, plain_text

WHITESPACE = re.compile(r"\s+")
NEAR_END = 10  # ask for the next page when the cursor is this close to the last loaded row
PREVIEW_CHARS = 110
MATCH_STYLE = "bold reverse $text-warning"

UNTITLED = N_("Untitled")

Row = Entry | SearchHit


def when(moment: datetime) -> str:
    """A moment in local time, the way a diary dates a page, in the current language:
    `Wed, Nov 25, 2026 · 20:39`, `mer. 25 nov. 2026 · 20 h 39`."""
    moment = local(moment)
    return f"{format_skeleton(moment, 'yMMMEd')} · {format_skeleton(moment, 'Hm')}"


def first_words(text: str, limit: int = PREVIEW_CHARS) -> str:
    """The start of a body as plain words (no Markdown syntax) on one line, cut at a word with
    an ellipsis."""
    flat = plain_text(text)
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


def heading(entry: Entry) -> str:
    """What names an entry in a list: its title, else its first words."""
    return entry.title or first_words(entry.body, 48) or _(UNTITLED)


def badges(entry: Entry) -> list[tuple[str, str]]:
    """Small markers after the title: session, tags, shared."""
    parts: list[tuple[str, str]] = []
    if entry.session_number is not None:
        label = _("session {number}").format(number=entry.session_number)
        parts.append(("  " + label, "$text-secondary"))
    if entry.mood is not None:
        parts.append(("  " + mood_badge(entry.mood), "$text-secondary"))
    if entry.tags:
        parts.append(("  " + " ".join(f"#{t}" for t in entry.tags), "$text-accent"))
    if entry.shared:
        parts.append(("  " + _("shared"), "italic $text-success"))
    return parts


def snippet_content(snippet: Sequence[tuple[str, bool]]) -> Content:
    """A search snippet with the matching words highlighted (the text itself is never markup)."""
    # Runs of spaces and line breaks become one space, but the spaces around a match stay.
    flat = [(WHITESPACE.sub(" ", part), hit) for part, hit in snippet]
    return Content.assemble(*((part, MATCH_STYLE if hit else "$text-muted") for part, hit in flat))


def row_prompt(row: Row) -> Content:
    """Two lines for one entry: date, title and badges; then a snippet or the first words."""
    entry = row.entry if isinstance(row, SearchHit) else row
    first = Content.assemble((when(entry.created_at), "bold"), "  ", heading(entry), *badges(entry))
    if isinstance(row, SearchHit) and row.snippet:
        second = snippet_content(row.snippet)
    else:
        second = Content.assemble((first_words(entry.body) or " ", "$text-muted"))
    return Content.assemble(first, "\n", second)


class EntryList(OptionList):
    """Entries, newest first or best match first; Enter posts `OptionSelected` with the entry id."""

    class NeedMore(Message):
        """The person reached the end of the loaded rows and more exist."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.has_more = False
        self._asked = False
        self._ids: set[str] = set()

    @property
    def loaded(self) -> int:
        return self.option_count

    def show_rows(self, rows: Sequence[Row], *, more: bool, keep: str | None = None) -> None:
        """Replace the rows; put the cursor on entry `keep` if it is among them."""
        self._ids.clear()
        self.clear_options()
        self._append(rows, more)
        if self.option_count:
            index = self._index_of(keep) if keep else None
            self.highlighted = index if index is not None else 0

    def add_rows(self, rows: Sequence[Row], *, more: bool) -> None:
        """Add the next page below the loaded rows."""
        self._append(rows, more)

    def _append(self, rows: Sequence[Row], more: bool) -> None:
        options = []
        for row in rows:
            entry_id = row.entry.id if isinstance(row, SearchHit) else row.id
            if entry_id in self._ids:  # an entry moved between pages while they loaded
                continue
            if entry_id in getattr(self.app, "pending_deletes", ()):  # deleted, undo still open
                continue
            self._ids.add(entry_id)
            options.append(Option(row_prompt(row), id=entry_id))
        self.add_options(options)
        self.has_more = more
        self._asked = False

    def _index_of(self, entry_id: str) -> int | None:
        if entry_id not in self._ids:
            return None
        return self.get_option_index(entry_id)

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _ask_for_more(self) -> None:
        if self.has_more and not self._asked:
            self._asked = True
            self.post_message(self.NeedMore())

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= self.option_count - NEAR_END:
            self._ask_for_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.max_scroll_y and new_value >= self.max_scroll_y - self.size.height:
            self._ask_for_more()
