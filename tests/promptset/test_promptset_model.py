"""Versions, upgrades and the diff shown after an upgrade."""

from __future__ import annotations

import dataclasses

import pytest

from peerjournal.promptset import compare_versions, diff, is_upgrade, parse, parse_version
from tests.promptset.conftest import VALID


@pytest.mark.parametrize(
    ("a", "b", "order"),
    [
        ("1.0", "1", 0),
        ("1.10", "1.9", 1),
        ("2", "1.99.99", 1),
        ("1.0.1", "1.0.2", -1),
        ("0.9", "1.0", -1),
    ],
)
def test_compare_versions(a: str, b: str, order: int) -> None:
    assert compare_versions(a, b) == order
    assert compare_versions(b, a) == -order


@pytest.mark.parametrize("bad", ["", "v1", "1.2.3.4", "1..2", "one", "1.2-beta"])
def test_bad_versions_raise(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_version(bad)


def test_is_upgrade_needs_same_id_and_newer_version() -> None:
    old = parse(VALID)
    newer = parse(VALID.replace("- version: 1.2", "- version: 1.10"))
    other = parse(VALID.replace("- version: 1.2", "- version: 2").replace("test-training", "other"))
    assert is_upgrade(old, newer) and not is_upgrade(newer, old)
    assert not is_upgrade(old, old) and not is_upgrade(old, other)


def test_the_model_is_frozen() -> None:
    ps = parse(VALID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ps.title = "x"  # type: ignore[misc]
    hash(ps)


def test_diff_of_identical_sets_is_empty() -> None:
    changes = diff(parse(VALID), parse(VALID))
    assert changes.is_empty
    assert changes.lines() == ["version 1.2 -> 1.2", "no changes to sessions, prompts or feedback"]


def test_diff_reports_added_removed_renamed_and_prompts() -> None:
    old = parse(VALID)
    new_text = (
        VALID.replace("- version: 1.2", "- version: 1.3")
        .replace("## Session 1: Agreements and goals", "## Session 1: Our agreements")
        .replace(
            "3. What do you already know?", "3. What do you already know and do?\n4. A new one?"
        )
        .replace("1. What brought you here?\n", "1. What brought you here today?\n")
        .replace("## Session 2: Health", "## Session 3: Safety")
        .replace("   - option: Too fast\n", "   - option: Too fast\n   - option: Not sure\n")
        .replace("- Self-worth: less internalised stigma\n", "")
    )
    changes = diff(old, parse(new_text))
    assert [s.number for s in changes.sessions_added] == [3]
    assert [s.number for s in changes.sessions_removed] == [2]
    assert [(r.number, r.old_title, r.new_title) for r in changes.sessions_renamed] == [
        (1, "Agreements and goals", "Our agreements")
    ]
    assert [(c.session, c.key, c.old is None, c.new is None) for c in changes.prompts_changed] == [
        (1, 1, False, False),
        (1, 3, False, False),
        (1, 4, True, False),
    ]
    assert changes.feedback_changed == (1,)
    assert changes.codebook_changed and not changes.study_changed
    assert changes.lines() == [
        "version 1.2 -> 1.3",
        "session 3 added: Safety",
        "session 2 removed: Health",
        "session 1 renamed: Agreements and goals -> Our agreements",
        "session 1 prompt 1 reworded",
        "session 1 prompt 3 reworded",
        "session 1 prompt 4 added",
        "session 1 feedback form changed",
        "codebook changed",
    ]


def test_diff_reports_removed_prompts_and_study_changes() -> None:
    old = parse(VALID)
    new = parse(VALID.replace("- One question left?\n", "").replace("five years", "three years"))
    changes = diff(old, new)
    assert [(c.session, c.key, c.new) for c in changes.prompts_changed] == [(2, 3, None)]
    assert changes.study_changed
    assert "session 2 prompt 3 removed" in changes.lines()
