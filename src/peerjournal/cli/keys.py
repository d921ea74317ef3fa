"""Commands for the journal's secrets: init, passwd, recovery-code, rekey."""

from __future__ import annotations

import sys
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
    yes_no,
)
from peerjournal.i18n import _

PrintCode = Annotated[
    bool,
    typer.Option(
        "--print-code",
        help=_(
            "Print a new recovery code to standard output even on a terminal (where it is "
            "otherwise shown on a separate screen that leaves nothing in the scrollback)."
        ),
    ),
]


def recovery_warning() -> str:
    return _(
        "Write this recovery code down now and keep it somewhere safe, apart from this "
        "computer.\nIt is shown only this once. Without it, a forgotten passphrase means your "
        "entries are lost."
    )


def show_recovery_code(code: str, to_stdout: bool = False) -> None:
    """Show a new recovery code once, where the scrollback cannot keep it.

    On a terminal it is shown on the alternate screen until Enter, then the screen is restored
    without it. With `--print-code`, or when standard output is a pipe or a file (the caller's
    choice, no scrollback), it is printed there.
    """
    if to_stdout or not sys.stdout.isatty():
        typer.echo(f"\n    {code}\n\n{recovery_warning()}")
        return
    from rich.console import Console

    console = Console(highlight=False)
    with console.screen():
        console.print(f"\n\n    {code}\n\n{recovery_warning()}\n", markup=False)
        console.print(_("Press Enter once you have written it down."), markup=False, end="")
        _wait_for_enter()
    typer.echo(_("The recovery code was shown once; it is not kept on the screen."))


def _wait_for_enter() -> None:
    """Read one line from the terminal, even when stdin carries the passphrase."""
    if sys.stdin.isatty():
        sys.stdin.readline()
        return
    try:
        with open("/dev/tty") as tty:
            tty.readline()
    except OSError:
        pass  # no terminal to read from: the code stays shown until the screen is left


@app.command(help=_("Create a new encrypted journal."))
def init(
    ctx: typer.Context,
    recovery_code: Annotated[
        bool,
        typer.Option(
            "--recovery-code/--no-recovery-code",
            help=_("Make a recovery code (shown once) to reset a forgotten passphrase."),
        ),
    ] = False,
    kdf_memory_mib: Annotated[
        int,
        typer.Option("--kdf-memory-mib", help=_("Argon2id memory in MiB (at least 19)."), min=1),
    ] = 64,
    kdf_passes: Annotated[
        int, typer.Option("--kdf-passes", help=_("Argon2id passes (at least 2)."), min=1)
    ] = 3,
    print_code: PrintCode = False,
) -> None:
    from peerjournal.journal import Journal, KdfParams, zero

    directory = journal_dir(ctx)
    kdf = KdfParams(memory_kib=kdf_memory_mib * 1024, iterations=kdf_passes)
    kdf.check_floor()
    if Journal.exists(directory):
        from peerjournal.errors import JournalExists

        raise JournalExists(directory)
    secret = new_passphrase(globals_of(ctx).passphrase_file)
    offer = recovery_code
    if not globals_of(ctx).passphrase_file and not recovery_code:
        offer = yes_no(_("Make a recovery code, in case you forget your passphrase?"), default=True)
    try:
        journal, code = Journal.create(directory, secret, kdf=kdf, with_recovery_code=offer)
    finally:
        zero(secret)
    with journal:
        typer.echo(_("Created an encrypted journal in {path}").format(path=directory))
        for warning in journal.warnings:
            warn(warning)
        if code:
            show_recovery_code(code, print_code)


@app.command(help=_("Change the passphrase (instant: your entries are not re-encrypted)."))
def passwd(
    ctx: typer.Context,
    new_passphrase_file: Annotated[
        str | None,
        typer.Option(
            "--new-passphrase-file",
            help=_("Read the new passphrase from this file ('-' for stdin)."),
        ),
    ] = None,
    recovery_code_file: Annotated[
        str | None,
        typer.Option(
            "--recovery-code-file",
            help=_(
                "Forgot the passphrase? Unlock with the recovery code in this file ('-': stdin)."
            ),
        ),
    ] = None,
) -> None:
    from peerjournal.journal import Journal, zero

    if recovery_code_file:
        directory = journal_dir(ctx)
        Journal.check_openable(directory)
        code = read_secret_file(recovery_code_file, _("recovery code"))
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

    secret = new_passphrase(spec, what=_("new passphrase"))
    try:
        journal.change_passphrase(secret)
    finally:
        zero(secret)
    typer.echo(
        _(
            "Passphrase changed: the old one no longer opens this journal's key file. A copy of "
            "the key file made before now (in a backup, say) still opens with the old "
            "passphrase; if the old passphrase may be known to someone, run `peerjournal rekey` "
            "too, so that older copies open nothing."
        )
    )


YesFlag = Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))]


@app.command(
    "recovery-code",
    help=_("Make a recovery code, or replace the old one (which then stops working)."),
)
def recovery_code_cmd(
    ctx: typer.Context,
    remove: Annotated[
        bool, typer.Option("--remove", help=_("Remove the recovery code instead."))
    ] = False,
    yes: YesFlag = False,
    print_code: PrintCode = False,
) -> None:
    with open_journal(ctx) as journal:
        if remove:
            confirm(
                _("Remove the recovery code? A forgotten passphrase will then mean lost entries"),
                yes,
            )
            journal.remove_recovery_code()
            typer.echo(_("Recovery code removed."))
            return
        if journal.has_recovery_code:
            confirm(_("Replace the recovery code? The old one will stop working"), yes)
        show_recovery_code(journal.new_recovery_code(), print_code)


@app.command(
    help=_(
        "Re-encrypt the journal under a new data key (if your passphrase or key file may have "
        "leaked). Old copies of the key file, and old backups, stop opening this journal. "
        "Combine with `peerjournal passwd` to also choose a new passphrase."
    )
)
def rekey(ctx: typer.Context, yes: YesFlag = False, print_code: PrintCode = False) -> None:
    from peerjournal.journal import Journal, zero

    directory = journal_dir(ctx)
    Journal.check_openable(directory)
    secret = passphrase(ctx)
    try:
        with Journal.open(directory, secret) as journal:
            confirm(_("Re-encrypt the whole journal with a new key now?"), yes)
            code = journal.rekey(secret)
    finally:
        zero(secret)
    typer.echo(
        _(
            "The journal is re-encrypted with a new key. Make a fresh backup: older backups "
            "and key files no longer open it."
        )
    )
    if code:
        warn(_("your old recovery code no longer works; here is the new one"))
        show_recovery_code(code, print_code)
