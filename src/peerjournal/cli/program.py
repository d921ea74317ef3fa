"""Commands for the program: sessions, attend, feedback (and `prompts install` on the journal)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.cli.common import open_journal, parse_date, print_json
from peerjournal.cli.prompts import LanguageOpt, SetArg, prompts_app
from peerjournal.errors import InvalidInput, UsageError

if TYPE_CHECKING:
    from peerjournal.journal import InstallReport

JsonFlag = Annotated[bool, typer.Option("--json", help="Print stable JSON (see docs/cli-json.md).")]
SessionArg = Annotated[int, typer.Argument(help="Session number.", min=1)]


@prompts_app.command("install")
def install(ctx: typer.Context, spec: SetArg, language: LanguageOpt = None) -> None:
    """Make this journal follow a prompt set (a file, or a shipped set's id); a newer version of
    the same set upgrades it, and entries already written keep the prompts they answered."""
    prompt_set = _load_for_install(spec, language)
    with open_journal(ctx) as journal:
        report = journal.program.install(prompt_set)
    for line in install_lines(report):
        typer.echo(line)


def install_lines(report: InstallReport) -> list[str]:
    """What `prompts install` says it did."""
    ps = report.prompt_set
    head = f"{ps.title} ({ps.id} {ps.version}, {ps.language})"
    if report.action == "installed":
        return [f"installed {head}: {len(ps.sessions)} sessions"]
    if report.action == "unchanged":
        return [f"{head} is already installed; nothing changed"]
    if report.action == "switched":
        prev = report.previous
        return [f"now following {head}" + (f" instead of {prev.title}" if prev else "")]
    body = report.changes.lines() if report.changes else []
    return [f"upgraded {head}", *body, "entries already written keep the prompts they answered"]


def _load_for_install(spec: str, language: str | None):
    """The set to install; a broken file is one error line pointing at `prompts validate`."""
    from pathlib import Path

    from peerjournal.promptset import find_shipped, load_file

    if Path(spec).exists() or spec.endswith(".md") or "/" in spec or "\\" in spec:
        return load_file(spec)
    return find_shipped(spec, language)


@app.command()
def sessions(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """The program's sessions: attended, entries written, feedback given."""
    with open_journal(ctx) as journal:
        ps = journal.program.active()
        rows = journal.program.sessions()
    if ps is None:
        raise UsageError(
            "this journal follows no prompt set yet; install one with "
            "`peerjournal prompts install peer-advocate-training`"
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
        attended = f"attended {r.attended_on.isoformat()}" if r.attended_on else "not attended yet"
        feedback = "feedback given" if r.feedback_done else "no feedback yet"
        typer.echo(
            f"{r.session.number:>3}  {r.session.title}  ·  {attended}  ·  "
            f"{r.entry_count} entries  ·  {feedback}"
        )


@app.command()
def attend(
    ctx: typer.Context,
    number: SessionArg,
    on: Annotated[
        str | None, typer.Option("--on", help="The date you attended (YYYY-MM-DD); default today.")
    ] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Unmark the session as attended.")] = False,
) -> None:
    """Mark session NUMBER as attended (with the date), and show its reflection prompts."""
    day = parse_date(on, "--on")
    with open_journal(ctx) as journal:
        if undo:
            journal.program.unattend(number)
            typer.echo(f"session {number} is no longer marked as attended")
            return
        session = journal.program.attend(number, day)
    typer.echo(f"session {number}, {session.title}: marked as attended")
    for prompt in session.prompts:
        typer.echo(f"  prompt {prompt.key}: {prompt.text}")
    if session.prompts:
        typer.echo(f"write with: peerjournal write --session {number} --prompt 1")


@app.command()
def feedback(
    ctx: typer.Context,
    number: SessionArg,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer", "-a", help="QUESTION_ID=VALUE, repeatable (otherwise asks on the terminal)."
        ),
    ] = None,
    share: Annotated[
        bool,
        typer.Option(
            "--share/--private", help="Share these answers with research (off by default)."
        ),
    ] = False,
    show: Annotated[bool, typer.Option("--show", help="Show the saved answers instead.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Answer session NUMBER's feedback form (stored encrypted; shared only if you say so)."""
    with open_journal(ctx) as journal:
        if show:
            record = journal.program.feedback(number)
            if record is None:
                raise UsageError(f"no feedback answers for session {number} yet")
            _print_record(record, as_json)
            return
        session = journal.program.session(number)
        if not session.feedback:
            raise UsageError(f"session {number} has no feedback form")
        answers = _parse_answers(answer) if answer else _ask(session)
        record = journal.program.save_feedback(number, answers, shared=share)
    typer.echo(
        f"saved {len(record.answers)} answers for session {number}"
        + (" (shared with research)" if record.shared else " (private)")
    )


@app.command("share-feedback")
def share_feedback(ctx: typer.Context, number: SessionArg) -> None:
    """Share your feedback answers for session NUMBER in your next research export."""
    with open_journal(ctx) as journal:
        journal.program.set_feedback_shared(number, True)
    typer.echo(f"feedback for session {number} will be included in your next research export")


@app.command("unshare-feedback")
def unshare_feedback(ctx: typer.Context, number: SessionArg) -> None:
    """Keep your feedback answers for session NUMBER private again."""
    with open_journal(ctx) as journal:
        journal.program.set_feedback_shared(number, False)
    typer.echo(f"feedback for session {number} is private again")


def _parse_answers(pairs: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInput(f"--answer needs QUESTION_ID=VALUE, not {pair!r}")
        answers[key.strip()] = value
    return answers


def _ask(session) -> dict[str, str]:
    """Ask each question on the terminal; empty answers are skipped."""
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask on; give answers with --answer QUESTION_ID=VALUE")
    typer.echo(f"Feedback for session {session.number}: {session.title} (Enter skips a question)")
    answers = {}
    for q in session.feedback:
        if q.type == "scale":
            hint = f" [{q.scale_min} {q.min_label} … {q.scale_max} {q.max_label}]"
        elif q.type == "choice":
            hint = "".join(f"\n   {i}. {o}" for i, o in enumerate(q.options, 1)) + "\n  "
        else:
            hint = ""
        value = typer.prompt(f"{q.text}{hint}", default="", show_default=False)
        if value.strip():
            answers[q.id] = value
    return answers


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
    typer.echo(
        f"session {record.session_number}: {record.session_title} "
        f"({'shared' if record.shared else 'private'})"
    )
    for a in record.answers:
        typer.echo(f"  {a.question}\n    {a.value}")
