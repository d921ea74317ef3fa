"""Broken prompt sets: every problem is reported at once, at its line, with a hint."""

from __future__ import annotations

import pytest

from peerjournal.errors import PromptSetInvalid
from peerjournal.promptset import check, parse
from tests.promptset.conftest import VALID


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line of `text` that contains `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def problems_of(text: str) -> list[tuple[int, str]]:
    result, problems = check(text, "f.md")
    assert result is None and problems
    return [(p.line, p.message) for p in problems]


# (what to replace in VALID, what to put instead, the line to expect it on, words of the message)
BROKEN = [
    ("- id: test-training\n", "", "# Test training", "the set has no id"),
    ("- id: test-training", "- id: Test Training", "- id: Test", "bad set id"),
    ("- version: 1.2", "- version: v1", "- version: v1", "bad version"),
    ("- version: 1.2\n", "", "# Test training", "the set has no version"),
    ("- language: en", "- language: English", "- language: English", "bad language"),
    (
        "- authors: Ana; Bea",
        "- authors: Ana\n- colour: blue",
        "- colour: blue",
        "unknown key 'colour'",
    ),
    ("- authors: Ana; Bea", "- authors: Ana\n- id: again", "- id: again", "'id' is given twice"),
    ("- authors: Ana; Bea", "- authors Ana", "- authors Ana", "expected 'key: value'"),
    ("# Test training\n", "", "", "the set has no title"),
    ("# Test training\n", "# Test training\n\n# Another title\n", "# Another", "a second title"),
    ("- age key: age1rl", "- age key: age1zz", "- age key: age1zz", "malformed age key"),
    ("- retention: five years, then deleted\n", "", "## Study", "nothing on retention"),
    ("- name: Peer journals pilot\n", "", "## Study", "the study has no name"),
    (
        "- contact: research team, research@example.org\n",
        "- consent: yes\n",
        "- consent: yes",
        "unknown key 'consent'",
    ),
    ("### Consent\n", "### Agreement\n", "### Agreement", "unknown heading"),
    ("## Codebook\n", "## Codebook\n\nSome notes.\n", "Some notes.", "outside its list"),
    ("- location: Jarry Park", "- venue-ish: Jarry Park", "- venue-ish", "unknown kind of term"),
    ("- Self-worth: less", "- Solidarity: again", "- Solidarity: again", "given twice"),
    (
        "## Session 2: Health",
        "## Session 1: Health",
        "## Session 1: Health",
        "session 1 appears twice",
    ),
    (
        "## Session 2: Health",
        "## Session: Health",
        "## Session: Health",
        "without a session number",
    ),
    ("## Session 2: Health", "## Session 2", "## Session 2", "a session without a title"),
    ("## Session 2: Health", "## Health", "## Health", "unknown section"),
    ("2. What do you hope\n   to take from this?", "2.", "2.", "an empty prompt"),
    (
        "- One thing to remember?\n- One thing to pass on?\n- One question left?\n",
        "Just text.\n",
        "Just text.",
        "a prompt must be a list item",
    ),
    ("   - range: 1-5\n", "", "2. How useful", "a scale question without a range"),
    ("   - range: 1-5", "   - range: 5-1", "- range: 5-1", "bad range"),
    ("   - range: 1-5", "   - range: 1-100", "- range: 1-100", "bad range"),
    ("   - range: 1-5", "   - range: low to high", "- range: low", "bad range"),
    ("   - type: choice", "   - type: multiple", "- type: multiple", "unknown question type"),
    (
        "   - option: About right\n   - option: Too fast\n",
        "",
        "3. How was the pace",
        "at least two options",
    ),
    ("   - option: Too fast", "   - option: too slow", "- option: too slow", "given twice"),
    ("   - id: useful", "   - id: q3", "3. How was the pace", "share the id 'q3'"),
    ("   - id: useful", "   - id: Useful One", "- id: Useful One", "bad question id"),
    ("   - id: useful", "   - colour: red", "- colour: red", "unknown question setting"),
    (
        "1. What worked well?",
        "1. What worked well?\n   - low: meh",
        "- low: meh",
        "only for scale questions",
    ),
    (
        "3. How was the pace?\n   - type: choice\n",
        "3. How was the pace?\n   - type: text\n",
        "- option: Too slow",
        "options are only for choice",
    ),
    (
        "3. How was the pace?\n   - type: choice\n",
        "3. How was the pace?\n- type: choice\n",
        "- type: choice",
        "looks like a setting of the question above",
    ),
    ("## Session 2: Health", "## Session 0: Health", "## Session 0", "without a session number"),
    ("### Feedback", "### Feedback\n\n#### Deep", "#### Deep", "unexpected heading"),
]


@pytest.mark.parametrize(("old", "new", "where", "words"), BROKEN, ids=[b[3] for b in BROKEN])
def test_each_problem_is_reported_at_its_line(old: str, new: str, where: str, words: str) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    found = problems_of(text)
    expected_line = line_of(text, where)
    assert any(line == expected_line and words in message for line, message in found), found


def test_every_problem_is_reported_in_one_run() -> None:
    text = (
        VALID.replace("- version: 1.2", "- version: one")
        .replace("- location: Jarry Park", "- place-ish: Jarry Park")
        .replace("   - range: 1-5\n", "")
        .replace("## Session 2: Health", "## Session 1: Health")
    )
    with pytest.raises(PromptSetInvalid) as caught:
        parse(text, "broken.md")
    problems = caught.value.problems
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    messages = " | ".join(str(p) for p in problems)
    for words in ("bad version", "unknown kind of term", "without a range", "appears twice"):
        assert words in messages
    assert len(problems) == 4
    assert str(caught.value).startswith(str(problems[0])) and "3 more problems" in str(caught.value)


def test_problem_reads_file_line_message_hint() -> None:
    _, problems = check(VALID.replace("- version: 1.2", "- version: x"), "dir/set.md")
    assert str(problems[0]) == (
        f"dir/set.md:{line_of(VALID, '- version')}: bad version 'x' "
        "(use numbers with dots, e.g. 1.0 or 2.1.3; raise it when you change the set)"
    )


def test_a_session_needs_prompts_and_the_set_needs_sessions() -> None:
    no_prompts = VALID.replace(
        "- One thing to remember?\n- One thing to pass on?\n- One question left?\n", ""
    )
    assert (
        line_of(no_prompts, "## Session 2"),
        "a session without reflection prompts",
    ) in problems_of(no_prompts)
    head = VALID.split("## Session 1")[0]
    assert (1, "the set has no sessions") in problems_of(head)


def test_too_many_prompts() -> None:
    many = "\n".join(f"{i}. Prompt {i}?" for i in range(1, 13))
    text = VALID.replace(
        "- One thing to remember?\n- One thing to pass on?\n- One question left?", many
    )
    assert any("more than 10 prompts" in m for _, m in problems_of(text))


def test_sessions_out_of_order() -> None:
    text = VALID.replace("## Session 1: Agreements", "## Session 3: Agreements")
    assert (line_of(text, "## Session 2"), "session 2 comes after session 3") in problems_of(text)


def test_binary_data_is_one_problem() -> None:
    assert problems_of("# x\x00y") == [(1, "the file holds binary data")]


def test_empty_text_reports_what_is_missing() -> None:
    messages = [m for _, m in problems_of("")]
    for words in ("no title", "no sessions", "no id", "no version", "no language"):
        assert any(words in m for m in messages), messages


def test_problems_and_hints_speak_the_chosen_language():
    """A facilitator in Montréal reads the problems of a set in French (issue 13)."""
    from peerjournal import i18n
    from peerjournal.promptset import check

    i18n.set_language("fr")
    _, problems = check("# Soirée\n\n- id: soiree\n- language: fr\n", "soiree.md")
    assert [(p.message, p.hint) for p in problems if "version" in p.message] == [
        (
            "le jeu de questions n’a pas de version",
            "ajoutez «\u00a0- version\u00a0: 1.0\u00a0» sous le titre",
        )
    ]
    # The French hint writes the colon the French way; the set reads the same when copied so.
    _, problems = check("# Soirée\n\n- id: soiree\n- language: fr\n- version\u00a0: 1.0\n", "s.md")
    assert not [p for p in problems if "version" in p.message]


def test_an_unreadable_prompt_set_file_is_explained_in_french(tmp_path):
    """The file's own problems (not UTF-8, too large) follow the chosen language like the rest."""
    from peerjournal import i18n
    from peerjournal.promptset.parse import read_text

    bad = tmp_path / "set.md"
    bad.write_bytes(b"# Title\n\xff\n")
    i18n.set_language("fr")
    with pytest.raises(PromptSetInvalid) as caught:
        read_text(bad)
    (problem,) = caught.value.problems
    assert (problem.message, problem.hint) == (
        "le fichier n’est pas du texte UTF-8",
        "enregistrez-le en UTF-8 depuis votre éditeur",
    )
