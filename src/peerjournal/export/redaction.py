"""The one place the export meets the redactor (`peerjournal.redact`).

`detect` turns the redactor's spans into `ReviewSpan`s; `apply_review_spans` applies the
participant's review and replaces the final spans with labels from the export's one `Pseudonyms`
(`[PERSON 3]`: the same value, the same label, in every item of the export). Stretches the
participant hid by hand (kind MANUAL) become `[REDACTED]`; when the wizard lets them say what a
stretch is (a redactor kind such as PERSON), it is numbered like the redactor's own finds.
"""

from __future__ import annotations

from typing import Any

from peerjournal.export.review import MANUAL_KIND, ItemReview, ReviewSpan, final_spans

MANUAL_LABEL = "[REDACTED]"


def kind_name(kind: Any) -> str:
    """A span kind as text, whether the redactor uses strings or an Enum."""
    return str(getattr(kind, "value", kind))


def detect(redactor: Any, text: str) -> list[ReviewSpan]:
    """What the redactor finds in `text`, as review spans."""
    if not text:
        return []
    return [ReviewSpan(s.start, s.end, kind_name(s.kind)) for s in redactor.find(text)]


def label(span: ReviewSpan, value: str, pseudonyms: Any) -> str:
    """The placeholder for one hidden stretch (same rules as `redact.apply_spans`)."""
    if span.kind == MANUAL_KIND:
        return MANUAL_LABEL
    return pseudonyms.label(span.kind, value) if pseudonyms is not None else f"[{span.kind}]"


def apply_review_spans(
    text: str, detected: list[ReviewSpan], review: ItemReview | None, pseudonyms: Any
) -> tuple[str, set[str]]:
    """`text` with the final spans replaced by labels, and the kinds that were applied."""
    spans = final_spans(text, detected, review)
    if not spans:
        return text, set()
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position:span.start])
        parts.append(label(span, text[span.start:span.end], pseudonyms))
        position = span.end
    parts.append(text[position:])
    return "".join(parts), {s.kind for s in spans}
