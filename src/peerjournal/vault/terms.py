"""The participant's own always-redact terms (their names, working names, people and places),
kept encrypted inside the journal and handed to the redactor at export time."""

from __future__ import annotations

from peerjournal.errors import InvalidInput
from peerjournal.vault.db import Database

TERM_KINDS = ("PERSON", "LOCATION")


class TermStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def list(self) -> list[tuple[str, str]]:
        """(term, kind) pairs, sorted."""
        return [
            (r[0], r[1])
            for r in self._db.query(
                "SELECT term, kind FROM redact_terms ORDER BY kind, lower(term)"
            )
        ]

    def add(self, term: str, kind: str = "PERSON") -> None:
        term = " ".join(term.split())
        kind = kind.upper()
        if not term:
            raise InvalidInput("a redaction term cannot be empty")
        if kind not in TERM_KINDS:
            raise InvalidInput(f"term kind must be one of {', '.join(TERM_KINDS)}")
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO redact_terms (term, kind) VALUES (?, ?)", (term, kind)
            )

    def remove(self, term: str) -> int:
        with self._db.transaction(scrub=True) as conn:
            cur = conn.execute(
                "DELETE FROM redact_terms WHERE lower(term) = lower(?)", (term.strip(),)
            )
            return cur.rowcount
