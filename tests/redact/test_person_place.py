"""Names and places by kind of error, each in new sentences written for these tests (never
taken from a corpus): what the tagger and its rules must find, and what they must leave alone."""

from __future__ import annotations

import pytest

from peerjournal.redact import language


@pytest.mark.parametrize("text", ["Trop lent", "Assez clair", "Great pace", "Beaucoup trop court"])
def test_a_short_answer_without_markers_is_read_in_both_languages(found, text):
    """No little word tells the language: both dictionaries apply, so an ordinary word of either
    language opening the answer is no name."""
    assert language.detect(text) == "mixed"
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    ["Je suis passée au resto après le groupe.", "ma coloc est partie tôt", "the motel was full"],
)
def test_a_lower_case_common_noun_opens_no_window(found, text):
    assert found(text) == []
