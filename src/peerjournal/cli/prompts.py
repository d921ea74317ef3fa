"""`peerjournal prompts ...`: list, show, check, start and preview prompt sets.

These commands work on files and on the sets shipped with peerjournal; none opens a journal.
Commands that act on a journal (`prompts install`) register on the same group from their own module:

    from peerjournal.cli.prompts import prompts_app

    @prompts_app.command("install")
    def install(...): ...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peerjournal.cli.app import app
from peerjournal.errors import NotFound, PeerJournalError, PromptSetInvalid, UsageError

if TYPE_CHECKING:
    from peerjournal.promptset.model import PromptSet, Question

prompts_app = typer.Typer(
    help="Prompt sets: the sessions, reflection prompts and feedback forms a journal follows.",
    no_args_is_help=True,
)
app.add_typer(prompts_app, name="prompts")

SetArg = Annotated[str, typer.Argument(help="A shipped set's id (see `prompts list`) or a file.")]
LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language", "-l", help="Language of a shipped set (en, fr...).", show_default=False
    ),
]


def fail_with_problems(exc: PromptSetInvalid) -> None:
    """Print every problem on its own line on stderr, then stop with the error's exit code."""
    for problem in exc.problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(exc.exit_code)


def resolve(spec: str, language: str | None) -> PromptSet:
    """A shipped set by id, or the set in a file when `spec` names one (or looks like a path)."""
    from peerjournal.promptset import find_shipped, load_file

    path = Path(spec)
    try:
        if path.exists() or spec.endswith(".md") or "/" in spec or "\\" in spec:
            return load_file(path)
        return find_shipped(spec, language)
    except PromptSetInvalid as exc:
        fail_with_problems(exc)
        raise  # unreachable: fail_with_problems always raises


