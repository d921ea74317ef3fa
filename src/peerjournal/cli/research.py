"""Researchers' commands: `research keygen` (a study key), `research merge` (exports -> data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.i18n import _

research = typer.Typer(
    help=_("For researchers: make a study key, merge participants' exports."),
    no_args_is_help=True,
    suggest_commands=False,
)
app.add_typer(research, name="research")


# The arguments `merge` and `report` share.
Exports = Annotated[
    list[Path],
    typer.Argument(help=_("Export files (.age or plaintext)."), exists=True, dir_okay=False),
]
Identity = Annotated[
    Path,
    typer.Option(
        "--identity", "-i", help=_("The study's age identity file."), exists=True, dir_okay=False
    ),
]


@research.command(
    "keygen",
    help=_("Create an age identity file (mode 0600) and print its public key for the prompt set."),
)
def keygen(
    output: Annotated[
        Path, typer.Option("--output", "-o", help=_("Identity file to create (never replaced)."))
    ],
) -> None:
    from peerjournal.research.keys import study_block_hint, write_identity_file

    identity = write_identity_file(output)
    typer.echo(_("Public key: {key}").format(key=identity.public))
    typer.echo(study_block_hint(identity.public))
    typer.echo(
        _("Keep {path} secret and backed up: without it no export can be opened.").format(
            path=output
        )
    )


@research.command(
    "merge",
    help=_(
        "Decrypt, check and merge exports: newest snapshot per participant, withdrawals applied. "
        "Each participant code is pinned to the signing key of its first export (kept in "
        "participant_keys.csv in the output folder); an export signed by another key is refused "
        "and reported, and the command then exits with status 3."
    ),
)
def merge(
    exports: Exports,
    identity: Identity,
    output: Annotated[Path, typer.Option("--output", "-o", help=_("Folder for the merged files."))],
    accept_unsigned: Annotated[
        bool,
        typer.Option(
            "--accept-unsigned",
            help=_(
                "Also merge unsigned exports (format version 1) of participants who never "
                "signed one."
            ),
        ),
    ] = False,
    excel_bom: Annotated[
        bool,
        typer.Option(
            "--excel-bom",
            help=_("Start every CSV with a UTF-8 byte-order mark, so Excel opens accents right."),
        ),
    ] = False,
    parquet: Annotated[
        bool,
        typer.Option(
            "--parquet",
            help=_(
                "Also write entries, feedback and feedback_wide as typed Parquet files "
                "(needs the parquet extra: pip install 'peerjournal[parquet]')."
            ),
        ),
    ] = False,
) -> None:
    """Decrypt, check and merge exports: newest snapshot per participant, withdrawals applied.

    Each participant code is pinned to the signing key of its first export (kept in
    participant_keys.csv in the output folder); an export signed by another key is refused and
    reported, and the command then exits with status 3.
    """
    from peerjournal.export.seal import load_identities
    from peerjournal.research.merge import merge_bundles, read_export_file, summary, write_outputs
    from peerjournal.research.pins import PINS_FILE, read_pins, screen

    identities = load_identities(identity)
    received = [read_export_file(path, identities) for path in exports]
    screened = screen(received, read_pins(output / PINS_FILE), accept_unsigned)
    for refusal in screened.refused:
        typer.echo(refusal.line(), err=True)
    result = merge_bundles(screened.accepted, screened.refused, screened.pins)
    write_outputs(result, output, bom=excel_bom, parquet=parquet)
    typer.echo(summary(result, output))
    if result.refused:
        raise typer.Exit(3)


@research.command(
    "report",
    help=_(
        "Write one self-contained HTML page of the feedback: charts and counts, small cells "
        "hidden. The same checks as merge: newest snapshot per participant, withdrawals and "
        "refused exports left out (exit status 3 when any was refused)."
    ),
)
def report(
    exports: Exports,
    identity: Identity,
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The HTML file to write."))],
    pins: Annotated[
        Path | None,
        typer.Option(
            "--pins",
            help=_("participant_keys.csv of an earlier merge (pins each code to its key)."),
            dir_okay=False,
        ),
    ] = None,
    min_count: Annotated[
        int, typer.Option("--min-count", min=2, help=_("Counts under this are shown as <N."))
    ] = 5,
    accept_unsigned: Annotated[
        bool, typer.Option("--accept-unsigned", help=_("Also use unsigned (version 1) exports."))
    ] = False,
) -> None:
    """Write one self-contained HTML page of the feedback: charts and counts, small cells hidden.

    The same checks as merge: newest snapshot per participant, withdrawals and refused
    exports left out (exit status 3 when any was refused).
    """
    from peerjournal.export.seal import load_identities
    from peerjournal.research.merge import merge_bundles, read_export_file
    from peerjournal.research.pins import read_pins, screen
    from peerjournal.research.report import report_html, write_report

    identities = load_identities(identity)
    received = [read_export_file(path, identities) for path in exports]
    screened = screen(received, read_pins(pins) if pins else {}, accept_unsigned)
    for refusal in screened.refused:
        typer.echo(refusal.line(), err=True)
    result = merge_bundles(screened.accepted, screened.refused, screened.pins)
    html = report_html(result.study_id, result.participants, min_count)
    write_report(output, html)
    typer.echo(_("wrote the report to {path}").format(path=output))
    if result.refused:
        raise typer.Exit(3)
