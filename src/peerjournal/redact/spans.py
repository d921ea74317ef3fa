"""Spans: what the redactor returns, and how overlapping candidates become one clean list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KINDS: tuple[str, ...] = (
    "PERSON",
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "ADDRESS",
    "POSTAL",
    "DATE",
    "ID",
    "LOCATION",
)

# When two candidates cover the same letters with the same length, the earlier kind wins:
# structured kinds are surer than guesses from capital letters.
_PRIORITY = {
    k: i
    for i, k in enumerate(
        ("EMAIL", "URL", "PHONE", "POSTAL", "ADDRESS", "DATE", "ID", "HANDLE", "LOCATION", "PERSON")
    )
}


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
    """Merge overlapping candidates into one span each, so the result never overlaps.

    A merged span covers every letter of the candidates in it (nothing found is lost when two
    detectors disagree on the edges) and takes the kind of its longest candidate, then the surer
    kind: an email holds a name, an address holds a street.
    """
    ordered = sorted(candidates)
    merged: list[Span] = []
    group: list[Span] = []
    end = -1
    for span in ordered:
        if group and span.start >= end:
            merged.append(_one(group))
            group = []
        group.append(span)
        end = max(end, span.end) if len(group) > 1 else span.end
    if group:
        merged.append(_one(group))
    return merged


def _one(group: list[Span]) -> Span:
    best = min(group, key=lambda s: (s.start - s.end, _PRIORITY[s.kind]))
    return Span(min(s.start for s in group), max(s.end for s in group), best.kind)
