"""Read other journals into `NewEntry` objects: jrnl JSON, Day One JSON, a folder of Markdown/text.

Each reader parses everything first and raises one clear error on bad input, so an import is all
or nothing: the journal's `add_many` then writes every entry in a single transaction.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

from peerjournal.errors import InvalidInput, UsageError
from peerjournal.model import NewEntry

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
MAX_IMPORT_BYTES = 512 * 1024 * 1024
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T_ -]?(\d{2})[:.-]?(\d{2}))?")


def detect(source: Path) -> str:
    """'folder', 'jrnl' or 'dayone', judged from what SOURCE is and holds."""
    if source.is_dir():
        return "folder"
    doc = _load_json(source)
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
    raise InvalidInput(f"{source} is not a jrnl or Day One JSON export, nor a folder")


def read_source(source: Path, kind: str = "auto") -> list[NewEntry]:
    if not source.exists():
        raise UsageError(f"nothing to import at {source}")
    kind = detect(source) if kind == "auto" else kind
    readers = {"jrnl": read_jrnl, "dayone": read_dayone, "folder": read_folder}
    if kind not in readers:
        raise UsageError(f"unknown import format {kind!r}; use auto, jrnl, dayone or folder")
    return readers[kind](source)


def _load_json(path: Path):
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise InvalidInput(f"{path} is too large to import")
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{path} is not valid JSON (line {exc.lineno})") from None


def _entries_of(doc, path: Path) -> list[dict]:
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InvalidInput(f"{path} has no list of entries")
    return entries


def read_jrnl(path: Path) -> list[NewEntry]:
    """`jrnl --format json`: title, body, date, time, tags (with their @ sign), starred."""
    out = []
    for n, item in enumerate(_entries_of(_load_json(path), path), 1):
        try:
            when = datetime.fromisoformat(f"{item['date']}T{item.get('time') or '00:00'}")
        except (KeyError, TypeError, ValueError):
            raise InvalidInput(f"{path}: entry {n} has no readable date") from None
        tags = [str(t).lstrip("@#") for t in item.get("tags") or []]
        if item.get("starred"):
            tags.append("starred")
        out.append(
            NewEntry(
                body=str(item.get("body") or ""),
                title=str(item.get("title") or ""),
                tags=tuple(tags),
                created_at=when.astimezone(),
            )
        )
    return out


def read_dayone(path: Path) -> list[NewEntry]:
    """A Day One JSON export: creationDate (UTC), text, tags, starred."""
    out = []
    for n, item in enumerate(_entries_of(_load_json(path), path), 1):
        try:
            when = datetime.fromisoformat(str(item["creationDate"]).replace("Z", "+00:00"))
        except (KeyError, ValueError):
            raise InvalidInput(f"{path}: entry {n} has no readable creationDate") from None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        tags = [str(t) for t in item.get("tags") or []]
        if item.get("starred"):
            tags.append("starred")
        text = str(item.get("text") or "").replace("\\.", ".").replace("\\-", "-")
        out.append(NewEntry(body=text, tags=tuple(tags), created_at=when))
    return out


def read_folder(folder: Path) -> list[NewEntry]:
    """Every .md/.txt file under FOLDER: date from front matter, file name, or modification time."""
    files = sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
    )
    if not files:
        raise InvalidInput(f"{folder} holds no .md or .txt files to import")
    return [_read_text_file(p) for p in files]


def _read_text_file(path: Path) -> NewEntry:
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise InvalidInput(f"{path} is not UTF-8 text") from None
    meta, body = _front_matter(text)
    title = meta.get("title", "")
    if not title:
        first = next((ln for ln in body.splitlines() if ln.strip()), "")
        if first.startswith("# "):
            title = first[2:].strip()
            body = body.replace(first, "", 1).lstrip("\n")
    when = _date_of(path, meta)
    tags = [t.strip().strip("'\"").lstrip("#") for t in meta.get("tags", "").strip("[]").split(",")]
    return NewEntry(
        body=body, title=title or path.stem, tags=tuple(t for t in tags if t), created_at=when
    )


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple `key: value` front matter between --- lines (what journaling apps write)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    meta = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip()
    return meta, text[end + 4 :].lstrip("\n")


def _date_of(path: Path, meta: dict[str, str]) -> datetime:
    for candidate in (meta.get("date", ""), path.stem):
        found = DATE_IN_NAME.search(candidate)
        if found:
            day, hour, minute = found.groups()
            try:
                return datetime.fromisoformat(f"{day}T{hour or '00'}:{minute or '00'}").astimezone()
            except ValueError:
                continue
    return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
