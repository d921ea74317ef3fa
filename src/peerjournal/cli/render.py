"""How entries look on a terminal (plain text; Markdown rendered with rich when it is a TTY)."""

from __future__ import annotations

import sys

import typer

from peerjournal import clock
from peerjournal.i18n import _, format_date, format_time
from peerjournal.model import Entry, SearchHit


def _first_line(entry: Entry, width: int = 60) -> str:
    text = entry.title or next(
        (ln.strip("# ").strip() for ln in entry.body.splitlines() if ln.strip()), ""
    )
    return text if len(text) <= width else text[: width - 1] + "…"


def entry_line(entry: Entry) -> str:
    """One line per entry for lists: id, local time, title or first line, tags, markers."""
    when = clock.local(entry.created_at).strftime("%Y-%m-%d %H:%M")  # sortable, every language
    parts = [entry.short_id, when, _first_line(entry)]
    if entry.tags:
        parts.append(" ".join(f"#{t}" for t in entry.tags))
    if entry.session_number is not None:
        parts.append(_("(session {number})").format(number=entry.session_number))
    if entry.shared:
        parts.append(_("[shared]"))
    return "  ".join(parts)


def print_entry(entry: Entry) -> None:
    moment = clock.local(entry.created_at)
    when = _("{date}, {time}").format(
        date=format_date(moment.date(), "full"), time=format_time(moment, "short")
    )
    header = [entry.title or _("(untitled)"), f"{when} · {entry.short_id}"]
    if entry.tags:
        header.append(_("tags: {tags}").format(tags=", ".join(entry.tags)))
    if entry.mood is not None:
        header.append(_("mood: {mood}/5").format(mood=entry.mood))
    if entry.session_number is not None:
        header.append(_("session {number}").format(number=entry.session_number))
    header.append(_("shared with research") if entry.shared else _("private"))
    typer.echo("\n".join(header))
    if entry.prompt_text:
        typer.echo(f"\n> {entry.prompt_text}")
    typer.echo("")
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(entry.body))
    else:
        typer.echo(entry.body)


def print_hit(hit: SearchHit) -> None:
    styled = sys.stdout.isatty()
    snippet = "".join(
        (typer.style(text, bold=True, reverse=True) if styled else f"[{text}]") if match else text
        for text, match in hit.snippet
    )
    typer.echo(entry_line(hit.entry))
    typer.echo("    " + " ".join(snippet.split()))


def say_nothing(message: str) -> None:
    """Say that a listing is empty, on stderr: a person at a terminal sees why nothing came, and
    a pipe reading stdout still gets nothing at all (no line to filter out)."""
    typer.echo(message, err=True)
