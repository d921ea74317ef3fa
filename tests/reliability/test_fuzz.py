"""Fuzzing: the prompt-set parser, the redactor and the export reader take anything without
crashing. Only their domain errors may come out (`PromptSetInvalid`, `TermsFileError`,
`MalformedExport`/`UnsupportedExportVersion`), never another exception.

Inputs are random text and bytes, and (more effective) mutations of real files: the shipped
prompt sets, and real plaintext exports in each format made by the CLI.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.errors import MalformedExport, PromptSetInvalid, TermsFileError, UsageError
from peerjournal.export.read import read_bundle
from peerjournal.promptset import check, parse
from peerjournal.promptset.shipped import shipped_files
from peerjournal.redact import KINDS, Pseudonyms, Redactor, Term, apply_spans
from peerjournal.redact.terms import parse_terms

from .support import Sandbox, make_journal, study_prompt_set

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
MANY = settings(FUZZ, max_examples=400)  # for the cheap targets
SHIPPED = [f.read_text(encoding="utf-8") for f in shipped_files()]


# -- mutations -------------------------------------------------------------------------------------


@st.composite
def mutated_lines(draw: st.DrawFn, text: str) -> str:
    """`text` with a few lines dropped, duplicated, swapped, cut or sprinkled with junk."""
    lines = text.splitlines(keepends=True)
    junk = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "swap", "cut", "junk", "indent"]))
        if action == "drop":
            del lines[i]
        elif action == "dup":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif action == "junk":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(junk) + lines[i][at:]
        else:
            lines[i] = "    " + lines[i]
    return "".join(lines)


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with bytes flipped, cut, or a chunk inserted or deleted."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not buf:
            break
        i = draw(st.integers(0, len(buf) - 1))
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete"]))
        if action == "flip":
            buf[i] ^= 1 << draw(st.integers(0, 7))
        elif action == "cut":
            del buf[i:]
        elif action == "insert":
            buf[i:i] = draw(st.binary(min_size=1, max_size=16))
        else:
            del buf[i : i + draw(st.integers(1, 64))]
    return bytes(buf)


# -- prompt sets -----------------------------------------------------------------------------------


MD_PIECES = [
    "# A title\n",
    "## Session 1: Start\n",
    "## Session 2: Next\n",
    "## Session 0: Zero\n",
    "### Prompts\n",
    "### Feedback\n",
    "## Study\n",
    "### Consent\n",
    "## Codebook\n",
    "## Redaction terms\n",
    "- id: x\n",
    "- version: 1.0\n",
    "- language: en\n",
    "- type: scale\n",
    "- range: 1-5\n",
    "- range: 5-1\n",
    "- option: A\n",
    "- age key: age1x\n",
    "1. What happened?\n",
    "2. And then?\n",
    "   - id: q\n",
    "<!-- note -->\n",
    "<!--\n",
    "```\n",
    "> quote\n",
    "\n",
    "---\n",
    "| a | b |\n",
    "- person: Rosa\n",
    "* star item\n",
]


@MANY
@given(st.lists(st.sampled_from(MD_PIECES), max_size=40))
def test_prompt_set_parser_on_markdown_pieces(pieces: list[str]) -> None:
    _parse_expecting_only_domain_errors("".join(pieces))


@FUZZ
@given(st.data())
def test_prompt_set_parser_on_mutated_shipped_sets(data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(SHIPPED))
    _parse_expecting_only_domain_errors(data.draw(mutated_lines(original)))


@MANY
@given(st.text(max_size=2000))
def test_prompt_set_parser_on_any_text(text: str) -> None:
    _parse_expecting_only_domain_errors(text)


def _parse_expecting_only_domain_errors(text: str) -> None:
    result, problems = check(text, "fuzz.md")
    assert (result is None) == bool(problems)
    for problem in problems:
        assert str(problem).startswith("fuzz.md:")
    try:
        parse(text, "fuzz.md")
    except PromptSetInvalid as exc:
        assert exc.problems and "\n" not in exc.message.strip()


# -- the redactor ----------------------------------------------------------------------------------


REDACTOR_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=600
) | st.lists(
    st.sampled_from(
        [
            "Rosa ",
            "call ",
            "555-0100 ",
            "+1 514 555 0199 ",
            "rosa@example.org ",
            "12 rue Saint-Denis ",
            "on 3 March ",
            "2026-03-31 ",
            "Montréal ",
            "at the clinic ",
            "Dr. ",
            "née ",
            "\n",
            "O'Brien ",
            "https://x.example/a?b=c ",
            "H2X 1Y4 ",
            "SIN 046 454 286 ",
            "🌱 ",
            "Ⅻ ",
            "\u200b",
            "İstanbul ",
        ]
    ),
    max_size=60,
).map("".join)

_REDACTOR = Redactor(terms=[Term("Qizzo", "PERSON"), Term("Vexworth Lane", "LOCATION")])


@MANY
@given(REDACTOR_TEXT)
def test_redactor_never_crashes_and_returns_clean_spans(text: str) -> None:
    spans = _REDACTOR.find(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert span.kind in KINDS
        previous_end = span.end
    shared = apply_spans(text, spans, pseudonyms=Pseudonyms())
    assert isinstance(shared, str)


@FUZZ
@given(REDACTOR_TEXT, REDACTOR_TEXT)
def test_redactor_always_hides_listed_terms(before: str, after: str) -> None:
    text = f"{before} Qizzo {after} vexworth lane."
    shared = apply_spans(text, _REDACTOR.find(text))
    assert "qizzo" not in shared.lower()
    assert "vexworth lane" not in shared.lower()


@MANY
@given(st.lists(st.text(max_size=40), max_size=20))
def test_terms_lists_fail_only_with_terms_file_errors(lines: list[str]) -> None:
    try:
        terms = parse_terms(lines, "terms.txt")
    except TermsFileError as exc:
        assert exc.message.startswith("terms.txt:")
        return
    Redactor(terms=terms).find(" ".join(lines))


# -- the export reader -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Plaintext exports in each format, made by the real CLI from a real journal."""
    box = Sandbox.make(tmp_path_factory.mktemp("fuzz-exports"))
    make_journal(box.journal)
    prompt_set = study_prompt_set(box, box.root)
    steps = [
        ("prompts", "install", str(prompt_set)),
        ("consent", "--accept"),
        ("attend", "1"),
        (
            "write",
            "--share",
            "--tag",
            "work",
            "--text",
            'Après "la" séance, Rosa a appelé le 555-0100;\nà Montréal 🌱 fin.',
        ),
        ("write", "--share", "--session", "1", "--prompt", "1", "--text", 'a, b\n"c"'),
        (
            "feedback",
            "1",
            "--answer",
            "useful=4",
            "--answer",
            "pace=About right",
            "--answer",
            "suggestions=more time",
            "--share",
        ),
    ]
    for step in steps:
        result = box.run(*step)
        assert result.code == 0, result.describe()
    exports = {}
    for fmt in ("jsonl", "csv", "qdpx"):
        target = box.root / f"export.{fmt}"
        result = box.run("export", "--plaintext", "--yes", "--format", fmt, "-o", str(target))
        assert result.code == 0, result.describe()
        written = target if target.is_file() else next(target.iterdir())
        exports[fmt] = written.read_bytes()
        read_bundle(exports[fmt], fmt)  # the unmutated file reads back
    return exports


