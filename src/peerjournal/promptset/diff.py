"""What changed between two versions of a prompt set, for the report shown after an upgrade.

Sessions are matched by number: the number is what entries and attendance refer to, so a session
that kept its number but changed its title is "renamed", not removed and added.
"""

from __future__ import annotations

from dataclasses import dataclass

from peerjournal.i18n import _
from peerjournal.promptset.model import PromptSet, Session


@dataclass(frozen=True)
class Renamed:
    number: int
    old_title: str
    new_title: str


@dataclass(frozen=True)
class PromptChange:
    """A prompt added (`old` is None), removed (`new` is None) or reworded in one session."""

    session: int
    key: int
    old: str | None
    new: str | None


@dataclass(frozen=True)
class SetDiff:
    old_version: str
    new_version: str
    sessions_added: tuple[Session, ...] = ()
    sessions_removed: tuple[Session, ...] = ()
    sessions_renamed: tuple[Renamed, ...] = ()
    prompts_changed: tuple[PromptChange, ...] = ()
    feedback_changed: tuple[int, ...] = ()
    study_changed: bool = False
    codebook_changed: bool = False
    study_state: str = "changed"  # "added", "removed" or "changed", when study_changed

    @property
    def is_empty(self) -> bool:
        """True when nothing a participant or researcher would notice has changed."""
        return not (
            self.sessions_added
            or self.sessions_removed
            or self.sessions_renamed
            or self.prompts_changed
            or self.feedback_changed
            or self.study_changed
            or self.codebook_changed
        )

    def lines(self) -> list[str]:
        """The upgrade report, one change per line, in session order."""
        out = [_("version {old} -> {new}").format(old=self.old_version, new=self.new_version)]
        out += [
            _("session {number} added: {title}").format(number=s.number, title=s.title)
            for s in self.sessions_added
        ]
        out += [
            _("session {number} removed: {title}").format(number=s.number, title=s.title)
            for s in self.sessions_removed
        ]
        out += [
            _("session {number} renamed: {old} -> {new}").format(
                number=r.number, old=r.old_title, new=r.new_title
            )
            for r in self.sessions_renamed
        ]
        out += [_prompt_change_line(c) for c in self.prompts_changed]
        out += [
            _("session {number} feedback form changed").format(number=n)
            for n in self.feedback_changed
        ]
        if self.study_changed:
            out.append(self._study_line())
        if self.codebook_changed:
            out.append(_("codebook changed"))
        if self.is_empty:
            out.append(_("no changes to sessions, prompts or feedback"))
        return out

    def _study_line(self) -> str:
        if self.study_state == "added":
            return _(
                "a study was added (participants will be asked to read and accept its consent "
                "text before anything is shared)"
            )
        if self.study_state == "removed":
            return _("the study was removed (nothing can be shared until a set with a study)")
        return _("study details changed (participants will see the new consent text)")


def _prompt_change_line(c: PromptChange) -> str:
    if c.old is None:
        return _("session {session} prompt {key} added").format(session=c.session, key=c.key)
    if c.new is None:
        return _("session {session} prompt {key} removed").format(session=c.session, key=c.key)
    return _("session {session} prompt {key} reworded").format(session=c.session, key=c.key)


def prompt_changes(old: Session, new: Session) -> list[PromptChange]:
    before = {p.key: p.text for p in old.prompts}
    after = {p.key: p.text for p in new.prompts}
    return [
        PromptChange(new.number, key, before.get(key), after.get(key))
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]


def diff(old: PromptSet, new: PromptSet) -> SetDiff:
    """The changes from `old` to `new` (usually two versions of the same id)."""
    before = {s.number: s for s in old.sessions}
    after = {s.number: s for s in new.sessions}
    both = sorted(before.keys() & after.keys())
    return SetDiff(
        old_version=old.version,
        new_version=new.version,
        sessions_added=tuple(after[n] for n in sorted(after.keys() - before.keys())),
        sessions_removed=tuple(before[n] for n in sorted(before.keys() - after.keys())),
        sessions_renamed=tuple(
            Renamed(n, before[n].title, after[n].title)
            for n in both
            if before[n].title != after[n].title
        ),
        prompts_changed=tuple(c for n in both for c in prompt_changes(before[n], after[n])),
        feedback_changed=tuple(n for n in both if before[n].feedback != after[n].feedback),
        study_changed=old.study != new.study,
        codebook_changed=old.codebook != new.codebook,
        study_state="added" if old.study is None else "removed" if new.study is None else "changed",
    )
