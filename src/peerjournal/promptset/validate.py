"""Check every value of a `Draft` and build the frozen `PromptSet`, reporting all problems at once.

Each check reports at the line where the value was written (or the heading of the part that lacks
it) with a hint in the facilitator's terms. Building goes on after a problem so that one run shows
everything; the set is returned only when nothing was reported.
"""

from __future__ import annotations

import re

from peerjournal.i18n import N_, _
from peerjournal.promptset import vocabulary as vocab
from peerjournal.promptset.draft import Draft, DraftQuestion, DraftSession, DraftStudy, Entry
from peerjournal.promptset.model import (
    Prompt,
    PromptSet,
    Question,
    RedactTerm,
    Session,
    Study,
    Theme,
    parse_version,
)
from peerjournal.promptset.problems import Problems

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}[a-z0-9]$|^[a-z0-9]$")
QUESTION_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
RANGE_PATTERN = re.compile(r"^(-?\d{1,3})\s*(?:-|–|—|to|à|a|\.\.)\s*(-?\d{1,3})$")
MAX_PROMPTS = 10
MAX_SESSION = 999
MAX_SCALE_POINTS = 11
ID_HINT = N_("lowercase letters, digits and dashes, like 'peer-advocate-training'")


def checked_version(entry: Entry | None, problems: Problems, line: int) -> str:
    if entry is None or not entry.value:
        problems.report(
            line, _("the set has no version"), _("add '- version: 1.0' under the title")
        )
        return ""
    try:
        parse_version(entry.value)
    except ValueError:
        problems.report(
            entry.line,
            _("bad version '{value}'").format(value=entry.value),
            _("use numbers with dots, e.g. 1.0 or 2.1.3; raise it when you change the set"),
        )
    return entry.value


def checked_id(entry: Entry | None, problems: Problems, line: int, what: str) -> str:
    if entry is None or not entry.value:
        missing = _("the set has no id") if what == "set" else _("the study has no id")
        problems.report(line, missing, _("add '- id: ...' with {hint}").format(hint=_(ID_HINT)))
        return ""
    if not ID_PATTERN.match(entry.value):
        bad = _("bad set id '{value}'") if what == "set" else _("bad study id '{value}'")
        problems.report(entry.line, bad.format(value=entry.value), _(ID_HINT))
    return entry.value


def checked_language(entry: Entry | None, problems: Problems, line: int) -> str:
    if entry is None or not entry.value:
        problems.report(
            line, _("the set has no language"), _("add '- language: en', or fr, fr-CA...")
        )
        return ""
    if not LANGUAGE_PATTERN.match(entry.value):
        problems.report(
            entry.line,
            _("bad language '{value}'").format(value=entry.value),
            _("use a language code such as en, fr or fr-CA"),
        )
    return entry.value


def checked_age_key(entry: Entry | None, problems: Problems, line: int) -> str:
    """The researchers' age public key; pyrage decides whether it is a real X25519 recipient."""
    if entry is None or not entry.value:
        problems.report(
            line,
            _("the study has no age key"),
            _("add '- age key: age1...' with the researchers' public key"),
        )
        return ""
    from pyrage import x25519

    value = entry.value.strip("`<> ")
    try:
        x25519.Recipient.from_str(value)
    except Exception:
        problems.report(
            entry.line,
            _("malformed age key"),
            _("paste the researchers' public key exactly: one word starting with 'age1'"),
        )
    return value


def required(entry: Entry | None, problems: Problems, line: int, message: str, hint: str) -> str:
    if entry is None or not entry.value:
        problems.report(line, message, hint)
        return ""
    return entry.value


def build_study(study: DraftStudy, problems: Problems) -> Study:
    keys, line = study.keys, study.line
    consent = "\n\n".join(b for b in study.consent if b.strip())
    if not consent:
        problems.report(
            study.consent_line or line,
            _("the study has no consent text"),
            _("write what participants agree to under '### Consent'"),
        )
    return Study(
        id=checked_id(keys.get("id"), problems, line, "study"),
        name=required(
            keys.get("name"),
            problems,
            line,
            _("the study has no name"),
            _("add '- name: ...' to the study"),
        ),
        contact=required(
            keys.get("contact"),
            problems,
            line,
            _("the study has no contact"),
            _("add '- contact: ...' so participants can reach the researchers"),
        ),
        consent_text=consent,
        age_recipient=checked_age_key(keys.get("age key"), problems, line),
        retention=required(
            keys.get("retention"),
            problems,
            line,
            _("the study says nothing on retention"),
            _("add '- retention: ...' saying how long shared entries are kept"),
        ),
    )


