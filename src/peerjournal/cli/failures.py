"""Turn every way a command can fail into one line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Callable
from typing import Any

import click
import typer

from peerjournal.errors import Cancelled, ConsentNeeded, EntryNotFound, PeerJournalError
from peerjournal.i18n import _

EXIT_INTERRUPTED = 130
EXIT_BUG = 70
# Line breaks and runs of ordinary spaces, not every Unicode space: French keeps its no-break
# spaces before a colon and inside guillemets (str.split() would turn them into plain spaces).
_BREAKS = re.compile("[ \t\n\r\f\v\x1c-\x1f\x85\u2028\u2029]+")


def error_line(message: str) -> None:
    """Print one line on stderr, the only form in which errors reach a terminal."""
    one_line = _BREAKS.sub(" ", str(message)).strip()
    sys.stderr.write(_("peerjournal: error: {message}").format(message=one_line) + "\n")
    sys.stderr.flush()


def cli_message(exc: PeerJournalError) -> str:
    """A domain error's line, with what only the command line can add (which command helps)."""
    if isinstance(exc, EntryNotFound):
        return _("{message} (ids are shown by `peerjournal list`)").format(message=exc.message)
    if isinstance(exc, ConsentNeeded):  # the app shows the consent text itself
        return _("{message}: `peerjournal consent`").format(message=exc.message)
    return exc.message


def run_guarded(invoke: Callable[[], Any]) -> int:
    """Run the command group non-standalone and return its exit code, printing any failure once."""
    try:
        result = invoke()
        return result if isinstance(result, int) else 0
    except PeerJournalError as exc:
        error_line(cli_message(exc))
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        error_line(Cancelled().message)
        return EXIT_INTERRUPTED
    except click.exceptions.NoArgsIsHelpError as exc:  # `peerjournal terms`: its help, no error
        shown = exc.format_message()  # Rich has already printed it; plain Click returns it
        if shown.strip():
            typer.echo(shown)
        return 0
    except click.ClickException as exc:
        error_line(_("{message} (see --help)").format(message=exc.format_message()))
        return exc.exit_code
    except KeyboardInterrupt:
        error_line(_("interrupted; nothing partial was saved"))
        return EXIT_INTERRUPTED
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return 0
        from peerjournal.journal import describe_os_error

        error_line(describe_os_error(exc))
        return 1
    except Exception as exc:  # the last wall: a bug must still not print content or a traceback
        error_line(
            _(
                "unexpected problem ({kind}); nothing partial was saved. "
                "Please report it (see SECURITY.md)"
            ).format(kind=type(exc).__name__)
        )
        return EXIT_BUG
