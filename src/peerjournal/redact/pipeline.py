"""The Redactor: runs every detector and the term lists over a text, returns clean spans."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from peerjournal.redact import tagger
from peerjournal.redact.detectors import address, contact, dates, entities, ids, streets, venues
from peerjournal.redact.detectors.context import Text
from peerjournal.redact.lexicon import lexicon
from peerjournal.redact.spans import Span, resolve
from peerjournal.redact.terms import Term, TermMatcher

Detector = Callable[[Text], list[Span]]

# Order does not matter for the result (overlaps are resolved by length, then kind).
DETECTORS: tuple[Detector, ...] = (
    contact.find,
    address.find,
    dates.find,
    ids.find,
    streets.find,
    venues.find,
    entities.find,
)


# One text that wakes every detector, so the patterns they build on first use are compiled
# when the Redactor is made (made up: it names nobody).
_WARM_UP = (
    "Dr. Tremblay and Officer K. met Nurse Joy at 12 Main St. West, apt 4, on May 3, 2026 "
    "(badge 4471); snap: lili_22, mon pseudo c'est bleuet. Mme Roy, coin Ontario et Papineau, "
    "le 1er mars, 514-555-0199, H2X 1Y4, carte RAMQ ROYM 8001 0101."
)


class Redactor:
    """Finds what could identify someone in a text.

    Build it once (it compiles the terms and loads the shipped lists) and reuse it; `find` keeps no
    state between calls, so one Redactor can serve several threads. A plain string among the terms
    is a PERSON term.
    """

    def __init__(self, terms: Iterable[Term | str] = ()) -> None:
        self.terms: tuple[Term, ...] = tuple(t if isinstance(t, Term) else Term(t) for t in terms)
        self._terms = TermMatcher(list(self.terms))
        lexicon()  # load the lists and the model now, not in the middle of the first text
        tagger.load()
        self.find(_WARM_UP)  # and compile the patterns built on first use (titles, badges...)

    def find(self, text: str) -> list[Span]:
        """Sorted, non-overlapping spans (Python string offsets) of everything to redact."""
        if not text:
            return []
        candidates = self._terms.find(text)
        shared = Text(text)
        for detector in DETECTORS:
            candidates.extend(detector(shared))
        return resolve(_trim(text, candidates))


def _trim(text: str, spans: list[Span]) -> list[Span]:
    """Drop spaces and trailing punctuation at span edges so '[KIND]' keeps the sentence intact."""
    trimmed = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if end > start:
            trimmed.append(
                span
                if (start, end) == (span.start, span.end)
                else Span(start, end, span.kind, span.confidence, span.uncertain)
            )
    return trimmed