def _read_expecting_only_domain_errors(data: bytes) -> None:
    try:
        read_bundle(data, "fuzz")
    except UsageError as exc:  # MalformedExport, UnsupportedExportVersion
        assert "\n" not in exc.message


@MANY
@given(st.binary(max_size=4000))
def test_export_reader_on_random_bytes(data: bytes) -> None:
    _read_expecting_only_domain_errors(data)


@MANY
@given(st.data())
def test_export_reader_on_mutated_real_exports(
    real_exports: dict[str, bytes], data: st.DataObject
) -> None:
    fmt = data.draw(st.sampled_from(sorted(real_exports)))
    _read_expecting_only_domain_errors(data.draw(mutated_bytes(real_exports[fmt])))


@FUZZ
@given(st.data())
def test_export_reader_on_mutated_bundle_json(
    real_exports: dict[str, bytes], data: st.DataObject
) -> None:
    """Keep the zip whole and damage the JSON inside, so the schema checks get exercised."""
    with zipfile.ZipFile(io.BytesIO(real_exports["csv"])) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    name = next(n for n in members if n.endswith(".json"))
    members[name] = data.draw(mutated_lines(members[name].decode("utf-8"))).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    _read_expecting_only_domain_errors(out.getvalue())


@FUZZ
@given(st.data())
def test_export_reader_on_mutated_jsonl_records(
    real_exports: dict[str, bytes], data: st.DataObject
) -> None:
    text = real_exports["jsonl"].decode("utf-8")
    _read_expecting_only_domain_errors(data.draw(mutated_lines(text)).encode("utf-8"))


def test_expected_error_classes_exist() -> None:
    assert issubclass(MalformedExport, UsageError)
    assert Path(shipped_files()[0].name).suffix == ".md"
