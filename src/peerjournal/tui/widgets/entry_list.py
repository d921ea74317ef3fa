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
from textual.css.styles import RulesMap
from textual.message import Message
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from peerjournal.clock import local
from peerjournal.i18n import N_, _, format_skeleton
from peerjournal.model import Entry, SearchHit
from peerjournal.tui.format import entry_label_parts, mood_badge, plain_text

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
    """Small markers after the title: session, mood, shared, tags."""
    parts: list[tuple[str, str]] = []
    if entry.session_number is not None:
        label = _("session {number}").format(number=entry.session_number)
        parts.append(("  " + label, "$text-secondary"))
    if entry.mood is not None:
        parts.append(("  " + mood_badge(entry.mood), "$text-secondary"))
    if entry.shared:
        parts.append(("  " + _("shared"), "italic $text-success"))
    if entry.tags:  # last: the first to give way on a narrow terminal
        parts.append(("  " + " ".join(f"#{t}" for t in entry.tags), "$text-accent"))
    return parts


def snippet_content(snippet: Sequence[tuple[str, bool]]) -> Content:
    """A search snippet with the matching words highlighted (the text itself is never markup)."""
    # Runs of spaces and line breaks become one space, but the spaces around a match stay.
    flat = [(WHITESPACE.sub(" ", part), hit) for part, hit in snippet]
    return Content.assemble(*((part, MATCH_STYLE if hit else "$text-muted") for part, hit in flat))


MIN_HEADING = 12  # cells of the title kept before the badges give way too (the last first)
RECENT_MIN_TITLE = 8  # on home's narrower column
LEFT_OUT = " …"  # after the badges that fit, when some had to give way


class EntryRow(Visual):
    """One entry in a list: a first line that is never wrapped, then the snippet or the first
    words, wrapped. When the first line (date, title, badges) is too wide, the title is cut with
    an ellipsis so the badges stay; when even that is too wide, whole badges give way from the
    end (tags first, then "shared", the mood, the session) and an ellipsis says so."""

    def __init__(
        self,
        date: Content,
        title: Content,
        badges: Sequence[Content] = (),
        rest: Content | None = None,
        *,
        min_title: int = MIN_HEADING,
    ) -> None:
        self.date, self.title, self.badges, self.rest = date, title, tuple(badges), rest
        self.min_title = min_title

    @property
    def content(self) -> Content:
        """The whole row, uncut, with its styles (a line break before the rest)."""
        first = self.first_line()
        return first if self.rest is None else Content.assemble(first, "\n", self.rest)

    @property
    def plain(self) -> str:
        return self.content.plain

    def __str__(self) -> str:
        return self.plain

    def first_line(self, width: int | None = None) -> Content:
        """The first line, cut to `width` cells with an ellipsis (None: whole)."""
        whole = Content.assemble(self.date, "  ", self.title, *self.badges)
        if width is None or whole.cell_length <= width:
            return whole
        least = min(self.min_title, self.title.cell_length)
        for kept in range(len(self.badges), -1, -1):
            badges = Content.assemble(
                *self.badges[:kept], LEFT_OUT if kept < len(self.badges) else ""
            )
            room = width - self.date.cell_length - 2 - badges.cell_length
            if room >= least:
                title = self.title.truncate(room, ellipsis=True)
                return Content.assemble(self.date, "  ", title, badges)
        return whole.truncate(width, ellipsis=True)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        first = self.first_line(width).render_strips(width, 1, style, options)[:1]
        if self.rest is None:
            return first
        return [*first, *self.rest.render_strips(width, None, style, options)]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        first = self.first_line().cell_length
        if self.rest is None:
            return first
        return max(first, self.rest.get_optimal_width(rules, container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1 + (0 if self.rest is None else self.rest.get_height(rules, width))


def recent_row(entry: Entry) -> EntryRow:
    """Home's one line for an entry, `Mar 3, 2026  After the first session · mood: good`, cut
    like a list's first line (the title gives way before the session and the mood)."""
    date, title, notes = entry_label_parts(entry)
    badges = [Content(f" · {note}") for note in notes]
    return EntryRow(Content(date), Content(title), badges, min_title=RECENT_MIN_TITLE)


def row_prompt(row: Row) -> EntryRow:
    """Two parts for one entry: date, title and badges on one line; then a snippet or the first
    words."""
    entry = row.entry if isinstance(row, SearchHit) else row
    if isinstance(row, SearchHit) and row.snippet:
        rest = snippet_content(row.snippet)
    else:
        rest = Content.assemble((first_words(entry.body) or " ", "$text-muted"))
    return EntryRow(
        Content.styled(when(entry.created_at), "bold"),
        Content(heading(entry)),
        [Content.styled(text, style) for text, style in badges(entry)],
        rest,
    )


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
