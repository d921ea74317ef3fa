"""Commands that look after the journal: backup, check, stats, and the redaction terms list."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import ask_line, note_history, open_journal, print_json
from peerjournal.i18n import _, format_date, ngettext

JsonFlag = Annotated[
    bool, typer.Option("--json", help=_("Print stable JSON (see docs/cli-json.md)."))
]


@app.command(
    help=_(
        "Copy the whole journal, still encrypted, to DESTINATION (opens with the same "
        "passphrase). The folder it goes into must exist: a copy meant for a USB stick never "
        "lands on this computer because the stick was not plugged in."
    )
)
def backup(
    ctx: typer.Context,
    destination: Annotated[
        Path, typer.Argument(help=_("A new or empty folder, e.g. on a USB stick."))
    ],
) -> None:
    with open_journal(ctx) as journal:
        where = journal.backup(destination)
    typer.echo(
        _(
            "Encrypted backup written to {path}; it opens with your passphrase "
            "(peerjournal --journal {path})."
        ).format(path=where)
    )


@app.command(help=_("Check the database and the key file for damage, and the folder for privacy."))
def check(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    with open_journal(ctx) as journal:
        if as_json:  # --json is the same in every language: its notes and problems in English
            from peerjournal.i18n import set_language

            set_language("en")
        report = journal.check()
    if as_json:
        print_json(
            {"ok": report.ok, "problems": list(report.problems), "notes": list(report.notes)}
        )
    else:
        for note in report.notes:
            typer.echo(_("ok: {note}").format(note=note))
        for problem in report.problems:
            typer.echo(_("PROBLEM: {problem}").format(problem=problem))
    if not report.ok:
        from peerjournal.errors import PeerJournalError

        count = len(report.problems)
        raise PeerJournalError(
            ngettext(
                "the check found {count} problem; restore from a backup if entries are unreadable",
                "the check found {count} problems; restore from a backup if entries are unreadable",
                count,
            ).format(count=count)
        )


@app.command(help=_("Counts: entries, words, tags, shared entries, drafts."))
def stats(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    from peerjournal import clock

    with open_journal(ctx) as journal:
        s = journal.stats()
    if as_json:
        print_json(
            {
                "entries": s.entries,
                "words": s.words,
                "shared": s.shared,
                "drafts": s.drafts,
                "sessions_written": s.sessions_written,
                "tags": s.tags,
                "first": clock.to_db(s.first) if s.first else None,
                "last": clock.to_db(s.last) if s.last else None,
            }
        )
        return
    for label, value in (
        (_("entries: {count}"), s.entries),
        (_("words: {count}"), s.words),
        (_("shared with research: {count}"), s.shared),
        (_("drafts: {count}"), s.drafts),
        (_("sessions written about: {count}"), s.sessions_written),
    ):
        from peerjournal.i18n import format_number

        typer.echo(label.format(count=format_number(value)))
    if s.first and s.last:
        typer.echo(
            _("from {first} to {last}").format(
                first=format_date(clock.local(s.first).date()),
                last=format_date(clock.local(s.last).date()),
            )
        )
    if s.tags:
        shown = ", ".join(f"{t} ({n})" for t, n in list(s.tags.items())[:15])
        typer.echo(_("tags: {tags}").format(tags=shown))


terms_app = typer.Typer(
    help=_("Your own always-redact list: names, working names, people, places."),
    no_args_is_help=True,
    suggest_commands=False,
)
app.add_typer(terms_app, name="terms")


@terms_app.command("list", help=_("Show the terms always redacted from what you share."))
def terms_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    with open_journal(ctx) as journal:
        terms = journal.terms.list()
    if as_json:
        print_json([{"term": t, "kind": k} for t, k in terms])
        return
    for term, kind in terms:
        typer.echo(f"{kind}: {term}")


TermArg = Annotated[
    str | None,
    typer.Argument(
        help=_("Better left out: it is then asked without showing it (not kept in history)."),
        show_default=False,
    ),
]


@terms_app.command(
    "add",
    help=_(
        "Always redact a name or place (any case, possessives and plurals too) from what you "
        "share. With no TERM, asks for it without showing it, so it stays out of your shell "
        "history."
    ),
)
def terms_add(
    ctx: typer.Context,
    term: TermArg = None,
    kind: Annotated[str, typer.Option("--kind", help=_("PERSON or LOCATION."))] = "PERSON",
) -> None:
    if term is not None:
        note_history(_("the name"))
    with open_journal(ctx) as journal:
        name = term if term is not None else ask_line(_("Name or place to always hide: "))
        journal.terms.add(name, kind)
    typer.echo(_("added"))


@terms_app.command(
    "remove", help=_("Stop always redacting a term (asked without showing it when left out).")
)
def terms_remove(ctx: typer.Context, term: TermArg = None) -> None:
    if term is not None:
        note_history(_("the name"))
    with open_journal(ctx) as journal:
        name = term if term is not None else ask_line(_("Name or place to stop hiding: "))
        removed = journal.terms.remove(name)
    if not removed:
        from peerjournal.errors import NotFound

        raise NotFound(_("that term is not in your list"))
    typer.echo(_("removed"))
