"""French no-break spaces hold on screen: Textual wrapped at them, so a line could start with
« : » or « » » (the facilitator's problem list showed « » en dessous » on a line of its own)."""

from __future__ import annotations

from textual.content import Content

import peerjournal.tui.app  # noqa: F401  (the app's import makes Textual keep no-break spaces)

NBSP = "\u00a0"


def test_a_line_never_starts_at_a_no_break_space():
    hint = f"ajoutez «{NBSP}- range{NBSP}: 1-5{NBSP}» en dessous, puis enregistrez{NBSP}: voilà"
    for width in range(14, len(hint) + 1):  # from the longest unbreakable group (13)
        lines = [line.plain for line in Content(hint).wrap(width)]
        assert "".join(lines).replace(" ", "") == hint.replace(" ", "")  # nothing lost
        for line in lines[1:]:
            assert not line.startswith(("»", ":", NBSP)), (width, lines)
        for line in lines:
            assert not line.rstrip(" ").endswith(("«", NBSP)), (width, lines)


def test_ordinary_spaces_still_wrap():
    lines = [line.plain for line in Content("un deux trois quatre").wrap(9)]
    assert lines == ["un deux ", "trois ", "quatre"] or [x.rstrip() for x in lines] == [
        "un deux",
        "trois",
        "quatre",
    ]
