"""Entries on a real journal: writing, listing, filters, search, ids, edits, tags, rules."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from peerjournal import errors
from peerjournal.model import EntryFilter, NewEntry


def add(journal, body, **kw):
    return journal.entries.add(NewEntry(body=body, **kw))


def test_add_get_by_prefix_and_list_newest_first(journal):
    a = add(journal, "first", title="One")
    b = add(journal, "second", title="Two")
    assert journal.entries.get(a.id[:6]).title == "One"
    assert [e.id for e in journal.entries.list()] == [b.id, a.id]
    assert journal.entries.count() == 2


def test_unknown_and_bad_ids(journal):
    add(journal, "x")
    for bad in ("zzzz", "12", "", "0000000000"):
        with pytest.raises(errors.NotFound):
            journal.entries.get(bad)


def test_ambiguous_prefix(journal):
    a, b = add(journal, "a"), add(journal, "b")
    conn = journal.entries._db.conn
    for entry in (a, b):  # give both ids the same start, as happens by chance in big journals
        conn.execute("UPDATE entries SET id = 'abcd' || substr(id, 5) WHERE id = ?", (entry.id,))
    with pytest.raises(errors.Ambiguous):
        journal.entries.get("abcd")
    assert journal.entries.get("abcd" + a.id[4:12]).body == "a"


def test_filters(journal):
    add(
        journal,
        "a",
        tags=("Health",),
        session_number=1,
        created_at=datetime(2026, 1, 5, 12, tzinfo=UTC),
    )
    add(
        journal,
        "b",
        tags=("rights",),
        session_number=2,
        shared=True,
        created_at=datetime(2026, 2, 5, 12, tzinfo=UTC),
    )
    add(journal, "c", created_at=datetime(2026, 3, 5, 12, tzinfo=UTC))
    bodies = lambda **kw: [e.body for e in journal.entries.list(EntryFilter(**kw))]  # noqa: E731
    assert bodies(tag="health") == ["a"]
    assert bodies(tag="#RIGHTS") == ["b"]
    assert bodies(session_number=2) == ["b"]
    assert bodies(shared=True) == ["b"]
    assert bodies(since=date(2026, 2, 1)) == ["c", "b"]
    assert bodies(until=date(2026, 2, 1)) == ["a"]
    assert journal.entries.count(EntryFilter(since=date(2026, 1, 1), until=date(2026, 2, 28))) == 2


def test_search_finds_highlights_and_follows_edits_and_deletes(journal):
    e = add(
        journal, "We talked about naloxone and the clinic on the corner", title="Harm reduction"
    )
    add(journal, "Nothing to see here")
    hits = journal.entries.search("naloxone")
    assert [h.entry.id for h in hits] == [e.id]
    assert ("naloxone", True) in hits[0].snippet
    assert journal.entries.search("nalox*")[0].entry.id == e.id
    assert journal.entries.search("harm")[0].entry.id == e.id  # titles are searched too
    journal.entries.update(e.id, body="We talked about PrEP")
    assert journal.entries.search("naloxone") == []
    assert journal.entries.search("prep")[0].entry.id == e.id
    journal.entries.delete(e.id)
    assert journal.entries.search("prep") == []


def test_search_ignores_accents_for_french(journal):
    e = add(journal, "Une journée difficile à l'hôpital")
    assert journal.entries.search("hopital")[0].entry.id == e.id
    assert journal.entries.search("journee")[0].entry.id == e.id


def test_bad_search_syntax_is_a_clear_error(journal):
    add(journal, "x")
    with pytest.raises(errors.SearchSyntaxError):
        journal.entries.search('"unclosed')
    assert journal.entries.search("   ") == []


def test_update_keeps_prompt_snapshot_and_bumps_updated(journal):
    e = add(journal, "x", prompt_text="What did you learn?", session_number=1, prompt_key=2)
    changed = journal.entries.update(e.id, body="y", title="t", mood=3)
    assert changed.prompt_text == "What did you learn?" and changed.updated_at >= e.updated_at
    assert journal.entries.get(e.id).mood == 3
    assert journal.entries.update(e.id, mood=None).mood is None


def test_tags_are_cleaned_deduplicated_added_and_removed(journal):
    e = add(journal, "x", tags=("#Care", "care", " self care ", "a,b"))
    assert e.tags == ("Care", "self care", "a", "b")
    e = journal.entries.add_tags(e.id, ["new"])
    e = journal.entries.remove_tags(e.id, ["#care", "A"])
    assert e.tags == ("self care", "b", "new")
    assert journal.entries.tag_counts()["new"] == 1


@pytest.mark.parametrize(
    "kw",
    [
        {"body": "bad \x00 byte"},
        {"body": "ok", "title": "bad\x07"},
        {"body": "ok", "mood": 9},
        {"body": "ok", "tags": ("t\x1b[31m",)},
        {"body": "x" * 1_000_001},
    ],
)
def test_rules_refuse_bad_values_and_store_nothing(journal, kw):
    with pytest.raises(errors.InvalidInput):
        journal.entries.add(NewEntry(**kw))
    assert journal.entries.count() == 0


def test_add_many_is_all_or_nothing(journal):
    items = [NewEntry(body=f"ok {i}") for i in range(10)] + [NewEntry(body="bad\x00")]
    with pytest.raises(errors.InvalidInput):
        journal.entries.add_many(items)
    assert journal.entries.count() == 0
    assert journal.entries.add_many(items[:10]) == 10
    assert [e.body for e in journal.entries.iter_all(batch=3)] == [f"ok {i}" for i in range(10)]


def test_share_flag_and_shared_query(journal):
    a = add(journal, "private")
    b = add(journal, "for research")
    journal.entries.set_shared(b.id, True)
    assert [e.id for e in journal.entries.shared()] == [b.id]
    journal.entries.set_shared(b.id, False)
    assert journal.entries.shared() == [] and not journal.entries.get(a.id).shared


def test_drafts_round_trip_and_discard(journal):
    from peerjournal.model import Draft

    d = journal.drafts.save(
        Draft(
            id=journal.drafts.new_id(),
            updated_at=None,
            body="half a thought",
            title="t",
            tags=("x",),
            session_number=2,
            prompt_key=1,
        )
    )
    assert journal.drafts.get(d.id).body == "half a thought"
    journal.drafts.save(Draft(id=d.id, updated_at=None, body="a whole thought"))
    assert [x.body for x in journal.drafts.list()] == ["a whole thought"]
    journal.drafts.discard(d.id)
    assert journal.drafts.list() == []


def test_settings_defaults_save_and_validation(journal):
    s = journal.settings.load()
    assert s.autolock_minutes == 5 and s.quick_hide_key == "f12"
    journal.settings.update(autolock_minutes=2, theme="textual-light")
    assert journal.settings.load().autolock_minutes == 2
    with pytest.raises(errors.InvalidInput):
        journal.settings.update(autolock_minutes=-1)


def test_stats(journal):
    add(journal, "one two three", tags=("a",), session_number=1)
    add(journal, "four\nfive", tags=("a", "b"), shared=True)
    s = journal.stats()
    assert (s.entries, s.words, s.shared, s.sessions_written) == (2, 5, 1, 1)
    assert s.tags == {"a": 2, "b": 1}


def test_terms(journal):
    journal.terms.add("  Candy ", "person")
    journal.terms.add("Mimosa Spa", "LOCATION")
    assert journal.terms.list() == [("Mimosa Spa", "LOCATION"), ("Candy", "PERSON")]
    assert journal.terms.remove("candy") == 1
    with pytest.raises(errors.InvalidInput):
        journal.terms.add("x", "PHONE")


def test_search_newest_first_lists_recent_matches_first(journal):
    old = add(journal, "naloxone naloxone naloxone training")
    new = add(journal, "a word about naloxone")
    assert [h.entry.id for h in journal.entries.search("naloxone")] == [old.id, new.id]
    newest = journal.entries.search("naloxone", order="newest")
    assert [h.entry.id for h in newest] == [new.id, old.id]
    assert ("naloxone", True) in newest[0].snippet
