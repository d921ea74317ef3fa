"""The participant's side of an export: from an unlocked journal to sealed bytes, with consent.

This is the one path by which anything leaves a journal. It reads only what the journal's two
"shared" queries return (`entries.shared()`, `program.shared_feedback()`), so the consent rule
lives in one place and one property test can guard it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peerjournal.errors import ConsentNeeded, NothingShared, RefuseOverwrite, UsageError
from peerjournal.export import formats
from peerjournal.export.build import (
    ExportMeta,
    RedactionPass,
    SharedAnswer,
    SharedEntry,
    SharedFeedback,
    build_bundle,
    build_withdrawal,
    new_participant_code,
    review_previews,
    texts_to_check,
)
from peerjournal.export.bundle import Bundle, Option, Question
from peerjournal.export.detecting import detect_all
from peerjournal.export.review import ItemReview, ReviewSpan
from peerjournal.export.seal import recipient_fingerprint, seal
from peerjournal.export.signing import new_private_key
from peerjournal.i18n import _
from peerjournal.promptset.plaintext import visible

if TYPE_CHECKING:
    from peerjournal.journal import Journal
    from peerjournal.promptset import PromptSet, Study
    from peerjournal.redact import Pseudonyms, Redactor

FORMATS = formats.FORMAT_NAMES
PARTIAL_MARK = ".pj-partial-"
PARTIAL_NAME = re.compile(r"\..+\.pj-partial-[0-9a-f]{16}")


def consent_shown(study: Study) -> str:
    """The consent text exactly as the CLI and the TUI show it, as plain text: what a person
    reads is what `consent_hash` covers. A validated set holds no control or format character;
    any that reached a journal before that check is shown (and hashed) as U+FFFD, so it can
    neither act on the terminal nor hide a clause."""
    return visible(study.consent_text.strip())


def consent_hash(study: Study) -> str:
    """The hash recorded on accepting: of `consent_shown`, the text as read."""
    return "sha256:" + hashlib.sha256(consent_shown(study).encode("utf-8")).hexdigest()


def study_of(journal: Journal) -> tuple[PromptSet, Study]:
    """The active prompt set and its study block, or a clear error when there is none."""
    ps = journal.program.active()
    if ps is None:
        raise UsageError(
            _(
                "this journal follows no prompt set, so there is no study yet to share with: ask "
                "your facilitator for the prompt set of your program's study (it holds the "
                "study's details and consent text)"
            )
        )
    if ps.study is None:
        raise UsageError(
            _(
                "{title} has no study yet, so nothing can be shared: ask your facilitator for "
                "the version of the prompt set with your program's study (its details and "
                "consent text)"
            ).format(title=ps.title)
        )
    return ps, ps.study


def study_or_none(journal: Journal) -> Study | None:
    """The study this journal can share with, or None when its prompt set has none (or there is
    no prompt set): the faces then say plainly that there is no study yet."""
    ps = journal.program.active()
    return ps.study if ps is not None else None


def accept_consent(journal: Journal) -> None:
    _set, study = study_of(journal)
    journal.sharing.accept_consent(study.id, consent_hash(study))


def has_consented(journal: Journal) -> bool:
    _set, study = study_of(journal)
    return journal.sharing.has_consented(study.id, consent_hash(study))


def shared_items(journal: Journal) -> tuple[list[SharedEntry], list[SharedFeedback]]:
    """Everything the participant marked shared, and nothing else, as the export's input."""
    ps = journal.program.active()
    titles = {s.number: s.title for s in ps.sessions} if ps else {}
    entries = [
        SharedEntry(
            source_id=e.id,
            body=e.body,
            created_at=e.created_at,
            title=e.title,
            tags=e.tags,
            mood=e.mood,
            session_number=e.session_number,
            session_title=titles.get(e.session_number) if e.session_number else None,
            prompt_text=e.prompt_text,
        )
        for e in journal.entries.shared()
    ]
    feedback = [
        SharedFeedback(
            source_id=f.id,
            submitted_at=f.updated_at,
            session_number=f.session_number,
            session_title=f.session_title,
            answers=tuple(
                SharedAnswer(
                    a.question_id, a.question, a.type, a.value, _code(ps, f.session_number, a)
                )
                for a in f.answers
            ),
        )
        for f in journal.program.shared_feedback()
    ]
    return entries, feedback


