"""Commands to move in and out: import other journals, dump your own plaintext copy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import confirm, entry_json, open_journal, warn
from peerjournal.i18n import _, ngettext


@app.command(
    "import", help=_("Import entries (dates, titles and tags kept), all in one go or not at all.")
)
def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(help=_("A jrnl or Day One JSON export, or a folder of .md/.txt files.")),
    ],
    kind: Annotated[
        str, typer.Option("--format", help=_("auto, jrnl, dayone or folder."))
    ] = "auto",
) -> None:
    from peerjournal.transfer.importers import read_source

    items = read_source(source, kind)
    with (
        open_journal(ctx) as journal,
        typer.progressbar(length=len(items), label=_("Importing"), file=None) as bar,
    ):
        count = journal.entries.add_many(items, progress=lambda n: bar.update(1))
    typer.echo(
        ngettext("imported {count} entry", "imported {count} entries", count).format(count=count)
    )


@app.command(
    help=_("Write your whole journal UNENCRYPTED to DESTINATION: your own copy to keep or move.")
)
def dump(
    ctx: typer.Context,
    destination: Annotated[Path, typer.Argument(help=_("A new or empty folder."))],
    fmt: Annotated[
        str, typer.Option("--format", help=_("md (one file per entry) or json."))
    ] = "md",
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))
    ] = False,
) -> None:
    from peerjournal.errors import UsageError
    from peerjournal.transfer import dump as dumping

    if fmt not in ("md", "json"):
        raise UsageError(_("--format must be md or json, not “{format}”").format(format=fmt))
    with open_journal(ctx) as journal:
        confirm(
            _("Write an unencrypted copy of your journal?"),
            yes,
            warning=_(
                "this writes every entry as plain, unencrypted text. Anyone who can open {path} "
                "can read it. Delete it safely when you are done."
            ).format(path=destination),
        )
        with dumping.into(destination) as folder:
            if not folder.keeps_permissions:
                warn(dumping.PLAINTEXT_NOT_PROTECTED)
            entries = journal.entries.iter_all()
            if fmt == "md":
                count = dumping.dump_markdown(entries, folder.path)
            else:
                count = dumping.dump_json((entry_json(e) for e in entries), folder.path)
    typer.echo(
        ngettext("wrote {count} entry to {path}", "wrote {count} entries to {path}", count).format(
            count=count, path=folder.path
        )
    )
