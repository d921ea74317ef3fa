"""A problem found in a prompt set file, pointing at its line, and the list that gathers them.

Facilitators fix files in a text editor, so every problem names the file and line and, where one
helps, a hint saying what to write instead. All problems are gathered before anything is raised, so
one run of `peerjournal prompts validate` shows everything to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a file: `file:line: message (hint)`."""

    source_name: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.source_name}:{self.line}: {self.message}{hint}"


@dataclass
class Problems:
    """Collects problems for one file while it is read; `report` adds one at a line."""

    source_name: str
    items: list[Problem] = field(default_factory=list)

    def report(self, line: int, message: str, hint: str = "") -> None:
        self.items.append(Problem(self.source_name, max(1, line), message, hint))

    def sorted(self) -> list[Problem]:
        """Problems in file order (stable for problems on the same line)."""
        return sorted(self.items, key=lambda p: p.line)

    def __bool__(self) -> bool:
        return bool(self.items)
