"""The full-text index follows every write: deleting or editing an entry takes its old words out
of the index at once (the triggers of `m001_entries`), and `check` says so in a fast test."""

from __future__ import annotations

from peerjournal.journal import Journal
from peerjournal.model import NewEntry


def words_found(journal: Journal, word: str) -> int:
    return len(journal.entries.search(word))


def test_check_passes_and_old_words_are_gone_after_a_delete(journal: Journal):
    kept = journal.entries.add(NewEntry(body="a walk by the harbour"))
    gone = journal.entries.add(NewEntry(body="the outreach van came at nine", title="outreach"))
    journal.entries.delete(gone.id)
    report = journal.check()
    assert report.ok, report.problems
    assert "search index: ok" in report.notes
    assert words_found(journal, "outreach") == 0
    assert [h.entry.id for h in journal.entries.search("harbour")] == [kept.id]


def test_check_passes_and_old_words_are_gone_after_an_edit(journal: Journal):
    entry = journal.entries.add(NewEntry(body="first draft about the clinic", tags=("clinic",)))
    journal.entries.update(entry.id, body="rewritten about the drop-in", tags=("drop-in",))
    report = journal.check()
    assert report.ok, report.problems
    assert words_found(journal, "clinic") == 0
    assert words_found(journal, "rewritten") == 1
