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
from peerjournal.i18n import _

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
        raise InvalidInput(_("the {what} is not valid UTF-8 text").format(what=what)) from None


def read_secret_file(spec: str, what: str | None = None) -> bytearray:
    """One line from a file ('-' for stdin), without its line ending, as bytes for the KDF."""
    what = what or _("passphrase")
    if spec == "-":
        line = sys.stdin.buffer.readline()
    else:
        try:
            with open(spec, "rb") as handle:
                line = handle.readline()
        except FileNotFoundError:
            raise UsageError(
                _("{what} file not found: {path}").format(what=what, path=spec)
            ) from None
        except IsADirectoryError:
            raise UsageError(
                _("{what} file is a folder: {path}").format(what=what, path=spec)
            ) from None
        except PermissionError:
            raise UsageError(
                _("cannot read the {what} file {path}: permission denied").format(
                    what=what, path=spec
                )
            ) from None
    text = _decode(line, what).rstrip("\r\n")
    if not text:
        raise InvalidInput(_("the {what} is empty").format(what=what))
    return bytearray(text.encode("utf-8"))


def ask_secret(prompt: str) -> bytearray:
    """Ask on the terminal without echo; refuse when there is no terminal to ask on."""
    if not sys.stdin.isatty():
        raise UsageError(
            _(
                "no terminal to ask for the passphrase on; use --passphrase-file FILE "
                "('-' for stdin)"
            )
        )
    text = getpass.getpass(prompt)
    if not text:
        raise InvalidInput(_("the passphrase is empty"))
    return bytearray(text.encode("utf-8"))


def passphrase(ctx: typer.Context, prompt: str | None = None) -> bytearray:
    spec = globals_of(ctx).passphrase_file
    return read_secret_file(spec) if spec else ask_secret(prompt or _("Passphrase: "))


def new_passphrase(spec: str | None, *, confirm: bool = True, what: str | None = None) -> bytearray:
    """A new passphrase from a file, or typed twice on the terminal; the shared length rule
    (peerjournal.rules) applies to both, as it does in the app."""
    from peerjournal import rules

    if spec:
        secret = read_secret_file(spec, what)
        rules.new_passphrase(secret)
        return secret
    first = ask_secret(_("New passphrase: "))
    rules.new_passphrase(first)
    if confirm:
        second = ask_secret(_("Type it again: "))
        if first != second:
            raise InvalidInput(_("the two passphrases differ; nothing was changed"))
    return first


PASSPHRASE_TRIES = 3


def unlock(ctx: typer.Context) -> Journal:
    """Open the journal, asking up to three times on a terminal (a file is read once).

    Asked before anything else is typed, so a mistyped passphrase never costs a written entry.
    """
    from peerjournal.errors import WrongPassphrase
    from peerjournal.journal import Journal, zero

    directory = journal_dir(ctx)
    Journal.check_openable(directory)  # say what is wrong before asking for a passphrase
    tries = 1 if globals_of(ctx).passphrase_file else PASSPHRASE_TRIES
    for attempt in range(1, tries + 1):
        secret = passphrase(ctx)
        try:
            return Journal.open(directory, secret)
        except WrongPassphrase:
            if attempt == tries:
                raise
            typer.echo(_("That passphrase does not open this journal; try again."), err=True)
        finally:
            zero(secret)
    raise AssertionError("unreachable")  # the last try returns or raises


@contextmanager
def open_journal(ctx: typer.Context) -> Iterator[Journal]:
    """The unlocked journal for this command; closed (key zeroed, lock released) afterwards."""
    journal = unlock(ctx)
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


def note_history(option: str) -> None:
    """Say, once, that content given as an argument stays in the shell history and is visible in
    the process list. Only a person at a terminal has typed it; a script's log is its own."""
    if sys.stderr.isatty():
        warn(
            _(
                "what you gave with {option} stays in your shell history and was visible to "
                "other programs; next time leave it out and type it when asked (or pipe it in)"
            ).format(option=option)
        )


def read_text(text: str | None, what: str | None = None) -> str:
    """Text from `--text`, else all of stdin (strict UTF-8)."""
    if text is not None:
        note_history("--text")
        return text
    if sys.stdin.isatty():
        typer.echo(_("Write your entry; end with Ctrl+D on a new line."), err=True)
    return _decode(sys.stdin.buffer.read(), what or _("entry text"))


def ask_line(prompt: str, *, hidden: bool = True) -> str:
    """One line typed on the terminal (not echoed when `hidden`), or read from stdin.

    For what a person would rather not leave in the shell history: a name to hide, a search.
    """
    if sys.stdin.isatty():
        value = getpass.getpass(prompt) if hidden else input(prompt)
    else:
        value = _decode(sys.stdin.buffer.readline(), _("input")).rstrip("\r\n")
    if not value.strip():
        raise InvalidInput(_("nothing was typed; nothing was done"))
    return value


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            _("{option} needs a date like 2026-03-31, not “{value}”").format(
                option=option, value=value
            )
        ) from None


def confirm(question: str, assume_yes: bool, warning: str | None = None) -> None:
    """Ask before something that cannot be undone; without a terminal, require --yes.

    `warning` is shown whenever the action goes ahead or is asked about, never before a refusal,
    so a refused command still prints exactly one line.
    """
    if not assume_yes and not sys.stdin.isatty():
        raise UsageError(_("this needs confirmation: run it in a terminal or add --yes"))
    if warning:
        warn(warning)
    if assume_yes:
        return
    if not yes_no(question, default=False):
        raise Cancelled()


def _words(listed: str) -> set[str]:
    return {w.strip().casefold() for w in listed.split(",") if w.strip()}


def yes_no(question: str, default: bool = False) -> bool:
    """Ask a yes/no question in the person's language: French answers « o » or « oui » (Click's
    own confirm knows only y/yes/n/no). English answers are understood in every language."""
    # Translators: the answers that mean yes, separated by commas (the first is shown).
    yes = _words(_("y,yes")) | {"y", "yes"}
    # Translators: the answers that mean no, separated by commas (the first is shown).
    no = _words(_("n,no")) | {"n", "no"}
    hint = _("[Y/n]") if default else _("[y/N]")
    while True:
        answer = ask(f"{question} {hint}")
        said = answer.strip().casefold()
        if not said:
            return default
        if said in yes or said in no:
            return said in yes
        words = [w.strip() for w in f"{_('y,yes')},{_('n,no')}".split(",") if w.strip()]
        typer.echo(
            _("Please answer with one of: {answers}.").format(answers=", ".join(words)), err=True
        )


def ask(prompt: str) -> str:
    """One answer typed after `prompt` ("" for Enter), ended the way the language writes it: a
    colon (French puts a no-break space before it), none after a question mark."""
    if not prompt.rstrip().endswith("?"):
        # Translators: a prompt waiting for an answer on the same line ("Your choice:").
        prompt = _("{prompt}:").format(prompt=prompt)
    return str(typer.prompt(prompt, default="", show_default=False, prompt_suffix=" "))


def warn(message: str) -> None:
    """A note on stderr. Constants marked N_ (a stick without permissions) are translated here;
    a message already translated passes through unchanged."""
    typer.echo(_("peerjournal: note: {message}").format(message=_(message)), err=True)


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
