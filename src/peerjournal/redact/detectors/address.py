"""ADDRESS (a number on a street, with any unit) and POSTAL (Canadian postal codes)."""

from __future__ import annotations

import re

from peerjournal.redact.detectors.context import Text, finditer
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


def find(t: Text) -> list[Span]:
    """Street addresses (with unit numbers and 'the 1400 block of ...') and postal codes."""
    spans = [Span(m.start(), m.end(), "POSTAL") for m in finditer(POSTAL_RE, t.text, t.near_digits)]
    if t.has_key(STREET_KEYS) or "block of" in t.lower or "rue " in t.lower:
        near = t.wide_near_digits
        spans += [Span(m.start(), m.end(), "ADDRESS") for m in finditer(ADDRESS_RE, t.text, near)]
    return spans
