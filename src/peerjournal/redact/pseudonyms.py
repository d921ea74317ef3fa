"""Replacing spans: "[KIND]" placeholders, or numbered pseudonyms that stay the same per value.

Numbered pseudonyms ("[PERSON 3]") let a researcher follow one person or place through a
participant's whole export without learning who or where it is.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from peerjournal.redact.lexicon import fold
from peerjournal.redact.spans import Span


def normalise(value: str) -> str:
    """The form under which two mentions count as the same: case, accents, spacing, a leading
    "the" and a possessive ending do not matter ("Candy's" = "candy", "the Spa" = "spa")."""
    value = re.sub(r"['’]s?$", "", value.strip())
    words = fold(value).split()
    if len(words) > 1 and words[0] in ("the", "le", "la", "les"):
        words = words[1:]
    return " ".join(words)


class Pseudonyms:
    """Numbers per kind, in order of first appearance; share one object across all the texts of
    one export so the same value always gets the same number. Safe to share between threads."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def number(self, kind: str, value: str) -> int:
        """The number for this value of this kind, given a new one on first sight."""
        key = (kind, normalise(value))
        with self._lock:
            if key not in self._numbers:
                self._counts[kind] = self._counts.get(kind, 0) + 1
                self._numbers[key] = self._counts[kind]
            return self._numbers[key]

    def label(self, kind: str, value: str) -> str:
        return f"[{kind} {self.number(kind, value)}]"


def apply_spans(text: str, spans: Iterable[Span], pseudonyms: Pseudonyms | None = None) -> str:
    """The text with each span replaced by "[KIND]", or by "[KIND n]" when pseudonyms are given.

    Spans must not overlap (what `Redactor.find` returns); they are applied in offset order.
    """
    parts: list[str] = []
    position = 0
    for span in sorted(spans):
        if span.start < position:
            raise ValueError("spans overlap; pass the non-overlapping spans from Redactor.find")
        if span.end > len(text):
            raise ValueError("a span reaches past the end of the text")
        parts.append(text[position : span.start])
        value = text[span.start : span.end]
        parts.append(pseudonyms.label(span.kind, value) if pseudonyms else f"[{span.kind}]")
        position = span.end
    parts.append(text[position:])
    return "".join(parts)
