"""The export review's bookkeeping, apart from the screen: which texts each shared item offers
for review, what the participant changed in each, and where a selection falls in the stored text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from peerjournal.export.build import as_utc, iso_week
from peerjournal.export.review import MANUAL_KIND, ItemReview, ReviewSpan, review_key

if TYPE_CHECKING:
    from peerjournal.export.build import SharedEntry, SharedFeedback

FIRST_WORDS = 60


def first_words(text: str, limit: int = FIRST_WORDS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "\u2026"


def offset_of(text: str, location: tuple[int, int]) -> int:
    """A TextArea (row, column) as a character offset into `text` as stored.

    The TextArea splits lines the way `str.splitlines` does and counts columns in characters,
    so the offset is the start of that line in `text` plus the column, whatever the line breaks.
    """
    row, column = location
    start = 0
    for line in text.splitlines(keepends=True)[:row]:
        start += len(line)
    return min(start + column, len(text))


@dataclass
class ReviewText:
    """One text the participant can review (an entry's body, or one written feedback answer)."""

    key: str
    item: int
    heading: str
    text: str


@dataclass
class SharedItem:
    """One shared entry or feedback form, as step 1 lists it."""

    kind: str  # "entry" or "feedback"
    source_id: str
    session: str
    week: str
    words: str
    session_number: int | None = None
    texts: list[ReviewText] = field(default_factory=list)
    tags: tuple[str, ...] = ()


@dataclass
class Reviews:
    """What the participant changed, per review key, in the shape `participant.prepare` takes."""

    extra: dict[str, list[ReviewSpan]] = field(default_factory=dict)
    restored: dict[str, list[ReviewSpan]] = field(default_factory=dict)

    def of(self, key: str) -> ItemReview | None:
        extra, restored = self.extra.get(key, []), self.restored.get(key, [])
        if not extra and not restored:
            return None
        return ItemReview(tuple(extra), tuple(restored))

    def all(self) -> dict[str, ItemReview]:
        keys = set(self.extra) | set(self.restored)
        return {k: review for k in keys if (review := self.of(k)) is not None}

    def hide(self, key: str, start: int, end: int) -> None:
        self.extra.setdefault(key, []).append(ReviewSpan(start, end, MANUAL_KIND))

    def show_as_written(self, key: str, span: ReviewSpan) -> None:
        """Undo the participant's own hiding there, and restore what the finder hid there."""
        extra = self.extra.get(key, [])
        self.extra[key] = [s for s in extra if not (s.start < span.end and span.start < s.end)]
        self.restored.setdefault(key, []).append(ReviewSpan(span.start, span.end, span.kind))

    def hide_again(self, key: str, span: ReviewSpan) -> None:
        self.restored[key] = [s for s in self.restored.get(key, []) if s != span]


def items_from(entries: list[SharedEntry], feedback: list[SharedFeedback]) -> list[SharedItem]:
    """The shared items in the export's order (entries, then feedback forms, each oldest first)."""
    items: list[SharedItem] = []
    for e in sorted(entries, key=lambda e: as_utc(e.created_at)):
        session = (
            f"{e.session_number} \u00b7 {e.session_title or ''}".rstrip(" \u00b7")
            if e.session_number
            else "\u2014"
        )
        item = SharedItem(
            "entry",
            e.source_id,
            session,
            iso_week(e.created_at),
            first_words(e.body),
            e.session_number,
            tags=e.tags,
        )
        item.texts.append(
            ReviewText(
                review_key(e.source_id), len(items), f"Entry \u00b7 week {item.week}", e.body
            )
        )
        items.append(item)
    for f in sorted(feedback, key=lambda f: as_utc(f.submitted_at)):
        written = [a for a in f.answers if isinstance(a.answer, str) and a.answer.strip()]
        words = first_words(written[0].answer) if written else "(ratings only)"
        session = f"{f.session_number} \u00b7 {f.session_title or ''}".rstrip(" \u00b7")
        item = SharedItem(
            "feedback", f.source_id, session, iso_week(f.submitted_at), words, f.session_number
        )
        for a in written:
            item.texts.append(
                ReviewText(
                    review_key(f.source_id, a.question_id),
                    len(items),
                    f"Feedback, session {f.session_number}: {a.question}",
                    str(a.answer),
                )
            )
        items.append(item)
    return items
