"""What `peerjournal` with no command does: open the TUI when it is installed, else show help."""

from __future__ import annotations

import click
import typer

from peerjournal.cli.app import Globals


def launch_default(options: Globals) -> None:
    """Open the journal app on the chosen journal (the TUI lands in its own issue)."""
    try:
        from peerjournal.tui.app import run_app
    except ImportError:
        ctx = click.get_current_context()
        typer.echo(ctx.get_help())
        raise typer.Exit() from None
    run_app(options.journal_dir)
