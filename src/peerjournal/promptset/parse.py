"""Turn a prompt set's Markdown into a checked `PromptSet`, or every problem it has.

`check` never raises for a problem in the text (the TUI's live validation wants the list);
`parse` and `load_file` raise one `PromptSetInvalid` carrying all of them.
"""

from __future__ import annotations

from pathlib import Path

from peerjournal.errors import NotFound, PromptSetInvalid
from peerjournal.i18n import _
from peerjournal.promptset.model import PromptSet
from peerjournal.promptset.plaintext import visible
from peerjournal.promptset.problems import Problem, Problems
from peerjournal.promptset.reader import read
from peerjournal.promptset.validate import build

MAX_FILE_BYTES = 1_000_000


def check(
    text: str, source_name: str = "<text>", *, installed: bool = False
) -> tuple[PromptSet | None, list[Problem]]:
    """The set and no problems, or None and every problem in file order.

    `installed=True` for a set read back from a journal, checked when it was installed: square
    brackets and tags that this version refuses in a new file are then let through (every face
    shows a set's words as plain text), and any control or format character is shown as U+FFFD
    instead of being refused, so a journal set up before these checks still opens."""
    problems = Problems(source_name)
    if "\x00" in text:
        problems.report(1, _("the file holds binary data"), _("save it as plain UTF-8 text"))
        return None, problems.sorted()
    if installed:
        text = visible(text)
    draft = read(text, problems, screen_checks=not installed)
    result = build(draft, problems, text)
    return result, problems.sorted()


def parse(text: str, source_name: str = "<text>", *, installed: bool = False) -> PromptSet:
    """The checked set in `text`; raises `PromptSetInvalid` with every problem."""
    result, problems = check(text, source_name, installed=installed)
    if result is None:
        raise PromptSetInvalid(problems)
    return result


def read_text(path: Path | str) -> str:
    """A prompt set file's text; unreadable, huge or non-UTF-8 files become one problem."""
    file = Path(path)
    if not file.is_file():
        raise NotFound(_("no prompt set file at {path}").format(path=file))
    with file.open("rb") as stream:  # never more than the limit and one byte into memory
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise PromptSetInvalid(
            [
                Problem(
                    str(file),
                    1,
                    _("the file is too large for a prompt set"),
                    _("keep it under {size} kB").format(size=MAX_FILE_BYTES // 1000),
                )
            ]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise PromptSetInvalid(
            [
                Problem(
                    str(file),
                    line,
                    _("the file is not UTF-8 text"),
                    _("save it from your editor as UTF-8"),
                )
            ]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_file(path: Path | str) -> PromptSet:
    """The checked set in the file at `path`; problems are reported against that path."""
    return parse(read_text(path), str(path))
