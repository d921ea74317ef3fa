"""Drafts: writing in progress, autosaved into the encrypted database (never a temp file)."""

from __future__ import annotations

import json
import uuid

from peerjournal import clock, rules
from peerjournal.errors import NotFound
from peerjournal.model import Draft
from peerjournal.vault.db import Database

COLUMNS = (
    "id, updated_at, body, title, tags, mood, entry_id, session_number, prompt_key, prompt_text, "
    "shared"
)


def _row_to_draft(row: tuple) -> Draft:
    return Draft(
        id=row[0],
        updated_at=clock.from_db(row[1]),
        body=row[2],
        title=row[3],
        tags=tuple(json.loads(row[4])),
        mood=row[5],
        entry_id=row[6],
        session_number=row[7],
        prompt_key=row[8],
        prompt_text=row[9],
        shared=bool(row[10]),
    )


class DraftStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def save(self, draft: Draft) -> Draft:
        """Insert or replace a draft. Called every few seconds while writing and on every exit."""
        saved = Draft(
            id=draft.id,
            updated_at=clock.now(),
            body=rules.body(draft.body),
            title=rules.title(draft.title),
            tags=rules.tags(draft.tags),
            mood=rules.mood(draft.mood),
            entry_id=draft.entry_id,
            session_number=draft.session_number,
            prompt_key=draft.prompt_key,
            prompt_text=draft.prompt_text,
            shared=draft.shared,
        )
        transaction = self._db.transaction()
        with transaction as conn:
            # Replacing an earlier version of the draft: its older text must not stay in the WAL.
            transaction.scrub = bool(
                conn.execute("SELECT 1 FROM drafts WHERE id = ?", (saved.id,)).fetchone()
            )
            conn.execute(
                f"INSERT OR REPLACE INTO drafts ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    saved.id,
                    clock.to_db(saved.updated_at),
                    saved.body,
                    saved.title,
                    json.dumps(list(saved.tags), ensure_ascii=False),
                    saved.mood,
                    saved.entry_id,
                    saved.session_number,
                    saved.prompt_key,
                    saved.prompt_text,
                    int(saved.shared),
                ),
            )
        return saved

    def list(self) -> list[Draft]:
        rows = self._db.query(f"SELECT {COLUMNS} FROM drafts ORDER BY updated_at DESC")
        return [_row_to_draft(r) for r in rows]

    def get(self, draft_id: str) -> Draft:
        rows = self._db.query(f"SELECT {COLUMNS} FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise NotFound(f"no draft with id {draft_id!r}")
        return _row_to_draft(rows[0])

    def discard(self, draft_id: str) -> None:
        with self._db.transaction(scrub=True) as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))

    def count(self) -> int:
        return self._db.query("SELECT count(*) FROM drafts")[0][0]
