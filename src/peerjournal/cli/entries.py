"""Commands for entries: write, list, show, search, edit, delete, tag, share, unshare.

Content a person writes (the entry, a search) comes from stdin or a prompt: an argument stays in the
shell history and shows in the process list, so where one is still accepted the CLI says so.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import (
    ask_line,
    confirm,
    entry_json,
    note_history,
    open_journal,
    parse_date,
    print_json,
    read_text,
)
from peerjournal.cli.render import entry_line, print_entry, print_hit, say_nothing
from peerjournal.errors import InvalidInput, UsageError
from peerjournal.i18n import _

if TYPE_CHECKING:
    from peerjournal.journal import Journal

JsonFlag = Annotated[
    bool, typer.Option("--json", help=_("Print stable JSON (see docs/cli-json.md)."))
]
IdArg = Annotated[
    str, typer.Argument(help=_("Entry id, or a unique start of it (4 characters or more)."))
]


@app.command(
    help=_(
        "Write a new entry and print its id. Type it (end with Ctrl+D) or pipe it in; the "
        "passphrase is asked first, and with --session/--prompt the prompt is shown before you "
        "write. Typed at a terminal, the title and tags are asked after the text."
    )
)
def write(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", "-t", help=_("Entry text (else typed or piped in; --text stays in history).")
        ),
    ] = None,
    title: Annotated[str, typer.Option("--title", help=_("A title for the entry."))] = "",
    tag: Annotated[list[str] | None, typer.Option("--tag", help=_("A tag (repeatable)."))] = None,
    mood: Annotated[
        int | None, typer.Option("--mood", help=_("Mood from 1 to 5."), min=1, max=5)
    ] = None,
    session: Annotated[
        int | None, typer.Option("--session", help=_("Link to program session N."), min=1)
    ] = None,
    prompt: Annotated[
        int | None, typer.Option("--prompt", help=_("Answer prompt K of that session."), min=1)
    ] = None,
    share: Annotated[
        bool, typer.Option("--share", help=_("Mark it shared with research (off by default)."))
    ] = False,
) -> None:
    """Unlock first (three tries), then show the prompt, then read the body: a mistyped
    passphrase never costs what was written."""
    from peerjournal.model import NewEntry

    if prompt is not None and session is None:
        raise UsageError(_("--prompt needs --session: prompts belong to a session"))
    from peerjournal import rules

    # Refused now, not after the text was typed (saving would refuse it and lose the text).
    title, tag = rules.title(title), list(rules.tags(tag or ())) or None
    for option, given in (("--title", title), ("--tag", tag)):
        if given:
            note_history(option)
    with open_journal(ctx) as journal:
        link = journal.prompt_link(session, prompt)
        if text is None:
            _show_what_to_write_about(journal, session, link)
        body = read_text(text)
        if not body.strip():
            raise InvalidInput(_("the entry is empty; nothing was saved"))
        if text is None and sys.stdin.isatty():  # typed at the terminal: so are these
            title, tag = _ask_title_and_tags(title, tag)
        entry = journal.entries.add(
            NewEntry(body=body, title=title, tags=tuple(tag or ()), mood=mood, shared=share, **link)
        )
        typer.echo(entry.id)


def _ask_title_and_tags(title: str, tags: list[str] | None) -> tuple[str, list[str] | None]:
    """After a body typed at the terminal, its title and tags, when not given as options (an
    option stays in the shell history; what is typed here does not). Enter skips one, an answer
    that does not fit is asked again, and Ctrl+D or Ctrl+C skips the rest: the entry is saved
    all the same, so what was typed is never lost."""
    from peerjournal import rules

    try:
        if not title:
            title = _ask_optional(_("Title (optional; Enter to skip): "), rules.title)
        if not tags:
            listed = _ask_optional(
                _("Tags, separated by commas (optional; Enter to skip): "),
                lambda typed: ", ".join(rules.tags([typed])),
            )
            tags = list(rules.tags([listed])) or tags
    except (EOFError, KeyboardInterrupt):
        typer.echo("", err=True)
    return title, tags


def _ask_optional(prompt: str, check: Callable[[str], str]) -> str:
    """One line typed at the terminal, its prompt on stderr (stdout carries the entry's id),
    asked again until `check` accepts it (raises EOFError at the end of input)."""
    while True:
        typer.echo(prompt, err=True, nl=False)
        line = sys.stdin.buffer.readline()  # bytes: a terminal in another encoding is no bug
        if not line:
            raise EOFError
        try:
            return check(line.decode("utf-8").strip())
        except UnicodeDecodeError:
            problem = _("what was typed is not UTF-8 text (check the terminal's encoding)")
        except InvalidInput as error:
            problem = error.message
        typer.echo(_("{problem}; try again (Enter skips)").format(problem=problem), err=True)


def _show_what_to_write_about(journal: Journal, session: int | None, link: dict) -> None:
    """The prompt (or the session's title) on stderr, before the person types."""
    if link.get("prompt_text"):
        typer.echo(f"{link['prompt_text']}\n", err=True)
    elif session is not None and journal.program.active() is not None:
        title = journal.program.session(session).title
        typer.echo(
            _("Session {number}: {title}").format(number=session, title=title) + "\n", err=True
        )


@app.command("list", help=_("List entries, newest first."))
def list_entries(
    ctx: typer.Context,
    number: Annotated[
        int, typer.Option("-n", "--number", help=_("How many (newest first)."), min=1)
    ] = 20,
    tag: Annotated[str | None, typer.Option("--tag", help=_("Only entries with this tag."))] = None,
    session: Annotated[
        int | None, typer.Option("--session", help=_("Only entries of session N."), min=1)
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help=_("From this date (YYYY-MM-DD)."))
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help=_("Up to this date (YYYY-MM-DD)."))
    ] = None,
    shared: Annotated[
        bool, typer.Option("--shared", help=_("Only entries shared with research."))
    ] = False,
    as_json: JsonFlag = False,
) -> None:
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
    if not entries:
        filtered = flt != EntryFilter()
        say_nothing(_("No entries match these filters.") if filtered else _("No entries yet."))
    for entry in entries:
        typer.echo(entry_line(entry))


