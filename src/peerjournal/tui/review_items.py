"""The export review's bookkeeping, apart from the screen: which texts each shared item offers
for review, what the participant changed in each, what every text looks like as it will leave,
and where a selection falls in the stored text. No Textual here: the step widgets only show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from peerjournal.export.build import as_utc, clean, iso_week
from peerjournal.export.redaction import Redacted
from peerjournal.export.review import MANUAL_KIND, ItemReview, ReviewSpan, review_key
from peerjournal.export.sharing import ItemKind
from peerjournal.i18n import _

if TYPE_CHECKING:
    from peerjournal.export.build import RedactionPass, SharedEntry, SharedFeedback
    from peerjournal.export.participant import ForReview

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
    item: SharedItem
    heading: str
    text: str


@dataclass(eq=False)
class SharedItem:
    """One shared entry or feedback form, as step 1 lists it."""

    kind: ItemKind
    source_id: str
    session: str
    week: str
    words: str
    texts: list[ReviewText] = field(default_factory=list)
    tags: tuple[str, ...] = ()

    @property
    def kind_label(self) -> str:
        return _("Entry") if self.kind is ItemKind.ENTRY else _("Feedback")


@dataclass
class Reviews:
    """What the participant changed, per review key, in the shape `participant.prepare` takes."""

    extra: dict[str, list[ReviewSpan]] = field(default_factory=dict)
    restored: dict[str, list[ReviewSpan]] = field(default_factory=dict)
    confirmed: dict[str, list[ReviewSpan]] = field(default_factory=dict)

    def of(self, key: str) -> ItemReview | None:
        extra, restored = self.extra.get(key, []), self.restored.get(key, [])
        confirmed = self.confirmed.get(key, [])
        if not extra and not restored and not confirmed:
            return None
        return ItemReview(tuple(extra), tuple(restored), tuple(confirmed))

    def all(self) -> dict[str, ItemReview]:
        keys = set(self.extra) | set(self.restored) | set(self.confirmed)
        return {k: review for k in keys if (review := self.of(k)) is not None}

    def keep_hidden(self, key: str, span: ReviewSpan) -> None:
        """A "maybe identifying" find does identify, the participant says: it stays hidden."""
        self.hide_again(key, span)
        if span not in self.confirmed.get(key, []):
            self.confirmed.setdefault(key, []).append(ReviewSpan(span.start, span.end, span.kind))

    def is_maybe(self, key: str, span: ReviewSpan) -> bool:
        """An uncertain find the participant has not decided on yet."""
        decided = [*self.restored.get(key, []), *self.confirmed.get(key, [])]
        return span.uncertain and not any(
            d.start < span.end and span.start < d.end for d in decided
        )

    def hide(self, key: str, start: int, end: int) -> None:
        self.extra.setdefault(key, []).append(ReviewSpan(start, end, MANUAL_KIND))

    def show_as_written(self, key: str, span: ReviewSpan) -> None:
        """Undo the participant's own hiding there, and restore what the finder hid there."""
        extra = self.extra.get(key, [])
        self.extra[key] = [s for s in extra if not (s.start < span.end and span.start < s.end)]
        kept = self.confirmed.get(key, [])
        self.confirmed[key] = [s for s in kept if not (s.start < span.end and span.start < s.end)]
        self.restored.setdefault(key, []).append(ReviewSpan(span.start, span.end, span.kind))

    def hide_again(self, key: str, span: ReviewSpan) -> None:
        self.restored[key] = [s for s in self.restored.get(key, []) if s != span]


class RowKind(StrEnum):
    """One line of the "hidden here" list."""

    FOUND = "found"  # hidden by the automatic check
    MAYBE = "maybe"  # hidden, but the check was unsure: the participant decides
    MANUAL = "manual"  # hidden by the participant
    RESTORED = "restored"  # found, and shown as written at the participant's word


@dataclass(frozen=True)
class Row:
    kind: RowKind
    span: ReviewSpan  # in the stored text
    label: str  # what stands in the file instead ("" when shown as written)
    words: str  # the words as written
    current: int | None = None  # index into `Redacted.shown`, to point at the label


def _session(number: int | None, title: str | None) -> str:
    if not number:
        return "\u2014"
    if title:
        return _("{number} \u00b7 {title}").format(number=number, title=title)
    return str(number)


def items_from(entries: list[SharedEntry], feedback: list[SharedFeedback]) -> list[SharedItem]:
    """The shared items in the export's order (entries, then feedback forms, each oldest first)."""
    items: list[SharedItem] = []
    for e in sorted(entries, key=lambda e: as_utc(e.created_at)):
        item = SharedItem(
            ItemKind.ENTRY,
            e.source_id,
            _session(e.session_number, e.session_title),
            iso_week(e.created_at),
            first_words(e.body),
            tags=e.tags,
        )
        heading = _("Entry \u00b7 week {week}").format(week=item.week)
        item.texts.append(ReviewText(review_key(e.source_id), item, heading, e.body))
        items.append(item)
    for f in sorted(feedback, key=lambda f: as_utc(f.submitted_at)):
        written = [a for a in f.answers if isinstance(a.answer, str) and a.answer.strip()]
        words = first_words(str(written[0].answer)) if written else _("(ratings only)")
        item = SharedItem(
            ItemKind.FEEDBACK,
            f.source_id,
            _session(f.session_number, f.session_title),
            iso_week(f.submitted_at),
            words,
        )
        for a in written:
            heading = _("Feedback, session {number}: {question}").format(
                number=f.session_number, question=a.question
            )
            key = review_key(f.source_id, a.question_id)
            item.texts.append(ReviewText(key, item, heading, str(a.answer)))
        items.append(item)
    return items


