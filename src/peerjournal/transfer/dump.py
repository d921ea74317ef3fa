"""The owner's own full copy in plaintext: one Markdown file per entry, or one JSON file.

This is the one deliberate way plaintext reaches disk, always after a warning and a confirmation.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from peerjournal import clock
from peerjournal.errors import UsageError
from peerjournal.i18n import N_, _
from peerjournal.model import Entry
from peerjournal.vault.files import NEW_FILE, PRIVATE_FILE, make_private_dir

# Marked for translation; faces show it with _() (a constant, kept once in a list of warnings).
PLAINTEXT_NOT_PROTECTED = N_(
    "this folder is on a file system that cannot keep file permissions (a USB stick formatted "
    "FAT32 or exFAT, for example): any account on this computer, and anyone who has the stick, "
    "can read this unencrypted copy"
)


DUMP_FORMAT = "peerjournal-dump"
DUMP_VERSION = 1


@dataclass(frozen=True)
class DumpFolder:
    path: Path
    keeps_permissions: bool


@contextmanager
def into(destination: Path) -> Iterator[DumpFolder]:
    """The dump's new or empty folder, owner-only where the file system allows it.

    If the dump fails, nothing of it stays: the files written so far are removed, and the folder
    too when this made it (no half plaintext copy, no empty folder).
    """
    destination = destination.expanduser().absolute()
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise UsageError(
            _("{folder} already exists and is not empty; choose a new folder").format(
                folder=destination
            )
        )
    created = not destination.exists()
    try:
        kept = make_private_dir(destination)
        yield DumpFolder(destination, kept)
    except BaseException:
        _remove_dump(destination, created)
        raise


def _remove_dump(destination: Path, created: bool) -> None:
    """Remove what a failed dump wrote into `destination` (empty when it began)."""
    with contextlib.suppress(OSError):
        for path in destination.iterdir():
            if path.is_file() or path.is_symlink():
                path.unlink(missing_ok=True)
    if created:
        with contextlib.suppress(OSError):
            destination.rmdir()


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, NEW_FILE, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


MARKDOWN_MARK = "peerjournal"
MARKDOWN_VERSION = 1


def _yaml(value: object) -> str:
    """A front matter value: JSON's spelling, which YAML reads back as the same value."""
    return json.dumps(value, ensure_ascii=False)


def markdown_of(entry: Entry) -> str:
    """One entry as a Markdown note: every field in YAML front matter, then the body exactly.

    Times keep their seconds, fractions and UTC offset (local time, as the person saw it); the
    title is a field (never the file name); the body follows the closing `---` line byte for
    byte, trailing newlines included. docs/dump-format.md describes it.
    """
    fields = {
        MARKDOWN_MARK: MARKDOWN_VERSION,
        "id": entry.id,
        "created": clock.local(entry.created_at).isoformat(timespec="microseconds"),
        "updated": clock.local(entry.updated_at).isoformat(timespec="microseconds"),
        "title": entry.title,
        "tags": list(entry.tags),
        "mood": entry.mood,
        "session": entry.session_number,
        "prompt": entry.prompt_key,
        "prompt_text": entry.prompt_text,
        "prompt_set": entry.prompt_set_id,
        "prompt_set_version": entry.prompt_set_version,
        "shared": entry.shared,
    }
    lines = ["---", *(f"{key}: {_yaml(value)}" for key, value in fields.items()), "---"]
    return "\n".join(lines) + "\n" + entry.body


def dump_markdown(entries: Iterable[Entry], destination: Path) -> int:
    count = 0
    for entry in entries:
        stamp = clock.local(entry.created_at).strftime("%Y-%m-%d-%H%M")
        _write_private(destination / f"{stamp}-{entry.short_id}.md", markdown_of(entry))
        count += 1
    return count


def dump_json(records: Iterable[dict], destination: Path) -> int:
    items = list(records)
    _write_private(
        destination / "entries.json",
        json.dumps(
            {"format": DUMP_FORMAT, "version": DUMP_VERSION, "entries": items},
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
    )
    return len(items)
