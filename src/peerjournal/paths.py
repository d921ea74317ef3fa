"""Where things live on disk. Every path the app uses is decided here."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "peerjournal"
ENV_JOURNAL = "PEERJOURNAL_DIR"


def default_journal_dir() -> Path:
    """The journal folder when none is given: $PEERJOURNAL_DIR, else the user data folder."""
    from_env = os.environ.get(ENV_JOURNAL)
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "journal"


def resolve_journal_dir(given: Path | None) -> Path:
    return (given.expanduser() if given is not None else default_journal_dir()).absolute()
