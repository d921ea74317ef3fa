"""Commands that look after the journal: backup, check, stats, and the redaction terms list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import open_journal, print_json

JsonFlag = Annotated[bool, typer.Option("--json", help="Print stable JSON (see docs/cli-json.md).")]


@app.command()
def backup(
    ctx: typer.Context,
    destination: Annotated[
        Path, typer.Argument(help="A new or empty folder, e.g. on a USB stick.")
    ],
) -> None:
    """Copy the whole journal, still encrypted, to DESTINATION (opens with the same passphrase)."""
    with open_journal(ctx) as journal:
        where = journal.backup(destination)
    typer.echo(
        f"Encrypted backup written to {where}; it opens with your passphrase "
        f"(peerjournal --journal {where})."
    )


@app.command()
def check(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Check the database and the key file for damage, and the folder for privacy."""
    with open_journal(ctx) as journal:
        report = journal.check()
    if as_json:
        print_json(
            {"ok": report.ok, "problems": list(report.problems), "notes": list(report.notes)}
        )
    else:
        for note in report.notes:
            typer.echo(f"ok: {note}")
        for problem in report.problems:
            typer.echo(f"PROBLEM: {problem}")
    if not report.ok:
        from peerjournal.errors import PeerJournalError

        raise PeerJournalError(
            f"the check found {len(report.problems)} problem(s); restore from a backup if entries "
            "are unreadable"
        )


@app.command()
def stats(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Counts: entries, words, tags, shared entries, drafts."""
    from peerjournal import clock

    with open_journal(ctx) as journal:
        s = journal.stats()
    first = clock.to_db(s.first) if s.first else None
    last = clock.to_db(s.last) if s.last else None
    if as_json:
        print_json(
            {
                "entries": s.entries,
                "words": s.words,
                "shared": s.shared,
                "drafts": s.drafts,
                "sessions_written": s.sessions_written,
                "tags": s.tags,
                "first": first,
                "last": last,
            }
        )
        return
    typer.echo(
        f"entries: {s.entries}\nwords: {s.words}\nshared with research: {s.shared}\n"
        f"drafts: {s.drafts}\nsessions written about: {s.sessions_written}"
    )
    if s.first and s.last:
        typer.echo(f"from {clock.local(s.first):%Y-%m-%d} to {clock.local(s.last):%Y-%m-%d}")
    if s.tags:
        typer.echo("tags: " + ", ".join(f"{t} ({n})" for t, n in list(s.tags.items())[:15]))


terms_app = typer.Typer(
    help="Your own always-redact list: names, working names, people, places.", no_args_is_help=True
)
app.add_typer(terms_app, name="terms")


@terms_app.command("list")
def terms_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the terms always redacted from what you share."""
    with open_journal(ctx) as journal:
        terms = journal.terms.list()
    if as_json:
        print_json([{"term": t, "kind": k} for t, k in terms])
    for term, kind in terms if not as_json else ():
        typer.echo(f"{kind}: {term}")


@terms_app.command("add")
def terms_add(
    ctx: typer.Context,
    term: Annotated[str, typer.Argument(help="A name or place to always redact.")],
    kind: Annotated[str, typer.Option("--kind", help="PERSON or LOCATION.")] = "PERSON",
) -> None:
    """Always redact TERM (any case, possessives and plurals too) from what you share."""
    with open_journal(ctx) as journal:
        journal.terms.add(term, kind)
    typer.echo("added")


@terms_app.command("remove")
def terms_remove(ctx: typer.Context, term: Annotated[str, typer.Argument()]) -> None:
    """Stop always redacting TERM."""
    with open_journal(ctx) as journal:
        removed = journal.terms.remove(term)
    if not removed:
        from peerjournal.errors import NotFound

        raise NotFound(f"{term!r} is not in your list")
    typer.echo("removed")
