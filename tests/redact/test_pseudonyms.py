"""apply_spans and Pseudonyms."""

from __future__ import annotations

import pytest

from peerjournal.redact import Pseudonyms, Redactor, Span, Term, apply_spans


def test_apply_spans_replaces_with_kind():
    text = "Call Candy at 604-822-8503."
    spans = [Span(5, 10, "PERSON"), Span(14, 26, "PHONE")]
    assert apply_spans(text, spans) == "Call [PERSON] at [PHONE]."


def test_pseudonyms_are_stable_per_value_and_kind_across_texts():
    r = Redactor(terms=[Term("Candy"), Term("Zara"), Term("Mimosa Spa", "LOCATION")])
    p = Pseudonyms()
    one = "Candy met Zara at the Mimosa Spa."
    two = "zara's friend Candy's cousin. Zara left the mimosa spa."
    assert apply_spans(one, r.find(one), pseudonyms=p) == (
        "[PERSON 1] met [PERSON 2] at [LOCATION 1]."
    )
    assert apply_spans(two, r.find(two), pseudonyms=p) == (
        "[PERSON 2]'s friend [PERSON 1]'s cousin. [PERSON 2] left the [LOCATION 1]."
    )


def test_a_new_pseudonyms_object_starts_again():
    r = Redactor(terms=[Term("Zara")])
    assert apply_spans("Zara", r.find("Zara"), pseudonyms=Pseudonyms()) == "[PERSON 1]"


def test_overlapping_spans_are_refused():
    with pytest.raises(ValueError):
        apply_spans("abcdef", [Span(0, 3, "ID"), Span(2, 4, "ID")])