def scale_fields(q: DraftQuestion, problems: Problems) -> tuple[int | None, int | None]:
    entry = q.settings.get("range")
    if entry is None:
        problems.report(
            q.line, _("a scale question without a range"), _("add '- range: 1-5' under it")
        )
        return None, None
    match = RANGE_PATTERN.match(entry.value.strip())
    if not match:
        problems.report(
            entry.line,
            _("bad range '{value}'").format(value=entry.value),
            _("write two whole numbers, e.g. 1-5"),
        )
        return None, None
    low, high = int(match.group(1)), int(match.group(2))
    if low >= high or high - low + 1 > MAX_SCALE_POINTS:
        problems.report(
            entry.line,
            _("bad range '{value}'").format(value=entry.value),
            _("the first number must be smaller, with at most {count} points").format(
                count=MAX_SCALE_POINTS
            ),
        )
    return low, high


def question_type(q: DraftQuestion, problems: Problems) -> str:
    entry = q.settings.get("type")
    if entry is None:
        return "choice" if q.options else "text"
    kind = vocab.QUESTION_TYPES.get(vocab.normalise(entry.value))
    if kind is None:
        problems.report(
            entry.line,
            _("unknown question type '{value}'").format(value=entry.value),
            _("use text, scale or choice"),
        )
        return "text"
    return kind


def build_question(q: DraftQuestion, position: int, problems: Problems) -> Question:
    if not q.text:
        problems.report(
            q.line, _("an empty feedback question"), _("write the question, or remove the line")
        )
    kind = question_type(q, problems)
    explicit = q.settings.get("id")
    qid = explicit.value if explicit else f"q{position}"
    if explicit and not QUESTION_ID_PATTERN.match(qid):
        problems.report(
            explicit.line,
            _("bad question id '{value}'").format(value=qid),
            _("lowercase letters, digits, '-' or '_', e.g. 'pace'"),
        )
    low = high = None
    if kind == "scale":
        low, high = scale_fields(q, problems)
    else:
        for name in ("range", "low", "high"):
            if name in q.settings:
                problems.report(
                    q.settings[name].line,
                    _("'{name}' is only for scale questions").format(name=name),
                    _("add '- type: scale' or remove this line"),
                )
    labelled = [option_parts(o.value) for o in q.options]
    options = [label for label, _code in labelled]
    codes = [code for _label, code in labelled]
    if kind == "choice":
        check_options(q, problems)
    elif q.options:
        problems.report(
            q.options[0].line,
            _("options are only for choice questions"),
            _("add '- type: choice' or remove the options"),
        )
    return Question(
        id=qid,
        text=q.text,
        type=kind,  # type: ignore[arg-type]
        scale_min=low,
        scale_max=high,
        min_label=q.settings["low"].value if "low" in q.settings else "",
        max_label=q.settings["high"].value if "high" in q.settings else "",
        options=tuple(options) if kind == "choice" else (),
        option_ids=_option_ids(codes) if kind == "choice" else (),
    )


OPTION_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9_-]{0,39})\}\s*$")


def option_parts(value: str) -> tuple[str, str | None]:
    """('Too slow', 'slow') for `Too slow {#slow}`; (value, None) when no id is written."""
    found = OPTION_ID.search(value)
    if found is None:
        return value, None
    return value[: found.start()].rstrip(), found.group(1)


def _option_ids(codes: list[str | None]) -> tuple[str, ...]:
    """Every option's code: all written, or none (then positions); a mix keeps positions."""
    if codes and all(c is not None for c in codes):
        return tuple(c for c in codes if c is not None)
    return ()


def check_options(q: DraftQuestion, problems: Problems) -> None:
    if len(q.options) < 2:
        problems.report(
            q.line,
            _("a choice question needs at least two options"),
            _("add lines '- option: ...' under it"),
        )
    seen: dict[str, int] = {}
    codes = [option_parts(o.value)[1] for o in q.options]
    if any(codes) and not all(codes):
        problems.report(
            q.line,
            _("some options have an id ({#...}) and some do not"),
            _("give every option of this question an id, or none"),
        )
    if len({c for c in codes if c}) < len([c for c in codes if c]):
        problems.report(q.line, _("two options share one id"), _("give each option its own {#id}"))
    for option in q.options:
        if not option.value:
            problems.report(
                option.line, _("an empty option"), _("write the option after 'option:'")
            )
        elif option.value.casefold() in seen:
            problems.report(
                option.line,
                _("the option '{value}' is given twice").format(value=option.value),
                _("the first is on line {line}").format(line=seen[option.value.casefold()]),
            )
        seen.setdefault(option.value.casefold(), option.line)


def session_number(s: DraftSession) -> int | None:
    """The heading's session number when it is one in 1..MAX_SESSION, written in ASCII digits
    (`str.isdigit` also accepts '²', which `int` refuses)."""
    text = s.number
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_SESSION else None


