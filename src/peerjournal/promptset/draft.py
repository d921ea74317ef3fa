"""What the reader found in a prompt set file, before its values are checked, with line numbers.

`parse.py` fills a `Draft` from the Markdown token tree; `validate.py` checks each value and turns
the draft into a frozen `PromptSet`. Keeping the two apart lets validation report every problem at
once, each at the line where the facilitator wrote the value.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entry:
    """A `key: value` line (or a bare text line) and where it was written."""

    value: str
    line: int
    key: str = ""  # the key as typed, for messages


@dataclass
class DraftQuestion:
    text: str
    line: int
    settings: dict[str, Entry] = field(default_factory=dict)
    options: list[Entry] = field(default_factory=list)


@dataclass
class DraftSession:
    number: str
    title: str
    line: int
    intro: list[str] = field(default_factory=list)
    prompts: list[Entry] = field(default_factory=list)
    questions: list[DraftQuestion] = field(default_factory=list)
    parts_seen: dict[str, int] = field(default_factory=dict)


@dataclass
class DraftStudy:
    line: int
    keys: dict[str, Entry] = field(default_factory=dict)
    consent: list[str] = field(default_factory=list)
    consent_line: int = 0


@dataclass
class DraftTheme:
    name: str
    description: str
    line: int


@dataclass
class DraftTerm:
    kind: str
    text: str
    line: int


@dataclass
class Draft:
    title: str = ""
    title_line: int = 0
    metadata: dict[str, Entry] = field(default_factory=dict)
    description: list[str] = field(default_factory=list)
    study: DraftStudy | None = None
    codebook: list[DraftTheme] = field(default_factory=list)
    codebook_line: int = 0
    terms: list[DraftTerm] = field(default_factory=list)
    sessions: list[DraftSession] = field(default_factory=list)
    # Lines of headings that look like a misspelled '## Session N' ('## Sesion 9'): reported once
    # there, so "the set has no sessions" is not said again because of them.
    misspelled_sessions: list[int] = field(default_factory=list)