def _code(ps: PromptSet | None, session: int | None, answer: Any) -> str | None:
    """The stable code of a choice answer (stored as the option's label), from the prompt set."""
    if ps is None or answer.type != "choice" or not isinstance(answer.value, str):
        return None
    for s in ps.sessions:
        if s.number == session:
            for q in s.feedback:
                if q.id == answer.question_id:
                    return q.code_of(answer.value)
    return None


def questions_of(ps: PromptSet) -> tuple[Question, ...]:
    """Every feedback question of the set, for the researchers' data dictionary."""
    return tuple(
        Question(
            s.number,
            q.id,
            q.text,
            q.type,
            q.scale_min,
            q.scale_max,
            tuple(Option(c, o) for c, o in zip(q.option_codes(), q.options, strict=True)),
        )
        for s in ps.sessions
        for q in s.feedback
    )


def redactor_for(journal: Journal) -> Redactor:
    """The redactor with the participant's own terms and the facilitator's local list."""
    from peerjournal.redact import Redactor, Term

    ps = journal.program.active()
    terms = [Term(t, k) for t, k in journal.terms.list()]
    if ps is not None:
        terms += [Term(t.text, t.kind) for t in ps.redact_terms]
    return Redactor(terms=terms)


@dataclass(frozen=True)
class ForReview:
    """What the review needs before anything is built: the shared items and the redactor's finds
    for each of their texts (found once, in a worker; applying a review is then instant)."""

    entries: list[SharedEntry]
    feedback: list[SharedFeedback]
    found: dict[str, list[ReviewSpan]]

    def previews(self, reviews: Mapping[str, ItemReview] | None = None) -> RedactionPass:
        """Every text exactly as the export would write it now, labels and all."""
        return review_previews(self.entries, self.feedback, self.found, _pseudonyms(), reviews)


def for_review(journal: Journal, progress: Callable[[int, int], None] | None = None) -> ForReview:
    """Read the shared items and run the redactor over every text that would leave (slow: call
    it from a worker; `progress(done, total)` counts texts)."""
    entries, feedback = shared_items(journal)
    texts = texts_to_check(entries, feedback)
    found = detect_all(redactor_for(journal), texts, progress=progress)
    return ForReview(entries, feedback, dict(zip(texts, found, strict=True)))


@dataclass(frozen=True)
class PreparedExport:
    """A built export, not yet written: what the review shows, and the bytes to write."""

    bundle: Bundle
    data: bytes
    fmt: str
    study_id: str
    fingerprint: str
    sealed: bool

    @property
    def item_count(self) -> int:
        return self.bundle.manifest.counts.entries + self.bundle.manifest.counts.feedback


def _meta(journal: Journal, plaintext: bool, withdraw: bool, *, empty: bool) -> ExportMeta:
    """What the export says about itself. A withdrawal needs no consent: leaving must always work.
    An export of nothing is refused unless something was sent before (then it tells the
    researchers to keep nothing of it); both checks come before the export's number is taken.

    Days since the first session are left out: with the ISO week they would give the exact day.
    """
    ps, study = study_of(journal)
    consented = journal.sharing.has_consented(study.id, consent_hash(study))
    if not consented and not withdraw:
        raise ConsentNeeded(study.name)
    if empty and not any(r.study_id == study.id for r in journal.sharing.log()):
        raise NothingShared()
    code = journal.sharing.participant_code(study.id, new_participant_code)
    return ExportMeta(
        study_id=study.id,
        prompt_set_id=ps.id,
        prompt_set_version=ps.version,
        participant_code=code,
        export_seq=journal.sharing.reserve_export_seq(study.id),
        consent_hash=consent_hash(study) if consented else None,
        recipient=None if plaintext else study.age_recipient,
        codebook=ps.codebook,
        language=ps.language,
        questions=questions_of(ps),
        signing_key=journal.sharing.signing_key(study.id, new_private_key),
    )


def prepare(
    journal: Journal,
    fmt: str = "jsonl",
    *,
    plaintext: bool = False,
    reviews: Mapping[str, ItemReview] | None = None,
    progress: Callable[[int, int], None] | None = None,
    withdraw: bool = False,
) -> PreparedExport:
    """Build (redact, coarsen, encode, seal) the export of everything shared now."""
    if fmt not in FORMATS:
        raise UsageError(
            _("--format must be one of {formats}, not “{format}”").format(
                formats=", ".join(FORMATS), format=fmt
            )
        )
    entries, feedback = ([], []) if withdraw else shared_items(journal)
    meta = _meta(journal, plaintext, withdraw, empty=not (withdraw or entries or feedback))
    if withdraw:
        bundle = build_withdrawal(meta)
    else:
        bundle = build_bundle(
            entries,
            feedback,
            meta,
            redactor_for(journal),
            _pseudonyms(),
            reviews=reviews,
            progress=progress,
        )
    data = formats.encode(bundle, fmt)
    _set, study = study_of(journal)
    if not plaintext:
        data = seal(data, study.age_recipient)
    return PreparedExport(
        bundle, data, fmt, study.id, recipient_fingerprint(study.age_recipient), not plaintext
    )


