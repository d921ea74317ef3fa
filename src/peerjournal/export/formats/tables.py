"""Flat tables of a bundle (one row per entry, one row per feedback answer), for CSV writers.

Shared by the per-participant CSV export and the researchers' merged tables, so both spell
cells the same way: empty for missing, `true`/`false`, lists joined with "; ".

Spreadsheets run a cell that starts with `=`, `+`, `-`, `@` (or a tab or carriage return) as a
formula, and a participant's words can start that way. So every such cell, and every cell that
starts with `'`, gets one `'` in front (a plain number such as `-3` is left alone: it is no
formula). Spreadsheets then show the text as written; R and pandas users undo it exactly by
dropping one leading `'` from every text cell that has one (docs/export-format.md shows how).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from peerjournal.export.bundle import Bundle

ENTRY_COLUMNS = (
    "item_id",
    "session_number",
    "session_title",
    "prompt_text",
    "week",
    "title",
    "body",
    "word_count",
    "tags",
    "mood",
)
FEEDBACK_COLUMNS = (
    "item_id",
    "session_number",
    "session_title",
    "week",
    "question_id",
    "question",
    "type",
    "answer",
    "answer_code",
)
CODEBOOK_COLUMNS = ("name", "description")


def cell(value: Any) -> str:
    """One CSV cell: "" for None, true/false, lists joined by "; ", numbers as written."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple | list):
        return "; ".join(cell(v) for v in value)
    return str(value)


def entry_rows(bundle: Bundle) -> list[list[str]]:
    """One row per entry, in `ENTRY_COLUMNS` order."""
    return [[cell(getattr(e, c)) for c in ENTRY_COLUMNS] for e in bundle.entries]


def feedback_rows(bundle: Bundle) -> list[list[str]]:
    """One row per answer of every feedback form, in `FEEDBACK_COLUMNS` order."""
    rows = []
    for form in bundle.feedback:
        head = [
            cell(form.item_id),
            cell(form.session_number),
            cell(form.session_title),
            cell(form.week),
        ]
        for a in form.answers:
            rows.append([*head, a.question_id, a.question, a.type, cell(a.answer), cell(a.code)])
    return rows


def codebook_rows(bundle: Bundle) -> list[list[str]]:
    return [[c.name, c.description] for c in bundle.codebook]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def defused(text: str) -> str:
    """`text` safe to open in a spreadsheet, reversibly (see the module docstring)."""
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]], defuse: bool = True) -> str:
    """RFC 4180 CSV (quoted where needed, `\\n` line ends), as R and pandas read it by default;
    formula-like cells defused unless `defuse` is False."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([defused(c) for c in row] if defuse else row for row in rows)
    return out.getvalue()
