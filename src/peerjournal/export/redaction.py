"""The one place the export meets the redactor (`peerjournal.redact`).

`detect` turns the redactor's spans into `ReviewSpan`s; `apply_review_spans` applies the
participant's review and hands the final spans to `redact.apply_spans` with the export's one
`Pseudonyms`, so labels ("[PERSON 3]") stay consistent across every item of an export.
"""

from __future__ import annotations

from typing import Any

from peerjournal.export.review import ItemReview, ReviewSpan, final_spans


def kind_name(kind: Any) -> str:
    """A span kind as text, whether the redactor uses strings or an Enum."""
    return str(getattr(kind, "value", kind))


def detect(redactor: Any, text: str) -> list[ReviewSpan]:
    """What the redactor finds in `text`, as review spans."""
    if not text:
        return []
    return [ReviewSpan(s.start, s.end, kind_name(s.kind)) for s in redactor.find(text)]


def apply_review_spans(
    text: str, detected: list[ReviewSpan], review: ItemReview | None, pseudonyms: Any
) -> tuple[str, set[str]]:
    """`text` with the final spans replaced by labels, and the kinds that were applied."""
    spans = final_spans(text, detected, review)
    if not spans:
        return text, set()
    from peerjournal.redact import Span, apply_spans

    theirs = [Span(s.start, s.end, s.kind) for s in spans]
    return apply_spans(text, theirs, pseudonyms=pseudonyms), {s.kind for s in spans}