@app.command(help=_("Show one entry in full."))
def show(ctx: typer.Context, entry_id: IdArg, as_json: JsonFlag = False) -> None:
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
    if as_json:
        print_json(entry_json(entry))
    else:
        print_entry(entry)


@app.command(
    help=_(
        "Search all entries (full text, inside the encrypted journal). With no QUERY, asks for "
        "it without showing it, so it stays out of your shell history."
    )
)
def search(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            help=_('Words, "phrases", AND/OR/NOT, prefix*. Better typed when asked.'),
            show_default=False,
            metavar=_("[QUERY]"),
        ),
    ] = None,
    number: Annotated[int, typer.Option("-n", "--number", help=_("How many results."), min=1)] = 20,
    as_json: JsonFlag = False,
) -> None:
    if query is not None:
        note_history(_("the search words"))
    with open_journal(ctx) as journal:
        words = query if query is not None else ask_line(_("Search for: "))
        hits = journal.entries.search(words, limit=number)
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
    if not hits:
        say_nothing(_("No entry has those words."))
    for hit in hits:
        print_hit(hit)


@app.command(
    help=_("Replace an entry's text (typed or piped in), and optionally its title or mood.")
)
def edit(
    ctx: typer.Context,
    entry_id: IdArg,
    text: Annotated[
        str | None,
        typer.Option("--text", "-t", help=_("New text (else stdin; --text stays in history).")),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help=_("New title."))] = None,
    mood: Annotated[
        int | None, typer.Option("--mood", help=_("New mood 1-5."), min=1, max=5)
    ] = None,
) -> None:
    if title:
        note_history("--title")
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)  # a wrong id is said before anything is typed
        body = read_text(text)
        if not body.strip():
            raise InvalidInput(
                _("the new text is empty; the entry was not changed (use delete to remove it)")
            )
        entry = journal.entries.update(
            entry.id, body=body, title=title, mood=... if mood is None else mood
        )
        typer.echo(_("updated {id}").format(id=entry.short_id))


YesFlag = Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))]


@app.command(help=_("Delete an entry for good."))
def delete(ctx: typer.Context, entry_id: IdArg, yes: YesFlag = False) -> None:
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
        confirm(
            _("Delete entry {id} ({line})? This cannot be undone").format(
                id=entry.short_id, line=entry_line(entry)
            ),
            yes,
        )
        journal.entries.delete(entry.id)
        typer.echo(_("deleted {id}").format(id=entry.short_id))


@app.command(help=_("Add tags to an entry, or remove them with --remove."))
def tag(
    ctx: typer.Context,
    entry_id: IdArg,
    tags: Annotated[list[str] | None, typer.Argument(help=_("Tags to add."))] = None,
    remove: Annotated[
        list[str] | None,
        typer.Option("--remove", "-r", help=_("A tag to remove (repeatable).")),
    ] = None,
) -> None:
    if not tags and not remove:
        raise InvalidInput(_("give tags to add, or --remove TAG"))
    with open_journal(ctx) as journal:
        entry = journal.entries.get(entry_id)
        if tags:
            entry = journal.entries.add_tags(entry.id, tags)
        if remove:
            entry = journal.entries.remove_tags(entry.id, remove)
        typer.echo(
            _("{id}: {tags}").format(
                id=entry.short_id, tags=", ".join(entry.tags) or _("(no tags)")
            )
        )


@app.command(
    help=_("Mark an entry as shared with the program's researchers (sent only when you export).")
)
def share(ctx: typer.Context, entry_id: IdArg) -> None:
    from peerjournal.export import participant

    with open_journal(ctx) as journal:
        entry = journal.entries.set_shared(entry_id, True)
        study = participant.study_or_none(journal)
        if study is None:
            typer.echo(
                _(
                    "{id} is marked shared, but there is no study yet, so nothing can be sent. "
                    "Ask your facilitator for the prompt set of your program's study (it holds "
                    "the study's details and consent text); until then everything stays here."
                ).format(id=entry.short_id)
            )
        elif not participant.has_consented(journal):
            typer.echo(
                _(
                    "{id} is marked shared. Nothing is sent until you read and accept the "
                    "consent text of {study} (`peerjournal consent`) and export."
                ).format(id=entry.short_id, study=study.name)
            )
        else:
            typer.echo(
                _("{id} will be included, redacted, in your next export to {study}").format(
                    id=entry.short_id, study=study.name
                )
            )


@app.command(help=_("Stop sharing an entry; your next export leaves it out."))
def unshare(ctx: typer.Context, entry_id: IdArg) -> None:
    with open_journal(ctx) as journal:
        entry = journal.entries.set_shared(entry_id, False)
        typer.echo(_("{id} is private again").format(id=entry.short_id))
