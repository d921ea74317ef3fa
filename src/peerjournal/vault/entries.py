"""Entries: create, read, list, search, change, delete. Full-text search lives in the encrypted
database (FTS5, kept in sync by triggers), so no plaintext index ever exists elsewhere."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace
from types import EllipsisType
from typing import Literal

import sqlcipher3

from peerjournal import clock, rules
from peerjournal.errors import Ambiguous, EntryNotFound, IdTooShort, SearchSyntaxError
from peerjournal.i18n import _
from peerjournal.model import Entry, EntryFilter, NewEntry, SearchHit
from peerjournal.vault.db import Database, as_domain_error, primary_code

COLUMNS = (
    "id, created_at, updated_at, title, body, tags, mood, session_number, prompt_key, "
    "prompt_text, prompt_set_id, prompt_set_version, shared"
)
MIN_ID_PREFIX = 4
# Snippet markers: characters that cannot be in stored text (rules refuse control characters).
MARK_ON, MARK_OFF = "\x02", "\x03"


def _row_to_entry(row: tuple) -> Entry:
    return Entry(
        id=row[0],
        created_at=clock.from_db(row[1]),
        updated_at=clock.from_db(row[2]),
        title=row[3],
        body=row[4],
        tags=tuple(json.loads(row[5])),
        mood=row[6],
        session_number=row[7],
        prompt_key=row[8],
        prompt_text=row[9],
        prompt_set_id=row[10],
        prompt_set_version=row[11],
        shared=bool(row[12]),
    )


def _where(flt: EntryFilter) -> tuple[str, list]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.tag is not None:
        clauses.append("EXISTS (SELECT 1 FROM json_each(e.tags) WHERE lower(value) = lower(?))")
        params.append(flt.tag.lstrip("#"))
    if flt.session_number is not None:
        clauses.append("e.session_number = ?")
        params.append(flt.session_number)
    if flt.since is not None:
        clauses.append("e.created_at >= ?")
        params.append(clock.day_start(flt.since))
    if flt.until is not None:
        clauses.append("e.created_at <= ?")
        params.append(clock.day_end(flt.until))
    if flt.shared is not None:
        clauses.append("e.shared = ?")
        params.append(int(flt.shared))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def split_snippet(text: str) -> tuple[tuple[str, bool], ...]:
    """Turn a marked FTS snippet into (text, is_match) segments."""
    parts: list[tuple[str, bool]] = []
    rest, inside = text, False
    while rest:
        marker = MARK_OFF if inside else MARK_ON
        head, found, rest = rest.partition(marker)
        if head:
            parts.append((head, inside))
        if not found:
            break
        inside = not inside
    return tuple(parts)


class EntryStore:
    """The journal's entries. Every write is one transaction: never a partly written entry."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- writing ----------------------------------------------------------------------------

    def add(self, new: NewEntry) -> Entry:
        with self._db.transaction() as conn:
            return self._insert(conn, new)

    def add_many(self, items: Iterable[NewEntry], progress=None) -> int:
        """Insert many entries in one transaction (imports): all of them, or none.

        An item that brings its own id (a peerjournal dump read back) and is already in the
        journal is left out, so importing one dump twice adds nothing; returns how many were
        added.
        """
        count = done = 0
        with self._db.transaction() as conn:
            for new in items:
                known = (
                    new.id is not None
                    and conn.execute("SELECT 1 FROM entries WHERE id = ?", (new.id,)).fetchone()
                )
                if not known:
                    self._insert(conn, new)
                    count += 1
                done += 1
                if progress is not None:
                    progress(done)
        return count

    def _insert(self, conn: sqlcipher3.Connection, new: NewEntry) -> Entry:
        created = new.created_at or clock.now()
        entry = Entry(
            id=new.id or uuid.uuid4().hex,
            created_at=created,
            updated_at=new.updated_at or (clock.now() if new.created_at is None else created),
            title=rules.title(new.title),
            body=rules.body(new.body),
            tags=rules.tags(new.tags),
            mood=rules.mood(new.mood),
            session_number=new.session_number,
            prompt_key=new.prompt_key,
            prompt_text=new.prompt_text,
            prompt_set_id=new.prompt_set_id,
            prompt_set_version=new.prompt_set_version,
            shared=new.shared,
        )
        conn.execute(
            f"INSERT INTO entries ({COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                entry.id,
                clock.to_db(entry.created_at),
                clock.to_db(entry.updated_at),
                entry.title,
                entry.body,
                json.dumps(list(entry.tags), ensure_ascii=False),
                entry.mood,
                entry.session_number,
                entry.prompt_key,
                entry.prompt_text,
                entry.prompt_set_id,
                entry.prompt_set_version,
                int(entry.shared),
            ),
        )
        return entry

    def update(
        self,
        entry_id: str,
        *,
        body: str | None = None,
        title: str | None = None,
        tags: Iterable[str] | None = None,
        mood: int | EllipsisType | None = ...,
        shared: bool | None = None,
    ) -> Entry:
        """Change the given fields of one entry. The prompt snapshot is never touched."""
        with self._db.transaction(scrub=True) as conn:
            current = self._get(conn, entry_id)
            changed = replace(
                current,
                body=current.body if body is None else rules.body(body),
                title=current.title if title is None else rules.title(title),
                tags=current.tags if tags is None else rules.tags(tags),
                mood=current.mood if mood is ... else rules.mood(mood),
                shared=current.shared if shared is None else shared,
                updated_at=clock.now(),
            )
            # New words get a new rowid: FTS5's secure-delete loses words that leave and come
            # back under one rowid in one transaction (see schema/m005_fts_rebuild.py).
            rowid = (
                "(SELECT max(seq) + 1 FROM entries)" if _words_differ(current, changed) else "seq"
            )
            conn.execute(
                f"UPDATE entries SET seq={rowid}, body=?, title=?, tags=?, mood=?, shared=?, "
                "updated_at=? WHERE id=?",
                (
                    changed.body,
                    changed.title,
                    json.dumps(list(changed.tags), ensure_ascii=False),
                    changed.mood,
                    int(changed.shared),
                    clock.to_db(changed.updated_at),
                    changed.id,
                ),
            )
        return changed

    def add_tags(self, entry_id: str, new_tags: Iterable[str]) -> Entry:
        entry = self.get(entry_id)
        return self.update(entry.id, tags=(*entry.tags, *new_tags))

    def remove_tags(self, entry_id: str, old_tags: Iterable[str]) -> Entry:
        entry = self.get(entry_id)
        drop = {t.lstrip("#").casefold() for t in old_tags}
        return self.update(entry.id, tags=[t for t in entry.tags if t.casefold() not in drop])

    def set_shared(self, entry_id: str, shared: bool) -> Entry:
        return self.update(entry_id, shared=shared)

    def delete(self, entry_id: str) -> Entry:
        """Delete one entry: its text is overwritten in the file (`secure_delete`), its words are
        taken out of the search index (merged away by the delete trigger, schema 5) and the WAL
        is scrubbed."""
        with self._db.transaction(scrub=True) as conn:
            entry = self._get(conn, entry_id)
            conn.execute("DELETE FROM entries WHERE id = ?", (entry.id,))
        return entry

    # -- reading ----------------------------------------------------------------------------

    def get(self, entry_id: str) -> Entry:
        """The entry with this id or unique id prefix (at least four characters)."""
        return self._get(self._db.conn, entry_id)

    def _get(self, conn: sqlcipher3.Connection, entry_id: str) -> Entry:
        key = entry_id.strip().lower()
        if any(c not in "0123456789abcdef" for c in key):
            raise EntryNotFound(entry_id)
        if len(key) < MIN_ID_PREFIX:
            raise IdTooShort(entry_id, MIN_ID_PREFIX)
        rows = conn.execute(
            f"SELECT {COLUMNS} FROM entries WHERE id >= ? AND id < ? LIMIT 2",
            (key, key + "g"),
        ).fetchall()
        if not rows:
            raise EntryNotFound(entry_id)
        if len(rows) > 1:
            raise Ambiguous(
                _("the id “{id}” matches more than one entry; give more of it").format(id=entry_id)
            )
        return _row_to_entry(rows[0])

    def list(
        self,
        flt: EntryFilter = EntryFilter(),
        limit: int | None = None,
        offset: int = 0,
        newest_first: bool = True,
    ) -> list[Entry]:
        where, params = _where(flt)
        order = "DESC" if newest_first else "ASC"
        sql = (
            f"SELECT {COLUMNS} FROM entries e{where} "
            f"ORDER BY e.created_at {order}, e.seq {order} LIMIT ? OFFSET ?"
        )
        rows = self._db.query(sql, (*params, -1 if limit is None else limit, offset))
        return [_row_to_entry(r) for r in rows]

    def count(self, flt: EntryFilter = EntryFilter()) -> int:
        where, params = _where(flt)
        return self._db.query(f"SELECT count(*) FROM entries e{where}", tuple(params))[0][0]

    def iter_all(self, batch: int = 500) -> Iterator[Entry]:
        """Every entry, oldest first, without holding them all in memory (dump, export)."""
        last = -1
        while True:
            rows = self._db.query(
                f"SELECT seq, {COLUMNS} FROM entries WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            for row in rows:
                yield _row_to_entry(row[1:])
            last = rows[-1][0]

    def shared(self) -> builtins.list[Entry]:
        """The one query through which anything leaves for research: shared entries only."""
        return self.list(EntryFilter(shared=True), newest_first=False)

    def search(
        self,
        query: str,
        limit: int = 20,
        flt: EntryFilter = EntryFilter(),
        offset: int = 0,
        order: Literal["rank", "newest"] = "rank",
    ) -> builtins.list[SearchHit]:
        """Entries matching an FTS5 query, each with a highlighted snippet.

        `order="rank"` puts the best matches first, which means scoring every match (about a
        quarter of a second for a very common word in 100,000 entries). `order="newest"` lists
        matches most recently written first and stops at `limit`: a few milliseconds whatever the
        word, which is what searching as you type needs.
        """
        if not query.strip():
            return []
        where, params = _where(flt)
        extra = where.replace(" WHERE ", " AND ", 1)
        ordering = "rank" if order == "rank" else "entries_fts.rowid DESC"
        sql = (
            f"SELECT {', '.join('e.' + c.strip() for c in COLUMNS.split(','))}, "
            f"snippet(entries_fts, -1, '{MARK_ON}', '{MARK_OFF}', '…', 16) "
            f"FROM entries_fts JOIN entries e ON e.seq = entries_fts.rowid "
            f"WHERE entries_fts MATCH ?{extra} ORDER BY {ordering} LIMIT ? OFFSET ?"
        )
        try:
            rows = self._db.conn.execute(sql, (query, *params, limit, offset)).fetchall()
        except sqlcipher3.OperationalError as exc:
            if primary_code(exc) != sqlcipher3.SQLITE_ERROR:  # the disk or the file, not the query
                raise as_domain_error(exc, self._db.path) from None
            raise SearchSyntaxError(query) from None
        return [SearchHit(_row_to_entry(r[:-1]), split_snippet(r[-1])) for r in rows]

    def counts(self) -> tuple[int, int, int]:
        """How many entries, how many are shared, and for how many sessions they were written."""
        count, shared, sessions = self._db.query(
            "SELECT count(*), coalesce(sum(shared), 0), count(DISTINCT session_number) FROM entries"
        )[0]
        return count, shared, sessions

    def tag_counts(self) -> dict[str, int]:
        rows = self._db.query(
            "SELECT value, count(*) FROM entries, json_each(entries.tags) "
            "GROUP BY lower(value) ORDER BY count(*) DESC"
        )
        return {r[0]: r[1] for r in rows}


def _words_differ(old: Entry, new: Entry) -> bool:
    """Whether an update changes what the search index holds for the entry."""
    return (old.title, old.body, old.tags) != (new.title, new.body, new.tags)
