"""Reading the journal's program (its active prompt set) for the screens, if there is one.

A journal without an installed prompt set still works: writing freely needs no program.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from peerjournal.journal import Journal
    from peerjournal.promptset import PromptSet


class PromptRef(NamedTuple):
    """What the writing screen shows above the editor."""

    session_number: int
    session_title: str
    prompt_key: int | None
    text: str | None


def active_set(journal: Journal) -> PromptSet | None:
    return journal.program.active()


def find_prompt(
    journal: Journal, session_number: int | None, prompt_key: int | None
) -> PromptRef | None:
    """The session (and prompt) an entry is being written for, looked up in the active set."""
    if session_number is None:
        return None
    prompt_set = active_set(journal)
    session = prompt_set.session(session_number) if prompt_set is not None else None
    if session is None:
        return PromptRef(session_number, "", prompt_key, None)
    prompt = session.prompt(prompt_key) if prompt_key is not None else None
    return PromptRef(session_number, session.title, prompt_key, prompt.text if prompt else None)
