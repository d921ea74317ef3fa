"""ADDRESS (a number on a street, with any unit) and POSTAL (Canadian postal codes)."""

from __future__ import annotations

import re

from peerjournal.redact.detectors.context import Text, finditer, merge
from peerjournal.redact.detectors.streets import CAP, STREET, STREET_KEYS
from peerjournal.redact.spans import Span

POSTAL_RE = re.compile(
    r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])",
    re.IGNORECASE,
)
_UNIT_BEFORE = (
    r"(?:(?:[Uu]nit|[Aa]pt\.?|[Aa]partment|[Ss]uite|[Ss]te\.?|[Rr]oom|#)\s*\w{1,5}\s*[,-]?\s*)"
)
_NUMBER = r"(?:#?\d{1,5}[A-Za-z]?\s*-\s*)?\d{1,6}[A-Za-z]?(?:\s*1/2)?"
_UNIT_AFTER = (
    r"(?:\s*,?\s*(?:[Uu]nit|[Aa]pt\.?|[Aa]partment|[Ss]uite|[Ss]te\.?|[Rr]oom|#)"
    r"\s*\d{1,5}[A-Za-z]?\b)"
)
ADDRESS_RE = re.compile(
    rf"(?<![\w#-])(?:[Tt]he\s+)?\d{{1,5}}\s+block\s+of\s+(?:{STREET}|{CAP}(?:\s+{CAP}){{0,2}})"
    rf"|(?<![\w#-]){_UNIT_BEFORE}?{_NUMBER},?\s+{STREET}{_UNIT_AFTER}?"
    r"|\b(?:P\.?\s?O\.?\s+Box|Box|C\.?P\.?|General\s+Delivery)\s+\d{1,6}\b"
)


# Lower-case words that can hold an address together ("block of", "rue", "box").
_ADDRESS_WORDS = ("block of", "rue ", "boulevard ", "chemin ", "avenue ", "box ", "delivery ")


def find(t: Text) -> list[Span]:
    """Street addresses (with unit numbers and 'the 1400 block of ...') and postal codes."""
    if not t.digit_runs:
        return []
    postal = t.around_clusters(3, before=4, after=4)
    spans = [Span(m.start(), m.end(), "POSTAL") for m in finditer(POSTAL_RE, t.text, postal)]
    streets = t.around_tokens(STREET_KEYS, before=75, after=45)
    others = t.word_windows(_ADDRESS_WORDS, before=40, after=70)
    if others:
        streets = merge(streets + others, len(t.text))
    spans += [Span(m.start(), m.end(), "ADDRESS") for m in finditer(ADDRESS_RE, t.text, streets)]
    return spans
