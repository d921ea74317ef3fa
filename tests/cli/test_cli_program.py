"""Prompt sets in a journal from the CLI: install, upgrade, sessions, attend, write, feedback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerjournal.promptset import find_shipped


@pytest.mark.slow
def test_install_shipped_attend_write_feedback(cli):
    assert "installed" in cli.ok("prompts", "install", "peer-advocate-training")
    out = cli.ok("attend", "1", "--on", "2026-03-02")
    assert "prompt 1:" in out
    entry = cli.ok("write", "--session", "1", "--prompt", "2", "--text", "my reflection").strip()
    shown = json.loads(cli.ok("show", entry, "--json"))
    expected = find_shipped("peer-advocate-training").session(1).prompt(2).text
    assert shown["prompt_text"] == expected and shown["session"] == 1 and shown["prompt"] == 2
    sessions = json.loads(cli.ok("sessions", "--json"))["sessions"]
    assert sessions[0]["attended_on"] == "2026-03-02" and sessions[0]["entries"] == 1
    questions = find_shipped("peer-advocate-training").session(1).feedback
    scale = next(q for q in questions if q.type == "scale")
    choice = next(q for q in questions if q.type == "choice")
    cli.ok(
        "feedback", "1", "--answer", f"{scale.id}={scale.scale_max}", "--answer", f"{choice.id}=2"
    )
    saved = json.loads(cli.ok("feedback", "1", "--show", "--json"))
    assert {a["question_id"]: a["value"] for a in saved["answers"]} == {
        scale.id: scale.scale_max,
        choice.id: choice.options[1],
    }
    assert saved["shared"] is False
    cli.ok("share-feedback", "1")
    assert json.loads(cli.ok("feedback", "1", "--show", "--json"))["shared"] is True
    assert "no session 99" in cli.fails("attend", "99")
    assert "choose one of" in cli.fails("feedback", "1", "--answer", f"{choice.id}=maybe")
    text = next(q for q in questions if q.type == "text")
    refused = cli.fails("feedback", "1", "--answer", f"{text.id}=a\x1b[Db")
    assert refused.endswith(f"{text.id}: leave out control characters"), refused
    assert "terminal" in cli.fails("feedback", "2")


@pytest.mark.slow
def test_upgrade_from_file_reports_changes_and_keeps_snapshot(cli, tmp_path: Path):
    source = find_shipped("daily-reflection").source
    v1 = tmp_path / "daily.md"
    v1.write_text(source)
    cli.ok("prompts", "install", str(v1))
    entry = cli.ok("write", "--session", "1", "--prompt", "1", "--text", "x").strip()
    old_prompt = json.loads(cli.ok("show", entry, "--json"))["prompt_text"]
    v2 = tmp_path / "daily2.md"
    v2.write_text(
        source.replace("- version: 1.0", "- version: 1.1").replace(
            old_prompt, "How are you, today, really?"
        )
        + "\n## Session 9: Extra\n\n### Prompts\n\n1. Anything else?\n"
    )
    out = cli.ok("prompts", "install", str(v2))
    assert "upgraded" in out and "session 9 added" in out
    assert json.loads(cli.ok("show", entry, "--json"))["prompt_text"] == old_prompt
    assert "newer" in cli.fails("prompts", "install", str(v1))


def test_sessions_without_a_set(cli):
    assert "prompts install" in cli.fails("sessions")
