"""Check that two files of one prompt set (two languages) line up session by session.

A journal stores answers against session numbers, prompt keys and question ids, so a translation
must keep those the same; only the words change.
"""

from __future__ import annotations

from peerjournal.i18n import _
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
        report(_("same language as {ref}").format(ref=ref), _("a translation has its own language"))
    if original.version != translation.version:
        report(
            _("version {version} differs from {original} in {ref}").format(
                version=translation.version, original=original.version, ref=ref
            ),
            _("update translations together and give them the same version"),
        )
    theirs = {s.number: s for s in translation.sessions}
    for session in original.sessions:
        other = theirs.pop(session.number, None)
        if other is None:
            report(
                _("session {number} is missing (it is in {ref})").format(
                    number=session.number, ref=ref
                ),
                _("translate every session"),
            )
            continue
        if len(other.prompts) != len(session.prompts):
            report(
                _("session {number} has {count} prompts, {original} in {ref}").format(
                    number=session.number,
                    count=len(other.prompts),
                    original=len(session.prompts),
                    ref=ref,
                ),
                _("keep the same prompts, in the same order"),
            )
        if [shape(q) for q in other.feedback] != [shape(q) for q in session.feedback]:
            report(
                _("session {number}'s feedback form does not match {ref}").format(
                    number=session.number, ref=ref
                ),
                _("keep the same questions, types, ranges and number of options"),
            )
    for number in sorted(theirs):
        report(
            _("session {number} is not in {ref}").format(number=number, ref=ref),
            _("add it there too, or remove it here"),
        )
    return out
