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
from peerjournal.i18n import _, ngettext

if TYPE_CHECKING:
    from peerjournal.promptset.model import PromptSet, Question

prompts_app = typer.Typer(
    help=_("Prompt sets: the sessions, reflection prompts and feedback forms a journal follows."),
    no_args_is_help=True,
    suggest_commands=False,
)
app.add_typer(prompts_app, name="prompts")

SetArg = Annotated[
    str, typer.Argument(help=_("A shipped set's id (see `prompts list`) or a file."))
]
LanguageOpt = Annotated[
    str | None,
    typer.Option(
        "--language", "-l", help=_("Language of a shipped set (en, fr...)."), show_default=False
    ),
]


def fail_with_problems(exc: PromptSetInvalid) -> None:
    """Print every problem on its own line on stderr, then stop with the error's exit code."""
    for problem in exc.problems:
        typer.echo(str(problem), err=True)
    raise typer.Exit(exc.exit_code)


def resolve(spec: str, language: str | None) -> PromptSet:
    """A shipped set by id, or the set in a file when `spec` names one (or looks like a path).
    Without `--language`, a shipped set comes in the language the command speaks when it has it
    (as `install` does), else in its first language."""
    from peerjournal.i18n import current_language
    from peerjournal.promptset import find_shipped, load_file

    path = Path(spec)
    try:
        if path.exists() or spec.endswith(".md") or "/" in spec or "\\" in spec:
            return load_file(path)
        if language is None:
            try:
                return find_shipped(spec, current_language())
            except NotFound:
                return find_shipped(spec, None)
        return find_shipped(spec, language)
    except PromptSetInvalid as exc:
        fail_with_problems(exc)
        raise  # unreachable: fail_with_problems always raises


@prompts_app.command(
    "list", help=_("The prompt sets shipped with peerjournal, one line per language.")
)
def list_sets(
    as_json: Annotated[
        bool, typer.Option("--json", help=_("Print JSON instead of a table."))
    ] = False,
) -> None:
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
    heads = [_("ID"), _("LANGUAGE"), _("VERSION"), _("SESSIONS"), _("TITLE")]
    widths = [max(width, len(heads[0])), max(8, len(heads[1])), max(7, len(heads[2]))]
    sessions_width = max(8, len(heads[3]))
    typer.echo(
        f"{heads[0]:<{widths[0]}}  {heads[1]:<{widths[1]}}  {heads[2]:<{widths[2]}}  "
        f"{heads[3]:>{sessions_width}}  {heads[4]}"
    )
    for s in sets:
        typer.echo(
            f"{s.id:<{widths[0]}}  {s.language:<{widths[1]}}  {s.version:<{widths[2]}}  "
            f"{len(s.sessions):>{sessions_width}}  {s.title}"
        )


def describe_question(q: Question) -> str:
    if q.type == "scale":
        return _("scale {low}-{high}: {low_label} … {high_label}").format(
            low=q.scale_min,
            high=q.scale_max,
            low_label=q.min_label or "…",
            high_label=q.max_label or "…",
        )
    if q.type == "choice":
        return _("choice: {options}").format(options=" | ".join(q.options))
    return _("text")


def summary_lines(ps: PromptSet) -> list[str]:
    """A facilitator's overview of a set: metadata, study, codebook, terms, every session."""
    lines = [
        ps.title,
        _("id {id} · version {version} · language {language}").format(
            id=ps.id, version=ps.version, language=ps.language
        ),
    ]
    if ps.authors:
        lines.append(_("authors: {authors}").format(authors="; ".join(ps.authors)))
    lines.append(
        _("source: {source} (sha256 {digest})").format(
            source=ps.source_name, digest=ps.content_hash[:12]
        )
    )
    if ps.study:
        st = ps.study
        lines += [
            _("study: {name} ({id})").format(name=st.name, id=st.id),
            _("  contact: {contact}").format(contact=st.contact),
            _("  retention: {retention}").format(retention=st.retention),
            _("  age key: {key}").format(key=st.age_recipient),
        ]
    else:
        lines.append(_("study: none"))
    themes = len(ps.codebook)
    lines.append(
        ngettext("codebook: {count} theme", "codebook: {count} themes", themes).format(count=themes)
    )
    lines += [
        f"  - {t.name}: {t.description}" if t.description else f"  - {t.name}" for t in ps.codebook
    ]
    lines.append(_("redaction terms: {count}").format(count=len(ps.redact_terms)))
    lines += [f"  - {t.kind.lower()}: {t.text}" for t in ps.redact_terms]
    for s in ps.sessions:
        lines += [
            "",
            _("Session {number}: {title}").format(number=s.number, title=s.title),
            _("  prompts:"),
        ]
        lines += [f"    {p.key}. {p.text}" for p in s.prompts]
        if s.feedback:
            lines.append(_("  feedback:"))
            lines += [f"    [{q.id}] {q.text} ({describe_question(q)})" for q in s.feedback]
    return lines


