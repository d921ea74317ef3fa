"""The consent rule, over a thousand random journals: nothing unshared ever leaves, in any format,
and everything shared does leave, redacted."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.errors import NothingShared
from peerjournal.export import participant
from peerjournal.model import NewEntry
from tests.helpers import make_participant

pytestmark = pytest.mark.slow

SYLLABLES = ["ka", "lo", "mi", "ru", "ze", "ta", "vo", "ni", "pe", "su"]
PII = [
    "Call me at 604-555-0199 tomorrow.",
    "Write to jo.doe@example.org please.",
    "Her profile is @sunny_day_22 now.",
]
LEAKS = ["604-555-0199", "jo.doe@example.org", "sunny_day_22"]


def marker(prefix: str, n: int) -> str:
    """A plain lowercase word, unique per item, that no detector should take for PII."""
    digits = f"{n:03d}"
    return prefix + "".join(SYLLABLES[int(d)] for d in digits) + "x"


entry_strategy = st.lists(
    st.fixed_dictionaries(
        {
            "shared": st.booleans(),
            "pii": st.booleans(),
            "tags": st.integers(0, 2),
            "session": st.sampled_from([None, 1, 2]),
        }
    ),
    max_size=6,
)
feedback_strategy = st.lists(st.booleans(), min_size=2, max_size=2)


def decoded(data: bytes) -> str:
    """All the text of an export, whatever its format (zip members opened)."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist())
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def journal(tmp_path_factory, study_set):
    j = make_participant(tmp_path_factory.mktemp("prop") / "j", study_set)
    yield j
    j.close()


@settings(
    max_examples=350, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(entries=entry_strategy, feedback=feedback_strategy)
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "qdpx"])
def test_only_shared_items_leave_and_they_leave_redacted(journal, fmt, entries, feedback):
    for old in list(journal.entries.iter_all()):
        journal.entries.delete(old.id)
    shared_words, private_words, new = [], [], []
    for n, spec in enumerate(entries):
        body_word, title_word = marker("body", n), marker("title", n)
        tag_words = [marker(f"tag{t}", n) for t in range(spec["tags"])]
        body = f"Today {body_word} was good. " + (PII[n % len(PII)] if spec["pii"] else "")
        new.append(
            NewEntry(
                body=body,
                title=f"About {title_word}",
                tags=tuple(tag_words),
                session_number=spec["session"],
                shared=spec["shared"],
            )
        )
        private_words.append(title_word)  # titles never leave by default
        (shared_words if spec["shared"] else private_words).extend([body_word, *tag_words])
    journal.entries.add_many(new)
    for session, share in zip((1, 2), feedback, strict=True):
        answer = marker(f"answer{session}", len(entries))
        journal.program.save_feedback(session, {"takeaway": f"I keep {answer}"}, shared=share)
        (shared_words if share else private_words).append(answer)

    if not any(e["shared"] for e in entries) and not any(feedback):
        with pytest.raises(NothingShared):  # nothing shared, nothing sent before: no export
            participant.prepare(journal, fmt, plaintext=True)
        return
    prepared = participant.prepare(journal, fmt, plaintext=True)
    text = decoded(prepared.data)

    for word in private_words:
        assert word not in text
    for word in shared_words:
        assert word in text
    for leak in LEAKS:
        assert leak not in text
    assert prepared.bundle.manifest.counts.entries == sum(e["shared"] for e in entries)
    assert prepared.bundle.manifest.counts.feedback == sum(feedback)
