"""The participant's review of one text before it leaves: redact more, or restore a false positive.

The export wizard (TUI) and `export --review` (CLI) collect an `ItemReview` per reviewed text and
hand them to `build.build_bundle` keyed by `review_key(...)`. Spans count characters of the text as
stored in the journal (Python string indices), the same positions the redactor reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from peerjournal.errors import InvalidReview

MANUAL_KIND = "MANUAL"


@dataclass(frozen=True)
class ReviewSpan:
    """A stretch `[start, end)` of a text; `kind` names why it is hidden (MANUAL when selected).

    `uncertain` marks what the finder was unsure of ("maybe identifying"): it is hidden like the
    rest until the participant says it may be shown (`ItemReview.restored_spans`) or confirms it
    (`ItemReview.confirmed_spans`); `confidence` is the finder's probability. Neither takes part
    in comparing spans.
    """

    start: int
    end: int
    kind: str = MANUAL_KIND
    confidence: float = field(default=1.0, compare=False)
    uncertain: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class ItemReview:
    """What the participant changed in one text's redaction.

    `extra_spans` are hidden in addition to what the redactor found; a detected span that overlaps
    any of `restored_spans` is shown as written (the participant judged it a false positive). A
    stretch both added and restored stays hidden: hiding wins. `confirmed_spans` are uncertain
    finds the participant said to keep hidden: they stay hidden and are no longer "maybe".
    """

    extra_spans: tuple[ReviewSpan, ...] = ()
    restored_spans: tuple[ReviewSpan, ...] = ()
    confirmed_spans: tuple[ReviewSpan, ...] = ()  # "maybe identifying" the participant kept hidden


def review_key(source_id: str, part: str | None = None) -> str:
    """The key of one reviewable text: an entry's body is its source id alone; a feedback answer is
    `review_key(form_id, question_id)`."""
    return source_id if part is None else f"{source_id}#{part}"


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _check(spans: Iterable[ReviewSpan], length: int) -> None:
    for s in spans:
        if not (0 <= s.start < s.end <= length):
            raise InvalidReview(f"span {s.start}-{s.end} is outside a text of {length} characters")


def merge_overlapping(spans: Iterable[ReviewSpan]) -> list[ReviewSpan]:
    """Sorted spans with overlaps joined (the earlier, longer span's kind is kept)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[ReviewSpan] = []
    for s in ordered:
        if merged and s.start < merged[-1].end:
            last = merged[-1]
            if s.end > last.end:
                merged[-1] = ReviewSpan(last.start, s.end, last.kind)
            continue
        merged.append(s)
    return merged


def undecided(detected: Iterable[ReviewSpan], review: ItemReview | None) -> list[ReviewSpan]:
    """The uncertain finds the participant has neither confirmed nor shown as written."""
    decided = [] if review is None else [*review.restored_spans, *review.confirmed_spans]
    return [
        d
        for d in detected
        if d.uncertain and not any(_overlaps(d.start, d.end, r.start, r.end) for r in decided)
    ]


def final_spans(
    text: str, detected: Iterable[ReviewSpan], review: ItemReview | None
) -> list[ReviewSpan]:
    """The spans to hide in `text`: detected minus restored, plus extra, overlaps joined."""
    found = list(detected)
    if review is None:
        return merge_overlapping(found)
    _check(review.extra_spans, len(text))
    _check(review.restored_spans, len(text))
    _check(review.confirmed_spans, len(text))
    kept = [
        d
        for d in found
        if not any(_overlaps(d.start, d.end, r.start, r.end) for r in review.restored_spans)
    ]
    return merge_overlapping([*kept, *review.extra_spans])
