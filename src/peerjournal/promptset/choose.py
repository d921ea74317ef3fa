"""Finding the prompt set a person wants to follow, for the CLI and the app alike: a shipped set
by id and language, a file (from a USB stick, say), the sets in a folder, and the hand-over that
lets `prompts install` reach a journal the app holds open.

The hand-over: while the app has the journal unlocked it holds the journal's lock, so a command
cannot write into it. `prompts install` then checks the set and leaves its text (a facilitator's
file, never journal content) in the journal folder as `HANDED_OVER`; the open app sees it, asks
the person whether to follow it, installs it through its own open journal and removes the file.
Nothing is installed without that yes, so a file dropped there by anyone else is only an offer.
"""

from __future__ import annotations

import os
from pathlib import Path

from peerjournal.promptset.model import PromptSet
from peerjournal.promptset.parse import load_file, parse
from peerjournal.promptset.shipped import find_shipped

HANDED_OVER = "prompt-set-to-install.md"
MAX_LISTED = 200  # a folder listing stops here (a stick's root can hold anything)


def looks_like_file(spec: str) -> bool:
    """Whether `spec` names a file rather than a shipped set's id."""
    return Path(spec).exists() or spec.endswith(".md") or "/" in spec or "\\" in spec


def load_choice(spec: str, language: str | None = None) -> PromptSet:
    """The set `spec` names: a file when it looks like one, else a shipped set in `language`.

    Raises NotFound, PromptSetInvalid or a file error, each with its one-line message."""
    if looks_like_file(spec):
        return load_file(Path(spec).expanduser())
    return find_shipped(spec, language)


def files_in(folder: Path) -> list[Path]:
    """The Markdown files directly in `folder` (a USB stick's folder, say), by name."""
    try:
        found = sorted(
            (p for p in folder.iterdir() if p.suffix.casefold() == ".md" and p.is_file()),
            key=lambda p: p.name.casefold(),
        )
    except OSError:
        return []
    return found[:MAX_LISTED]


# -- the hand-over to an open app -----------------------------------------------------------------


def hand_over(prompt_set: PromptSet, journal_dir: Path) -> Path:
    """Leave a checked set's text where the open app will offer it (replacing an older offer)."""
    target = journal_dir / HANDED_OVER
    temporary = journal_dir / f".{HANDED_OVER}.part"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(prompt_set.source)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    return target


def is_handed_over(journal_dir: Path) -> bool:
    return (journal_dir / HANDED_OVER).is_file()


def take_handed_over(journal_dir: Path) -> PromptSet | None:
    """The set a command handed over, read and removed (None when there is none). A file that
    no longer parses is removed too and its problem raised, so it is not offered forever."""
    path = journal_dir / HANDED_OVER
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    finally:
        path.unlink(missing_ok=True)
    return parse(text, HANDED_OVER)
