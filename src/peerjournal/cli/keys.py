"""Commands for the journal's secrets: init, passwd, recovery-code, rekey."""

from __future__ import annotations

from typing import Annotated

import typer

from peerjournal.cli.app import app, globals_of
from peerjournal.cli.common import (
    confirm,
    journal_dir,
    new_passphrase,
    open_journal,
    passphrase,
    read_secret_file,
    warn,
)

RECOVERY_WARNING = (
    "Write this recovery code down now and keep it somewhere safe, apart from this computer.\n"
    "It is shown only this once. Without it, a forgotten passphrase means your entries are lost."
)


def show_recovery_code(code: str) -> None:
    typer.echo("")
    typer.echo(f"    {code}")
    typer.echo("")
    typer.echo(RECOVERY_WARNING)


@app.command()
def init(
    ctx: typer.Context,
    recovery_code: Annotated[
        bool,
        typer.Option(
            "--recovery-code/--no-recovery-code",
            help="Make a recovery code (shown once) to reset a forgotten passphrase.",
        ),
    ] = False,
    kdf_memory_mib: Annotated[
        int, typer.Option("--kdf-memory-mib", help="Argon2id memory in MiB (at least 19).", min=1)
    ] = 64,
    kdf_passes: Annotated[
        int, typer.Option("--kdf-passes", help="Argon2id passes (at least 2).", min=1)
    ] = 3,
) -> None:
    """Create a new encrypted journal."""
    from peerjournal.journal import Journal, KdfParams, zero

    directory = journal_dir(ctx)
    kdf = KdfParams(memory_kib=kdf_memory_mib * 1024, iterations=kdf_passes)
    kdf.check_floor()
    if Journal.exists(directory):
        from peerjournal.errors import JournalExists

        raise JournalExists(directory)
    spec = globals_of(ctx).passphrase_file
    secret = read_secret_file(spec) if spec else new_passphrase(None)
    offer = recovery_code
    if not spec and not recovery_code:
        offer = typer.confirm(
            "Make a recovery code, in case you forget your passphrase?", default=True
        )
    try:
        journal, code = Journal.create(directory, secret, kdf=kdf, with_recovery_code=offer)
    finally:
        zero(secret)
    with journal:
        typer.echo(f"Created an encrypted journal in {directory}")
        for warning in journal.warnings:
            warn(warning)
        if code:
            show_recovery_code(code)


@app.command()
def passwd(
    ctx: typer.Context,
    new_passphrase_file: Annotated[
        str | None,
        typer.Option(
            "--new-passphrase-file", help="Read the new passphrase from this file ('-' for stdin)."
        ),
    ] = None,
    recovery_code_file: Annotated[
        str | None,
        typer.Option(
            "--recovery-code-file",
            help="Forgot the passphrase? Unlock with the recovery code in this file ('-': stdin).",
        ),
    ] = None,
) -> None:
    """Change the passphrase (instant: your entries are not re-encrypted)."""
    from peerjournal.journal import Journal, zero

    if recovery_code_file:
        directory = journal_dir(ctx)
        Journal.check_openable(directory)
        code = read_secret_file(recovery_code_file, "recovery code")
        try:
            journal = Journal.open_with_recovery_code(directory, code.decode("utf-8"))
        finally:
            zero(code)
        with journal:
            _set_passphrase(journal, new_passphrase_file)
        return
    with open_journal(ctx) as journal:
        _set_passphrase(journal, new_passphrase_file)


def _set_passphrase(journal, spec: str | None) -> None:
    from peerjournal.journal import zero

    secret = new_passphrase(spec)
    try:
        journal.change_passphrase(secret)
    finally:
        zero(secret)
    typer.echo("Passphrase changed; the old one no longer opens this journal.")


@app.command("recovery-code")
def recovery_code_cmd(
    ctx: typer.Context,
    remove: Annotated[
        bool, typer.Option("--remove", help="Remove the recovery code instead.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Make a recovery code, or replace the old one (which then stops working)."""
    with open_journal(ctx) as journal:
        if remove:
            confirm(
                "Remove the recovery code? A forgotten passphrase will then mean lost entries", yes
            )
            journal.remove_recovery_code()
            typer.echo("Recovery code removed.")
            return
        if journal.has_recovery_code:
            confirm("Replace the recovery code? The old one will stop working", yes)
        show_recovery_code(journal.new_recovery_code())


@app.command()
def rekey(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Re-encrypt the journal under a new data key (if your passphrase or key file may have leaked).

    Old copies of the key file, and old backups, stop opening this journal. Combine with
    `peerjournal passwd` to also choose a new passphrase.
    """
    from peerjournal.journal import Journal, zero

    directory = journal_dir(ctx)
    Journal.check_openable(directory)
    secret = passphrase(ctx)
    try:
        with Journal.open(directory, secret) as journal:
            confirm("Re-encrypt the whole journal with a new key now?", yes)
            code = journal.rekey(secret)
    finally:
        zero(secret)
    typer.echo(
        "The journal is re-encrypted with a new key. Make a fresh backup: older backups "
        "and key files no longer open it."
    )
    if code:
        warn("your old recovery code no longer works; here is the new one")
        show_recovery_code(code)
