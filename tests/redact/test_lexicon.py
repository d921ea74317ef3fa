"""The shipped lists: present in the package, loaded once, multicultural, and sane."""

from __future__ import annotations

import pytest

from peerjournal.redact.lexicon import fold, lexicon, words


def test_lists_are_loaded_once_and_shared():
    assert lexicon() is lexicon()


@pytest.mark.slow
def test_first_names_from_many_cultures():
    lex = lexicon()
    names = words(
        "Oluwaseun Chukwuemeka Kwabena Thandiwe Wanjiru Abdirahman Gurpreet Harjit Priyanka "
        "Karthik Nguyen Minh Mei Yuki Sakura Geneviève Réjeanne Mathieu Xochitl Guadalupe Itzel "
        "Aiyana Kateri"
    )
    missing = [n for n in names if fold(n) not in lex.first_names | lex.surnames]
    assert missing == []


def test_ordinary_words_are_known_and_names_are_not_taken_for_words():
    lex = lexicon()
    assert {"summer", "star", "candy", "sugar", "week", "session", "hearing"} <= lex.common_words
    assert not {"alan", "ahmed", "amy", "patel", "nguyen"} & lex.common_words


def test_places_and_what_stays_readable():
    lex = lexicon()
    assert {"cabbagetown", "hochelaga", "parkdale"} <= lex.places_single | set(lex.places_multi)
    assert {"toronto", "vancouver", "ontario", "canada"} <= lex.big_places
    assert {"hiv", "prep", "naloxone", "friday", "instagram"} <= lex.not_pii
