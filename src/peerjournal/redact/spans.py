"""Spans: what the redactor returns, and how overlapping candidates become one clean list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KINDS: tuple[str, ...] = (
    "PERSON", "PHONE", "EMAIL", "URL", "HANDLE", "ADDRESS", "POSTAL", "DATE", "ID", "LOCATION",
)

# When two candidates cover the same letters with the same length, the earlier kind wins:
# structured kinds are surer than guesses from capital letters.
_PRIORITY = {k: i for i, k in enumerate(
    ("EMAIL", "URL", "PHONE", "POSTAL", "ADDRESS", "DATE", "ID", "HANDLE", "LOCATION", "PERSON")
)}


@dataclass(frozen=True, order=True)
class Span:
    """One stretch of text to redact: Python string offsets [start, end) and its kind."""

    start: int
    end: int
    kind: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}; expected one of {', '.join(KINDS)}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")


def resolve(candidates: Iterable[Span]) -> list[Span]:
    """Keep the longest candidates (then the surest kind) so the result never overlaps.

    Why longest first: a longer span holds the shorter one's letters too (an email holds a name, an
    address holds a street), so nothing a shorter candidate would hide is lost.
    """
    ordered = sorted(set(candidates), key=lambda s: (s.start - s.end, _PRIORITY[s.kind], s.start))
    taken: list[Span] = []
    occupied: list[tuple[int, int]] = []
    for span in ordered:
        if any(span.start < end and start < span.end for start, end in occupied):
            continue
        taken.append(span)
        occupied.append((span.start, span.end))
    return sorted(taken)
