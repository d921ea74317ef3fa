"""Spans: what the redactor returns, and how overlapping candidates become one clean list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

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
    """One stretch of text to redact: Python string offsets [start, end) and its kind.

    `confidence` is how sure the finder is (1.0 for patterns and terms, the tagger's probability
    for names and places); an `uncertain` span is hidden, and shown to the participant as "maybe
    identifying" so they decide. Neither takes part in comparing spans.
    """

    start: int
    end: int
    kind: str
    confidence: float = field(default=1.0, compare=False)
    uncertain: bool = field(default=False, compare=False)

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
    """A merged span is sure when any of its candidates is (a pattern, a term, a sure guess)."""
    best = min(group, key=lambda s: (s.start - s.end, _PRIORITY[str(s.kind)]))
    start, end = min(s.start for s in group), max(s.end for s in group)
    if len(group) == 1:
        return best
    return Span(
        start,
        end,
        best.kind,
        max(s.confidence for s in group),
        all(s.uncertain for s in group),
    )
