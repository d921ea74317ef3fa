"""What sharing with research needs to remember: consents, participant codes, the export log.

The log says when, to which key and how many items; it never keeps a copy of what left.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from peerjournal import clock
from peerjournal.vault.db import Database


@dataclass(frozen=True)
class ExportRecord:
    exported_at: datetime
    study_id: str
    recipient_fingerprint: str
    format: str
    item_count: int
    withdrawn: bool


class SharingStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def has_consented(self, study_id: str, consent_hash: str) -> bool:
        return bool(
            self._db.query(
                "SELECT 1 FROM consents WHERE study_id = ? AND consent_hash = ?",
                (study_id, consent_hash),
            )
        )

    def accept_consent(self, study_id: str, consent_hash: str) -> None:
        """Record that the participant read and accepted this exact consent text, and when."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO consents (study_id, consent_hash, accepted_at) "
                "VALUES (?,?,?)",
                (study_id, consent_hash, clock.to_db(clock.now())),
            )

    def participant_code(self, study_id: str, make_code) -> str:
        """This journal's random code for `study_id`, made once (by `make_code`) and then kept."""
        rows = self._db.query("SELECT code FROM participant_codes WHERE study_id = ?", (study_id,))
        if rows:
            return rows[0][0]
        code = make_code()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO participant_codes (study_id, code) VALUES (?, ?)", (study_id, code)
            )
        return code

    def signing_key(self, study_id: str, make_key: Callable[[], bytes]) -> bytes:
        """This journal's private signing key for `study_id`, made once (by `make_key`), then kept.

        Needs the participant code first (`participant_code`): the key vouches for that code.
        """
        rows = self._db.query(
            "SELECT signing_key FROM participant_codes WHERE study_id = ?", (study_id,)
        )
        if not rows:
            raise LookupError(f"no participant code for {study_id!r} yet")
        if rows[0][0] is not None:
            return bytes(rows[0][0])
        key = make_key()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE participant_codes SET signing_key = ? WHERE study_id = ? "
                "AND signing_key IS NULL",
                (key, study_id),
            )
            stored = conn.execute(
                "SELECT signing_key FROM participant_codes WHERE study_id = ?", (study_id,)
            ).fetchone()
        return bytes(stored[0])

    def reserve_export_seq(self, study_id: str) -> int:
        """The number of the next export to `study_id`, taken for good before anything is written.

        A crash after this leaves a gap in the numbers, which the researchers' merge accepts;
        it can never leave two different exports with the same number.
        """
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE participant_codes SET export_seq = export_seq + 1 WHERE study_id = ?",
                (study_id,),
            )
            row = conn.execute(
                "SELECT export_seq FROM participant_codes WHERE study_id = ?", (study_id,)
            ).fetchone()
        if row is None:
            raise LookupError(f"no participant code for {study_id!r} yet")
        return row[0]

    def release_export_seq(self, study_id: str, seq: int) -> None:
        """Give back export number `seq` when no file with it was written (a failed or cancelled
        export). Only the newest number goes back, so numbers already used are never reused."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE participant_codes SET export_seq = export_seq - 1 "
                "WHERE study_id = ? AND export_seq = ?",
                (study_id, seq),
            )

    def log_export(
        self, study_id: str, fingerprint: str, fmt: str, items: int, withdrawn: bool = False
    ) -> None:
        """Record an export that was written (when, to which key, how many items; no content)."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO export_log (id, exported_at, study_id, recipient_fingerprint, format, "
                "item_count, withdrawn) VALUES (?,?,?,?,?,?,?)",
                (
                    uuid.uuid4().hex,
                    clock.to_db(clock.now()),
                    study_id,
                    fingerprint,
                    fmt,
                    items,
                    int(withdrawn),
                ),
            )

    def log(self) -> list[ExportRecord]:
        rows = self._db.query(
            "SELECT exported_at, study_id, recipient_fingerprint, format, item_count, withdrawn "
            "FROM export_log ORDER BY exported_at"
        )
        return [ExportRecord(clock.from_db(r[0]), r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]


STUDY_KEY = "sharing_study"


def follow_study(conn, study_id: str) -> None:
    """Make the `shared` columns speak of `study_id` ("" when the journal follows no study),
    inside the caller's transaction.

    The first time (a journal just upgraded to schema 7, or a new one), what is marked shared
    now is recorded for `study_id`. Switching to another study shows that study's own records:
    nothing, for a study never shared with. Drafts lose their "share" mark on a switch, so
    writing begun for one study is not shared with the next. The triggers of schema 7 keep
    `shares` in step with every later change of a flag.
    """
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STUDY_KEY,)).fetchone()
    if row is not None and row[0] == study_id:
        return
    if row is None:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (STUDY_KEY, study_id))
        for table, kind in (("entries", "entry"), ("feedback", "feedback")):
            conn.execute(
                f"INSERT OR IGNORE INTO shares (study_id, kind, item_id) "
                f"SELECT ?, '{kind}', id FROM {table} WHERE shared = 1",
                (study_id,),
            )
        return
    conn.execute("UPDATE meta SET value = ? WHERE key = ?", (study_id, STUDY_KEY))
    for table, kind in (("entries", "entry"), ("feedback", "feedback")):
        listed = f"(id IN (SELECT item_id FROM shares WHERE study_id = ? AND kind = '{kind}'))"
        conn.execute(
            f"UPDATE {table} SET shared = {listed} WHERE shared IS NOT {listed}",
            (study_id, study_id),
        )
    conn.execute("UPDATE drafts SET shared = 0 WHERE shared = 1")
