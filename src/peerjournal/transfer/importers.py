"""Read other journals (and peerjournal's own dumps) into `NewEntry` objects.

Formats: a peerjournal JSON dump (lossless), jrnl JSON, Day One (its JSON, the unzipped folder or
the zip it writes; transfer/dayone.py), a folder of Markdown/text notes, Obsidian-style
(transfer/notes.py). Each reader parses everything first and raises one clear error on bad
input, so an import is all or nothing: the journal's `add_many` then writes every entry in a
single transaction. What a format holds that a journal cannot keep (photos, places, weather)
is counted in `Imported.left_out` for the summary line.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peerjournal.errors import InvalidInput, UsageError
from peerjournal.i18n import _
from peerjournal.model import NewEntry
from peerjournal.transfer import fields
from peerjournal.transfer.dump import DUMP_FORMAT, DUMP_VERSION
from peerjournal.transfer.fields import Where

MAX_IMPORT_BYTES = 256 * 1024 * 1024
KINDS = ("auto", "peerjournal", "jrnl", "dayone", "folder")


@dataclass
class Imported:
    """The entries read, and how many things of each kind could not come along."""

    entries: list[NewEntry]
    left_out: Counter[str] = field(default_factory=Counter)


def detect(source: Path) -> str:
    """'peerjournal', 'jrnl', 'dayone' or 'folder', judged from what SOURCE is and holds."""
    from peerjournal.transfer import dayone

    if source.is_dir():
        return "dayone" if dayone.folder_documents(source) else "folder"
    if zipfile.is_zipfile(source):
        return "dayone"
    doc = load_json(source)
    if isinstance(doc, dict) and doc.get("format") == DUMP_FORMAT:
        return "peerjournal"
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if isinstance(entries, list) and entries and isinstance(entries[0], dict):
        if "creationDate" in entries[0]:
            return "dayone"
        if "date" in entries[0] and "body" in entries[0]:
            return "jrnl"
    if isinstance(doc, dict) and "metadata" in doc:
        return "dayone"
    if isinstance(doc, dict) and "tags" in doc and isinstance(entries, list):
        return "jrnl"
    raise InvalidInput(
        _("{file} is not a peerjournal dump, a jrnl or Day One export, nor a folder").format(
            file=source
        )
    )


def read_source(source: Path, kind: str = "auto") -> Imported:
    """Everything SOURCE holds, read and checked, ready for one `add_many`."""
    from peerjournal.transfer import dayone, notes

    if not source.exists():
        raise UsageError(_("nothing to import at {path}").format(path=source))
    kind = detect(source) if kind == "auto" else kind
    readers = {
        "peerjournal": read_dump,
        "jrnl": read_jrnl,
        "dayone": dayone.read,
        "folder": notes.read_folder,
    }
    if kind not in readers:
        raise UsageError(
            _("unknown import format {kind!r}; use {choices}").format(
                kind=kind, choices=", ".join(KINDS)
            )
        )
    return readers[kind](source)


def parse_json(raw: bytes, name: object) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(_("{file} is not UTF-8 text").format(file=name)) from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            _("{file} is not valid JSON (line {line})").format(file=name, line=exc.lineno)
        ) from None
    except RecursionError:
        raise InvalidInput(_("{file} is nested too deeply to read").format(file=name)) from None


def load_json(path: Path) -> Any:
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput(_("{file} is too large to import").format(file=path))
    return parse_json(path.read_bytes(), path)


def entries_of(doc: Any, name: object) -> list[dict[str, Any]]:
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InvalidInput(_("{file} has no list of entries").format(file=name))
    return entries


def read_jrnl(path: Path) -> Imported:
    """`jrnl --format json`: title, body, date, time, tags (with their @ sign), starred."""
    out = []
    for n, item in enumerate(entries_of(load_json(path), path), 1):
        where = Where(path, n)
        day = fields.text(item, "date", where)
        if not day:
            raise where.fail("date", _("a date like 2026-11-25"))
        when = fields.moment(f"{day}T{fields.text(item, 'time', where) or '00:00'}", "date", where)
        tags = [t.lstrip("@#") for t in fields.string_list(item, "tags", where)]
        if fields.boolean(item, "starred", where):
            tags.append("starred")
        out.append(
            NewEntry(
                body=fields.text(item, "body", where),
                title=fields.text(item, "title", where),
                tags=tuple(tags),
                created_at=when,
            )
        )
    return Imported(out)


def read_dump(path: Path) -> Imported:
    """peerjournal's own JSON dump (`dump --format json`), every field as it was."""
    doc = load_json(path)
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version > DUMP_VERSION:
        raise InvalidInput(
            _("{file} is a dump from a newer peerjournal; update peerjournal to import it").format(
                file=path
            )
        )
    return Imported(
        [dump_entry(item, Where(path, n)) for n, item in enumerate(entries_of(doc, path), 1)]
    )


def dump_entry(item: dict[str, Any], where: Where) -> NewEntry:
    """One entry of a JSON dump (docs/dump-format.md), checked field by field."""
    return NewEntry(
        **fields.dumped_entry_fields(item, where),
        created_at=fields.moment(item.get("created_at"), "created_at", where, naive_is_utc=True),
        updated_at=fields.moment(item.get("updated_at"), "updated_at", where, naive_is_utc=True),
        body=fields.text(item, "body", where),
    )
