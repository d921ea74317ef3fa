"""Commands for the program: sessions, attend, feedback (and `prompts install` on the journal)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import ask, open_journal, parse_date, print_json
from peerjournal.cli.prompts import LanguageOpt, SetArg, prompts_app
from peerjournal.errors import InvalidInput, UsageError
from peerjournal.i18n import _, ngettext

if TYPE_CHECKING:
    from peerjournal.journal import InstallReport

JsonFlag = Annotated[
    bool, typer.Option("--json", help=_("Print stable JSON (see docs/cli-json.md)."))
]
# The metavar is named in the help texts ("session NUMBER"), so it is translated with them.
SessionArg = Annotated[int, typer.Argument(help=_("Session number."), min=1, metavar=_("NUMBER"))]


@prompts_app.command(
    "install",
    help=_(
        "Make this journal follow a prompt set (a file, or a shipped set's id); a newer version "
        "of the same set upgrades it, and entries already written keep the prompts they answered."
    ),
)
def install(ctx: typer.Context, spec: SetArg, language: LanguageOpt = None) -> None:
    # While the app has the journal open, the checked set is handed to the app, which asks the
    # person before it installs it.
    from peerjournal.errors import JournalInUse
    from peerjournal.i18n import current_language
    from peerjournal.promptset.choose import load_choice

    # With no --language, the set in the language the person reads (LANG=fr_CA: the French one).
    prompt_set = load_choice(spec, language or current_language())
    try:
        with open_journal(ctx) as journal:
            report = journal.program.install(prompt_set)
    except JournalInUse:
        _hand_over(ctx, prompt_set)
        return
    for line in install_lines(report):
        typer.echo(line)


def _hand_over(ctx: typer.Context, prompt_set) -> None:
    """The journal is open elsewhere (the app): leave the set for it to offer."""
    from peerjournal.cli.common import journal_dir
    from peerjournal.promptset.choose import hand_over

    hand_over(prompt_set, journal_dir(ctx))
    typer.echo(
        _(
            "the journal is open in another window, so {title} is handed to it: the app asks "
            "whether to follow it (now, or when it is next unlocked)"
        ).format(title=prompt_set.title)
    )


def install_lines(report: InstallReport) -> list[str]:
    """What `prompts install` says it did (and, when the study changed, what is shared)."""
    from peerjournal.journal import sharing_note

    note = sharing_note(report)
    return [*_install_lines(report), *([note] if note else [])]


def _install_lines(report: InstallReport) -> list[str]:
    ps = report.prompt_set
    head = f"{ps.title} ({ps.id} {ps.version}, {ps.language})"
    if report.action == "installed":
        count = len(ps.sessions)
        return [
            ngettext(
                "installed {set}: {count} session", "installed {set}: {count} sessions", count
            ).format(set=head, count=count)
        ]
    if report.action == "unchanged":
        return [_("{set} is already installed; nothing changed").format(set=head)]
    if report.action == "switched":
        prev = report.previous
        if prev:
            return [
                _("now following {set} instead of {previous}").format(set=head, previous=prev.title)
            ]
        return [_("now following {set}").format(set=head)]
    body = report.changes.lines() if report.changes else []
    return [
        _("upgraded {set}").format(set=head),
        *body,
        _("entries already written keep the prompts they answered"),
    ]


@app.command(help=_("The program's sessions: attended, entries written, feedback given."))
def sessions(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    with open_journal(ctx) as journal:
        ps = journal.program.active()
        rows = journal.program.sessions()
    if ps is None:
        raise UsageError(
            _(
                "this journal follows no prompt set yet; install one with "
                "`peerjournal prompts install peer-advocate-training`"
            )
        )
    if as_json:
        print_json(
            {
                "prompt_set": {
                    "id": ps.id,
                    "version": ps.version,
                    "title": ps.title,
                    "language": ps.language,
                },
                "sessions": [
                    {
                        "number": r.session.number,
                        "title": r.session.title,
                        "attended_on": r.attended_on.isoformat() if r.attended_on else None,
                        "entries": r.entry_count,
                        "prompts": len(r.session.prompts),
                        "feedback": r.feedback_done,
                        "feedback_shared": r.feedback_shared,
                    }
                    for r in rows
                ],
            }
        )
        return
    typer.echo(f"{ps.title} ({ps.version})")
    for r in rows:
        typer.echo(_session_line(r))


def _session_line(r) -> str:
    from peerjournal.i18n import format_date

    attended = (
        _("attended {date}").format(date=format_date(r.attended_on))
        if r.attended_on
        else _("not attended yet")
    )
    feedback = _("feedback given") if r.feedback_done else _("no feedback yet")
    entries = ngettext("{count} entry", "{count} entries", r.entry_count).format(
        count=r.entry_count
    )
    return f"{r.session.number:>3}  {r.session.title}  ·  {attended}  ·  {entries}  ·  {feedback}"


@app.command(
    help=_("Mark session NUMBER as attended (with the date), and show its reflection prompts.")
)
def attend(
    ctx: typer.Context,
    number: SessionArg,
    on: Annotated[
        str | None,
        typer.Option("--on", help=_("The date you attended (YYYY-MM-DD); default today.")),
    ] = None,
    undo: Annotated[
        bool, typer.Option("--undo", help=_("Unmark the session as attended."))
    ] = False,
) -> None:
    day = parse_date(on, "--on")
    with open_journal(ctx) as journal:
        if undo:
            journal.program.unattend(number)
            typer.echo(_("session {number} is no longer marked as attended").format(number=number))
            return
        session = journal.program.attend(number, day)
    typer.echo(
        _("session {number}, {title}: marked as attended").format(
            number=number, title=session.title
        )
    )
    for prompt in session.prompts:
        typer.echo(_("  prompt {key}: {text}").format(key=prompt.key, text=prompt.text))
    if session.prompts:
        typer.echo(
            _("write with: peerjournal write --session {number} --prompt 1").format(number=number)
        )


@app.command(
    help=_(
        "Answer session NUMBER's feedback form (stored encrypted; shared only if you say so). "
        "Each answer is checked as you type it."
    )
)
def feedback(
    ctx: typer.Context,
    number: SessionArg,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            "-a",
            help=_("QUESTION_ID=VALUE, repeatable (otherwise asks on the terminal)."),
        ),
    ] = None,
    share: Annotated[
        bool,
        typer.Option(
            "--share/--private", help=_("Share these answers with research (off by default).")
        ),
    ] = False,
    show: Annotated[
        bool, typer.Option("--show", help=_("Show the saved answers instead."))
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    with open_journal(ctx) as journal:
        if show:
            record = journal.program.feedback(number)
            if record is None:
                raise UsageError(
                    _("no feedback answers for session {number} yet").format(number=number)
                )
            _print_record(record, as_json)
            return
        session = journal.program.session(number)
        if not session.feedback:
            raise UsageError(_("session {number} has no feedback form").format(number=number))
        answers = _parse_answers(answer) if answer else _ask(session)
        record = journal.program.save_feedback(number, answers, shared=share)
    count = len(record.answers)
    if record.shared:
        saved = ngettext(
            "saved {count} answer for session {number} (shared with research)",
            "saved {count} answers for session {number} (shared with research)",
            count,
        )
    else:
        saved = ngettext(
            "saved {count} answer for session {number} (private)",
            "saved {count} answers for session {number} (private)",
            count,
        )
    typer.echo(saved.format(count=count, number=number))


@app.command(
    "share-feedback",
    help=_("Share your feedback answers for session NUMBER in your next research export."),
)
def share_feedback(ctx: typer.Context, number: SessionArg) -> None:
    with open_journal(ctx) as journal:
        journal.program.set_feedback_shared(number, True)
    typer.echo(
        _("feedback for session {number} will be included in your next research export").format(
            number=number
        )
    )


@app.command(
    "unshare-feedback", help=_("Keep your feedback answers for session NUMBER private again.")
)
def unshare_feedback(ctx: typer.Context, number: SessionArg) -> None:
    with open_journal(ctx) as journal:
        journal.program.set_feedback_shared(number, False)
    typer.echo(_("feedback for session {number} is private again").format(number=number))


def _parse_answers(pairs: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(
                _("--answer needs QUESTION_ID=VALUE, not “{pair}”").format(pair=pair)
            )
        answers[key.strip()] = value
    return answers


def _ask(session) -> dict[str, str]:
    """Ask each question on the terminal, checking each answer as it is typed: a 7 on a 1-5
    scale is asked again, never dropped with the others at the end. Enter skips a question."""
    if not sys.stdin.isatty():
        raise UsageError(_("no terminal to ask on; give answers with --answer QUESTION_ID=VALUE"))
    typer.echo(
        _("Feedback for session {number}: {title} (Enter skips a question)").format(
            number=session.number, title=session.title
        )
    )
    answers = {}
    for q in session.feedback:
        value = _ask_one(q)
        if value is not None:
            answers[q.id] = value
    return answers


def _question_hint(q) -> str:
    if q.type == "scale":
        return f" [{q.scale_min} {q.min_label} … {q.scale_max} {q.max_label}]"
    if q.type == "choice":
        listed = "".join(f"\n   {i}. {o}" for i, o in enumerate(q.options, 1))
        # Translators: asked under a numbered list of options; a number or the option's words.
        return listed + "\n  " + _("Your choice")
    return ""


def _ask_one(q) -> str | None:
    """One question until its answer fits (or is skipped with Enter)."""
    from peerjournal.errors import AnswerRefused
    from peerjournal.journal import check_answer

    while True:
        try:
            value = ask(f"{q.text}{_question_hint(q)}")
        except UnicodeDecodeError:  # a strict locale and a terminal in another encoding
            problem = _("what was typed is not UTF-8 text (check the terminal's encoding)")
        else:
            if not value.strip():
                return None
            try:
                check_answer(q, value)
                return value
            except AnswerRefused as exc:  # the question is on the screen: its id would be noise
                problem = exc.problem
        typer.echo(_("{problem}; try again (Enter skips)").format(problem=problem), err=True)


def _print_record(record, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "session": record.session_number,
                "title": record.session_title,
                "shared": record.shared,
                "answers": [
                    {
                        "question_id": a.question_id,
                        "question": a.question,
                        "type": a.type,
                        "value": a.value,
                    }
                    for a in record.answers
                ],
            }
        )
        return
    template = (
        _("session {number}: {title} (shared)")
        if record.shared
        else _("session {number}: {title} (private)")
    )
    typer.echo(template.format(number=record.session_number, title=record.session_title))
    for a in record.answers:
        typer.echo(f"  {a.question}\n    {a.value}")