def _pseudonyms() -> Pseudonyms:
    from peerjournal.redact import Pseudonyms

    return Pseudonyms()


def name_token() -> str:
    """Eight random hex digits that keep two participants' files apart in one folder."""
    return secrets.token_hex(4)


def default_name(prepared: PreparedExport) -> str:
    """`<study>-export-<random>-<number>.jsonl.age`: the participant code stays inside the
    encrypted file, so the name alone tells nobody who sent it."""
    manifest = prepared.bundle.manifest
    kind = "withdrawal" if manifest.withdrawn else "export"
    tail = "." + formats.EXTENSIONS[prepared.fmt] + (".age" if prepared.sealed else "")
    return f"{manifest.study_id}-{kind}-{name_token()}-{manifest.export_seq}{tail}"


def write(journal: Journal, prepared: PreparedExport, output: Path) -> Path:
    """Write the export file (never over an existing file, never half a file) and log it.

    The bytes go to a hidden sibling first (locked while it is written, so that a later export
    can tell a dead writer's leftover from a live one), are fsynced, then published under their
    name by `files.publish_new`, which never replaces a file. When writing fails, the export's
    number is given back, so a stick without hard links or a full disk leaves no gap.
    """
    from peerjournal.vault import files, lock

    output = output.expanduser()
    if output.is_dir():
        output = output / default_name(prepared)
    published = False
    try:
        if output.exists():
            raise RefuseOverwrite(output)
        _remove_stale_partials(output.parent)
        # A random name, made by exclusive create without following a link: a file or link
        # planted beside the export can neither be written through nor truncated.
        partial = output.with_name(f".{output.name}{PARTIAL_MARK}{os.urandom(8).hex()}")
        fd = os.open(partial, files.NEW_FILE, files.PRIVATE_FILE)
        try:
            with os.fdopen(fd, "wb") as handle:
                with contextlib.suppress(OSError):  # a file system without locks: no matter
                    lock.try_lock(handle.fileno())
                handle.write(prepared.data)
                handle.flush()
                os.fsync(handle.fileno())
            # Published once closed: Windows renames no open file. The lock goes with the close,
            # so a concurrent export's clean-up could take the partial: that fails this one,
            # cleanly, and the journal still has everything.
            files.publish_new(partial, output)
            published = True
        except FileExistsError:
            raise RefuseOverwrite(output) from None
        finally:
            if not published:  # ours (made above), never published: take it away again
                partial.unlink(missing_ok=True)
        files.fsync_dir(output.parent)
    finally:
        if not published:
            discard(journal, prepared)
    manifest = prepared.bundle.manifest
    journal.sharing.log_export(
        prepared.study_id,
        prepared.fingerprint if prepared.sealed else "plaintext",
        prepared.fmt,
        prepared.item_count,
        manifest.withdrawn,
    )
    return output


def discard(journal: Journal, prepared: PreparedExport) -> None:
    """Give back the number of an export that was prepared but never written (failed, cancelled)."""
    with contextlib.suppress(Exception):
        journal.sharing.release_export_seq(prepared.study_id, prepared.bundle.manifest.export_seq)


def _remove_stale_partials(folder: Path) -> None:
    """Remove half-written exports left in `folder` by a process that died while writing.

    Only files named as this code names its partials (`.<name>.pj-partial-<16 hex digits>`),
    regular files (not links), owned by this user, that no live writer holds a lock on (the
    system drops the lock when the writer dies). Nothing else in the folder is ever removed.
    """
    from peerjournal.vault.lock import held_elsewhere

    uid = getattr(os, "getuid", lambda: None)()
    for path in folder.glob(f".*{PARTIAL_MARK}*"):
        if not PARTIAL_NAME.fullmatch(path.name):
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (uid is not None and info.st_uid != uid):
            continue
        if not held_elsewhere(path):
            path.unlink(missing_ok=True)
