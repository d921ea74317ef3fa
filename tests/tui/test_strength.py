"""The passphrase strength hint: plain words, growing with length and variety."""

from __future__ import annotations

from peerjournal.tui.strength import strength


def test_short_passphrases_are_called_too_short():
    assert strength("abc").level == 0 and "Too short" in strength("abc").hint


def test_hints_grow_with_length():
    texts = ("password", "river stone", "a quiet place to write")
    levels = [strength(text).level for text in texts]
    assert levels == sorted(levels) and levels[0] < levels[-1] == 3


def test_repeated_characters_do_not_count_as_strong():
    assert strength("aaaaaaaaaaaaaaaaaaaa").level <= 1
