"""What a prompt set is, once its Markdown has been read and checked.

These frozen dataclasses are the contract the journal, the TUI and the research export code
against: they never change under a reader's feet (a journal keeps the exact `source` it installed,
and an entry keeps the prompt text it was written to). Sequences are tuples so a loaded set is
hashable and safe to share between threads.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

QuestionType = Literal["text", "scale", "choice"]
TermKind = Literal["PERSON", "LOCATION"]

VERSION_PATTERN = re.compile(r"^\d{1,6}(\.\d{1,6}){0,2}$")


@dataclass(frozen=True)
class Prompt:
    """One reflection prompt; `key` is its 1-based place in its session (`--prompt K`)."""

    key: int
    text: str


@dataclass(frozen=True)
class Question:
    """One question of a session's feedback form.

    `id` is stable across versions and translations (answers are stored against it); scale fields
    are set only for `type == "scale"`, `options` only for `type == "choice"`.
    """

    id: str
    text: str
    type: QuestionType = "text"
    scale_min: int | None = None
    scale_max: int | None = None
    min_label: str = ""
    max_label: str = ""
    options: tuple[str, ...] = ()
    option_ids: tuple[str, ...] = ()
    """One stable code per option, the same in every translation: the `{#id}` written after an
    option, or its position (`1`, `2`, ...) when the set gives none."""

    def option_codes(self) -> tuple[str, ...]:
        """The code of each option, in order (positions where the set names none)."""
        if len(self.option_ids) == len(self.options):
            return self.option_ids
        return tuple(str(n) for n in range(1, len(self.options) + 1))

    def code_of(self, label: str) -> str | None:
        """The code of the option shown as `label` (case-insensitive), or None."""
        for code, option in zip(self.option_codes(), self.options, strict=True):
            if option.casefold() == label.strip().casefold():
                return code
        return None


@dataclass(frozen=True)
class Session:
    """One training session: its topic, what participants reflect on, its feedback form."""

    number: int
    title: str
    intro: str = ""
    prompts: tuple[Prompt, ...] = ()
    feedback: tuple[Question, ...] = ()

    def prompt(self, key: int) -> Prompt | None:
        """The prompt numbered `key` (1-based), or None."""
        return next((p for p in self.prompts if p.key == key), None)


@dataclass(frozen=True)
class Study:
    """The research use a set offers: who asks, what participants agree to, who can read shares."""

    id: str
    name: str
    contact: str
    consent_text: str
    age_recipient: str
    retention: str


@dataclass(frozen=True)
class Theme:
    """One theme of the starting codebook handed to researchers with an export."""

    name: str
    description: str = ""


class RedactTerm(NamedTuple):
    """A local word hidden before sharing (a venue, a neighbourhood, a name): `(text, kind)`."""

    text: str
    kind: TermKind


@dataclass(frozen=True)
class PromptSet:
    """A whole prompt set: metadata, optional study and codebook, local redaction terms, sessions.

    `source` is the Markdown exactly as read and `source_name` where it came from (a path or
    `shipped:<file>`), so problems and upgrades can always point back at the file.
    """

    id: str
    title: str
    version: str
    language: str
    authors: tuple[str, ...] = ()
    study: Study | None = None
    codebook: tuple[Theme, ...] = ()
    redact_terms: tuple[RedactTerm, ...] = ()
    sessions: tuple[Session, ...] = ()
    source: str = field(default="", repr=False)
    source_name: str = ""
    description: str = ""

    @property
    def content_hash(self) -> str:
        """sha256 of the Markdown source, hex: tells two installs of the "same" version apart."""
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()

    def session(self, number: int) -> Session | None:
        """The session numbered `number`, or None."""
        return next((s for s in self.sessions if s.number == number), None)


def parse_version(text: str) -> tuple[int, int, int]:
    """`"1.2"` -> `(1, 2, 0)`; raises ValueError for anything that is not 1 to 3 dotted numbers."""
    cleaned = text.strip()
    if not VERSION_PATTERN.match(cleaned):
        raise ValueError(f"not a version: {text!r}")
    parts = [int(p) for p in cleaned.split(".")]
    parts += [0] * (3 - len(parts))
    return (parts[0], parts[1], parts[2])


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version `a` is older than, the same as, or newer than `b` ("1.10" > "1.9")."""
    va, vb = parse_version(a), parse_version(b)
    return (va > vb) - (va < vb)


def is_upgrade(installed: PromptSet, candidate: PromptSet) -> bool:
    """True when `candidate` is the same set (same id) with a strictly newer version."""
    return (
        installed.id == candidate.id and compare_versions(candidate.version, installed.version) > 0
    )
