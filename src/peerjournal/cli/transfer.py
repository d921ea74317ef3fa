"""Commands to move in and out: import other journals, dump your own plaintext copy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import confirm, entry_json, open_journal, warn


@app.command("import")
def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(help="A jrnl or Day One JSON export, or a folder of .md/.txt files.")
    ],
    kind: Annotated[str, typer.Option("--format", help="auto, jrnl, dayone or folder.")] = "auto",
) -> None:
    """Import entries (dates, titles and tags kept), all in one go or not at all."""
    from peerjournal.transfer.importers import read_source

    items = read_source(source, kind)
    with (
        open_journal(ctx) as journal,
        typer.progressbar(length=len(items), label="Importing", file=None) as bar,
    ):
        count = journal.entries.add_many(items, progress=lambda n: bar.update(1))
    typer.echo(f"imported {count} entries")


@app.command()
def dump(
    ctx: typer.Context,
    destination: Annotated[Path, typer.Argument(help="A new or empty folder.")],
    fmt: Annotated[str, typer.Option("--format", help="md (one file per entry) or json.")] = "md",
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Write your whole journal UNENCRYPTED to DESTINATION: your own copy to keep or move."""
    from peerjournal.errors import UsageError
    from peerjournal.transfer import dump as dumping

    if fmt not in ("md", "json"):
        raise UsageError(f"--format must be md or json, not {fmt!r}")
    with open_journal(ctx) as journal:
        confirm(
            "Write an unencrypted copy of your journal?",
            yes,
            warning=f"this writes every entry as plain, unencrypted text. Anyone who can "
            f"open {destination} can read it. Delete it safely when you are done.",
        )
        with dumping.into(destination) as folder:
            if not folder.keeps_permissions:
                warn(dumping.PLAINTEXT_NOT_PROTECTED)
            entries = journal.entries.iter_all()
            if fmt == "md":
                count = dumping.dump_markdown(entries, folder.path)
            else:
                count = dumping.dump_json((entry_json(e) for e in entries), folder.path)
    typer.echo(f"wrote {count} entries to {folder.path}")
