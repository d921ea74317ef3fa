"""build_bundle: redacts every free text with one numbering, coarsens dates, honours the review."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.errors import InvalidReview
from peerjournal.export.build import (
    ExportMeta,
    SharedAnswer,
    SharedEntry,
    SharedFeedback,
    build_bundle,
    build_withdrawal,
    iso_week,
    new_participant_code,
    word_count,
)
from peerjournal.export.bundle import bundle_to_json
from peerjournal.export.formats import FORMAT_NAMES, encode
from peerjournal.export.read import read_bundle
from peerjournal.export.redaction import preview
from peerjournal.export.review import ItemReview, ReviewSpan, review_key
from peerjournal.export.schema import CODE_RE
from peerjournal.export.seal import generate_identity, recipient_fingerprint
from peerjournal.export.signing import new_private_key
from peerjournal.promptset.model import Theme
from peerjournal.redact import Pseudonyms, Redactor, Term, apply_spans

WHEN = datetime(2026, 11, 25, 21, 47, 13, tzinfo=UTC)
RECIPIENT = generate_identity().public
SIGNING_KEY = new_private_key()


def meta(**changes: object) -> ExportMeta:
    base = dict(
        study_id="peer-2026",
        prompt_set_id="peer-health",
        prompt_set_version="1.2",
        participant_code="P-ABCDEFGH23",
        export_seq=4,
        consent_hash="sha256:feed",
        recipient=RECIPIENT,
        codebook=(Theme("Solidarity", "Relationships."), Theme("Self-esteem")),
        exported_on=date(2026, 11, 27),
        signing_key=SIGNING_KEY,
    )
    base.update(changes)
    return ExportMeta(**base)  # type: ignore[arg-type]


def redactor() -> Redactor:
    return Redactor([Term("Candy", "PERSON"), Term("Velvet Lounge", "LOCATION")])


ENTRY = SharedEntry(
    source_id="entry-1",
    body="Candy came with me. Call 514-555-0199 if the Velvet Lounge asks.",
    created_at=WHEN,
    title="Candy and me",
    tags=("Candy", "outreach"),
    mood="calm",
    session_number=3,
    session_title="Talking with nurses",
    prompt_text="What helped?",
)
FORM = SharedFeedback(
    source_id="form-3",
    submitted_at=WHEN - timedelta(days=30),
    session_number=1,
    session_title="Welcome",
    answers=(
        SharedAnswer("useful", "What was useful?", "text", "Meeting Candy again."),
        SharedAnswer("confidence", "How confident?", "scale", 4),
        SharedAnswer("topics", "Which topics?", "choice", ("rights", "Candy")),
    ),
)


def build(entries=(ENTRY,), feedback=(FORM,), reviews=None, **meta_changes):  # type: ignore[no-untyped-def]
    return build_bundle(
        list(entries),
        list(feedback),
        meta(**meta_changes),
        redactor(),
        Pseudonyms(),
        reviews=reviews,
    )


def test_every_free_text_is_redacted_with_one_numbering() -> None:
    b = build()
    (e,) = b.entries
    assert e.body == apply_spans(ENTRY.body, redactor().find(ENTRY.body), Pseudonyms())
    assert e.body.startswith("[PERSON 1] came with me. Call [PHONE 1] if ")
    assert "[LOCATION 1] asks." in e.body
    assert e.tags == ("[PERSON 1]", "outreach") and e.title is None and e.mood == "calm"
    answers = {a.question_id: a.answer for a in b.feedback[0].answers}
    assert answers == {
        "useful": "Meeting [PERSON 1] again.",
        "confidence": 4,
        "topics": ("rights", "[PERSON 1]"),
    }
    # the whole number: "555" alone turns up in a random export id now and then
    assert "Candy" not in bundle_to_json(b) and "555-0199" not in bundle_to_json(b)
    assert b.manifest.redaction_kinds == ("LOCATION", "PERSON", "PHONE")


def test_titles_never_leave() -> None:
    b = build()
    assert b.entries[0].title is None
    assert ENTRY.title and ENTRY.title not in bundle_to_json(b)


def test_dates_are_coarsened_and_counts_filled() -> None:
    b = build()
    e, f = b.entries[0], b.feedback[0]
    assert (e.week, f.week) == ("2026-W48", "2026-W44")
    assert not hasattr(e, "days_since_first_session")
    assert e.word_count == word_count(ENTRY.body) == 13
    m = b.manifest
    assert (m.exported_week, m.counts.entries, m.counts.feedback) == ("2026-W48", 1, 1)
    assert m.recipient_fingerprint == recipient_fingerprint(RECIPIENT)
    assert (m.prompt_set.id, m.prompt_set.version, m.export_seq) == ("peer-health", "1.2", 4)
    assert [c.name for c in b.codebook] == ["Solidarity", "Self-esteem"]
    text = bundle_to_json(b)
    for leak in ("21:47", "2026-11-25", "entry-1", "form-3", "T21"):
        assert leak not in text


def test_iso_week_uses_utc_and_iso_years() -> None:
    sunday_evening = datetime(2026, 11, 29, 22, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert iso_week(sunday_evening) == "2026-W49"
    assert iso_week(date(2025, 12, 29)) == "2026-W01"
    assert iso_week(date(2027, 1, 1)) == "2026-W53"


def test_review_hides_more_and_restores_false_positives() -> None:
    body = ENTRY.body
    start = body.index("came with me")
    reviews = {
        review_key("entry-1"): ItemReview(
            extra_spans=(ReviewSpan(start, start + len("came")),),
            restored_spans=(ReviewSpan(body.index("Velvet"), body.index("Velvet") + 6),),
        ),
        review_key("form-3", "useful"): ItemReview(extra_spans=(ReviewSpan(0, 7, "PERSON"),)),
    }
    b = build(reviews=reviews)
    assert b.entries[0].body == (
        "[PERSON 1] [REDACTED] with me. Call [PHONE 1] if the Velvet Lounge asks."
    )
    assert b.feedback[0].answers[0].answer == "[PERSON 2] [PERSON 1] again."
    assert "MANUAL" in b.manifest.redaction_kinds


def test_hiding_wins_over_restoring_the_same_stretch() -> None:
    span = ReviewSpan(0, 5, "PERSON")
    b = build(reviews={"entry-1": ItemReview(extra_spans=(span,), restored_spans=(span,))})
    assert b.entries[0].body.startswith("[PERSON 1] came")


@pytest.mark.parametrize("bad", [ReviewSpan(-1, 3), ReviewSpan(5, 5), ReviewSpan(10, 999)])
def test_review_span_outside_text_is_refused(bad: ReviewSpan) -> None:
    with pytest.raises(InvalidReview, match="outside a text"):
        build(reviews={"entry-1": ItemReview(extra_spans=(bad,))})


def test_items_in_time_order_with_fresh_random_ids_and_progress() -> None:
    later = SharedEntry("entry-2", "second", WHEN + timedelta(days=8))
    seen: list[tuple[int, int]] = []
    b = build_bundle(
        [later, ENTRY],
        [FORM],
        meta(),
        redactor(),
        Pseudonyms(),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert [e.week for e in b.entries] == ["2026-W48", "2026-W49"]
    assert seen and seen[-1][0] == seen[-1][1] > 0
    assert build().entries[0].item_id != build().entries[0].item_id


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_built_bundle_survives_every_format(fmt: str) -> None:
    b = build(entries=[ENTRY, SharedEntry("x", "lone \ud800 surrogate", WHEN)])
    assert read_bundle(encode(b, fmt)) == b


def test_withdrawal_is_an_empty_snapshot() -> None:
    w = build_withdrawal(meta(export_seq=9))
    assert w.manifest.withdrawn and w.manifest.export_seq == 9
    assert (w.entries, w.feedback, w.manifest.counts.entries) == ((), (), 0)
    assert read_bundle(encode(w, "jsonl")) == w


def test_participant_codes_are_random_and_valid() -> None:
    codes = {new_participant_code() for _ in range(200)}
    assert len(codes) == 200 and all(CODE_RE.match(c) for c in codes)


names = st.sampled_from(["Candy", "Velvet Lounge"])
filler = st.text(alphabet="abcdefghij .,\n", max_size=30)


@pytest.mark.slow
@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(filler, names), min_size=1, max_size=5), filler)
def test_listed_terms_never_leave(pieces: list[tuple[str, str]], tail: str) -> None:
    body = "".join(f"{text} {name} " for text, name in pieces) + tail
    entry = SharedEntry("e", body, WHEN, tags=(pieces[0][1],))
    form = SharedFeedback("f", WHEN, (SharedAnswer("q", "Q?", "text", body),))
    text = bundle_to_json(build(entries=[entry], feedback=[form]))
    assert "Candy" not in text and "Velvet Lounge" not in text


@pytest.mark.slow
def test_worker_processes_give_the_same_export_as_one_process() -> None:
    entries = [
        SharedEntry(f"e{i}", f"{ENTRY.body} number {i}", WHEN + timedelta(hours=i), tags=("Candy",))
        for i in range(250)
    ]
    serial = build_bundle(entries, [FORM], meta(), redactor(), Pseudonyms(), workers=1)
    parallel = build_bundle(entries, [FORM], meta(), redactor(), Pseudonyms(), workers=2)
    assert [e.body for e in parallel.entries] == [e.body for e in serial.entries]
    assert parallel.feedback[0].answers == serial.feedback[0].answers
    assert parallel.manifest.redaction_kinds == serial.manifest.redaction_kinds


def test_preview_marks_where_each_label_sits() -> None:
    shown = preview(
        redactor(), ENTRY.body, ItemReview(extra_spans=(ReviewSpan(6, 10),)), Pseudonyms()
    )
    assert [shown.text[s.start : s.end] for s in shown.shown] == [
        "[PERSON 1]",
        "[REDACTED]",
        "[PHONE 1]",
        "[LOCATION 1]",
    ]
    assert [ENTRY.body[s.start : s.end] for s in shown.hidden][:3] == [
        "Candy",
        "came",
        "514-555-0199",
    ]
    assert (
        shown.text
        == build(reviews={"entry-1": ItemReview(extra_spans=(ReviewSpan(6, 10),))}).entries[0].body
    )


def test_a_name_found_in_one_text_is_hidden_in_every_text_with_one_pseudonym() -> None:
    """Found once, hidden everywhere in one participant's export: a full name in an entry, the
    given name alone in lower case in a feedback answer (where nothing else is sure of it)."""
    entry = SharedEntry(
        source_id="entry-9",
        body="Went to group with Nkechi Obi and we sat at the back.",
        created_at=WHEN,
        session_number=3,
        session_title="Talking with nurses",
        prompt_text="What helped?",
    )
    form = SharedFeedback(
        source_id="form-9",
        submitted_at=WHEN + timedelta(days=1),
        session_number=3,
        session_title="Talking with nurses",
        answers=(SharedAnswer("useful", "What was useful?", "text", "honestly nkechi. always"),),
    )
    # alone, the redactor is at most unsure of it (a "maybe" for the participant)
    assert all(s.uncertain for s in redactor().find("honestly nkechi. always"))
    b = build(entries=(entry,), feedback=(form,))
    assert b.entries[0].body == "Went to group with [PERSON 1] and we sat at the back."
    assert b.feedback[0].answers[0].answer == "honestly [PERSON 1]. always"


def test_an_ordinary_word_found_as_a_name_is_carried_only_where_it_is_capitalised() -> None:
    entry = SharedEntry(
        source_id="entry-8",
        body="Sugar said the van comes at nine.",
        created_at=WHEN,
        session_number=3,
        session_title="Talking with nurses",
        prompt_text="What helped?",
    )
    form = SharedFeedback(
        source_id="form-8",
        submitted_at=WHEN + timedelta(days=1),
        session_number=3,
        session_title="Talking with nurses",
        answers=(SharedAnswer("useful", "What was useful?", "text", "no sugar in it. Sugar too"),),
    )
    b = build(entries=(entry,), feedback=(form,))
    assert b.entries[0].body.startswith("[PERSON 1] said")
    assert b.feedback[0].answers[0].answer == "no sugar in it. [PERSON 1] too"


def test_weeks_are_the_participants_local_weeks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sunday 29 November 2026, 23:30 in Toronto is Monday 04:30 UTC (the next ISO week)."""
    import time

    from peerjournal.export.build import iso_week

    monkeypatch.setenv("TZ", "America/Toronto")
    time.tzset()
    try:
        sunday_night = datetime(2026, 11, 30, 4, 30, tzinfo=UTC)
        assert iso_week(sunday_night) == "2026-W48"
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
        assert iso_week(sunday_night) == "2026-W49"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_an_ordinary_word_of_a_full_name_is_carried_as_a_maybe() -> None:
    """ "Angel Dominguez" in one text: a capitalised "Angel" in another is most likely her, but
    an everyday word could be meant ("Will Brown" ... "Will you come?"): the participant
    decides, so the carried part is offered as "maybe identifying", not hidden for sure."""
    from peerjournal.export.redaction import carry_through, detect

    texts = ["Read the names out loud. Angel Dominguez was one.", "Angel used to say I talk a lot."]
    found = carry_through(texts, [detect(redactor(), t) for t in texts])
    carried = [s for s in found[1] if texts[1][s.start : s.end] == "Angel"]
    assert [(s.kind, s.uncertain) for s in carried] == [("PERSON", True)]
