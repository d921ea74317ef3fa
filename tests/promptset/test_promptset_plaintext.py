"""A prompt set cannot act on the screen or the terminal: no control or format characters, no
Textual/Rich markup and no HTML in any field, each refused at its line (issue 10)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
import rich.markup
from textual.markup import to_content

from peerjournal.errors import PromptSetInvalid
from peerjournal.promptset import check
from peerjournal.promptset.parse import MAX_FILE_BYTES, read_text
from peerjournal.promptset.plaintext import has_markup, visible
from tests.promptset.conftest import VALID


def problems_at(text: str) -> list[tuple[int, str]]:
    result, problems = check(text, "f.md")
    assert result is None, "the set was accepted"
    return [(p.line, p.message) for p in problems]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


# (a line of VALID, what it becomes, words of the message)
HOSTILE = [
    ("1. What brought you here?", "1. What [@click=app.screenshot()]brought[/] you?", "markup"),
    ("1. What brought you here?", "1. What [@click=screen.toggle_share]here[/]?", "markup"),
    ("# Test training", "# Test [/b] training", "markup"),
    ("- name: Peer journals pilot", "- name: Peer [x] pilot", "markup"),
    ("- contact: research team", "- contact: [link=https://x.org]team[/link]", "markup"),
    ("Nothing else leaves", "Nothing \x1b[8mand we sell it\x1b[0m else leaves", "U+001B"),
    ("Nothing else leaves", "Nothing \x1b]0;pwned\x07 else leaves", "U+001B"),
    ("Welcome, *everyone*.", "Welcome, \u202eenoyreve\u202c.", "U+202E"),
    ("Welcome, *everyone*.", "Welcome, every\u200bone.", "U+200B"),
    ("2. What do you hope", "2. What do you \x07hope", "U+0007"),
    ("Welcome, *everyone*.", "Welcome, <b>everyone</b>.", "HTML"),
    ("Welcome, *everyone*.", "Welcome <!-- inline --> everyone.", "HTML"),
    ("- Solidarity: relationships", "- Solidarity: <script>x</script>", "HTML"),
    ("- person: Marie-Claude", "- person: [red]Marie[/]", "markup"),
]


@pytest.mark.parametrize(("old", "new", "words"), HOSTILE)
def test_hostile_text_is_refused_at_its_line(old: str, new: str, words: str) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    found = problems_at(text)
    assert any(words in message for _, message in found), found
    assert line_of(text, new.split("\n")[0][:12]) in {line for line, _ in found}


def test_comments_may_hold_brackets_and_tags_but_not_escapes() -> None:
    notes = "<!-- [b]draft[/b] <i>for us</i> -->\n\n"
    result, problems = check(notes + VALID, "f.md")
    assert result is not None and not problems
    found = problems_at("<!-- \x1b[2J -->\n\n" + VALID)
    assert found == [(1, found[0][1])] and "U+001B" in found[0][1]


def test_joiners_and_plain_brackets_are_kept() -> None:
    text = VALID.replace("What brought you here?", "Women\u200d\u2695 [1] [ ] a < b, <3, <a@b.org>")
    result, problems = check(text, "f.md")
    assert result is not None and not problems, problems


SAMPLES = [
    "ok [/b] then",
    "[x] done",
    "[@click=app.screenshot()]x",
    "[Site](https://x)",
    "a [1] b",
    "\\[x]",
    "[ ] todo",
    "list [a, b]",
    "[on red]x",
    "[ b]",
    "[_x]",
    "[$v]",
    "[#f00]a",
    "[-b]",
    "[1a]",
    "[.x]",
    "[é]",
    "[b",
    "x]",
    "[[b]]",
    "[/]",
    "[link=x]y[/link]",
    "[?]",
]


@pytest.mark.parametrize("sample", SAMPLES)
def test_markup_check_covers_what_textual_and_rich_read(sample: str) -> None:
    """Wherever Textual or Rich would change (or fail on) a line, the check calls it markup."""
    try:
        changed = to_content(sample).plain != sample
    except Exception:
        changed = True
    try:
        changed = changed or rich.markup.render(sample, emoji=False).plain != sample
    except Exception:
        changed = True
    if changed:
        assert has_markup(sample)


def test_visible_replaces_hidden_characters_only() -> None:
    assert visible("a\nb\tc\u200dd") == "a\nb\tc\u200dd"
    assert visible("a\x1b[8mb\u202e") == "a\ufffd[8mb\ufffd"


def test_superscript_session_number_is_a_problem_not_a_crash() -> None:
    text = VALID.replace("## Session 1: Agreements", "## Session \u00b2: Agreements")
    found = problems_at(text)
    line = line_of(text, "## Session \u00b2")
    assert (line, "a session heading without a session number") in found
    big = VALID.replace("## Session 1: Agreements", "## Session 99999999999999999999: Agreements")
    assert any("session number" in m for _, m in problems_at(big))


def test_cli_validate_reports_superscript_session(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from peerjournal.cli.main import app

    path = tmp_path / "set.md"
    path.write_text(VALID.replace("## Session 1: Agreements", "## Session \u00b2: Agreements"))
    result = CliRunner().invoke(app, ["prompts", "validate", str(path)])
    assert result.exit_code != 0
    assert "session number" in result.output and "Traceback" not in result.output


def test_a_huge_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as f:
        f.truncate(64 * MAX_FILE_BYTES)  # sparse: 64 MB of zeros, costs no disk
    tracemalloc.start()
    try:
        with pytest.raises(PromptSetInvalid, match="too large"):
            read_text(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_FILE_BYTES, f"{peak} bytes held to refuse the file"


def test_a_set_installed_before_these_checks_still_opens_as_plain_text(tmp_path: Path) -> None:
    """A journal set up before: its stored set is read back with brackets kept and control
    characters shown as U+FFFD, instead of the journal failing to open."""
    from peerjournal.journal import Journal
    from peerjournal.promptset import parse
    from tests.helpers import FAST_KDF, pw

    journal, _ = Journal.create(tmp_path / "j", pw(), kdf=FAST_KDF)
    with journal:
        journal.program.install(parse(VALID, "set.md"))
        journal._vault.db.conn.execute(
            "UPDATE prompt_sets SET source = replace(source, 'What brought you here?', "
            "'[x] What brought \x1b[8myou here?')"
        )
    with Journal.open(tmp_path / "j", pw()) as reopened:
        active = reopened.program.active()
        assert active is not None
        assert active.sessions[0].prompts[0].text == "[x] What brought \ufffd[8myou here?"
