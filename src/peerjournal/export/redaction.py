"""The one place the export meets the redactor (`peerjournal.redact`).

`detect` turns the redactor's spans into `ReviewSpan`s; `apply_review_spans` applies the
participant's review and replaces the final spans with labels from the export's one `Pseudonyms`
(`[PERSON 3]`: the same value, the same label, in every item of the export). Stretches the
participant hid by hand (kind MANUAL) become `[REDACTED]`; when the wizard lets them say what a
stretch is (a redactor kind such as PERSON), it is numbered like the redactor's own finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from peerjournal.export.review import MANUAL_KIND, ItemReview, ReviewSpan, final_spans

MANUAL_LABEL = "[REDACTED]"


def kind_name(kind: Any) -> str:
    """A span kind as text, whether the redactor uses strings or an Enum."""
    return str(getattr(kind, "value", kind))


def detect(redactor: Any, text: str) -> list[ReviewSpan]:
    """What the redactor finds in `text`, as review spans (with the finder's confidence)."""
    if not text:
        return []
    return [
        ReviewSpan(
            s.start,
            s.end,
            kind_name(s.kind),
            getattr(s, "confidence", 1.0),
            getattr(s, "uncertain", False),
        )
        for s in redactor.find(text)
    ]


def carry_through(texts: Sequence[str], found: list[list[ReviewSpan]]) -> list[list[ReviewSpan]]:
    """One participant's export: a name or place found in one text is hidden in every text that
    writes it, with one kind per value, so it gets one pseudonym everywhere (entries and
    feedback alike). See `redact.propagate`."""
    from peerjournal.redact import propagate

    values: dict[tuple[str, ...], tuple[str, float]] = {}
    for text, spans in zip(texts, found, strict=True):
        for value, sure in propagate.values(text, spans).items():
            values.setdefault(value, sure)
    if not values:
        return found
    index = propagate.Index(values)
    out = []
    for text, spans in zip(texts, found, strict=True):
        fixed = []
        for s in spans:  # one kind per value: the first sure one in the export
            sure = values.get(propagate.key_of(text, s))  # type: ignore[assignment]  # typed by the redactor rebuild
            if sure and sure[0] != s.kind and s.kind in propagate.CARRIED:
                s = ReviewSpan(s.start, s.end, sure[0], s.confidence, s.uncertain)
            fixed.append(s)
        carried = [
            ReviewSpan(c.start, c.end, c.kind, c.confidence, c.uncertain)
            for c in index.carry(text)
            if not any(c.start < s.end and s.start < c.end for s in fixed)
        ]
        out.append(sorted(fixed + carried, key=lambda s: (s.start, s.end)))
    return out


def label(span: ReviewSpan, value: str, pseudonyms: Any) -> str:
    """The placeholder for one hidden stretch (same rules as `redact.apply_spans`)."""
    if span.kind == MANUAL_KIND:
        return MANUAL_LABEL
    return pseudonyms.label(span.kind, value) if pseudonyms is not None else f"[{span.kind}]"


@dataclass(frozen=True)
class Redacted:
    """A redacted text and where each label sits in it (for highlighting in a review).

    `hidden` are the stretches of the original text that were replaced; `shown` the matching
    stretches of `text` holding their labels, in the same order.
    """

    text: str
    hidden: tuple[ReviewSpan, ...]
    shown: tuple[ReviewSpan, ...]

    @property
    def kinds(self) -> set[str]:
        return {s.kind for s in self.hidden}


def redact_text(
    text: str, detected: list[ReviewSpan], review: ItemReview | None, pseudonyms: Any
) -> Redacted:
    """`text` with the final spans (detected, then reviewed) replaced by their labels."""
    spans = final_spans(text, detected, review)
    parts: list[str] = []
    shown: list[ReviewSpan] = []
    position = out = 0
    for span in spans:
        before = text[position : span.start]
        tag = label(span, text[span.start : span.end], pseudonyms)
        out += len(before)
        shown.append(ReviewSpan(out, out + len(tag), span.kind))
        out += len(tag)
        parts += [before, tag]
        position = span.end
    parts.append(text[position:])
    return Redacted("".join(parts), tuple(spans), tuple(shown))


def preview(
    redactor: Any, text: str, review: ItemReview | None = None, pseudonyms: Any = None
) -> Redacted:
    """What one text will look like in the export, with label positions for highlighting.

    For the review screens: give them the export's texts in item order and one Pseudonyms, and the
    labels match what `build_bundle` will write.
    """
    return redact_text(text, detect(redactor, text), review, pseudonyms)


def apply_review_spans(
    text: str, detected: list[ReviewSpan], review: ItemReview | None, pseudonyms: Any
) -> tuple[str, set[str]]:
    """`text` with the final spans replaced by labels, and the kinds that were applied."""
    if review is None and not detected:
        return text, set()
    done = redact_text(text, detected, review, pseudonyms)
    return done.text, done.kinds
