"""What the command modules share: opening the journal, reading secrets and text, printing JSON."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from peerjournal.cli.app import globals_of
from peerjournal.errors import Cancelled, InvalidInput, UsageError

if TYPE_CHECKING:
    from peerjournal.journal import Journal
    from peerjournal.model import Entry


def journal_dir(ctx: typer.Context) -> Path:
    from peerjournal.paths import resolve_journal_dir

    return resolve_journal_dir(globals_of(ctx).journal_dir)


def _decode(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"the {what} is not valid UTF-8 text") from None


def read_secret_file(spec: str, what: str = "passphrase") -> bytearray:
    """One line from a file ('-' for stdin), without its line ending, as bytes for the KDF."""
    if spec == "-":
        line = sys.stdin.buffer.readline()
    else:
        try:
            with open(spec, "rb") as handle:
                line = handle.readline()
        except FileNotFoundError:
            raise UsageError(f"{what} file not found: {spec}") from None
        except IsADirectoryError:
            raise UsageError(f"{what} file is a folder: {spec}") from None
        except PermissionError:
            raise UsageError(f"cannot read the {what} file {spec}: permission denied") from None
    text = _decode(line, what).rstrip("\r\n")
    if not text:
        raise InvalidInput(f"the {what} is empty")
    return bytearray(text.encode("utf-8"))


def ask_secret(prompt: str) -> bytearray:
    """Ask on the terminal without echo; refuse when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        raise UsageError(
            "no terminal to ask for the passphrase on; use --passphrase-file FILE ('-' for stdin)"
        )
    text = getpass.getpass(prompt)
    if not text:
        raise InvalidInput("the passphrase is empty")
    return bytearray(text.encode("utf-8"))


def passphrase(ctx: typer.Context, prompt: str = "Passphrase: ") -> bytearray:
    spec = globals_of(ctx).passphrase_file
    return read_secret_file(spec) if spec else ask_secret(prompt)


def new_passphrase(spec: str | None, *, confirm: bool = True) -> bytearray:
    """A new passphrase from a file, or typed twice on the terminal."""
    if spec:
        return read_secret_file(spec, "new passphrase")
    first = ask_secret("New passphrase: ")
    if confirm:
        second = ask_secret("Type it again: ")
        if first != second:
            raise InvalidInput("the two passphrases differ; nothing was changed")
    return first


@contextmanager
def open_journal(ctx: typer.Context) -> Iterator[Journal]:
    """The unlocked journal for this command; closed (key zeroed, lock released) afterwards."""
    from peerjournal.journal import Journal, zero

    directory = journal_dir(ctx)
    Journal.check_openable(directory)  # say what is wrong before asking for a passphrase
    secret = passphrase(ctx)
    try:
        journal = Journal.open(directory, secret)
    finally:
        zero(secret)
    try:
        from peerjournal.i18n import set_language

        set_language(journal.ui_language())  # the person's choice, once the journal can say it
        shown = list(journal.warnings)
        for warning in shown:
            warn(warning)
        yield journal
        for warning in journal.warnings:  # what the command itself found (a stick, say)
            if warning not in shown:
                warn(warning)
    finally:
        journal.close()


def read_text(text: str | None, what: str = "entry text") -> str:
    """Text from `--text`, else all of stdin (strict UTF-8)."""
    if text is not None:
        return text
    if sys.stdin.isatty():
        typer.echo("Write your entry; end with Ctrl+D on a new line.", err=True)
    return _decode(sys.stdin.buffer.read(), what)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} needs a date like 2026-03-31, not {value!r}") from None


def confirm(question: str, assume_yes: bool, warning: str | None = None) -> None:
    """Ask before something that cannot be undone; without a terminal, require --yes.

    `warning` is shown whenever the action goes ahead or is asked about, never before a refusal,
    so a refused command still prints exactly one line.
    """
    if not assume_yes and not sys.stdin.isatty():
        raise UsageError("this needs confirmation: run it in a terminal or add --yes")
    if warning:
        warn(warning)
    if assume_yes:
        return
    if not typer.confirm(question, default=False):
        raise Cancelled()


def warn(message: str) -> None:
    typer.echo(f"peerjournal: note: {message}", err=True)


def entry_json(entry: Entry) -> dict[str, Any]:
    """The stable JSON form of an entry (documented in docs/cli-json.md)."""
    from peerjournal import clock

    return {
        "id": entry.id,
        "created_at": clock.to_db(entry.created_at),
        "updated_at": clock.to_db(entry.updated_at),
        "title": entry.title,
        "body": entry.body,
        "tags": list(entry.tags),
        "mood": entry.mood,
        "session": entry.session_number,
        "prompt": entry.prompt_key,
        "prompt_text": entry.prompt_text,
        "prompt_set": entry.prompt_set_id,
        "prompt_set_version": entry.prompt_set_version,
        "shared": entry.shared,
        "word_count": entry.word_count,
    }


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False))
