"""`peerjournal redact`: find what could identify someone in text files (or stdin) and replace it.

Needs no journal and no passphrase: it reads plain text and prints the redacted text, or JSON
lines with the spans found (offsets into the original text).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.errors import InvalidInput
from peerjournal.i18n import _


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InvalidInput(
            _("{name}: line {line} is not valid UTF-8 text; save it as UTF-8").format(
                name=name, line=line
            )
        ) from None


def _read(name: str) -> str:
    """The text of one input: a file, or stdin for '-'."""
    if name == "-":
        return _decode(sys.stdin.buffer.read(), _("standard input"))
    path = Path(name)
    try:
        return _decode(path.read_bytes(), name)
    except FileNotFoundError:
        raise InvalidInput(_("no such file: {name}").format(name=name)) from None
    except IsADirectoryError:
        raise InvalidInput(_("{name} is a folder; give text files").format(name=name)) from None
    except PermissionError:
        raise InvalidInput(_("cannot read {name} (permission denied)").format(name=name)) from None


@app.command(
    help=_(
        "Replace names, contacts, addresses, dates, ids and places with [KIND]. No journal needed."
    )
)
def redact(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help=_("Text files to redact (UTF-8). With none, reads stdin."), show_default=False
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help=_("One JSON object per input, with the keys file, text and spans.")
        ),
    ] = False,
    terms: Annotated[
        list[Path] | None,
        typer.Option(
            "--terms",
            help=_(
                "File of terms to always redact, one per line ('KIND: term' or a plain name). "
                "Repeatable."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Replace names, contacts, addresses, dates, ids and places with [KIND]. No journal needed."""
    from peerjournal.redact import Redactor, apply_spans, load_terms_file

    listed = [term for path in terms or () for term in load_terms_file(path)]
    names = list(files) if files else ["-"]
    texts = [(name, _read(name)) for name in names]  # every input read before anything is printed
    redactor = Redactor(terms=listed)
    for name, text in texts:
        spans = redactor.find(text)
        redacted = apply_spans(text, spans)
        if as_json:
            record = {
                "file": name,
                "text": redacted,
                "spans": [{"start": s.start, "end": s.end, "kind": s.kind} for s in spans],
            }
            typer.echo(json.dumps(record, ensure_ascii=False))
        else:
            typer.echo(redacted, nl=not redacted.endswith("\n"))
