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
        # PERSON: a given name or surname alone -> the number of the one full name holding it
        # (None once two full names share it: then "Marie" alone is nobody in particular)
        self._parts: dict[str, int | None] = {}
        # PERSON: a name first seen alone, not yet claimed by a full name
        self._alone: dict[str, int] = {}
        self._lock = threading.Lock()

    def number(self, kind: str, value: str) -> int:
        """The number for this value of this kind, given a new one on first sight.

        For people, a full name and its given name or surname alone are one person when only one
        full name in the export holds that part ("Marie Tremblay", then "Marie": one number).
        """
        kind = str(getattr(kind, "value", kind))
        name = normalise(value)
        key = (kind, name)
        with self._lock:
            if key in self._numbers:
                return self._numbers[key]
            words = name.split()
            number = None
            if kind == "PERSON" and len(words) == 1:
                number = self._parts.get(words[0])
            elif kind == "PERSON" and len(words) > 1:
                for w in (words[0], words[-1]):
                    if w in self._alone:
                        number = self._alone.pop(w)
                        break
            if number is None:
                self._counts[kind] = self._counts.get(kind, 0) + 1
                number = self._counts[kind]
                if kind == "PERSON" and len(words) == 1:
                    self._alone[words[0]] = number
            self._numbers[key] = number
            if kind == "PERSON" and len(words) > 1:
                for w in {words[0], words[-1]}:
                    seen = self._parts.get(w, number)
                    self._parts[w] = number if seen == number else None
            return number

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
