"""Researchers' commands: `research keygen` (a study key), `research merge` (exports -> data)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app

research = typer.Typer(
    help="For researchers: make a study key, merge participants' exports.",
    no_args_is_help=True,
)
app.add_typer(research, name="research")


@research.command("keygen")
def keygen(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Identity file to create (never replaced).")
    ],
) -> None:
    """Create an age identity file (mode 0600) and print its public key for the prompt set."""
    from peerjournal.research.keys import study_block_hint, write_identity_file

    identity = write_identity_file(output)
    typer.echo(f"Public key: {identity.public}")
    typer.echo(study_block_hint(identity.public))
    typer.echo(f"Keep {output} secret and backed up: without it no export can be opened.")


@research.command("merge")
def merge(
    exports: Annotated[
        list[Path],
        typer.Argument(help="Export files (.age or plaintext).", exists=True, dir_okay=False),
    ],
    identity: Annotated[
        Path,
        typer.Option(
            "--identity", "-i", help="The study's age identity file.", exists=True, dir_okay=False
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the merged files.")],
) -> None:
    """Decrypt, check and merge exports: newest snapshot per participant, withdrawals applied."""
    from peerjournal.export.seal import load_identities
    from peerjournal.research.merge import merge_bundles, open_export, summary, write_outputs

    identities = load_identities(identity)
    bundles = [open_export(path.read_bytes(), identities, str(path)) for path in exports]
    result = merge_bundles(bundles)
    write_outputs(result, output)
    typer.echo(summary(result, output))
