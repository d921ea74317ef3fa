"""Entry point of the `peerjournal` command: imports every command module (each registers its
commands on `app`) and runs the app."""

from __future__ import annotations

from peerjournal.cli import entries as _entries  # noqa: F401
from peerjournal.cli import export as _export  # noqa: F401
from peerjournal.cli import facilitate as _facilitate  # noqa: F401
from peerjournal.cli import keys as _keys  # noqa: F401
from peerjournal.cli import maintenance as _maintenance  # noqa: F401
from peerjournal.cli import program as _program  # noqa: F401
from peerjournal.cli import prompts as _prompts  # noqa: F401
from peerjournal.cli import redact as _redact  # noqa: F401
from peerjournal.cli import research as _research  # noqa: F401
from peerjournal.cli import transfer as _transfer  # noqa: F401
from peerjournal.cli.app import app


def run(argv: list[str] | None = None) -> None:
    """Run the CLI; `PeerJournalGroup.main` exits with the command's code."""
    app(args=argv, prog_name="peerjournal")
