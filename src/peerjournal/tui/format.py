"""Short one-line labels for entries and drafts, shared by the home screen and dialogs."""

from __future__ import annotations

from datetime import datetime

from peerjournal import clock
from peerjournal.i18n import format_number, ngettext
from peerjournal.model import Draft, Entry

PREVIEW_CHARS = 48


def first_words(body: str, limit: int = PREVIEW_CHARS) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def day(moment: datetime) -> str:
    """A local date like `3 Mar 2026`."""
    local = clock.local(moment)
    return f"{local.day} {local:%b %Y}"


def entry_label(entry: Entry) -> str:
    what = entry.title or first_words(entry.body) or "(empty)"
    session = f" · session {entry.session_number}" if entry.session_number else ""
    return f"{day(entry.created_at)}  {what}{session}"


def draft_label(draft: Draft) -> str:
    what = draft.title or first_words(draft.body) or "(empty)"
    kind = "Changes to an entry" if draft.entry_id else "Draft"
    return f"{kind}: {what}"


def words(count: int) -> str:
    return ngettext("{count} word", "{count} words", count).format(count=format_number(count))
