"""`peerjournal check`: is the database whole, is the key file sound, are permissions private?"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

import sqlcipher3

from peerjournal.i18n import _, ngettext
from peerjournal.model import CheckReport
from peerjournal.vault import db as dbmod
from peerjournal.vault import keyslots, keystore
from peerjournal.vault.files import PERMISSIONS_NOT_KEPT, keeps_permissions
from peerjournal.vault.lock import LOCK_NAME

if TYPE_CHECKING:
    from peerjournal.vault.vault import Vault


def check_vault(vault: Vault) -> CheckReport:
    problems: list[str] = []
    notes: list[str] = []
    conn = vault.db.conn
    try:
        cipher = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        if cipher:
            problems.append(
                ngettext(
                    "encrypted pages fail their integrity check ({count} problem)",
                    "encrypted pages fail their integrity check ({count} problems)",
                    len(cipher),
                ).format(count=len(cipher))
            )
        else:
            notes.append(_("encryption: every page authenticates"))
        result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            problems.append(_("database structure: {result}").format(result=result[0]))
        else:
            notes.append(_("database structure: ok"))
        conn.execute("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)")
        notes.append(_("search index: ok"))
    except sqlcipher3.Error as exc:
        problems.append(_("database: {problem}").format(problem=exc))
    problems.extend(_check_keyfiles(vault, notes))
    problems.extend(_check_permissions(vault, notes))
    return CheckReport(problems=tuple(problems), notes=tuple(notes))


def _check_keyfiles(vault: Vault, notes: list[str]) -> list[str]:
    problems = []
    for path in (keystore.key_path(vault.directory), keystore.backup_path(vault.directory)):
        if not path.exists():
            problems.append(_("{name} is missing").format(name=path.name))
            continue
        try:
            parsed = keyslots.loads(path.read_bytes())
        except keyslots.KeyFileFormatError as exc:
            problems.append(_("{name} is damaged ({problem})").format(name=path.name, problem=exc))
            continue
        if parsed.journal_id != vault.keyfile.journal_id:
            problems.append(_("{name} belongs to another journal").format(name=path.name))
        elif parsed.db_salt != dbmod.file_salt(vault.db_path).hex():
            problems.append(_("{name} does not match journal.db").format(name=path.name))
        else:
            kinds = ", ".join(sorted({_slot_name(s.kind) for s in parsed.slots}))
            notes.append(_("{name}: ok ({kinds})").format(name=path.name, kinds=kinds))
    main, spare = keystore.key_path(vault.directory), keystore.backup_path(vault.directory)
    if not problems and main.read_bytes() != spare.read_bytes():
        # A bit flip inside a slot still parses: only the difference between the copies shows it.
        problems.append(
            _(
                "{main} and {spare} differ, so one of them is damaged; "
                "`peerjournal passwd` writes both again from the copy that opened"
            ).format(main=main.name, spare=spare.name)
        )
    return problems


def _slot_name(kind: keyslots.SlotKind) -> str:
    """A key slot's kind in words of the current language (the stored kind stays as it is)."""
    names = {keyslots.PASSPHRASE: _("passphrase"), keyslots.RECOVERY: _("recovery code")}
    return names.get(kind, str(kind.value))


def _check_permissions(vault: Vault, notes: list[str]) -> list[str]:
    """Owner-only modes, where the file system has modes at all.

    A FAT32 or exFAT stick (or Windows, whose access lists are not modes) cannot keep them: that
    is a note, not a problem, since nothing can be done about it and the encryption holds.
    """
    if os.name == "nt":
        notes.append(_("permissions: Windows sets them with the folder's access list; not checked"))
        return []
    if not keeps_permissions(vault.directory / LOCK_NAME):
        notes.append(_("permissions: {note}").format(note=_(PERMISSIONS_NOT_KEPT)))
        return []
    problems = []
    if stat.S_IMODE(vault.directory.stat().st_mode) & 0o077:
        problems.append(_("the journal folder can be read by other users (run: chmod 700 on it)"))
    for path in vault.directory.iterdir():
        if path.is_file() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            problems.append(
                _("{name} can be read by other users (run: chmod 600 on it)").format(name=path.name)
            )
    if not problems:
        notes.append(_("permissions: only you can read the journal's files"))
    return problems