def build_session(s: DraftSession, problems: Problems) -> Session:
    number = session_number(s)
    if number is None:
        problems.report(
            s.line,
            _("a session heading without a session number"),
            _("write it as '## Session 1: Title', numbered 1 to {count}").format(count=MAX_SESSION),
        )
    if not s.title:
        problems.report(
            s.line, _("a session without a title"), _("write it as '## Session 1: Title'")
        )
    if not s.prompts:
        problems.report(
            s.line,
            _("a session without reflection prompts"),
            _("add a '### Prompts' heading and a numbered list; 3 to 5 prompts work well"),
        )
    if len(s.prompts) > MAX_PROMPTS:
        problems.report(
            s.prompts[MAX_PROMPTS].line,
            _("more than {count} prompts in one session").format(count=MAX_PROMPTS),
            _("3 to 5 prompts work well; split the session or trim the list"),
        )
    prompts = []
    for key, entry in enumerate(s.prompts, start=1):
        if not entry.value:
            problems.report(
                entry.line, _("an empty prompt"), _("write the prompt, or remove the line")
            )
        prompts.append(Prompt(key=key, text=entry.value))
    questions = [build_question(q, i, problems) for i, q in enumerate(s.questions, start=1)]
    first_line: dict[str, int] = {}
    for q, draft in zip(questions, s.questions, strict=True):
        if q.id in first_line:
            problems.report(
                draft.line,
                _("two questions share the id '{value}'").format(value=q.id),
                _("the other is on line {line}; give one '- id: ...'").format(
                    line=first_line[q.id]
                ),
            )
        first_line.setdefault(q.id, draft.line)
    return Session(
        number=number or 0,
        title=s.title,
        intro="\n\n".join(b for b in s.intro if b.strip()),
        prompts=tuple(prompts),
        feedback=tuple(questions),
    )


def check_order(sessions: list[DraftSession], problems: Problems) -> None:
    """Session numbers are unique and increase down the file."""
    seen: dict[int, int] = {}
    previous = 0
    for s in sessions:
        number = session_number(s)
        if number is None:
            continue
        if number in seen:
            problems.report(
                s.line,
                _("session {number} appears twice").format(number=number),
                _("the first is on line {line}; renumber one of them").format(line=seen[number]),
            )
        elif number < previous:
            problems.report(
                s.line,
                _("session {number} comes after session {previous}").format(
                    number=number, previous=previous
                ),
                _("put sessions in order of their numbers"),
            )
        seen.setdefault(number, s.line)
        previous = max(previous, number)


def build_terms(draft: Draft, problems: Problems) -> tuple[RedactTerm, ...]:
    terms = []
    for term in draft.terms:
        kind = vocab.TERM_KINDS.get(vocab.normalise(term.kind))
        if kind is None:
            problems.report(
                term.line,
                _("unknown kind of term '{kind}'").format(kind=term.kind),
                _("write '- location: ...' or '- person: ...'"),
            )
        elif not term.text:
            problems.report(
                term.line, _("an empty redaction term"), _("write the word after the colon")
            )
        else:
            terms.append(RedactTerm(term.text, kind))  # type: ignore[arg-type]
    return tuple(terms)


def build_codebook(draft: Draft, problems: Problems) -> tuple[Theme, ...]:
    themes, seen = [], set()
    for theme in draft.codebook:
        if not theme.name:
            problems.report(
                theme.line, _("a theme without a name"), _("write '- Name: short description'")
            )
        elif theme.name.casefold() in seen:
            problems.report(
                theme.line,
                _("the theme '{name}' is given twice").format(name=theme.name),
                _("keep one"),
            )
        seen.add(theme.name.casefold())
        themes.append(Theme(theme.name, theme.description))
    return tuple(themes)


def build(draft: Draft, problems: Problems, source: str) -> PromptSet | None:
    """The checked `PromptSet`, or None when any problem (from reading or here) was reported."""
    top = draft.title_line or 1
    if not draft.title_line:
        problems.report(
            1, _("the set has no title"), _("start the file with a line '# Your title'")
        )
    meta = draft.metadata
    written = meta["authors"].value if "authors" in meta else ""
    authors = [a.strip() for a in written.split(";" if ";" in written else ",")]
    if not draft.sessions and not draft.misspelled_sessions:  # a near miss is said at its line
        problems.report(top, _("the set has no sessions"), _("add a '## Session 1: Title' section"))
    check_order(draft.sessions, problems)
    result = PromptSet(
        id=checked_id(meta.get("id"), problems, top, "set"),
        title=draft.title,
        version=checked_version(meta.get("version"), problems, top),
        language=checked_language(meta.get("language"), problems, top),
        authors=tuple(a for a in authors if a),
        study=build_study(draft.study, problems) if draft.study else None,
        codebook=build_codebook(draft, problems),
        redact_terms=build_terms(draft, problems),
        sessions=tuple(build_session(s, problems) for s in draft.sessions),
        source=source,
        source_name=problems.source_name,
        description="\n\n".join(b for b in draft.description if b.strip()),
    )
    return None if problems else result
