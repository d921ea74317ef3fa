"""The typer application object and the options every command shares.

Command modules (`entries`, `keys`, `maintenance`, `prompts`, `redact`, `research`...) import `app`
from here and register themselves; `main.py` imports them all and runs the app. Nothing heavy
(SQLCipher, Textual) is imported at module level, so `--help` and completion stay fast.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from peerjournal.cli.click_words import speak_our_language
from peerjournal.i18n import _, use_environment_language

# Before any command module is imported: their help texts are translated as they are defined.
use_environment_language()
speak_our_language()


# Options of the whole program that people also type after the command name (`list --journal X`).
GLOBAL_OPTIONS = {"--journal": True, "-j": True, "--passphrase-file": True}


def hoist_global_options(args: list[str]) -> list[str]:
    """`args` with the global options moved before the command name, wherever they were typed."""
    front, rest = split_global_options(args)
    return front + rest


def split_global_options(args: list[str]) -> tuple[list[str], list[str]]:
    """The global options in `args` (wherever they were typed), and everything else.

    Click only knows a group's options before its subcommand; people type `peerjournal list
    --journal X` too. Everything after `--` is left alone (it may be a file named `--journal`).
    """
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_OPTIONS and arg.startswith("--") and "=" in arg:
            front.append(arg)
        elif arg in GLOBAL_OPTIONS and i + 1 < len(args):
            front += args[i : i + 2]
            i += 1
        else:
            rest.append(arg)
        i += 1
    return front, rest


class PeerJournalGroup(TyperGroup):
    """The root command group: every failure ends as one line on stderr and an exit code.

    Done here rather than around `app()` so that `CliRunner`, `python -m peerjournal` and the
    console script all behave the same.
    """

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        from peerjournal.cli.click_words import translate_usage
        from peerjournal.cli.failures import run_guarded

        given = list(sys.argv[1:] if args is None else args)
        translate_usage(self)
        if self._may_show_help(given):
            from peerjournal.cli.click_words import (
                speak_our_language_in_help,
                translate_completion_help,
            )

            speak_our_language_in_help()
            translate_completion_help(self.params)
        code = run_guarded(
            lambda: super(PeerJournalGroup, self).main(
                args=hoist_global_options(given),
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
        )
        if standalone_mode:
            sys.exit(code)
        return code

    def _may_show_help(self, args: list[str]) -> bool:
        """True for --help, and for a group named alone (`peerjournal terms` shows its help)."""
        import click

        if "--help" in args or "-h" in args:
            return True
        alone = [a for a in split_global_options(args)[1] if not a.startswith("-")]
        return len(alone) == 1 and isinstance(self.commands.get(alone[0]), click.Group)


app = typer.Typer(
    cls=PeerJournalGroup,
    name="peerjournal",
    help=_(
        "A private, encrypted journal for peer health education programs. With no command, "
        "opens the journal app. Options such as --journal work before or after the command."
    ),
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
    suggest_commands=False,  # Click suggests already, in our language (Typer: English)
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Globals:
    """Options given before the command, shared by every command through the click context."""

    journal_dir: Path | None = None
    passphrase_file: str | None = None


def globals_of(ctx: typer.Context) -> Globals:
    """The `Globals` of the running command (set by `main_callback`)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Globals):
        root.obj = Globals()
    return root.obj


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    journal: Annotated[
        Path | None,
        typer.Option(
            "--journal",
            "-j",
            envvar="PEERJOURNAL_DIR",
            help=_("Journal directory (default: your user data folder). Env: PEERJOURNAL_DIR."),
            show_default=False,
        ),
    ] = None,
    passphrase_file: Annotated[
        str | None,
        typer.Option(
            "--passphrase-file",
            envvar="PEERJOURNAL_PASSPHRASE_FILE",
            help=_(
                "Read the passphrase from this file ('-': one line from stdin) instead of asking."
            ),
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", help=_("Print the version and exit."))
    ] = False,
) -> None:
    """A private, encrypted journal. With no command, opens the journal app."""
    ctx.obj = Globals(journal_dir=journal, passphrase_file=passphrase_file)
    if version:
        from peerjournal import __version__

        typer.echo(f"peerjournal {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        from peerjournal.cli.launch import launch_default

        launch_default(ctx.obj)
