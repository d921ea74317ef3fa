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
from peerjournal.model import Entry
from peerjournal.vault.files import NEW_FILE, PRIVATE_FILE, make_private_dir

PLAINTEXT_NOT_PROTECTED = (
    "this folder is on a file system that cannot keep file permissions (a USB stick formatted "
    "FAT32 or exFAT, for example): any account on this computer, and anyone who has the stick, "
    "can read this unencrypted copy"
)


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
        raise UsageError(f"{destination} already exists and is not empty; choose a new folder")
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


def markdown_of(entry: Entry) -> str:
    lines = ["---", f"id: {entry.id}", f"date: {clock.local(entry.created_at).isoformat()}"]
    if entry.title:
        lines.append(f"title: {entry.title}")
    if entry.tags:
        lines.append("tags: [" + ", ".join(entry.tags) + "]")
    if entry.mood is not None:
        lines.append(f"mood: {entry.mood}")
    if entry.session_number is not None:
        lines.append(f"session: {entry.session_number}")
    if entry.prompt_text:
        lines.append(f"prompt: {json.dumps(entry.prompt_text, ensure_ascii=False)}")
    lines.append(f"shared: {'yes' if entry.shared else 'no'}")
    lines += ["---", "", entry.body.rstrip("\n"), ""]
    return "\n".join(lines)


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
            {"format": "peerjournal-dump", "version": 1, "entries": items},
            ensure_ascii=False,
            indent=2,
        )
        + "\n",
    )
    return len(items)
