"""Commands for sharing with research: consent, export, withdraw, and the export log."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import confirm, open_journal, print_json, yes_no
from peerjournal.cli.render import say_nothing
from peerjournal.i18n import _, ngettext, pgettext

LABEL = re.compile(r"\[(?:[A-Z]+)(?: \d+)?\]")


@app.command(help=_("Read the study's consent text, and accept it before your first export."))
def consent(
    ctx: typer.Context,
    accept: Annotated[
        bool, typer.Option("--accept", help=_("Accept after reading (no question asked)."))
    ] = False,
) -> None:
    from peerjournal.export import participant
    from peerjournal.promptset.plaintext import visible

    with open_journal(ctx) as journal:
        _set, study = participant.study_of(journal)
        typer.echo(visible(study.name))
        typer.echo(_("Contact: {contact}").format(contact=visible(study.contact)))
        typer.echo(
            _("How long they keep it: {retention}").format(retention=visible(study.retention))
        )
        typer.echo("\n" + participant.consent_shown(study) + "\n")
        if participant.has_consented(journal):
            typer.echo(_("You have already accepted this text."))
            return
        if not accept:
            if not sys.stdin.isatty():
                from peerjournal.errors import UsageError

                raise UsageError(_("to accept without a terminal, read the text and add --accept"))
            if not yes_no(_("Do you accept?"), default=False):
                typer.echo(_("Not accepted. Nothing will be shared."))
                return
        participant.accept_consent(journal)
        typer.echo(_("Accepted. Only entries and feedback you mark as shared can be exported."))


def _show_review(prepared) -> None:
    """Print every item exactly as it will leave, with redactions marked."""
    styled = sys.stdout.isatty()
    mark = (lambda m: typer.style(m.group(0), reverse=True)) if styled else (lambda m: m.group(0))
    bundle = prepared.bundle
    for n, e in enumerate(bundle.entries, 1):
        if e.session_number:
            head = _("--- entry {n} · week {week} · session {session}").format(
                n=n, week=e.week, session=e.session_number
            )
        else:
            head = _("--- entry {n} · week {week}").format(n=n, week=e.week)
        typer.echo(head)
        if e.tags:
            typer.echo(_("tags: {tags}").format(tags=", ".join(e.tags)))
        typer.echo(LABEL.sub(mark, e.body))
    for n, f in enumerate(bundle.feedback, 1):
        typer.echo(
            _("--- feedback {n} · session {session} · week {week}").format(
                n=n, session=f.session_number, week=f.week
            )
        )
        for a in f.answers:
            typer.echo(
                _("{question}: {answer}").format(
                    question=a.question, answer=LABEL.sub(mark, str(a.answer))
                )
            )
    kinds = ", ".join(bundle.manifest.redaction_kinds) or pgettext("redacted kinds", "none")
    entries = ngettext("{count} entry", "{count} entries", len(bundle.entries)).format(
        count=len(bundle.entries)
    )
    forms = ngettext(
        "{count} feedback form", "{count} feedback forms", len(bundle.feedback)
    ).format(count=len(bundle.feedback))
    typer.echo(
        _("--- {entries} and {forms}; redacted kinds: {kinds}").format(
            entries=entries, forms=forms, kinds=kinds
        )
    )


OutputOpt = Annotated[Path, typer.Option("--output", "-o", help=_("File (or folder) to write."))]
YesFlag = Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))]


@app.command(
    "export", help=_("Export what you shared, redacted and encrypted to the study's researchers.")
)
def export_cmd(
    ctx: typer.Context,
    output: OutputOpt = Path("."),
    fmt: Annotated[str, typer.Option("--format", help=_("jsonl, csv or qdpx."))] = "jsonl",
    plaintext: Annotated[
        bool, typer.Option("--plaintext", help=_("Write UNENCRYPTED (not recommended)."))
    ] = False,
    review: Annotated[
        bool, typer.Option("--review", help=_("Print every item as it will leave and ask."))
    ] = False,
    yes: YesFlag = False,
) -> None:
    from peerjournal.export import participant

    caution = (
        _(
            "--plaintext writes your shared entries without encryption; anyone with the file "
            "can read them"
        )
        if plaintext
        else None
    )
    with open_journal(ctx) as journal:
        prepared = participant.prepare(journal, fmt, plaintext=plaintext)
        try:
            if review:
                _show_review(prepared)
                if prepared.item_count:
                    confirm(_("Send exactly this?"), yes, warning=caution)
                else:  # refused by prepare() unless something was sent before
                    confirm(
                        _(
                            "Nothing is shared now, so this export holds no items: the "
                            "researchers will then keep nothing of your earlier exports. Write it?"
                        ),
                        yes,
                        warning=caution,
                    )
            elif plaintext:
                confirm(_("Write an unencrypted export?"), yes, warning=caution)
        except BaseException:
            participant.discard(journal, prepared)  # not written: its number is not used up
            raise
        where = participant.write(journal, prepared, output)
    count = prepared.item_count
    if prepared.sealed:
        said = ngettext(
            "wrote {count} item to {path} (encrypted for the study's researchers)",
            "wrote {count} items to {path} (encrypted for the study's researchers)",
            count,
        )
    else:
        said = ngettext(
            "wrote {count} item to {path} (UNENCRYPTED)",
            "wrote {count} items to {path} (UNENCRYPTED)",
            count,
        )
    typer.echo(said.format(count=count, path=where))


@app.command(
    help=_(
        "Write a withdrawal for the researchers: they then remove everything you shared before. "
        "Everything still marked shared is then unshared (asked on a terminal; --keep-shared "
        "keeps it), so the next export does not send it again without a word."
    )
)
def withdraw(
    ctx: typer.Context,
    output: OutputOpt = Path("."),
    yes: YesFlag = False,
    keep_shared: Annotated[
        bool,
        typer.Option(
            "--keep-shared", help=_("Leave entries marked shared (they are unshared otherwise).")
        ),
    ] = False,
) -> None:
    from peerjournal.export import participant, sharing

    with open_journal(ctx) as journal:
        confirm(_("Withdraw everything you shared from the study?"), yes)
        prepared = participant.prepare(journal, "jsonl", withdraw=True)
        where = participant.write(journal, prepared, output)
        typer.echo(
            _("wrote a withdrawal to {path}; send it to the researchers like an export").format(
                path=where
            )
        )
        left = sharing.still_shared(journal).total
        if left and (
            keep_shared or (not yes and sys.stdin.isatty() and not _stop_sharing_asked(left))
        ):
            typer.echo(
                ngettext(
                    "{count} item is still marked shared: a new export would send it again.",
                    "{count} items are still marked shared: a new export would send them again.",
                    left,
                ).format(count=left)
            )
        elif left:
            done = sharing.stop_sharing_everything(journal)
            typer.echo(
                ngettext(
                    "Stopped sharing {count} item; it stays in your journal.",
                    "Stopped sharing {count} items; they stay in your journal.",
                    done.total,
                ).format(count=done.total)
            )


def _stop_sharing_asked(count: int) -> bool:
    return yes_no(
        ngettext(
            "{count} item is still marked shared. Stop sharing it too?",
            "{count} items are still marked shared. Stop sharing them too?",
            count,
        ).format(count=count),
        default=True,
    )


@app.command(
    "exports",
    help=_("When you exported, to which study key, and how many items (never what they said)."),
)
def exports_log(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print stable JSON."))] = False,
) -> None:
    from peerjournal import clock

    with open_journal(ctx) as journal:
        records = journal.sharing.log()
    if as_json:
        print_json(
            [
                {
                    "exported_at": clock.to_db(r.exported_at),
                    "study": r.study_id,
                    "recipient": r.recipient_fingerprint,
                    "format": r.format,
                    "items": r.item_count,
                    "withdrawn": r.withdrawn,
                }
                for r in records
            ]
        )
        return
    from peerjournal.i18n import format_datetime

    if not records:
        say_nothing(_("No exports yet: nothing has left this journal."))
    for r in records:
        if r.withdrawn:
            what = _("withdrawal")
        else:
            what = ngettext(
                "{count} item ({format})", "{count} items ({format})", r.item_count
            ).format(count=r.item_count, format=r.format)
        typer.echo(
            _("{when}  {study}  {what}  to {recipient}").format(
                when=format_datetime(clock.local(r.exported_at), "short"),
                study=r.study_id,
                what=what,
                recipient=r.recipient_fingerprint,
            )
        )
