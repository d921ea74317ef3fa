"""The journal's domain objects, shared by the vault, the CLI and the TUI (no storage, no UI)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

# A word: a run of letters or digits, with apostrophes inside it ("c'est", "don’t" are one word).
# The one definition for `list --json`, stats and research exports alike.
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def word_count(text: str) -> int:
    """Words in a text as written (runs of letters/digits; apostrophes inside words kept)."""
    return len(WORD_RE.findall(text))


@dataclass(frozen=True)
class Entry:
    """One journal entry as stored.

    `prompt_text` is a snapshot: later prompt edits never rewrite it.
    """

    id: str
    created_at: datetime
    updated_at: datetime
    title: str
    body: str
    tags: tuple[str, ...] = ()
    mood: int | None = None
    session_number: int | None = None
    prompt_key: int | None = None
    prompt_text: str | None = None
    prompt_set_id: str | None = None
    prompt_set_version: str | None = None
    shared: bool = False

    @property
    def short_id(self) -> str:
        return self.id[:8]

    @property
    def word_count(self) -> int:
        return word_count(self.body)


@dataclass(frozen=True)
class NewEntry:
    """What a face hands the journal to create an entry (ids and times are the journal's job)."""

    body: str
    title: str = ""
    tags: tuple[str, ...] = ()
    mood: int | None = None
    session_number: int | None = None
    prompt_key: int | None = None
    prompt_text: str | None = None
    prompt_set_id: str | None = None
    prompt_set_version: str | None = None
    shared: bool = False
    created_at: datetime | None = None  # for imports; default now
    # For a peerjournal dump read back (a lossless round trip): the entry's own id and last
    # change; None makes a new id, and takes `created_at` (or now) as the last change.
    id: str | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class EntryFilter:
    """Which entries a list shows. Every field narrows; None means no narrowing."""

    tag: str | None = None
    session_number: int | None = None
    since: date | None = None
    until: date | None = None
    shared: bool | None = None


@dataclass(frozen=True)
class SearchHit:
    """An entry matching a search; its snippet is (text, is_match) segments for faces to style."""

    entry: Entry
    snippet: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class Draft:
    """Unsaved writing, autosaved into the encrypted database so nothing typed is lost."""

    id: str
    updated_at: datetime
    body: str = ""
    title: str = ""
    tags: tuple[str, ...] = ()
    mood: int | None = None
    entry_id: str | None = None  # set when the draft edits an existing entry
    session_number: int | None = None
    prompt_key: int | None = None
    prompt_text: str | None = None
    shared: bool = False


@dataclass(frozen=True)
class Stats:
    entries: int
    words: int
    shared: int
    drafts: int
    tags: dict[str, int] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None
    sessions_written: int = 0


@dataclass(frozen=True)
class CheckReport:
    """What `peerjournal check` found; `problems` empty means all is well."""

    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems
