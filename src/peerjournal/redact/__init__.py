"""Find and replace what could identify someone before a text is shared.

    from peerjournal.redact import Redactor, Term, apply_spans, Pseudonyms
    redactor = Redactor(terms=[Term("Candy", "PERSON")])
    spans = redactor.find(text)
    shared = apply_spans(text, spans, pseudonyms=Pseudonyms())

Headless: imports neither Textual nor typer, needs no network and no model. See docs/redaction.md.
"""

from __future__ import annotations

from peerjournal.redact.pipeline import Redactor
from peerjournal.redact.pseudonyms import Pseudonyms, apply_spans
from peerjournal.redact.spans import KINDS, Span
from peerjournal.redact.terms import Term, load_terms_file

__all__ = ["KINDS", "Pseudonyms", "Redactor", "Span", "Term", "apply_spans", "load_terms_file"]
