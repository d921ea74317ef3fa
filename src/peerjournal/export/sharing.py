"""Stopping sharing, for both faces: one item from the export review, or everything after a
withdrawal (the researchers then drop what was sent, and the next export must not offer it again
without a word). Unshared items stay in the journal, unchanged apart from their share switch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peerjournal.journal import Journal


class ItemKind(StrEnum):
    """What a shared item is: an entry, or a feedback form."""

    ENTRY = "entry"
    FEEDBACK = "feedback"


@dataclass(frozen=True)
class Unshared:
    """How many items stopped being shared."""

    entries: int
    forms: int

    @property
    def total(self) -> int:
        return self.entries + self.forms


def stop_sharing(journal: Journal, kind: ItemKind, source_id: str) -> None:
    """Take one entry or feedback form out of every later export (it stays in the journal)."""
    if kind is ItemKind.ENTRY:
        journal.entries.set_shared(source_id, False)
    else:
        journal.program.unshare_feedback_record(source_id)


def still_shared(journal: Journal) -> Unshared:
    """How many entries and forms are marked shared now (a count, read through the export's
    own queries)."""
    return Unshared(len(journal.entries.shared()), len(journal.program.shared_feedback()))


def stop_sharing_everything(journal: Journal) -> Unshared:
    """Switch sharing off for every entry and form; says how many there were."""
    entries = journal.entries.shared()
    forms = journal.program.shared_feedback()
    for entry in entries:
        stop_sharing(journal, ItemKind.ENTRY, entry.id)
    for form in forms:
        stop_sharing(journal, ItemKind.FEEDBACK, form.id)
    return Unshared(len(entries), len(forms))


def withdrawn_since(journal: Journal, study_id: str) -> datetime | None:
    """When the participant last withdrew from `study_id`, if no export to it came after."""
    last = [r for r in journal.sharing.log() if r.study_id == study_id]
    if last and last[-1].withdrawn:
        return last[-1].exported_at
    return None
