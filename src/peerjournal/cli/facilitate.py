"""`peerjournal facilitate FILE`: the facilitator's prompt set editor (live checks, preview)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.i18n import _


@app.command(
    "facilitate",
    help=_(
        "Edit a prompt set with its problems shown as you type and a preview of what "
        "participants will see. Ctrl+S saves the file."
    ),
)
def facilitate(
    file: Annotated[
        Path, typer.Argument(help=_("The prompt set Markdown file to edit."), show_default=False)
    ],
) -> None:
    """Edit a prompt set with its problems shown as you type and a preview of what participants
    will see. Ctrl+S saves the file."""
    from peerjournal.promptset.parse import read_text

    read_text(file)  # a missing, huge or non-UTF-8 file is one clear line, before any screen
    from peerjournal.tui.facilitate_app import run_facilitate

    run_facilitate(file)