@prompts_app.command(
    "show", help=_("Show a prompt set's details, sessions, prompts and feedback questions.")
)
def show(spec: SetArg, language: LanguageOpt = None) -> None:
    ps = resolve(spec, language)
    for line in summary_lines(ps):
        typer.echo(line)
    if ps.source_name.startswith("shipped:"):
        from peerjournal.promptset import shipped_sets

        others = [s.language for s in shipped_sets() if s.id == ps.id and s is not ps]
        if others:
            typer.echo(
                "\n"
                + _("also shipped in: {languages} (use --language)").format(
                    languages=", ".join(others)
                )
            )


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
        typer.echo(_("{path}: {message}").format(path=path, message=exc.message))
        return None
    count = len(ps.sessions)
    typer.echo(
        ngettext(
            "ok {path} ({id} {version}, {language}, {count} session)",
            "ok {path} ({id} {version}, {language}, {count} sessions)",
            count,
        ).format(path=path, id=ps.id, version=ps.version, language=ps.language, count=count)
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


@prompts_app.command(
    "validate",
    help=_(
        "Check prompt set files: every problem with its file:line; files sharing an id are "
        "checked as translations of the first one. Exits 0 only when all are valid."
    ),
)
def validate(
    files: Annotated[list[Path], typer.Argument(help=_("Prompt set files to check."))],
) -> None:
    loaded = [validate_one(path) for path in files]
    valid = [ps for ps in loaded if ps is not None]
    bad = len(files) - len(valid) + check_translations(valid)
    if bad:
        raise PeerJournalError(
            ngettext(
                "{bad} of {count} prompt set file has problems (listed above)",
                "{bad} of {count} prompt set files have problems (listed above)",
                len(files),
            ).format(bad=bad, count=len(files))
        )


@prompts_app.command(
    "new", help=_("Write a starter prompt set to edit (never replaces an existing file).")
)
def new(
    title: Annotated[
        str,
        typer.Argument(
            help=_("The set's title, e.g. “Peer support training”."), metavar=_("TITLE")
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=_("File to write (default: TITLE as a file name)."),
            show_default=False,
        ),
    ] = None,
    language: Annotated[
        str, typer.Option("--language", "-l", help=_("Starter language: en or fr."))
    ] = "en",
) -> None:
    from peerjournal.promptset.starter import slug, starter_text

    if not title.strip():
        raise UsageError(
            _("the title is empty; give the set a title, e.g. “Peer support training”")
        )
    path = output or Path(f"{slug(title)}.md")
    text = starter_text(title, language, filename=str(path))  # NoStarter: one line, exit 2
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise UsageError(
            _("{path} already exists; nothing was written (choose another name with -o)").format(
                path=path
            )
        ) from None
    except FileNotFoundError:
        raise NotFound(
            _("no folder {folder} to write {name} into").format(folder=path.parent, name=path.name)
        ) from None
    typer.echo(_("wrote {path}").format(path=path))
    typer.echo(
        _(
            "edit it in any text editor, then check it with: peerjournal prompts validate {path}"
        ).format(path=path)
    )


@prompts_app.command("preview", help=_("Print a prompt set as participants will see it."))
def preview(
    spec: SetArg,
    language: LanguageOpt = None,
    session: Annotated[
        int | None,
        typer.Option("--session", "-s", help=_("Only this session."), min=1, show_default=False),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option("--width", help=_("Wrap at this many columns."), min=20, show_default=False),
    ] = None,
) -> None:
    """Print a prompt set as participants will see it."""
    from rich.console import Console
    from rich.markdown import Markdown

    from peerjournal.promptset.preview import participant_markdown

    ps = resolve(spec, language)
    if session is not None and ps.session(session) is None:
        numbers = ", ".join(str(s.number) for s in ps.sessions)
        raise NotFound(
            _("{title} has no session {number}; its sessions are {numbers}").format(
                title=ps.title, number=session, numbers=numbers
            )
        )
    console = Console(file=sys.stdout, width=width, highlight=False, emoji=False)
    console.print(Markdown(participant_markdown(ps, session)))