class ReviewModel:
    """The shared items, the redactor's finds and the participant's changes; every text as it will
    leave, computed by the export's own code (`ForReview.previews`), so what the review shows is
    what the file holds, labels and numbers included."""

    def __init__(self, data: ForReview) -> None:
        self.data = data
        self.items = items_from(data.entries, data.feedback)
        self.reviews = Reviews()
        self._pass: RedactionPass | None = None

    @property
    def texts(self) -> list[ReviewText]:
        return [t for item in self.items for t in item.texts]

    @property
    def previews(self) -> RedactionPass:
        if self._pass is None:
            self._pass = self.data.previews(self.reviews.all())
        return self._pass

    def changed(self) -> None:
        self._pass = None

    def preview(self, text: ReviewText) -> Redacted:
        return self.previews.shown[text.key]

    def tags(self, item: SharedItem) -> list[str]:
        return [self.previews.plain[clean(tag)].text for tag in item.tags]

    def rows(self, text: ReviewText) -> list[Row]:
        """What is hidden in `text` (in reading order), then what was shown as written."""
        redacted = self.preview(text)
        maybe = self.maybe_spans(text)
        rows = []
        for n, (span, label) in enumerate(zip(redacted.hidden, redacted.shown, strict=True)):
            if span.kind == MANUAL_KIND:
                kind = RowKind.MANUAL
            elif any(m.start < span.end and span.start < m.end for m in maybe):
                kind = RowKind.MAYBE
            else:
                kind = RowKind.FOUND
            shown = redacted.text[label.start : label.end]
            rows.append(Row(kind, span, shown, text.text[span.start : span.end], n))
        for span in self.reviews.restored.get(text.key, []):
            rows.append(Row(RowKind.RESTORED, span, "", text.text[span.start : span.end]))
        return rows

    def maybe_spans(self, text: ReviewText) -> list[ReviewSpan]:
        """The finds in `text` the redactor was unsure of, not yet decided on."""
        found = self.data.found.get(clean(text.text), [])
        return [s for s in found if self.reviews.is_maybe(text.key, s)]

    def undecided(self) -> int:
        """How many "maybe identifying" parts wait for the participant, in every text."""
        return sum(1 for t in self.texts for r in self.rows(t) if r.kind is RowKind.MAYBE)

    def keep_hidden(self, text: ReviewText, row: Row) -> bool:
        """The participant says a "maybe identifying" part does identify; False if it is not
        one."""
        if row.kind is not RowKind.MAYBE:
            return False
        for span in self.maybe_spans(text):
            if span.start < row.span.end and row.span.start < span.end:
                self.reviews.keep_hidden(text.key, span)
        self.changed()
        return True

    def hide(self, text: ReviewText, start: int, end: int) -> bool:
        """Hide `text[start:end]` (trimmed of spaces); False when nothing is left to hide."""
        while start < end and text.text[start].isspace():
            start += 1
        while end > start and text.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return False
        self.reviews.hide(text.key, start, end)
        self.changed()
        return True

    def toggle(self, text: ReviewText, row: Row) -> None:
        """A hidden row is shown as written; a row shown as written is hidden again."""
        if row.kind is RowKind.RESTORED:
            self.reviews.hide_again(text.key, row.span)
        else:
            self.reviews.show_as_written(text.key, row.span)
        self.changed()

    def forget(self, item: SharedItem) -> None:
        """The item is no longer shared: out of the review at once (`renew` follows)."""
        self.items = [i for i in self.items if i is not item]
        for text in item.texts:
            self.reviews.extra.pop(text.key, None)
            self.reviews.restored.pop(text.key, None)
            self.reviews.confirmed.pop(text.key, None)
        self.changed()

    def renew(self, data: ForReview) -> None:
        """New finds for the items shared now (after the always-hide list changed, or an item
        stopped being shared): the participant's changes to texts still there are kept."""
        self.data = data
        self.items = items_from(data.entries, data.feedback)
        keys = {t.key for t in self.texts}
        for changes in (self.reviews.extra, self.reviews.restored, self.reviews.confirmed):
            for key in set(changes) - keys:
                del changes[key]
        self.changed()

    def counts(self) -> tuple[int, int]:
        entries = sum(1 for i in self.items if i.kind is ItemKind.ENTRY)
        return entries, len(self.items) - entries
