"""The domain API that both faces (CLI and TUI) call. No Textual, no typer, no SQL here.

A `Journal` is an unlocked journal directory. Its stores do the work: `journal.entries`,
`journal.drafts`, `journal.settings`, `journal.terms`, `journal.sharing` and `journal.program`;
the lifecycle lives on the journal itself: create, open, lock, change secrets, rekey, back up,
check.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal import errors
from peerjournal.model import CheckReport, Stats
from peerjournal.vault import keyslots
from peerjournal.vault.files import zero
from peerjournal.vault.oserrors import describe_os_error
from peerjournal.vault.vault import FolderState, Vault, check_openable, describe

if TYPE_CHECKING:
    from peerjournal.vault.program import InstallReport, ProgramStore
    from peerjournal.vault.settings import Settings

KdfParams = keyslots.KdfParams
KDF_DEFAULT = keyslots.KDF_DEFAULT


def check_answer(question, raw: str | int) -> str | int:
    """The stored form of one feedback answer, or InvalidInput naming what fits: faces check
    each answer as it is typed, with the rule `save_feedback` applies."""
    from peerjournal.vault.program import check_answer as check

    return check(question, raw)


def secret_bytes(text: str) -> bytearray:
    """A passphrase as the bytes the key derivation takes (caller zeroes it)."""
    return bytearray(text.encode("utf-8"))


class Journal:
    """An unlocked journal. Close it (or use `with`) to zero the key and release the lock."""

    def __init__(self, vault: Vault) -> None:
        # Imported here, after the key derivation, so unlocking peaks lower in memory.
        from peerjournal.vault.drafts import DraftStore
        from peerjournal.vault.entries import EntryStore
        from peerjournal.vault.settings import SettingsStore
        from peerjournal.vault.sharing import SharingStore
        from peerjournal.vault.terms import TermStore

        self._vault = vault
        db = vault.db
        self.entries = EntryStore(db)
        self.drafts = DraftStore(db)
        self.settings = SettingsStore(db)
        self.terms = TermStore(db)
        self.sharing = SharingStore(db)

    @cached_property
    def program(self) -> ProgramStore:
        """The prompt set, attendance and feedback (loaded on first use: parsing costs time)."""
        from peerjournal.vault.program import ProgramStore

        return ProgramStore(self._vault.db)

    # -- lifecycle ----------------------------------------------------------------------------

    @staticmethod
    def exists(directory: Path) -> bool:
        return describe(directory) is FolderState.JOURNAL

    @staticmethod
    def check_openable(directory: Path) -> None:
        """Raise why `directory` cannot be opened (no journal, no key file...), if it cannot."""
        check_openable(directory)

    @classmethod
    def create(
        cls,
        directory: Path,
        passphrase: bytearray,
        *,
        kdf: KdfParams = KDF_DEFAULT,
        with_recovery_code: bool = False,
    ) -> tuple[Journal, str | None]:
        """A new journal, and its recovery code when asked for (shown once, never stored)."""
        journal = cls(Vault.create(directory, passphrase, kdf))
        code = journal.new_recovery_code() if with_recovery_code else None
        return journal, code

    @classmethod
    def open(cls, directory: Path, passphrase: bytearray) -> Journal:
        return cls(Vault.open(directory, passphrase, keyslots.PASSPHRASE))

    @classmethod
    def open_with_recovery_code(cls, directory: Path, code: str) -> Journal:
        secret = keyslots.normalise_recovery_code(code)
        try:
            return cls(Vault.open(directory, secret, keyslots.RECOVERY))
        finally:
            zero(secret)

    def close(self) -> None:
        """Lock: close the database, zero the data key, release the journal for others."""
        self._vault.close()

    lock = close

    @property
    def is_open(self) -> bool:
        return self._vault.is_open

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def directory(self) -> Path:
        return self._vault.directory

    @property
    def warnings(self) -> list[str]:
        """Things the person should know after opening (e.g. the key file backup was used)."""
        return self._vault.warnings

    # -- language ----------------------------------------------------------------------------

    def ui_language(self) -> str:
        """The language to show: the person's setting, else the prompt set's, else the system's."""
        from peerjournal.i18n import choose_language

        return choose_language(self.settings.load().language, self.settings.prompt_set_language())

    def remember_language(self, code: str) -> None:
        """Let the unlock screen speak `code` next time (the only thing kept outside the
        encryption, see SECURITY.md)."""
        from peerjournal.gate import remember_gate_language

        remember_gate_language(self.directory, code)

    # -- program -----------------------------------------------------------------------------

    def prompt_link(self, session: int | None, prompt: int | None) -> dict:
        """The NewEntry fields that tie an entry to session N (and its prompt K, as a snapshot)."""
        if prompt is not None and session is None:
            from peerjournal.i18n import _

            raise errors.UsageError(_("a prompt belongs to a session: choose the session too"))
        if session is None:
            return {}
        return self.program.prompt_link(session, prompt)

    # -- secrets ------------------------------------------------------------------------------

    def check_passphrase(self, passphrase: bytearray) -> None:
        """Raise WrongPassphrase unless `passphrase` opens this journal now: a change of
        passphrase asks the current one first, so an unlocked journal left alone for a minute
        cannot be taken over."""
        keys = keyslots.unlock(self._vault.keyfile, passphrase, keyslots.PASSPHRASE)
        for key, *_slot in keys:
            zero(key)
        if not keys:
            raise errors.WrongPassphrase()

    def change_passphrase(self, new_passphrase: bytearray) -> None:
        """Rewrap the data key under a new passphrase; the old one stops working at once."""
        self._vault.set_secret(keyslots.PASSPHRASE, new_passphrase)

    @property
    def has_recovery_code(self) -> bool:
        return self._vault.keyfile.has(keyslots.RECOVERY)

    def new_recovery_code(self) -> str:
        """Make (or replace) the recovery code. Returned once: the journal keeps only its wrap."""
        code = keyslots.new_recovery_code()
        secret = keyslots.normalise_recovery_code(code)
        try:
            self._vault.set_secret(keyslots.RECOVERY, secret)
        finally:
            zero(secret)
        return code

    def remove_recovery_code(self) -> None:
        self._vault.remove_secret(keyslots.RECOVERY)

    def rekey(self, passphrase: bytearray) -> str | None:
        """Replace the data key and re-encrypt everything (for a leaked passphrase or key file).

        Old key files and backups stop opening this journal. A journal that had a recovery code
        gets a new one (returned once), since the old code's slot wrapped the old key.
        """
        code = keyslots.new_recovery_code() if self.has_recovery_code else None
        secret = keyslots.normalise_recovery_code(code) if code else None
        try:
            self._vault.rekey(passphrase, secret)
        finally:
            zero(secret)
        return code

    # -- copies and checks --------------------------------------------------------------------

    def backup(self, destination: Path) -> Path:
        return self._vault.backup_to(destination)

    def verify_pages(self) -> None:
        """Raise `DatabaseDamaged` if any page fails its integrity check. Writes do this by
        themselves before the first one; a face may call it early, off its UI thread."""
        self._vault.db.verify_pages()

    def check(self) -> CheckReport:
        from peerjournal.vault.check import check_vault

        return check_vault(self._vault)

    def stats(self) -> Stats:
        entries = self.entries
        first = entries.list(limit=1, newest_first=False)
        last = entries.list(limit=1)
        count, shared, sessions = entries.counts()
        words = sum(entry.word_count for entry in entries.iter_all())
        return Stats(
            entries=count,
            words=words,
            shared=shared,
            drafts=self.drafts.count(),
            tags=entries.tag_counts(),
            first=first[0].created_at if first else None,
            last=last[0].created_at if last else None,
            sessions_written=sessions,
        )


def sharing_note(report: InstallReport) -> str | None:
    """One sentence for the faces when following the installed set changed the study shared
    with: sharing belongs to a study, so the new one starts with nothing shared."""
    from peerjournal.i18n import _

    new = report.prompt_set.study
    old = report.previous.study if report.previous is not None else None
    if new is None or (old is not None and old.id == new.id) or report.action == "unchanged":
        return None
    if old is None:
        return _(
            "Nothing is shared with the study {study} until you mark it shared, entry by entry."
        ).format(study=new.name)
    return _(
        "Nothing is shared with the study {study} until you mark it shared; what you shared "
        "with {previous} stays for that study only."
    ).format(study=new.name, previous=old.name)


# What the faces use from below the domain API, so that none of them imports `vault` itself.
__all__ = [
    "InstallReport",
    "Journal",
    "KdfParams",
    "Settings",
    "describe_os_error",
    "errors",
    "secret_bytes",
    "sharing_note",
    "zero",
]
