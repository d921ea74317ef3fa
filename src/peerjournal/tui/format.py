"""Short one-line labels for entries and drafts, shared by the home screen and dialogs."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from peerjournal import clock
from peerjournal.i18n import N_, _, format_date, format_number, ngettext
from peerjournal.model import Draft, Entry

PREVIEW_CHARS = 48
PREVIEW_SOURCE = 2000  # a preview reads only the start of a body: a long entry costs no more
INLINE_TEXT = {"text", "code_inline", "softbreak", "hardbreak"}


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def plain_text(body: str) -> str:
    """The words of a Markdown body as they read, without `**`, `#`, `-` or link targets: a
    preview in a list shows what the person wrote, not its syntax. On one line."""
    words: list[str] = []
    for token in _markdown().parse(body[:PREVIEW_SOURCE]):
        if token.type == "inline":
            for child in token.children or ():
                if child.type in INLINE_TEXT:
                    words.append(child.content or " ")
            words.append(" ")
        elif token.type in ("code_block", "fence"):
            words.append(token.content + " ")
    return " ".join("".join(words).split())


def first_words(body: str, limit: int = PREVIEW_CHARS) -> str:
    """The start of a Markdown body as plain words on one line, cut with an ellipsis."""
    flat = plain_text(body)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def day(moment: datetime) -> str:
    """A local date as the current language writes it: `Mar 3, 2026`, `3 mars 2026`."""
    return format_date(clock.local(moment).date())


def entry_label_parts(entry: Entry) -> tuple[str, str, list[str]]:
    """`("Mar 3, 2026", "After the first session", ["mood: good", "session 1"])`: the mood
    before the session, which is the first to give way on a narrow line."""
    notes = []
    if entry.mood is not None:
        notes.append(mood_badge(entry.mood))
    if entry.session_number:
        notes.append(_("session {number}").format(number=entry.session_number))
    title = entry.title or first_words(entry.body) or _("(empty)")
    return day(entry.created_at), title, notes


def entry_label(entry: Entry) -> str:
    """`Mar 3, 2026  After the first session · mood: good · session 1` (plain words)."""
    date, title, notes = entry_label_parts(entry)
    return f"{date}  " + " · ".join([title, *notes])


def draft_label(draft: Draft) -> str:
    what = draft.title or first_words(draft.body) or _("(empty)")
    if draft.entry_id:
        return _("Changes to an entry: {what}").format(what=what)
    return _("Draft: {what}").format(what=what)


def words(count: int) -> str:
    return ngettext("{count} word", "{count} words", count).format(count=format_number(count))


# The five moods a person can give an entry (1 to 5), as the writing screen offers them.
MOOD_NAMES = {
    1: N_("very low"),
    2: N_("low"),
    3: N_("okay"),
    4: N_("good"),
    5: N_("very good"),
}


def mood_name(mood: int) -> str:
    return _(MOOD_NAMES[mood]) if mood in MOOD_NAMES else str(mood)


def mood_badge(mood: int) -> str:
    """`mood: good` for a list row."""
    return _("mood: {mood}").format(mood=mood_name(mood))
