"""A folder of Markdown or text notes (an Obsidian vault, a dump made with `dump --format md`).

Front matter is YAML (transfer/frontmatter.py). For a note of another app: `title` (quotes are
YAML's, so they go), else a first `# Heading` line, else the file name (Obsidian's own title);
`tags` as a YAML list (flow or block) or a comma-separated string; the time from `created`,
`date` or `created_at` (with its UTC offset when it has one), else a date in the file name, else
the file's modification time. The app folders `.obsidian/`, `.trash/`, `Templates/` and any other
hidden folder are not notes and are skipped. A note written by `dump --format md` carries
`peerjournal: 1` and every field of the entry, and is read back exactly.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from peerjournal.errors import InvalidInput
from peerjournal.i18n import _
from peerjournal.model import NewEntry
from peerjournal.transfer import fields, frontmatter
from peerjournal.transfer.dump import MARKDOWN_MARK
from peerjournal.transfer.fields import Where
from peerjournal.transfer.importers import Imported

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SKIPPED_FOLDERS = {"templates", "_templates"}
MAX_NOTE_BYTES = 16 * 1024 * 1024
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T_ -]?(\d{2})[:.-]?(\d{2}))?")
DATE_KEYS = ("created", "date", "created_at")


def _is_note(path: Path, folder: Path) -> bool:
    parts = path.relative_to(folder).parts
    hidden = any(p.startswith(".") or p.lower() in SKIPPED_FOLDERS for p in parts[:-1])
    return not hidden and path.is_file() and path.suffix.lower() in TEXT_SUFFIXES


def read_folder(folder: Path) -> Imported:
    """Every note under FOLDER, in path order."""
    files = sorted(p for p in folder.rglob("*") if _is_note(p, folder))
    if not files:
        raise InvalidInput(_("{folder} holds no .md or .txt files to import").format(folder=folder))
    return Imported([read_note(p) for p in files])


def read_note(path: Path) -> NewEntry:
    if path.stat().st_size > MAX_NOTE_BYTES:
        raise InvalidInput(_("{file} is too large to import").format(file=path))
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise InvalidInput(_("{file} is not UTF-8 text").format(file=path)) from None
    meta, body = frontmatter.split(text, path)
    if MARKDOWN_MARK in meta:
        return _dumped(meta, body, Where(path))
    return _foreign(meta, body, path)


def _dumped(meta: dict[str, Any], body: str, where: Where) -> NewEntry:
    """A note of `dump --format md`: every field as it was written."""
    return NewEntry(
        **fields.dumped_entry_fields(meta, where),
        created_at=fields.moment(meta.get("created"), "created", where),
        updated_at=fields.moment(meta.get("updated"), "updated", where),
        body=body,
    )


def _tags(meta: dict[str, Any], where: Where) -> tuple[str, ...]:
    """Obsidian's forms: a list (flow or block; numbers allowed), or 'a, b' as one string."""
    value = meta.get("tags", meta.get("tag"))
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise where.fail("tags", _("a list of words"))
    tags = (str(v).strip().lstrip("#") for v in value if not isinstance(v, bool))
    return tuple(t for t in tags if t)


def _foreign(meta: dict[str, Any], body: str, path: Path) -> NewEntry:
    where = Where(path)
    title = meta.get("title")
    if title is not None and not isinstance(title, str | int | float):
        raise where.fail("title", _("text"))
    title = str(title).strip() if title is not None else ""
    if not title:
        first = next((ln for ln in body.splitlines() if ln.strip()), "")
        if first.startswith("# ") and first[2:].strip():
            title = first[2:].strip()
            body = body.replace(first, "", 1).lstrip("\n")
    return NewEntry(
        body=body,
        title=title or path.stem,
        tags=_tags(meta, where),
        created_at=_date_of(path, meta, where),
    )


def _date_of(path: Path, meta: dict[str, Any], where: Where) -> datetime:
    for key in DATE_KEYS:
        value = meta.get(key)
        if isinstance(value, datetime | date) or (isinstance(value, str) and value.strip()):
            try:
                return fields.moment(value, key, where)
            except InvalidInput:
                found = DATE_IN_NAME.search(str(value))
                if found is None:
                    raise
                return _from_match(found) or fields.moment(value, key, where)
    found = DATE_IN_NAME.search(path.stem)
    if found and (when := _from_match(found)):
        return when
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone()


def _from_match(found: re.Match[str]) -> datetime | None:
    day, hour, minute = found.groups()
    try:
        return datetime.fromisoformat(f"{day}T{hour or '00'}:{minute or '00'}").astimezone()
    except ValueError:
        return None