@prompts_app.command("list")
def list_sets(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """The prompt sets shipped with peerjournal, one line per language."""
    from peerjournal.promptset import shipped_sets

    sets = shipped_sets()
    if as_json:
        rows = [
            {
                "id": s.id,
                "language": s.language,
                "version": s.version,
                "title": s.title,
                "sessions": len(s.sessions),
            }
            for s in sets
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max([len(s.id) for s in sets] + [2])
    typer.echo(f"{'ID':<{width}}  LANGUAGE  VERSION  SESSIONS  TITLE")
    for s in sets:
        typer.echo(
            f"{s.id:<{width}}  {s.language:<8}  {s.version:<7}  {len(s.sessions):>8}  {s.title}"
        )


def describe_question(q: Question) -> str:
    if q.type == "scale":
        return f"scale {q.scale_min}-{q.scale_max}: {q.min_label or '…'} … {q.max_label or '…'}"
    if q.type == "choice":
        return "choice: " + " | ".join(q.options)
    return "text"


def summary_lines(ps: PromptSet) -> list[str]:
    """A facilitator's overview of a set: metadata, study, codebook, terms, every session."""
    lines = [ps.title, f"id {ps.id} · version {ps.version} · language {ps.language}"]
    if ps.authors:
        lines.append("authors: " + "; ".join(ps.authors))
    lines.append(f"source: {ps.source_name} (sha256 {ps.content_hash[:12]})")
    if ps.study:
        st = ps.study
        lines += [
            f"study: {st.name} ({st.id})",
            f"  contact: {st.contact}",
            f"  retention: {st.retention}",
            f"  age key: {st.age_recipient}",
        ]
    else:
        lines.append("study: none")
    lines.append(f"codebook: {len(ps.codebook)} themes")
    lines += [
        f"  - {t.name}: {t.description}" if t.description else f"  - {t.name}" for t in ps.codebook
    ]
    lines.append(f"redaction terms: {len(ps.redact_terms)}")
    lines += [f"  - {t.kind.lower()}: {t.text}" for t in ps.redact_terms]
    for s in ps.sessions:
        lines += ["", f"Session {s.number}: {s.title}", "  prompts:"]
        lines += [f"    {p.key}. {p.text}" for p in s.prompts]
        if s.feedback:
            lines.append("  feedback:")
            lines += [f"    [{q.id}] {q.text} ({describe_question(q)})" for q in s.feedback]
    return lines


@prompts_app.command("show")
def show(spec: SetArg, language: LanguageOpt = None) -> None:
    """Show a prompt set's details, sessions, prompts and feedback questions."""
    ps = resolve(spec, language)
    for line in summary_lines(ps):
        typer.echo(line)
    if ps.source_name.startswith("shipped:"):
        from peerjournal.promptset import shipped_sets

        others = [s.language for s in shipped_sets() if s.id == ps.id and s is not ps]
        if others:
            typer.echo(f"\nalso shipped in: {', '.join(others)} (use --language)")


def validate_one(path: Path) -> PromptSet | None:
    """Load one file for `validate`, printing its problems (stdout) or its ok line."""
    from peerjournal.promptset import load_file

    try:
        ps = load_file(path)
    except PromptSetInvalid as exc:
        for problem in exc.problems:
            typer.echo(str(problem))
        return None
    except PeerJournalError as exc:
        typer.echo(f"{path}: {exc.message}")
        return None
    count = len(ps.sessions)
    typer.echo(
        f"ok {path} ({ps.id} {ps.version}, {ps.language}, {count} session{'s' * (count != 1)})"
    )
    return ps


def check_translations(sets: list[PromptSet]) -> int:
    """Compare each file with the first file of the same id in another language (files of one
    id and language are versions of each other, not translations); print problems; count bad
    files."""
    from peerjournal.promptset.translation import check_translation

    bad = 0
    first_of: dict[str, PromptSet] = {}
    for ps in sets:
        original = first_of.setdefault(ps.id, ps)
        if original.language.casefold() == ps.language.casefold():
            continue
        problems = check_translation(original, ps)
        for problem in problems:
            typer.echo(str(problem))
        bad += bool(problems)
    return bad


@prompts_app.command("validate")
def validate(
    files: Annotated[list[Path], typer.Argument(help="Prompt set files to check.")],
) -> None:
    """Check prompt set files: every problem with its file:line; files sharing an id are
    checked as translations of the first one. Exits 0 only when all are valid."""
    loaded = [validate_one(path) for path in files]
    valid = [ps for ps in loaded if ps is not None]
    bad = len(files) - len(valid) + check_translations(valid)
    if bad:
        raise PeerJournalError(
            f"{bad} of {len(files)} prompt set files have problems (listed above)"
        )


@prompts_app.command("new")
def new(
    title: Annotated[str, typer.Argument(help='The set\'s title, e.g. "Peer support training".')],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="File to write (default: TITLE as a file name).",
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        str, typer.Option("--language", "-l", help="Starter language: en or fr.")
    ] = "en",
) -> None:
    """Write a starter prompt set to edit (never replaces an existing file)."""
    from peerjournal.promptset.starter import TEMPLATES, slug, starter_text

    if not title.strip():
        raise UsageError('the title is empty; give the set a title, e.g. "Peer support training"')
    if language.split("-")[0].lower() not in TEMPLATES:
        raise UsageError(f"no starter in {language!r}; choose one of: {', '.join(TEMPLATES)}")
    path = output or Path(f"{slug(title)}.md")
    text = starter_text(title, language, filename=str(path))
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(
            f"{path} already exists; nothing was written (choose another name with -o)"
        ) from None
    except FileNotFoundError:
        raise NotFound(f"no folder {path.parent} to write {path.name} into") from None
    typer.echo(f"wrote {path}")
    typer.echo(
        f"edit it in any text editor, then check it with: peerjournal prompts validate {path}"
    )


@prompts_app.command("preview")
def preview(
    spec: SetArg,
    language: LanguageOpt = None,
    session: Annotated[
        int | None,
        typer.Option("--session", "-s", help="Only this session.", min=1, show_default=False),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option("--width", help="Wrap at this many columns.", min=20, show_default=False),
    ] = None,
) -> None:
    """Print a prompt set as participants will see it."""
    from rich.console import Console
    from rich.markdown import Markdown

    from peerjournal.promptset.preview import participant_markdown

    ps = resolve(spec, language)
    if session is not None and ps.session(session) is None:
        numbers = ", ".join(str(s.number) for s in ps.sessions)
        raise NotFound(f"{ps.title} has no session {session}; its sessions are {numbers}")
    console = Console(file=sys.stdout, width=width, highlight=False, emoji=False)
    console.print(Markdown(participant_markdown(ps, session)))
