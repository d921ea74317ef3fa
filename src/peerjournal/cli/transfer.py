"""Commands to move in and out: import other journals, dump your own plaintext copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import confirm, entry_json, open_journal, warn
from peerjournal.i18n import _, format_percent, ngettext


@app.command(
    "import", help=_("Import entries (dates, titles and tags kept), all in one go or not at all.")
)
def import_cmd(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(
            help=_(
                "A peerjournal JSON dump, a jrnl or Day One export (JSON, folder or zip), "
                "or a folder of .md/.txt notes."
            )
        ),
    ],
    kind: Annotated[
        str, typer.Option("--format", help=_("auto, peerjournal, jrnl, dayone or folder."))
    ] = "auto",
) -> None:
    from peerjournal.transfer.importers import read_source

    found = read_source(source, kind)
    items = found.entries
    bar = typer.progressbar(length=len(items), label=_("Importing"), file=None)
    # Click writes "42%" in every language; French writes "42 %" (set before it first shows).
    bar.format_pct = lambda: f"{format_percent(int(bar.pct * 100) / 100):>5}"  # type: ignore[method-assign]
    with open_journal(ctx) as journal, bar:
        count = journal.entries.add_many(items, progress=lambda n: bar.update(1))
    typer.echo(
        ngettext("imported {count} entry", "imported {count} entries", count).format(count=count)
    )
    if count < len(items):
        skipped = len(items) - count
        typer.echo(
            ngettext(
                "{count} entry was already in this journal and was left as it is",
                "{count} entries were already in this journal and were left as they are",
                skipped,
            ).format(count=skipped)
        )
    if found.left_out:
        typer.echo(left_out_line(found.left_out))


def left_out_line(left_out: Counter[str]) -> str:
    """One line saying what the source held that a journal does not keep."""
    parts = {
        "photos": ngettext("{count} photo", "{count} photos", left_out["photos"]),
        "videos": ngettext("{count} video", "{count} videos", left_out["videos"]),
        "audios": ngettext("{count} recording", "{count} recordings", left_out["audios"]),
        "pdfs": ngettext("{count} PDF", "{count} PDFs", left_out["pdfs"]),
        "locations": ngettext("{count} place", "{count} places", left_out["locations"]),
        "weather": ngettext(
            "{count} weather record", "{count} weather records", left_out["weather"]
        ),
        "time_zones": ngettext(
            "{count} time zone name (the times themselves are kept)",
            "{count} time zone names (the times themselves are kept)",
            left_out["time_zones"],
        ),
    }
    named = [text.format(count=left_out[kind]) for kind, text in parts.items() if left_out[kind]]
    return _("not imported: {things}").format(things=", ".join(named))


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
