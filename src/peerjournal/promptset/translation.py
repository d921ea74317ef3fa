"""Check that two files of one prompt set (two languages) line up session by session.

A journal stores answers against session numbers, prompt keys and question ids, so a translation
must keep those the same; only the words change.
"""

from __future__ import annotations

from peerjournal.promptset.model import PromptSet, Question
from peerjournal.promptset.problems import Problem


def shape(q: Question) -> tuple:
    """What must match between languages for a question: id, type, range, option codes."""
    return (q.id, q.type, q.scale_min, q.scale_max, q.option_codes())


def check_translation(original: PromptSet, translation: PromptSet) -> list[Problem]:
    """Problems (reported against `translation`'s file) where it does not match `original`."""
    name = translation.source_name
    out: list[Problem] = []

    def report(message: str, hint: str) -> None:
        out.append(Problem(name, 1, message, hint))

    ref = f"{original.source_name} ({original.language})"
    if original.language == translation.language:
        report(f"same language as {ref}", "a translation has its own language")
    if original.version != translation.version:
        report(
            f"version {translation.version} differs from {original.version} in {ref}",
            "update translations together and give them the same version",
        )
    theirs = {s.number: s for s in translation.sessions}
    for session in original.sessions:
        other = theirs.pop(session.number, None)
        if other is None:
            report(
                f"session {session.number} is missing (it is in {ref})", "translate every session"
            )
            continue
        if len(other.prompts) != len(session.prompts):
            report(
                f"session {session.number} has {len(other.prompts)} prompts, "
                f"{len(session.prompts)} in {ref}",
                "keep the same prompts, in the same order",
            )
        if [shape(q) for q in other.feedback] != [shape(q) for q in session.feedback]:
            report(
                f"session {session.number}'s feedback form does not match {ref}",
                "keep the same questions, types, ranges and number of options",
            )
    for number in sorted(theirs):
        report(f"session {number} is not in {ref}", "add it there too, or remove it here")
    return out
