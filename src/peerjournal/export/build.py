"""Build the bundle from the shared items the journal hands over: redact, coarsen, count.

The journal (its one "shared items" query) gives `SharedEntry` and `SharedFeedback` values and an
`ExportMeta`; nothing here reads the vault. Every free text that leaves (body, tags, a string mood,
titles when included, free-text answers) goes through the redactor and the participant's review,
with ONE `Pseudonyms` for the whole export so that the same name gets the same label everywhere.
Dates leave as ISO weeks (and days since the first session); exact times never leave.
"""

from __future__ import annotations

import re
import secrets
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from peerjournal import __version__
from peerjournal.export.bundle import (
    FORMAT_VERSION,
    Answer,
    AnswerValue,
    Bundle,
    Code,
    Counts,
    ExportEntry,
    ExportFeedback,
    Manifest,
    Mood,
    PromptSetRef,
    Question,
)
from peerjournal.export.detecting import detect_all
from peerjournal.export.redaction import Redacted, redact_text
from peerjournal.export.review import ItemReview, ReviewSpan, review_key
from peerjournal.export.seal import recipient_fingerprint
from peerjournal.model import word_count

if TYPE_CHECKING:
    from peerjournal.redact import Pseudonyms, Redactor

_SURROGATE = re.compile("[\ud800-\udfff]")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SharedEntry:
    """An entry the participant chose to share, as the journal holds it (never leaves as is)."""

    source_id: str
    body: str
    created_at: datetime
    title: str = ""
    tags: tuple[str, ...] = ()
    mood: Mood = None
    session_number: int | None = None
    session_title: str | None = None
    prompt_text: str | None = None


@dataclass(frozen=True)
class SharedAnswer:
    """One answer of a shared feedback form; `type` is the prompt set's (text, scale, choice)."""

    question_id: str
    question: str
    type: str
    answer: AnswerValue
    code: str | None = None


@dataclass(frozen=True)
class SharedFeedback:
    """A feedback form the participant chose to share."""

    source_id: str
    submitted_at: datetime
    answers: tuple[SharedAnswer, ...]
    session_number: int | None = None
    session_title: str | None = None


@dataclass(frozen=True)
class ExportMeta:
    """Everything about the export that is not an item, as the journal knows it.

    `participant_code` is random and stable per journal and study; `export_seq` grows by one with
    every export (and withdrawal) of that journal to that study. `recipient` is the study's age key
    (None only for a plaintext export). `codebook` takes the prompt set's themes (anything with
    `name` and `description`). `exported_on` defaults to today (UTC); only its week is kept.
    """

    study_id: str
    prompt_set_id: str
    prompt_set_version: str
    participant_code: str
    export_seq: int
    consent_hash: str | None
    recipient: str | None = None
    codebook: Sequence[Any] = ()
    exported_on: date | None = None
    app_version: str = __version__
    language: str | None = None
    questions: Sequence[Question] = ()
    signing_key: bytes | None = field(default=None, repr=False)
    """The journal's private Ed25519 key for this study (export/signing.py). Every export is
    signed; only `review_previews`, which builds nothing that leaves, goes without."""

    def finish(self, bundle: Bundle) -> Bundle:
        """The bundle signed with this journal's key for the study."""
        from peerjournal.export.signing import sign

        if self.signing_key is None:
            raise ValueError("an export needs the journal's signing key for the study")
        return sign(bundle, self.signing_key)


def iso_week(moment: date | datetime) -> str:
    """'2026-W48': the ISO week of a date, or of a datetime in the participant's local time
    (the export runs on their computer): Sunday 23:30 in Toronto is still that week, although
    it is Monday in UTC. A naive datetime is UTC, as the vault stores it."""
    if isinstance(moment, datetime):
        moment = as_utc(moment).astimezone().date()
    year, week, _ = moment.isocalendar()
    return f"{year}-W{week:02d}"


def as_utc(moment: datetime) -> datetime:
    """Aware datetimes converted to UTC; naive ones are taken as UTC (the vault stores UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def clean(text: str) -> str:
    """Text safe to encode: lone surrogates (never valid UTF-8) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


class RedactionPass:
    """Redacts every text of one export with the detected spans, one Pseudonyms and the reviews.

    It keeps each result with its label positions: `shown[key]` for a reviewable text (its
    `review_key`), `plain[text]` for the rest (tags, moods, chosen options), so the review can
    show exactly what this pass writes.
    """

    def __init__(
        self,
        found: Mapping[str, list[ReviewSpan]],
        pseudonyms: Pseudonyms,
        reviews: Mapping[str, ItemReview],
    ) -> None:
        self.found, self.pseudonyms, self.reviews = found, pseudonyms, reviews
        self.kinds: set[str] = set()
        self.shown: dict[str, Redacted] = {}
        self.plain: dict[str, Redacted] = {}

    def text(self, text: str, key: str | None = None) -> str:
        text = clean(text)
        review = self.reviews.get(key) if key is not None else None
        spans = self.found[text]
        done = (
            Redacted(text, (), ())
            if review is None and not spans
            else redact_text(text, spans, review, self.pseudonyms)
        )
        self.kinds.update(done.kinds)
        if key is None:
            self.plain.setdefault(text, done)
        else:
            self.shown[key] = done
        return done.text

    def answer(self, value: AnswerValue, key: str) -> AnswerValue:
        if isinstance(value, str):
            return self.text(value, key)
        if isinstance(value, tuple | list):
            return tuple(self.text(str(v)) for v in value)
        return value


