"""The facilitator's editor: problems show beside the text as it is edited, the preview shows what
participants will see, Ctrl+S writes the same file, and closing asks before dropping changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, OptionList, Static, TextArea
from typer.testing import CliRunner

from peerjournal.cli.main import app as cli
from peerjournal.promptset import check
from peerjournal.tui.facilitate_app import FacilitateApp
from peerjournal.tui.screens.confirm import ConfirmScreen
from peerjournal.tui.screens.facilitate import CHECK_DELAY, FacilitateScreen

pytestmark = pytest.mark.slow

SET = """\
# Evening circle

- id: evening-circle
- version: 1.0
- language: en

## Session 1: Arriving

### Prompts

1. What did you bring with you tonight?

### Feedback

1. How was tonight for you?
   - id: tonight
   - type: scale
   - range: 1-5
   - low: Hard
   - high: Good
"""


@pytest.fixture
def set_file(tmp_path) -> Path:
    path = tmp_path / "evening.md"
    path.write_text(SET, encoding="utf-8")
    assert check(SET)[1] == []  # the starting point is a valid set
    return path


def state_of(app) -> str:
    return str(app.screen.query_one("#state", Static).render())


async def replace_text(pilot, old: str, new: str) -> None:
    area = pilot.app.screen.query_one("#source", TextArea)
    area.text = area.text.replace(old, new)
    await pilot.pause(CHECK_DELAY + 0.2)
    await pilot.pause()


async def test_a_valid_set_shows_no_problems_and_a_preview(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "No problems" in state_of(pilot.app)
        assert pilot.app.screen.query_one("#problems", OptionList).display is False
        preview = pilot.app.screen.query_one("#preview", Markdown).source
        assert "# Evening circle" in preview
        assert "What did you bring with you tonight?" in preview
        assert "1 = Hard" in preview


async def test_live_problems_appear_with_their_lines_and_clear_again(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await replace_text(pilot, "   - range: 1-5\n", "")
        await replace_text(pilot, "## Session 1: Arriving", "## Session 1:")
        screen = pilot.app.screen
        assert "problems to fix" in state_of(pilot.app)
        listing = screen.query_one("#problems", OptionList)
        assert listing.display is True
        shown = [str(o.prompt) for o in listing.options]
        assert len(shown) == len(screen.problems) >= 2
        assert any(t.startswith("line 7: a session without a title") for t in shown)
        assert any(t.startswith("line 15: a scale question without a range") for t in shown)
        assert all(text.startswith("line ") for text in shown)
        assert "last version without problems" in str(
            screen.query_one("#preview-title", Static).render()
        )

        listing.focus()
        listing.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        area = screen.query_one("#source", TextArea)
        assert area.has_focus
        assert area.cursor_location[0] == screen.problems[0].line - 1

        await replace_text(pilot, "## Session 1:", "## Session 1: Arriving")
        await replace_text(pilot, "   - low: Hard", "   - range: 1-5\n   - low: Hard")
        assert "No problems" in state_of(pilot.app)


async def test_ctrl_s_writes_the_same_file(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await replace_text(
            pilot,
            "What did you bring with you tonight?",
            "What are you carrying tonight that you could set down?",
        )
        assert pilot.app.screen.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "What are you carrying tonight" in set_file.read_text(encoding="utf-8")
        assert not pilot.app.screen.dirty
        assert not list(set_file.parent.glob(".*.saving"))


async def test_saving_a_broken_set_still_writes_and_warns(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await replace_text(pilot, "- id: evening-circle\n", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "evening-circle" not in set_file.read_text(encoding="utf-8")
        assert any("problem" in n.message for n in pilot.app._notifications)


async def test_closing_with_changes_asks_first(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await replace_text(pilot, "Evening circle", "Evening group")
        assert pilot.app.focused is pilot.app.screen.query_one("#source")
        await pilot.press("escape")  # once, from inside the text
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(pilot.app.screen, FacilitateScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
    assert pilot.app.return_code == 0
    assert set_file.read_text(encoding="utf-8") == SET  # nothing was written


def test_cli_names_a_missing_file_in_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["facilitate", str(tmp_path / "nope.md")])
    assert result.exit_code != 0
    assert "no prompt set file at" in result.output
    assert "Traceback" not in result.output


def test_cli_refuses_a_file_that_is_not_text(tmp_path):
    binary = tmp_path / "set.md"
    binary.write_bytes(b"# Title\n\xff\xfe broken")
    result = CliRunner().invoke(cli, ["facilitate", str(binary)])
    assert result.exit_code != 0
    assert "not UTF-8" in result.output


async def test_f8_moves_from_the_text_to_the_problems(set_file):
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await replace_text(pilot, "   - range: 1-5\n", "")
        assert pilot.app.screen.query_one("#source", TextArea).has_focus
        await pilot.press("f8")
        assert pilot.app.screen.query_one("#problems", OptionList).has_focus


async def test_escape_once_closes_an_unchanged_file(set_file):
    """Escape used to leave the text only, so closing took two presses."""
    async with FacilitateApp(set_file).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert pilot.app.focused is pilot.app.screen.query_one("#source")
        await pilot.press("escape")
        await pilot.pause()
        assert not pilot.app.is_running
    assert pilot.app.return_code == 0


async def test_the_editor_speaks_french(set_file):
    from peerjournal import i18n

    i18n.set_language("fr")
    set_file.write_text(SET.replace("   - range: 1-5\n", ""), encoding="utf-8")
    async with FacilitateApp(set_file).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        state = str(pilot.app.screen.query_one("#state").render())
        assert "problème" in state
        listed = pilot.app.screen.query_one("#problems").get_option_at_index(0).prompt
        assert str(listed).startswith("ligne ")
        assert "une question à échelle sans plage" in str(listed)  # the validator's own words
        assert "« - range : 1-5 »" in str(listed).replace("\u00a0", " ")
