"""The errors a person using peerjournal can meet, each with its one-line message.

Every face (CLI, TUI) turns a `PeerJournalError` into one line for the person: the CLI prints it on
stderr and exits with `exit_code`; the TUI shows it as a notification or beside the field. Messages
say what happened and, where there is one, the way out. They never include entry content.
"""

from __future__ import annotations

from peerjournal.i18n import _, ngettext


class PeerJournalError(Exception):
    """Base of every error meant for the person at the keyboard, not for a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(PeerJournalError):
    """The command was called with something it cannot use (bad id, date, flag, input)."""

    exit_code = 2


class InvalidInput(UsageError):
    """Text or a value given by the person is not acceptable (bad UTF-8, control characters...)."""


class AnswerRefused(InvalidInput):
    """A feedback answer does not fit its question. `problem` says what fits, without the
    question's id (a face that shows the question beside it needs no id); the message names the
    id, as typed in `--answer ID=VALUE`."""

    def __init__(self, question_id: str, problem: str) -> None:
        self.question_id = question_id
        self.problem = problem
        super().__init__(_("{id}: {problem}").format(id=question_id, problem=problem))


class NoJournal(PeerJournalError):
    """The directory holds no journal yet."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _("no journal at {path}; create one with `peerjournal init`").format(path=path)
        )


class NotAJournal(PeerJournalError):
    """The directory exists and holds other things, so it is not a journal."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _("{path} is not a peerjournal journal (no journal.db or key file in it)").format(
                path=path
            )
        )


class JournalExists(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(_("a journal already exists at {path}").format(path=path))


class JournalInUse(PeerJournalError):
    """Another process (a second window, a running command) holds the journal's lock."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "journal is in use by another peerjournal window or command ({path}); "
                "close it and try again"
            ).format(path=path)
        )


class WrongSecret(PeerJournalError):
    """The passphrase or recovery code does not open the key file (one of the three below)."""


class WrongPassphrase(WrongSecret):
    def __init__(self) -> None:
        super().__init__(_("wrong passphrase; nothing was changed"))


class WrongRecoveryCode(WrongSecret):
    def __init__(self) -> None:
        super().__init__(_("wrong recovery code; nothing was changed"))


class NoRecoveryCode(WrongSecret):
    def __init__(self) -> None:
        super().__init__(_("this journal has no recovery code"))


class KeyFileMissing(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the journal's key file is missing ({path}); without it the journal cannot be "
                "opened. Restore keyslots.json from a backup of this journal"
            ).format(path=path)
        )


class KeyFileDamaged(PeerJournalError):
    def __init__(self, path: object, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            _(
                "the journal's key file is damaged{detail}: {path}. "
                "Restore keyslots.json from a backup of this journal"
            ).format(detail=extra, path=path)
        )


class KeyFileMismatch(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the key file in {path} does not fit its journal.db: it belongs to another "
                "journal, or the start of journal.db is damaged. Put back this journal's own "
                "keyslots.json and journal.db from a backup"
            ).format(path=path)
        )


class DatabaseDamaged(PeerJournalError):
    def __init__(self, path: object, detail: str = "") -> None:
        extra = f" ({detail})" if detail else ""
        super().__init__(
            _(
                "the journal database is damaged or unreadable{detail}: {path}. Nothing was "
                "changed; restore journal.db from a backup (`peerjournal backup` makes one)"
            ).format(detail=extra, path=path)
        )


class DatabaseMissing(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the journal database is missing ({path}); "
                "restore journal.db from a backup of this journal"
            ).format(path=path)
        )


class StorageFull(PeerJournalError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "the disk is full; nothing was saved by this command and the journal is "
                "unchanged. Free some space and try again"
            )
        )


class PermissionDenied(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "permission denied: {path}; check that you own this folder and can write to it"
            ).format(path=path)
        )


class ReadOnlyJournal(PeerJournalError):
    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the journal at {path} is read-only here (read-only disk or folder); it can be "
                "read but not changed"
            ).format(path=path)
        )


class NotFound(UsageError):
    """An id or name the person gave matches nothing."""


class EntryNotFound(NotFound):
    """No entry has this id, or begins with it. Faces may add where ids are shown."""

    def __init__(self, entry_id: str) -> None:
        super().__init__(_("no entry with id “{id}”").format(id=entry_id))
        self.entry_id = entry_id


