"""Stable option ids: `- option: Too slow {#slow}`; positions when a set names none (older sets)."""

from __future__ import annotations

from peerjournal.promptset import check, parse
from peerjournal.promptset.translation import check_translation
from tests.promptset.conftest import VALID


def _question(text: str):  # type: ignore[no-untyped-def]
    ps = parse(text, "f.md")
    return next(q for s in ps.sessions for q in s.feedback if q.type == "choice")


def test_options_without_ids_are_coded_by_position() -> None:
    q = _question(VALID)
    assert q.options == ("Too slow", "About right", "Too fast")
    assert q.option_codes() == ("1", "2", "3")
    assert q.code_of("about RIGHT") == "2"


def test_written_ids_are_the_codes_and_leave_the_labels_clean() -> None:
    text = (
        VALID.replace("option: Too slow", "option: Too slow {#slow}")
        .replace("option: About right", "option: About right {#ok}")
        .replace("option: Too fast", "option: Too fast {#fast}")
    )
    q = _question(text)
    assert q.options == ("Too slow", "About right", "Too fast")
    assert q.option_codes() == ("slow", "ok", "fast")
    french = text.replace("- language: en", "- language: fr").replace("Too slow {", "Trop lent {")
    assert check_translation(parse(text, "en.md"), parse(french, "fr.md")) == []
    moved = french.replace("{#slow}", "{#lent}")
    assert check_translation(parse(text, "en.md"), parse(moved, "fr.md")) != []


def test_some_ids_but_not_all_is_a_problem() -> None:
    result, problems = check(VALID.replace("option: Too slow", "option: Too slow {#slow}"), "f.md")
    assert result is None
    assert any("some options have an id" in p.message for p in problems)
