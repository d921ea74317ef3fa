"""How entries look on a terminal (plain text; Markdown rendered with rich when it is a TTY)."""

from __future__ import annotations

import sys

import typer

from peerjournal import clock
from peerjournal.model import Entry, SearchHit


def _first_line(entry: Entry, width: int = 60) -> str:
    text = entry.title or next(
        (ln.strip("# ").strip() for ln in entry.body.splitlines() if ln.strip()), ""
    )
    return text if len(text) <= width else text[: width - 1] + "…"


def entry_line(entry: Entry) -> str:
    """One line per entry for lists: id, local time, title or first line, tags, markers."""
    when = clock.local(entry.created_at).strftime("%Y-%m-%d %H:%M")
    parts = [entry.short_id, when, _first_line(entry)]
    if entry.tags:
        parts.append(" ".join(f"#{t}" for t in entry.tags))
    if entry.session_number is not None:
        parts.append(f"(session {entry.session_number})")
    if entry.shared:
        parts.append("[shared]")
    return "  ".join(parts)


def print_entry(entry: Entry) -> None:
    when = clock.local(entry.created_at).strftime("%A %d %B %Y, %H:%M")
    header = [f"{entry.title or '(untitled)'}", f"{when} · {entry.short_id}"]
    if entry.tags:
        header.append("tags: " + ", ".join(entry.tags))
    if entry.mood is not None:
        header.append(f"mood: {entry.mood}/5")
    if entry.session_number is not None:
        header.append(f"session {entry.session_number}")
    header.append("shared with research" if entry.shared else "private")
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