def texts_to_check(entries: Sequence[SharedEntry], feedback: Sequence[SharedFeedback]) -> list[str]:
    """Every distinct free text that will leave (cleaned), in item order. Titles never leave."""
    texts: list[str] = []
    for e in entries:
        texts += [e.body, *e.tags]
        texts += [e.mood] if isinstance(e.mood, str) else []
    for f in feedback:
        for a in f.answers:
            if isinstance(a.answer, str):
                texts.append(a.answer)
            elif isinstance(a.answer, tuple | list):
                texts += [str(v) for v in a.answer]
    return list(dict.fromkeys(clean(t) for t in texts))


def _entry(e: SharedEntry, r: RedactionPass, meta: ExportMeta) -> ExportEntry:
    body = clean(e.body)
    return ExportEntry(
        item_id=str(uuid.uuid4()),
        session_number=e.session_number,
        session_title=e.session_title,
        prompt_text=e.prompt_text,
        week=iso_week(e.created_at),
        # Titles are not shared; the field stays, always empty. (Version 1 also had an always
        # empty days_since_first_session: with the ISO week it would give the exact day.)
        title=None,
        body=r.text(body, review_key(e.source_id)),
        word_count=word_count(body),
        tags=tuple(r.text(t) for t in e.tags),
        mood=r.text(e.mood) if isinstance(e.mood, str) else e.mood,
    )


def _feedback(f: SharedFeedback, r: RedactionPass) -> ExportFeedback:
    answers = tuple(
        Answer(
            a.question_id,
            a.question,
            a.type,
            r.answer(a.answer, review_key(f.source_id, a.question_id)),
            a.code,
        )
        for a in f.answers
    )
    return ExportFeedback(
        str(uuid.uuid4()), f.session_number, f.session_title, iso_week(f.submitted_at), answers
    )


def _manifest(meta: ExportMeta, counts: Counts, kinds: set[str], withdrawn: bool) -> Manifest:
    on = meta.exported_on or datetime.now(UTC).date()
    return Manifest(
        format_version=FORMAT_VERSION,
        export_id=str(uuid.uuid4()),
        app_version=meta.app_version,
        study_id=meta.study_id,
        prompt_set=PromptSetRef(meta.prompt_set_id, str(meta.prompt_set_version)),
        participant_code=meta.participant_code,
        export_seq=meta.export_seq,
        exported_week=iso_week(on),
        withdrawn=withdrawn,
        counts=counts,
        redaction_kinds=tuple(sorted(kinds)),
        consent_hash=meta.consent_hash,
        recipient_fingerprint=recipient_fingerprint(meta.recipient) if meta.recipient else None,
        language=meta.language,
    )


def _codebook(meta: ExportMeta) -> tuple[Code, ...]:
    seen: dict[str, Code] = {}
    for theme in meta.codebook:
        seen.setdefault(theme.name, Code(theme.name, theme.description or ""))
    return tuple(seen.values())


def build_bundle(
    entries: Sequence[SharedEntry],
    feedback: Sequence[SharedFeedback],
    meta: ExportMeta,
    redactor: Redactor,
    pseudonyms: Pseudonyms,
    reviews: Mapping[str, ItemReview] | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Bundle:
    """The snapshot of everything shared now, redacted and coarsened, in time order.

    `redactor` has `find(text) -> spans` (peerjournal.redact.Redactor); `pseudonyms` is ONE
    Pseudonyms for this whole export. `reviews` maps `review_key(...)` to the participant's
    changes. `progress(done, total)` counts the texts checked so far (for a progress bar).
    Large exports use one process per core for detection (`workers` overrides; 1 = serial).
    """
    entries = sorted(entries, key=lambda e: as_utc(e.created_at))
    feedback = sorted(feedback, key=lambda f: as_utc(f.submitted_at))
    texts = texts_to_check(entries, feedback)
    found = dict(zip(texts, detect_all(redactor, texts, workers, progress), strict=True))
    r = RedactionPass(found, pseudonyms, reviews or {})
    out_entries = tuple(_entry(e, r, meta) for e in entries)
    out_feedback = tuple(_feedback(f, r) for f in feedback)
    counts = Counts(len(out_entries), len(out_feedback))
    manifest = _manifest(meta, counts, r.kinds, withdrawn=False)
    bundle = Bundle(manifest, out_entries, out_feedback, _codebook(meta), tuple(meta.questions))
    return meta.finish(bundle)


def review_previews(
    entries: Sequence[SharedEntry],
    feedback: Sequence[SharedFeedback],
    found: Mapping[str, list[ReviewSpan]],
    pseudonyms: Any,
    reviews: Mapping[str, ItemReview] | None = None,
) -> RedactionPass:
    """Every text as `build_bundle` would write it with these finds and reviews, with the label
    positions, from the same code in the same order (so the same labels): `.shown[review_key]`
    and `.plain[text]`. `found` maps each text of `texts_to_check` to its spans."""
    r = RedactionPass(found, pseudonyms, reviews or {})
    meta = ExportMeta("", "", "", "", 0, None)
    for e in sorted(entries, key=lambda e: as_utc(e.created_at)):
        _entry(e, r, meta)
    for f in sorted(feedback, key=lambda f: as_utc(f.submitted_at)):
        _feedback(f, r)
    return r


def new_participant_code() -> str:
    """A fresh participant code ("P-" + 10 random base32 characters), derived from nothing.

    The journal makes one per journal and study, keeps it, and passes it in every `ExportMeta`.
    """
    alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
    return "P-" + "".join(secrets.choice(alphabet) for _ in range(10))


def build_withdrawal(meta: ExportMeta) -> Bundle:
    """An empty snapshot marked withdrawn: the merge then drops this participant entirely."""
    return meta.finish(Bundle(_manifest(meta, Counts(0, 0), set(), withdrawn=True), (), (), ()))
