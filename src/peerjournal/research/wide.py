"""The wide feedback table (one row per feedback form, one column per question) and the data
dictionary that says what every column of it holds (REDCap's layout: variable, form, type, label,
choices, range).

A question's column is `s<session>_<question id>`: question ids repeat between sessions (`q1`), so
the session is part of the name. A scale answer is a whole number; a choice answer is the
option's stable code (the same in every language), with its label beside it in
`s<session>_<question id>_label`; a text answer is the (redacted) text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from peerjournal.export.bundle import Bundle, Question
from peerjournal.export.formats.tables import cell
from peerjournal.i18n import N_, _

# Column names, forms and types are codes that researchers' scripts read: the same in every
# language. The label is read by a person, so the dictionary gives it in the researcher's
# language (the language the command runs in); question labels stay in the participants' words.
FIXED_COLUMNS = (
    ("participant_code", "text", N_("the participant's random code")),
    ("study_id", "text", N_("the study")),
    ("prompt_set_id", "text", N_("the prompt set")),
    # Translators: "1.10 is not 1.1" is about version numbers compared as written.
    ("prompt_set_version", "text", N_("its version, as written (1.10 is not 1.1)")),
    # Translators: en and fr are language codes; keep them as they are.
    ("language", "text", N_("the language the participant used (en, fr)")),
    ("item_id", "text", N_("random id of the form")),
    ("session_number", "integer", N_("the session")),
    ("session_title", "text", N_("its title in the participant's language")),
    # Translators: 2026-W45 is an ISO week as written in the data; keep it as it is.
    ("week", "text", N_("ISO week the form was filled in (2026-W45)")),
)
DICTIONARY_COLUMNS = ("variable", "form", "type", "label", "choices", "range")


@dataclass(frozen=True)
class Variable:
    name: str
    session: int
    question: Question


def _from_answers(bundles: Sequence[Bundle]) -> list[Question]:
    """Questions as the answers show them, for exports that carry no question list (version 1)."""
    found = []
    for b in bundles:
        for form in b.feedback:
            for a in form.answers:
                found.append(Question(form.session_number or 0, a.question_id, a.question, a.type))
    return found


def variables(bundles: Sequence[Bundle]) -> list[Variable]:
    """Every question of every kept snapshot, in session order. Its words are those of the first
    language in code order (`en` before `fr`), so the dictionary does not change with the order
    of the files."""
    by_language = sorted(bundles, key=lambda b: b.manifest.language or "")
    seen: dict[tuple[int, str], Question] = {}
    for q in [q for b in by_language for q in b.questions] + _from_answers(by_language):
        seen.setdefault((q.session_number, q.question_id), q)
    ordered = sorted(seen.items(), key=lambda kv: kv[0][0])
    return [Variable(f"s{n}_{qid}", n, q) for (n, qid), q in ordered]


def _columns(variables: Sequence[Variable]) -> list[str]:
    names = []
    for v in variables:
        names.append(v.name)
        if v.question.question_type == "choice":
            names.append(v.name + "_label")
    return names


def wide_table(
    bundles: Sequence[Bundle], prefix: Sequence[Sequence[str]]
) -> tuple[list[str], list[list[str]]]:
    """(header, rows): one row per feedback form; `prefix[i]` is bundle i's participant cells."""
    found = variables(bundles)
    header = [name for name, _type, _label in FIXED_COLUMNS] + _columns(found)
    rows = []
    for b, head in zip(bundles, prefix, strict=True):
        for form in b.feedback:
            values: dict[str, str] = {}
            for a in form.answers:
                name = f"s{form.session_number or 0}_{a.question_id}"
                if a.type == "choice":
                    values[name] = cell(a.code)
                    values[name + "_label"] = cell(a.answer)
                else:
                    values[name] = cell(a.answer)
            fixed = [cell(form.item_id), cell(form.session_number), cell(form.session_title)]
            rows.append([*head, *fixed, form.week, *(values.get(c, "") for c in _columns(found))])
    return header, rows


def _choices(q: Question) -> str:
    return " | ".join(f"{o.code}, {o.label}" for o in q.options)


def _range(q: Question) -> str:
    if q.scale_min is None or q.scale_max is None:
        return ""
    return f"{q.scale_min}-{q.scale_max}"


def dictionary_rows(bundles: Sequence[Bundle]) -> list[list[str]]:
    """One row per column of the wide table; the fixed columns' labels in the current language."""
    rows = [[name, "feedback_wide", kind, _(label), "", ""] for name, kind, label in FIXED_COLUMNS]
    types = {"scale": "integer", "choice": "choice", "text": "text"}
    for v in variables(bundles):
        q = v.question
        form = f"session_{v.session}"
        rows.append(
            [v.name, form, types.get(q.question_type, "text"), q.question, _choices(q), _range(q)]
        )
        if q.question_type == "choice":
            rows.append([v.name + "_label", form, "text", q.question, "", ""])
    return rows
