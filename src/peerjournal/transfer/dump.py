"""The owner's own full copy in plaintext: one Markdown file per entry, or one JSON file.

This is the one deliberate way plaintext reaches disk, always after a warning and a confirmation.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from peerjournal import clock
from peerjournal.errors import UsageError
from peerjournal.model import Entry
from peerjournal.vault.files import PRIVATE_FILE, make_private_dir


def prepare(destination: Path) -> Path:
    destination = destination.expanduser().absolute()
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise UsageError(f"{destination} already exists and is not empty; choose a new folder")
    make_private_dir(destination)
    return destination


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
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
