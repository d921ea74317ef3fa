"""For facilitators: edit a prompt set file with its problems listed beside the text, live, and a
preview of what participants will see. Ctrl+S writes the same file back.

Checking uses `promptset.check`, which never raises for a problem in the text, so the list can
show every problem at once, each at its line. Selecting a problem moves the cursor to that line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from peerjournal.i18n import N_, _, ngettext
from peerjournal.promptset import Problem, check
from peerjournal.promptset.parse import read_text
from peerjournal.promptset.preview import participant_markdown
from peerjournal.tui.editing import markdown_language
from peerjournal.tui.translated import TranslatedBindings
from peerjournal.tui.widgets.key_footer import KeyFooter

CHECK_DELAY = 0.3  # seconds of quiet typing before the file is checked again


def problem_prompt(problem: Problem) -> str:
    """One problem for the list: its line, what is wrong and (indented) what to write instead."""
    hint = f"\n  {problem.hint}" if problem.hint else ""
    return _("line {line}: {problem}").format(line=problem.line, problem=problem.message) + hint


def write_file(path: Path, text: str) -> None:
    """Replace the file in one step, so a crash never leaves half a prompt set behind."""
    temporary = path.with_name(f".{path.name}.saving")
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class FacilitateScreen(TranslatedBindings, Screen[None]):
    """Edit the prompt set at `path`. Problems show beside the text as you type."""

    CSS_PATH = "facilitate.tcss"
    HELP = N_(
        "Edit the prompt set on the left. Problems show on the right with their line: F8 moves "
        "there, and selecting one jumps to it. Below them is what participants will see. Ctrl+S "
        "saves the file; Escape (or Ctrl+Q) closes the editor, and asks first if there are "
        "unsaved changes."
    )
    AUTO_FOCUS = "#source"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", N_("Save"), id="facilitate.save", tooltip=N_("Write the file back")
        ),
        Binding(
            "f8",
            "focus_problems",
            N_("Problems"),
            id="facilitate.problems",
            tooltip=N_("Move to the list of problems; Enter jumps to one"),
        ),
        Binding(
            "escape",
            "leave",
            N_("Close"),
            id="facilitate.close",
            # The text area would take Escape to leave the text: one press closes the editor.
            priority=True,
            tooltip=N_("Close the editor (asks first if there are unsaved changes)"),
        ),
    ]

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)
        self.saved_text = read_text(self.path)
        self.problems: list[Problem] = []
        self._timer: Timer | None = None
        self._leave_now = False
        self._previewed = False
        self._left = False

    @property
    def text(self) -> str:
        return self.query_one("#source", TextArea).text

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield TextArea(
                self.saved_text,
                id="source",
                language=markdown_language(),
                show_line_numbers=True,
                soft_wrap=True,
                tab_behavior="indent",
            )
            with Vertical(id="side"):
                yield Static("", id="state")
                yield OptionList(id="problems")
                yield Static(_("What participants will see"), id="preview-title")
                with VerticalScroll(id="preview-scroll"):
                    yield Markdown("", id="preview", open_links=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = str(self.path)
        self.run_check()

    # -- checking -------------------------------------------------------------------------------

    @on(TextArea.Changed, "#source")
    def _edited(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY, self.run_check, name="facilitate-check")

    def run_check(self) -> None:
        """Check the text now: list its problems, or refresh the preview when it has none."""
        prompt_set, self.problems = check(self.text, self.path.name)
        state = self.query_one("#state", Static)
        listing = self.query_one("#problems", OptionList)
        listing.set_options(
            Option(Content(problem_prompt(p)), id=f"p{i}") for i, p in enumerate(self.problems)
        )
        listing.display = bool(self.problems)
        count = len(self.problems)
        if count:
            state.update(
                ngettext(
                    "{count} problem to fix before this set can be installed.",
                    "{count} problems to fix before this set can be installed.",
                    count,
                ).format(count=count)
            )
        else:
            state.update(_("No problems: this set can be installed."))
        state.set_class(bool(count), "-problems")
        if prompt_set is not None:
            self.query_one("#preview", Markdown).update(participant_markdown(prompt_set))
            self._previewed = True
        self.query_one("#preview-title", Static).update(
            _("What participants will see")
            if prompt_set is not None
            else _("What participants will see (the last version without problems)")
            if self._previewed
            else _("What participants will see shows here once it has no problems")
        )

    @on(OptionList.OptionSelected, "#problems")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        problem = self.problems[event.option_index]
        source = self.query_one("#source", TextArea)
        source.move_cursor((problem.line - 1, 0), center=True)
        source.focus()

    def action_focus_problems(self) -> None:
        listing = self.query_one("#problems", OptionList)
        if listing.display:
            listing.focus()

    # -- saving and leaving ---------------------------------------------------------------------

    def action_save(self) -> None:
        text = self.text
        try:
            write_file(self.path, text)
        except OSError as error:
            reason = error.strerror or _("the file could not be written")
            self.app.notify(
                _("Not saved: {reason} ({path}).").format(reason=reason, path=self.path),
                severity="error",
                timeout=8,
                markup=False,
            )
            return
        self.saved_text = text
        self.run_check()
        if self.problems:
            count = len(self.problems)
            self.app.notify(
                ngettext(
                    "Saved. It still has {count} problem to fix before it can be installed.",
                    "Saved. It still has {count} problems to fix before it can be installed.",
                    count,
                ).format(count=count),
                severity="warning",
            )
        else:
            self.app.notify(
                _("Saved {name}.").format(name=self.path.name), title=_("Saved"), markup=False
            )

    def action_leave(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        from peerjournal.tui.screens.confirm import ConfirmScreen

        self.app.push_screen(
            ConfirmScreen(
                _("Close without saving? Your changes to this file will be lost."),
                _("Close without saving"),
                _("Keep editing"),
            ),
            self._leave_answer,
        )

    def _leave_answer(self, leave: bool | None) -> None:
        if leave:
            self._leave_now = True
            self._close()

    def on_screen_resume(self) -> None:
        self._close()

    def _close(self) -> None:
        """Dismiss once the question has gone (its answer can arrive while it is still shown)."""
        if self._leave_now and self.is_active and not self._left:
            self._left = True
            self.dismiss(None)
