"""REFI-QDA project (.qdpx): opens in NVivo, ATLAS.ti, MAXQDA and QualCoder.

Layout of the zip: `project.qde` (XML, namespace urn:QDA-XML:project:1.0, validated in the tests
against Project-mrt2019.xsd) and `sources/<guid>.txt` (UTF-8 without BOM, `\\n` line ends), one
per entry and per feedback form. One Case per participant code; session, week and the like are
Variables with values on each TextSource; the prompt set's codebook becomes Codes. Each feedback
question is a Code too (under "Feedback questions"), and each answer a PlainTextSelection coded
with its question's Code, so QDA tools show answers by question. Positions count characters
(code points) of the stored text. One User, the export itself, is named as the creator of the
codings.

GUIDs: sources reuse the item's random UUID; cases, codes and variables get name-based UUIDs
(uuid5) so that two projects of the same study agree on them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from peerjournal.export.bundle import Bundle, ExportEntry, ExportFeedback, bundle_to_json
from peerjournal.export.formats.tables import cell
from peerjournal.export.formats.zipped import BUNDLE_MEMBER, zip_members

NS = "urn:QDA-XML:project:1.0"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
GUID_NAMESPACE = uuid.UUID("3f1d2c9e-5b7a-4e8c-9a61-2d4f0b7c8e15")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# (name, REFI type, description) of the variables each TextSource may carry.
SOURCE_VARIABLES = (
    ("item_type", "Text", "entry or feedback"),
    ("session_number", "Integer", "number of the session the item belongs to"),
    ("session_title", "Text", "title of that session in the prompt set"),
    ("week", "Text", "ISO week the item was written (e.g. 2026-W48)"),
    ("word_count", "Integer", "words in the entry as written, before redaction"),
    ("mood", "Text", "mood the participant chose for the entry"),
    ("tags", "Text", "the entry's tags, redacted, joined by '; '"),
    ("language", "Text", "language of the prompt set the participant used (en, fr)"),
)
CASE_VARIABLES = (
    ("prompt_set", "Text", "prompt set id and version the participant used"),
    ("exported_week", "Text", "ISO week of the participant's snapshot"),
)
VALUE_ELEMENT = {"Text": "TextValue", "Integer": "IntegerValue"}


def xml_text(text: str) -> str:
    """Text safe inside XML 1.0 (control characters become U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


@lru_cache(maxsize=4096)
def name_guid(kind: str, name: str) -> str:
    """A name-based GUID (uuid5): the same study names give the same GUIDs in every project."""
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{name}"))


@dataclass(frozen=True)
class _Source:
    guid: str
    name: str
    text: str
    description: str | None
    values: Mapping[str, object]
    selections: tuple[tuple[str, int, int], ...] = ()  # (question id, start, end)


class _Xml:
    """A small streaming XML writer (plain strings: ElementTree was the slow part at 10,000
    sources). Text and attribute values are made XML-safe and escaped here, once."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    @staticmethod
    def _attrs(attrs: dict[str, str]) -> str:
        return "".join(f" {k}={quoteattr(xml_text(v))}" for k, v in attrs.items())

    def open(self, tag: str, **attrs: str) -> None:
        self.parts.append(f"<{tag}{self._attrs(attrs)}>")

    def close(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def leaf(self, tag: str, text: str | None = None, **attrs: str) -> None:
        if text is None:
            self.parts.append(f"<{tag}{self._attrs(attrs)}/>")
        else:
            self.parts.append(f"<{tag}{self._attrs(attrs)}>{escape(xml_text(text))}</{tag}>")

    def bytes(self) -> bytes:
        return XML_DECLARATION + "".join(self.parts).encode("utf-8")


def question_guid(session_number: int | None, question_id: str) -> str:
    """The Code of one feedback question: the same GUID in every project of the study."""
    return name_guid("question", f"s{session_number or 0}_{question_id}")


USER_GUID = name_guid("user", "peerjournal export")


def _entry_source(code: str, n: int, e: ExportEntry, language: str | None) -> _Source:
    values = {
        "item_type": "entry",
        "session_number": e.session_number,
        "session_title": e.session_title,
        "week": e.week,
        "word_count": e.word_count,
        "mood": None if e.mood is None else cell(e.mood),
        "tags": cell(e.tags) or None,
        "language": language,
    }
    described = [f"Prompt: {e.prompt_text}" if e.prompt_text else "", e.title or ""]
    return _Source(
        e.item_id,
        f"{code} entry {n} ({e.week})",
        e.body,
        "\n".join(d for d in described if d) or None,
        values,
    )


def feedback_text(form: ExportFeedback) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The stored text of a form (question line, answer, blank line) and each answer's span."""
    parts: list[str] = []
    spans = []
    pos = 0
    for a in form.answers:
        head = f"{a.question}\n"
        answer = cell(a.answer)
        parts += [head, answer, "\n\n"]
        start = pos + len(head)
        spans.append((a.question_id, start, start + len(answer)))
        pos = start + len(answer) + 2
    return "".join(parts), tuple(spans)


def _feedback_source(code: str, n: int, f: ExportFeedback, language: str | None) -> _Source:
    text, spans = feedback_text(f)
    values = {
        "item_type": "feedback",
        "session_number": f.session_number,
        "session_title": f.session_title,
        "week": f.week,
        "language": language,
    }
    return _Source(f.item_id, f"{code} feedback {n} ({f.week})", text, None, values, spans)


def _sources_of(bundle: Bundle) -> list[_Source]:
    code, language = bundle.manifest.participant_code, bundle.manifest.language
    out = [_entry_source(code, i, e, language) for i, e in enumerate(bundle.entries, 1)]
    out += [_feedback_source(code, i, f, language) for i, f in enumerate(bundle.feedback, 1)]
    return out


def _value(x: _Xml, name: str, kind: str, value: object) -> None:
    x.open("VariableValue")
    x.leaf("VariableRef", targetGUID=name_guid("variable", name))
    x.leaf(VALUE_ELEMENT[kind], str(value))
    x.close("VariableValue")


def _questions(bundles: Sequence[Bundle]) -> dict[str, tuple[str, str]]:
    """Every answered question: its Code GUID -> (name, the question's text), first seen wins."""
    seen: dict[str, tuple[str, str]] = {}
    for b in bundles:
        for f in b.feedback:
            for a in f.answers:
                name = f"Session {f.session_number or 0}: {a.question_id}"
                seen.setdefault(question_guid(f.session_number, a.question_id), (name, a.question))
    return seen


def _question_codes(x: _Xml, questions: Mapping[str, tuple[str, str]]) -> None:
    x.open(
        "Code",
        guid=name_guid("code", "feedback questions"),
        name="Feedback questions",
        isCodable="false",
    )
    x.leaf("Description", "One code per feedback question; each answer is coded with it.")
    for guid, (name, text) in questions.items():
        x.open("Code", guid=guid, name=name, isCodable="true")
        x.leaf("Description", text)
        x.close("Code")
    x.close("Code")


def _codebook(x: _Xml, bundles: Sequence[Bundle]) -> None:
    seen: dict[str, str] = {}
    for b in bundles:
        for c in b.codebook:
            seen.setdefault(c.name, c.description)
    questions = _questions(bundles)
    if not seen and not questions:
        return
    x.open("CodeBook")
    x.open("Codes")
    for name, description in seen.items():
        attrs = {"guid": name_guid("code", name), "name": name, "isCodable": "true"}
        if description:
            x.open("Code", **attrs)
            x.leaf("Description", description)
            x.close("Code")
        else:
            x.leaf("Code", **attrs)
    if questions:
        _question_codes(x, questions)
    x.close("Codes")
    x.close("CodeBook")


def _variables(x: _Xml) -> None:
    x.open("Variables")
    for name, kind, description in (*SOURCE_VARIABLES, *CASE_VARIABLES):
        x.open("Variable", guid=name_guid("variable", name), name=name, typeOfVariable=kind)
        x.leaf("Description", description)
        x.close("Variable")
    x.close("Variables")


def _case(x: _Xml, bundle: Bundle, sources: list[_Source]) -> None:
    m = bundle.manifest
    x.open("Case", guid=name_guid("case", m.participant_code), name=m.participant_code)
    _value(x, "prompt_set", "Text", f"{m.prompt_set.id} {m.prompt_set.version}")
    _value(x, "exported_week", "Text", m.exported_week)
    if m.language:
        _value(x, "language", "Text", m.language)
    for s in sources:
        x.leaf("SourceRef", targetGUID=s.guid)
    x.close("Case")


SOURCE_KINDS = {name: kind for name, kind, _ in SOURCE_VARIABLES}


def _text_source(x: _Xml, s: _Source) -> None:
    x.open("TextSource", guid=s.guid, name=s.name, plainTextPath=f"internal://{s.guid}.txt")
    if s.description:
        x.leaf("Description", s.description)
    session = s.values.get("session_number")
    for n, (question_id, start, end) in enumerate(s.selections):
        code_guid = question_guid(session if isinstance(session, int) else None, question_id)
        x.open(
            "PlainTextSelection",
            guid=name_guid("selection", f"{s.guid}/{n}"),
            name=question_id,
            startPosition=str(start),
            endPosition=str(end),
            creatingUser=USER_GUID,
        )
        x.open("Coding", guid=name_guid("coding", f"{s.guid}/{n}"), creatingUser=USER_GUID)
        x.leaf("CodeRef", targetGUID=code_guid)
        x.close("Coding")
        x.close("PlainTextSelection")
    for name, value in s.values.items():
        if value is not None:
            _value(x, name, SOURCE_KINDS[name], value)
    x.close("TextSource")


def project_xml(bundles: Sequence[Bundle], project_name: str) -> tuple[bytes, list[_Source]]:
    """The project.qde bytes and the sources it points at."""
    x = _Xml()
    x.open("Project", xmlns=NS, name=project_name, origin="peerjournal")
    x.open("Users")
    x.leaf("User", guid=USER_GUID, name="peerjournal export")
    x.close("Users")
    _codebook(x, bundles)
    _variables(x)
    per_bundle = [(b, _sources_of(b)) for b in bundles]
    if per_bundle:
        x.open("Cases")
        for b, sources in per_bundle:
            _case(x, b, sources)
        x.close("Cases")
    all_sources = [s for _, sources in per_bundle for s in sources]
    if all_sources:
        x.open("Sources")
        for s in all_sources:
            _text_source(x, s)
        x.close("Sources")
    x.close("Project")
    return x.bytes(), all_sources


def qdpx_bytes(bundles: Sequence[Bundle], project_name: str, with_bundle: bool = False) -> bytes:
    """A .qdpx of several participants' bundles (one Case each); `with_bundle` needs exactly one."""
    qde, sources = project_xml(bundles, project_name)
    members = [("project.qde", qde)]
    members += [(f"sources/{s.guid}.txt", s.text.encode("utf-8")) for s in sources]
    if with_bundle:
        (only,) = bundles
        members.append((BUNDLE_MEMBER, bundle_to_json(only).encode("utf-8")))
    return zip_members(members)


def encode_qdpx(bundle: Bundle) -> bytes:
    """One participant's snapshot as a REFI-QDA project, with the bundle JSON inside."""
    m = bundle.manifest
    return qdpx_bytes([bundle], f"{m.study_id} {m.participant_code}", with_bundle=True)
