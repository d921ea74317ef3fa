"""The export bundle: exactly what leaves a journal for the researchers, and nothing else.

Frozen dataclasses so that nothing downstream can add a field by accident; every field is documented
for researchers in docs/export-format.md. `bundle_to_dict` / `bundle_to_json` give one stable
JSON form (the same bundle always gives the same bytes); `bundle_from_dict` reads it back
strictly, through `peerjournal.export.schema`, so a damaged or foreign file is one clear error.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

FORMAT_NAME = "peerjournal-export"
FORMAT_VERSION = 2
# Version 1 files (unsigned) are still read; the merge accepts them only when told to.
SIGNED_SINCE = 2

AnswerValue = str | int | float | bool | tuple[str, ...] | None
Mood = str | int | None


@dataclass(frozen=True)
class PromptSetRef:
    """Which prompt set (and which version of it) the participant wrote with."""

    id: str
    version: str


@dataclass(frozen=True)
class Counts:
    """How many items the snapshot holds; checked against the items when read."""

    entries: int
    feedback: int


@dataclass(frozen=True)
class Manifest:
    """Who (pseudonymously), which study, which snapshot: never the exact time or the machine."""

    format_version: int
    export_id: str
    app_version: str
    study_id: str
    prompt_set: PromptSetRef
    participant_code: str
    export_seq: int
    exported_week: str
    withdrawn: bool
    counts: Counts
    redaction_kinds: tuple[str, ...]
    consent_hash: str | None
    recipient_fingerprint: str | None
    format: str = FORMAT_NAME
    signing_key: str | None = None
    """'ed25519:' + base64 public key of the journal's key for this study (export/signing.py)."""
    signature: str | None = None
    """base64 Ed25519 signature of the bundle's stable JSON with `signature` null."""
    language: str | None = None
    """The language of the prompt set the participant used (`en`, `fr`): the language of
    questions, option labels and session titles. Absent in version 1."""


@dataclass(frozen=True)
class ExportEntry:
    """One shared journal entry, redacted, dated to the week."""

    item_id: str
    session_number: int | None
    session_title: str | None
    prompt_text: str | None
    week: str
    title: str | None
    body: str
    word_count: int
    tags: tuple[str, ...]
    mood: Mood


@dataclass(frozen=True)
class Answer:
    """One answer of a feedback form; free-text answers are redacted."""

    question_id: str
    question: str
    type: str
    answer: AnswerValue
    code: str | None = None
    """For a choice: the option's stable code (the same in every language); else null."""


@dataclass(frozen=True)
class ExportFeedback:
    """One shared feedback form (the answers to one session's questions)."""

    item_id: str
    session_number: int | None
    session_title: str | None
    week: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Option:
    """One option of a choice question: its stable code and its label in the set's language."""

    code: str
    label: str


@dataclass(frozen=True)
class Question:
    """A feedback question of the prompt set, as the data dictionary describes it."""

    session_number: int
    question_id: str
    question: str
    question_type: str
    scale_min: int | None = None
    scale_max: int | None = None
    options: tuple[Option, ...] = ()


@dataclass(frozen=True)
class Code:
    """A theme of the prompt set's codebook, handed to researchers as a starting code."""

    name: str
    description: str


@dataclass(frozen=True)
class Bundle:
    """One complete snapshot of what a participant shares with one study right now."""

    manifest: Manifest
    entries: tuple[ExportEntry, ...] = ()
    feedback: tuple[ExportFeedback, ...] = ()
    codebook: tuple[Code, ...] = field(default=())
    questions: tuple[Question, ...] = field(default=())


def to_plain(value: Any) -> Any:
    """Dataclasses to dicts (in field order) and tuples to lists, recursively, for JSON."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    return value


def bundle_to_dict(bundle: Bundle) -> dict[str, Any]:
    """The bundle as plain JSON-ready data (`manifest`, `entries`, `feedback`, `codebook`)."""
    return to_plain(bundle)


def dumps(value: Any) -> str:
    """The one JSON spelling used everywhere in exports: sorted keys, UTF-8 text, no spaces."""
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
    )


def bundle_to_json(bundle: Bundle) -> str:
    """Stable JSON of the whole bundle: the same bundle always gives the same text."""
    return dumps(bundle_to_dict(bundle))


def bundle_from_dict(data: Any, name: str | None = None) -> Bundle:
    """Read a bundle back from plain data, strictly (see `peerjournal.export.schema`)."""
    from peerjournal.export.schema import decode_bundle

    return decode_bundle(data, name)
