"""The database schema as numbered migrations, applied in order, tracked in `PRAGMA user_version`.

Each migration module holds one `STEPS` string of SQL. Never edit a released migration: add a new
one, and a test that upgrades a journal made at every older version.
"""

from __future__ import annotations

from importlib import import_module

from peerjournal.errors import PeerJournalError

MIGRATIONS: tuple[str, ...] = (
    "m001_entries",
    "m002_program",
    "m003_sharing",
    "m004_fts_secure_delete",
    "m005_fts_rebuild",
    "m006_signing_keys",
    "m007_shares_per_study",
)
LATEST = len(MIGRATIONS)


def version_of(conn) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn, target: int = LATEST) -> int:
    """Bring the database up to `target`, one transaction a step; returns the old version."""
    current = version_of(conn)
    if current > LATEST:
        raise PeerJournalError(
            f"this journal was made by a newer peerjournal (schema {current}); update peerjournal "
            "to open it"
        )
    for number in range(current + 1, target + 1):
        steps = import_module(f"{__name__}.{MIGRATIONS[number - 1]}").STEPS
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(steps):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # an I/O error may have rolled it back already
                conn.execute("ROLLBACK")
            raise
    return current


def _statements(script: str) -> list[str]:
    """Split a migration into statements (triggers hold `;` inside BEGIN ... END)."""
    out, buf = [], []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and _complete(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out


def _complete(statement: str) -> bool:
    import sqlcipher3

    return sqlcipher3.complete_statement(statement)
