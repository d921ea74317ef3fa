"""Entry point of the `peerjournal` command: registers every command module and turns errors into
one line on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations

import sys

import click

from peerjournal.cli.app import app
from peerjournal.errors import PeerJournalError

# Each import registers that module's commands on `app`. Keep them light at import time.
from peerjournal.cli import entries as _entries  # noqa: F401,E402
from peerjournal.cli import keys as _keys  # noqa: F401,E402
from peerjournal.cli import maintenance as _maintenance  # noqa: F401,E402


def error_line(message: str) -> None:
    """Print one line on stderr, the only form in which errors reach a terminal."""
    one_line = " ".join(str(message).split())
    sys.stderr.write(f"peerjournal: error: {one_line}\n")
    sys.stderr.flush()


def run(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code; every failure ends as a single line on stderr."""
    sys.exit(run_code(argv))


def run_code(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the testable part of `run`)."""
    try:
        result = app(args=argv, standalone_mode=False, prog_name="peerjournal")
        return result if isinstance(result, int) else 0
    except PeerJournalError as exc:
        error_line(exc.message)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        error_line("cancelled")
        return 130
    except click.ClickException as exc:
        error_line(exc.format_message())
        return exc.exit_code
    except KeyboardInterrupt:
        error_line("interrupted; nothing partial was saved")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        from peerjournal.vault.oserrors import describe_os_error

        error_line(describe_os_error(exc))
        return 1
    except Exception as exc:  # the last wall: a bug must still not print content or a traceback
        error_line(f"unexpected problem ({type(exc).__name__}); nothing partial was saved. "
                   "Please report it (see SECURITY.md)")
        return 70