class IdTooShort(NotFound):
    """A start of an id too short to name one entry for long; the message says the minimum."""

    def __init__(self, entry_id: str, minimum: int) -> None:
        super().__init__(
            ngettext(
                "“{id}” is too short to find an entry: give at least {count} character of its id",
                "“{id}” is too short to find an entry: give at least {count} characters of its id",
                minimum,
            ).format(id=entry_id, count=minimum)
        )
        self.entry_id = entry_id


class NoSuchFolder(NotFound):
    """A destination's parent folder does not exist (an unplugged stick, a typo): nothing is
    created there, so a copy meant for a stick never lands on the internal disk."""

    def __init__(self, folder: object) -> None:
        super().__init__(
            _(
                "there is no folder {folder}; nothing was written. Is the USB stick plugged in? "
                "Create the folder first if you meant a new one"
            ).format(folder=folder)
        )


class Ambiguous(UsageError):
    """A short id matches more than one entry."""


class Cancelled(PeerJournalError):
    """The person said no at a confirmation."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__(_("cancelled; nothing was changed"))


class SearchSyntaxError(UsageError):
    def __init__(self, query: str) -> None:
        super().__init__(
            _(
                'cannot understand the search “{query}”; use words, "quoted phrases", '
                "AND/OR/NOT, and word* for prefixes"
            ).format(query=query)
        )


# --- research export and merge (export/, research/) ---


class MalformedExport(UsageError):
    """A file given as a peerjournal export cannot be read as one (damaged, cut short, not ours)."""

    def __init__(self, detail: str, name: str | None = None) -> None:
        if name is None:  # no file name to give: a whole sentence without one
            text = _("this file is not a readable peerjournal export: {detail}")
        else:
            text = _("{name} is not a readable peerjournal export: {detail}")
        super().__init__(text.format(name=name, detail=detail))


class UnsupportedExportVersion(UsageError):
    """The export was written by a newer peerjournal whose format this one does not know."""

    def __init__(self, version: object, name: str | None = None) -> None:
        if name is None:
            text = _(
                "this export uses export format version {version}, which this peerjournal "
                "cannot read; update peerjournal and try again"
            )
        else:
            text = _(
                "{name} uses export format version {version}, which this peerjournal cannot "
                "read; update peerjournal and try again"
            )
        super().__init__(text.format(name=name, version=version))


class MixedStudies(UsageError):
    """Exports from different studies were given to one merge."""

    def __init__(self, first: str, other: str) -> None:
        super().__init__(
            _(
                "these exports belong to different studies (“{first}” and “{other}”); "
                "merge each study's exports separately"
            ).format(first=first, other=other)
        )


class ConflictingSnapshots(UsageError):
    """Two different exports claim the same place in one participant's sequence."""

    def __init__(self, participant_code: str, export_seq: int) -> None:
        super().__init__(
            _(
                "two different exports of participant {participant} both carry number "
                "{number}; keep only the one that was received last and merge again"
            ).format(participant=participant_code, number=export_seq)
        )


class NotAnAgeFile(UsageError):
    """The file is neither age-encrypted nor a plaintext peerjournal export."""

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            text = _(
                "this is not an age-encrypted file (nor a plaintext peerjournal export); "
                "check that you chose an export file"
            )
        else:
            text = _(
                "{name} is not an age-encrypted file (nor a plaintext peerjournal export); "
                "check that you chose an export file"
            )
        super().__init__(text.format(name=name))


class WrongIdentity(UsageError):
    """None of the given age identities can open the file."""

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            text = _(
                "this file was not encrypted to this identity; use the identity file whose "
                "public key is in the prompt set's study block"
            )
        else:
            text = _(
                "{name} was not encrypted to this identity; use the identity file whose public "
                "key is in the prompt set's study block"
            )
        super().__init__(text.format(name=name))


class DamagedAgeFile(UsageError):
    """The file starts like an age file but cannot be decrypted to the end."""

    def __init__(self, name: str | None = None) -> None:
        if name is None:
            text = _("this file is damaged or cut short and cannot be decrypted")
        else:
            text = _("{name} is damaged or cut short and cannot be decrypted")
        super().__init__(text.format(name=name))


