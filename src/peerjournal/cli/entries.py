"""Commands for entries: write, list, show, search, edit, delete, tag, share, unshare."""

from __future__ import annotations

from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import (
    confirm,
    entry_json,
    open_journal,
    parse_date,
    print_json,
    read_text,
)
from peerjournal.cli.render import entry_line, print_entry, print_hit
from peerjournal.errors import InvalidInput, UsageError

JsonFlag = Annotated[bool, typer.Option("--json", help="Print stable JSON (see docs/cli-json.md).")]
IdArg = Annotated[str, typer.Argument(help="Entry id, or a unique start of it (4+ characters).")]


@app.command()
def write(
    ctx: typer.Context,
    text: Annotated[
        str | None, typer.Option("--text", "-t", help="Entry text (else read from stdin).")
    ] = None,
    title: Annotated[str, typer.Option("--title", help="A title for the entry.")] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    mood: Annotated[
        int | None, typer.Option("--mood", help="Mood from 1 to 5.", min=1, max=5)
    ] = None,
    session: Annotated[
        int | None, typer.Option("--session", help="Link to program session N.", min=1)
    ] = None,
    prompt: Annotated[
        int | None, typer.Option("--prompt", help="Answer prompt K of that session.", min=1)
    ] = None,
    share: Annotated[
        bool, typer.Option("--share", help="Mark it shared with research (off by default).")
    ] = False,
) -> None:
    """Write a new entry and print its id."""
    from peerjournal.model import NewEntry

    if prompt is not None and session is None:
        raise UsageError("--prompt needs --session: prompts belong to a session")
    body = read_text(text)
    if not body.strip():
        raise InvalidInput("the entry is empty; nothing was saved")
    with open_journal(ctx) as journal:
        link = journal.prompt_link(session, prompt)
        entry = journal.entries.add(
            NewEntry(body=body, title=title, tags=tuple(tag or ()), mood=mood, shared=share, **link)
        )
        typer.echo(entry.id)


@app.command("list")
def list_entries(
    ctx: typer.Context,
    number: Annotated[
        int, typer.Option("-n", "--number", help="How many (newest first).", min=1)
    ] = 20,
    tag: Annotated[str | None, typer.Option("--tag", help="Only entries with this tag.")] = None,
    session: Annotated[
        int | None, typer.Option("--session", help="Only entries of session N.", min=1)
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Up to this date (YYYY-MM-DD).")
    ] = None,
    shared: Annotated[
        bool, typer.Option("--shared", help="Only entries shared with research.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List entries, newest first."""
    from peerjournal.model import EntryFilter

    flt = EntryFilter(
        tag=tag,
        session_number=session,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        shared=True if shared else None,
    )
    with open_journal(ctx) as journal:
        entries = journal.entries.list(flt, limit=number)
    if as_json:
        print_json([entry_json(e) for e in entries])
        return
    for entry in entries:
        typer.echo(entry_line(entry))


@app.command()
def show(ctx: typer.Context, entry_id: IdArg, as_json: JsonFlag = False) -> None:
    """Show one entry in full."""
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
    if as_json:
        print_json(entry_json(entry))
    else:
        print_entry(entry)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND/OR/NOT, prefix*.')],
    number: Annotated[int, typer.Option("-n", "--number", help="How many results.", min=1)] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Search all entries (full text, inside the encrypted journal)."""
    with open_journal(ctx) as journal:
        hits = journal.entries.search(query, limit=number)
    if as_json:
        print_json(
            [
                {
                    **entry_json(h.entry),
                    "snippet": "".join(f"[{t}]" if m else t for t, m in h.snippet),
                }
                for h in hits
            ]
        )
        return
    for hit in hits:
        print_hit(hit)


@app.command()
def edit(
    ctx: typer.Context,
    entry_id: IdArg,
    text: Annotated[str | None, typer.Option("--text", "-t", help="New text (else stdin).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="New title.")] = None,
    mood: Annotated[int | None, typer.Option("--mood", help="New mood 1-5.", min=1, max=5)] = None,
) -> None:
    """Replace an entry's text (from --text or stdin), and optionally its title or mood."""
    body = read_text(text)
    if not body.strip():
        raise InvalidInput(
            "the new text is empty; the entry was not changed (use delete to remove it)"
        )
    with open_journal(ctx) as journal:
        entry = journal.entries.update(
            entry_id, body=body, title=title, mood=... if mood is None else mood
        )
        typer.echo(f"updated {entry.short_id}")


@app.command()
def delete(
    ctx: typer.Context,
    entry_id: IdArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an entry for good."""
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
        confirm(f"Delete entry {entry.short_id} ({entry_line(entry)})? This cannot be undone", yes)
        journal.entries.delete(entry.id)
        typer.echo(f"deleted {entry.short_id}")


@app.command()
def tag(
    ctx: typer.Context,
    entry_id: IdArg,
    tags: Annotated[list[str] | None, typer.Argument(help="Tags to add.")] = None,
    remove: Annotated[
        list[str] | None, typer.Option("--remove", "-r", help="A tag to remove (repeatable).")
    ] = None,
) -> None:
    """Add tags to an entry, or remove them with --remove."""
    if not tags and not remove:
        raise InvalidInput("give tags to add, or --remove TAG")
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
        if tags:
            entry = journal.entries.add_tags(entry.id, tags)
        if remove:
            entry = journal.entries.remove_tags(entry.id, remove)
        typer.echo(f"{entry.short_id}: {', '.join(entry.tags) or '(no tags)'}")


@app.command()
def share(ctx: typer.Context, entry_id: IdArg) -> None:
    """Mark an entry as shared with the program's researchers (sent only when you export)."""
    with open_journal(ctx) as journal:
        entry = journal.entries.set_shared(entry_id, True)
        typer.echo(f"{entry.short_id} will be included, redacted, in your next research export")


@app.command()
def unshare(ctx: typer.Context, entry_id: IdArg) -> None:
    """Stop sharing an entry; your next export leaves it out."""
    with open_journal(ctx) as journal:
        entry = journal.entries.set_shared(entry_id, False)
        typer.echo(f"{entry.short_id} is private again")
