"""Random and broken Markdown: a prompt set either loads or reports problems, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.errors import PromptSetInvalid
from peerjournal.promptset import Problem, PromptSet, check, parse
from peerjournal.promptset.shipped import shipped_files
from tests.promptset.conftest import VALID

SHIPPED = [f.read_text(encoding="utf-8") for f in shipped_files()]
FRAGMENTS = [
    "# Title",
    "# ",
    "## Session 1: One",
    "## Session 2: Two",
    "## Séance 3 : Trois",
    "## Session x",
    "## Study",
    "## Codebook",
    "## Redaction terms",
    "## Other",
    "### Prompts",
    "### Feedback",
    "### Consent",
    "### Rétroaction",
    "#### Deep",
    "- id: a-set",
    "- id: Bad Id",
    "- version: 1.0",
    "- version: x",
    "- language: en",
    "- langue: fr-CA",
    "- authors: A; B",
    "- age key: age1xyz",
    "- name: N",
    "- contact: c",
    "- retention: r",
    "- location: Park",
    "- person: P",
    "- kind: ?",
    "1. What now?",
    "2.",
    "- A prompt",
    "   - type: scale",
    "   - type: choice",
    "   - type: text",
    "   - range: 1-5",
    "   - range: 9-1",
    "   - low: a",
    "   - high: b",
    "   - option: o",
    "   - id: q1",
    "      - deeper: x",
    "- Theme: description",
    "> quote",
    "```",
    "    code",
    "<!-- note -->",
    "<!--",
    "---",
    "***",
    "| a | b |",
    "",
    "",
    "text *em* `code` [link](x)",
    "\t- tabbed: item",
    "1) other marker",
    "* star item",
    "+ plus item",
    "\\",
    ":",
    "- :",
]


def assert_loads_or_reports(text: str) -> None:
    result, problems = check(text, "fuzz.md")
    if result is None:
        assert problems, "no set and no problem"
        line_count = max(1, len(text.splitlines()) + 1)
        for p in problems:
            assert isinstance(p, Problem) and 1 <= p.line <= line_count
            assert str(p).startswith(f"fuzz.md:{p.line}: ") and p.message
    else:
        assert isinstance(result, PromptSet) and problems == []
        assert result.sessions and all(s.prompts for s in result.sessions)
    try:
        assert parse(text, "fuzz.md") == result
    except PromptSetInvalid as exc:
        assert result is None and exc.problems == problems


FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.slow
@FUZZ
@given(st.text())
def test_any_text(text: str) -> None:
    assert_loads_or_reports(text)


@pytest.mark.slow
@FUZZ
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60))
def test_markdown_made_of_format_pieces(lines: list[str]) -> None:
    assert_loads_or_reports("\n".join(lines))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from([VALID, *SHIPPED])).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(
                ["delete", "duplicate", "indent", "dedent", "swap", "insert", "truncate"]
            )
        )
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "indent":
            lines[i] = "   " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i].lstrip()
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            lines.insert(i, draw(st.sampled_from(FRAGMENTS) | st.text(max_size=20)))
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return "\n".join(lines)


@pytest.mark.slow
@settings(FUZZ, max_examples=80)
@given(mutated())
def test_broken_real_sets(text: str) -> None:
    assert_loads_or_reports(text)
