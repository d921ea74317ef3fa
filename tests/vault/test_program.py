"""The program in a journal: install and upgrade prompt sets, snapshots, attendance, feedback."""

from __future__ import annotations

from datetime import date

import pytest

from peerjournal import errors
from peerjournal.model import NewEntry
from peerjournal.promptset import find_shipped, parse

SET_V1 = """# Test program

- id: test-program
- version: 1.0
- language: en

## Session 1: Getting started

### Prompts

1. What brought you here?
2. What do you hope for?

### Feedback

1. How useful was it?
   - id: useful
   - type: scale
   - range: 1-5
   - low: Not useful
   - high: Very useful

## Session 2: Health

### Prompts

1. What is one thing you learned?
"""


def v2() -> str:
    return (
        SET_V1.replace("- version: 1.0", "- version: 1.1")
        .replace("What brought you here?", "What brought you to the group?")
        .replace("Session 2: Health", "Session 2: Health and harm reduction")
        + "\n## Session 3: Rights\n\n### Prompts\n\n1. What are your rights?\n"
    )


@pytest.fixture
def program_set():
    return parse(SET_V1, "test.md")


def test_install_link_and_upgrade_keeps_snapshots(journal, program_set):
    report = journal.program.install(program_set)
    assert report.action == "installed"
    link = journal.prompt_link(1, 1)
    entry = journal.entries.add(NewEntry(body="my answer", **link))
    assert entry.prompt_text == "What brought you here?" and entry.prompt_set_version == "1.0"

    report = journal.program.install(parse(v2(), "test.md"))
    assert report.action == "upgraded"
    assert report.changes is not None
    text = "\n".join(report.changes.lines())
    assert "session 3 added" in text and "renamed" in text
    again = journal.entries.get(entry.id)
    assert again.prompt_text == "What brought you here?" and again.prompt_set_version == "1.0"
    assert journal.prompt_link(1, 1)["prompt_text"] == "What brought you to the group?"
    assert [s.session.number for s in journal.program.sessions()] == [1, 2, 3]


def test_reinstall_same_is_unchanged_and_downgrade_refused(journal, program_set):
    journal.program.install(parse(v2(), "test.md"))
    with pytest.raises(errors.UsageError, match="newer"):
        journal.program.install(program_set)
    assert journal.program.install(parse(v2(), "test.md")).action == "unchanged"
    changed_same_version = v2().replace("What are your rights?", "Rights?")
    with pytest.raises(errors.UsageError, match="new version"):
        journal.program.install(parse(changed_same_version, "test.md"))


def test_active_set_survives_reopen(journal_dir, journal, program_set):
    from peerjournal.journal import Journal
    from tests.helpers import pw

    journal.program.install(program_set)
    journal.close()
    with Journal.open(journal_dir, pw()) as again:
        assert again.program.active().id == "test-program"


def test_links_need_a_real_session_and_prompt(journal, program_set):
    assert journal.prompt_link(4, None) == {"session_number": 4}  # no set yet: free numbering
    with pytest.raises(errors.UsageError):
        journal.prompt_link(None, 1)
    journal.program.install(program_set)
    with pytest.raises(errors.NotFound):
        journal.prompt_link(9, None)
    with pytest.raises(errors.NotFound):
        journal.prompt_link(2, 5)


def test_attendance_and_next_session(journal, program_set):
    journal.program.install(program_set)
    assert journal.program.next_session().number == 1
    journal.program.attend(1, date(2026, 3, 2))
    status = journal.program.sessions()
    assert status[0].attended_on == date(2026, 3, 2) and status[1].attended_on is None
    assert journal.program.next_session().number == 2
    journal.program.unattend(1)
    assert journal.program.first_attended() is None


def test_feedback_answers_checked_stored_and_shared(journal, program_set):
    journal.program.install(program_set)
    question = program_set.session(1).feedback[0]
    with pytest.raises(errors.InvalidInput):
        journal.program.save_feedback(1, {question.id: "9"})
    with pytest.raises(errors.InvalidInput):
        journal.program.save_feedback(1, {"nope": "1"})
    record = journal.program.save_feedback(1, {question.id: "4"})
    assert record.answers[0].value == 4 and not record.shared
    assert journal.program.shared_feedback() == []
    journal.program.set_feedback_shared(1, True)
    assert [r.session_number for r in journal.program.shared_feedback()] == [1]
    assert journal.program.sessions()[0].feedback_done


def test_shipped_set_installs(journal):
    report = journal.program.install(find_shipped("peer-advocate-training", "fr"))
    assert report.prompt_set.language.startswith("fr")
    assert len(journal.program.sessions()) >= 8


def test_feedback_of_an_earlier_set_can_still_be_unshared(journal, program_set):
    journal.program.install(program_set)
    question = program_set.session(1).feedback[0]
    record = journal.program.save_feedback(1, {question.id: "3"}, shared=True)
    journal.program.install(find_shipped("daily-reflection"))
    assert [r.id for r in journal.program.shared_feedback()] == [record.id]
    journal.program.unshare_feedback_record(record.id)
    assert journal.program.shared_feedback() == []