class BadIdentityFile(UsageError):
    """The identity file holds no usable age secret key."""

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "{name} holds no age identity (a line starting AGE-SECRET-KEY-1); "
                "make one with `peerjournal research keygen -o FILE`"
            ).format(name=name)
        )


class BadRecipient(UsageError):
    """The study's public key is not an age X25519 recipient."""

    def __init__(self, recipient: str) -> None:
        shown = recipient if len(recipient) <= 80 else recipient[:77] + "..."
        super().__init__(
            _(
                "“{key}” is not an age public key (age1...); ask the researchers for the key "
                "made by `peerjournal research keygen`"
            ).format(key=shown)
        )


class RefuseOverwrite(UsageError):
    """A command would replace a file that already exists."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _("{path} already exists; choose another file name or move the old file away").format(
                path=path
            )
        )


class InvalidReview(UsageError):
    """A redaction added or restored in review does not fit the text it is meant for."""

    def __init__(self, detail: str) -> None:
        super().__init__(_("a review change does not fit its item: {detail}").format(detail=detail))


class PromptSetInvalid(PeerJournalError):
    """A prompt set file has problems; `problems` holds every one, each `file:line: message (hint)`.

    The CLI prints one problem per line; the message alone (for faces that show one line) names the
    first problem and how many there are.
    """

    def __init__(self, problems: list) -> None:
        self.problems = list(problems)
        first = str(self.problems[0]) if self.problems else _("the prompt set has problems")
        more = len(self.problems) - 1
        extra = ngettext(
            "{first} (and {count} more problem; run `peerjournal prompts validate`)",
            "{first} (and {count} more problems; run `peerjournal prompts validate`)",
            more,
        )
        super().__init__(extra.format(first=first, count=more) if more > 0 else first)


class NoStarter(UsageError):
    """No starter prompt set exists in the language asked for (`peerjournal prompts new -l`)."""

    def __init__(self, language: str, languages: list[str]) -> None:
        self.language = language
        super().__init__(
            _("no starter in “{language}”; choose one of: {languages}").format(
                language=language, languages=", ".join(languages)
            )
        )


class TermsFileError(UsageError):
    """A redaction terms file cannot be read or has a bad line (the message names file:line)."""


class DiskFailed(PeerJournalError):
    """The operating system refused a read or write: a full disk, a file size limit, a disk that
    is failing or was removed. Not damage in the journal itself."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the disk holding {path} refused to read or write (it may be full, over a size "
                "limit, removed or failing); nothing was saved by this command and the journal "
                "is unchanged. Free some space or check the disk, then try again"
            ).format(path=path)
        )


class ConsentNeeded(PeerJournalError):
    """An export was asked for before the study's current consent text was accepted."""

    def __init__(self, study: str) -> None:
        super().__init__(
            _("before sharing with {study}, read and accept its consent text").format(study=study)
        )


class KeyFileStale(PeerJournalError):
    """The passphrase opened the key file, but the key in it does not decrypt journal.db."""

    def __init__(self, path: object) -> None:
        super().__init__(
            _(
                "the key file in {path} opens with this passphrase but does not decrypt its "
                "journal.db: the key file is older than the last `peerjournal rekey`, or "
                "journal.db is damaged. Put back the key file that belongs with this journal.db, "
                "or restore both from a backup"
            ).format(path=path)
        )


class NothingShared(UsageError):
    """An export was asked for while nothing is shared and nothing was ever sent to the study:
    there is nothing to send (after earlier exports, an empty one is allowed: it tells the
    researchers to keep nothing of them)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "nothing is shared yet, so there is nothing to export; mark the entries and "
                "feedback you want to share first"
            )
        )


class BackupLost(PeerJournalError):
    """The file system took the rename of a finished backup folder but kept none of its files
    (fusefat, a FUSE FAT driver, does this). Nothing is claimed as backed up."""

    def __init__(self, folder: object) -> None:
        super().__init__(
            _(
                "the file system at {folder} lost the copy when its folder was renamed; the "
                "journal is unchanged. Back up to another folder or stick"
            ).format(folder=folder)
        )


class NothingToMerge(UsageError):
    """Every export given to a merge was refused (or none was given): there is nothing to write."""

    def __init__(self) -> None:
        from peerjournal.i18n import _

        super().__init__(_("no export is left to merge: every file given was refused (see above)"))
