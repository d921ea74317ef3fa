"""Entry commands end to end through the real CLI."""

from __future__ import annotations

import json

import pytest


@pytest.mark.slow
def test_write_list_show_search_edit_delete(cli):
    entry_id = cli.ok(
        "write",
        "--title",
        "Clinic day",
        "--tag",
        "health",
        "--tag",
        "rights",
        "--mood",
        "4",
        input="Went to the clinic, asked about PrEP.\n",
    ).strip()
    assert len(entry_id) == 32
    listed = cli.ok("list", "-n", "10")
    assert entry_id[:8] in listed and "Clinic day" in listed and "#health" in listed
    shown = json.loads(cli.ok("show", entry_id[:6], "--json"))
    assert shown["body"].startswith("Went to the clinic") and shown["tags"] == ["health", "rights"]
    assert shown["mood"] == 4 and shown["shared"] is False and shown["word_count"] == 7
    hits = json.loads(cli.ok("search", "prep", "--json"))
    assert hits[0]["id"] == entry_id and "[PrEP]" in hits[0]["snippet"]
    cli.ok("edit", entry_id, "--text", "Rewritten about naloxone")
    assert json.loads(cli.ok("search", "naloxone", "--json"))[0]["id"] == entry_id
    assert json.loads(cli.ok("search", "prep", "--json")) == []
    cli.ok("delete", entry_id, "--yes")
    assert json.loads(cli.ok("list", "--json")) == []


@pytest.mark.slow
def test_list_filters_and_json_shape(cli):
    a = cli.ok("write", "--text", "one", "--tag", "care", "--session", "2").strip()
    b = cli.ok("write", "--text", "two", "--share").strip()
    assert [e["id"] for e in json.loads(cli.ok("list", "--json", "--tag", "care"))] == [a]
    assert [e["id"] for e in json.loads(cli.ok("list", "--json", "--session", "2"))] == [a]
    assert [e["id"] for e in json.loads(cli.ok("list", "--json", "--shared"))] == [b]
    assert len(json.loads(cli.ok("list", "--json", "-n", "1"))) == 1
    assert json.loads(cli.ok("list", "--json", "--since", "2000-01-01", "--until", "2999-01-01"))
    assert json.loads(cli.ok("list", "--json", "--until", "2000-01-01")) == []
    keys = set(json.loads(cli.ok("list", "--json"))[0])
    assert keys == {
        "id",
        "created_at",
        "updated_at",
        "title",
        "body",
        "tags",
        "mood",
        "session",
        "prompt",
        "prompt_text",
        "prompt_set",
        "prompt_set_version",
        "shared",
        "word_count",
    }


@pytest.mark.slow
def test_tag_share_unshare(cli):
    entry_id = cli.ok("write", "--text", "x", "--tag", "old").strip()
    assert "new" in cli.ok("tag", entry_id, "new", "--remove", "old")
    assert json.loads(cli.ok("show", entry_id, "--json"))["tags"] == ["new"]
    cli.ok("share", entry_id)
    assert json.loads(cli.ok("show", entry_id, "--json"))["shared"] is True
    cli.ok("unshare", entry_id)
    assert json.loads(cli.ok("show", entry_id, "--json"))["shared"] is False


@pytest.mark.slow
def test_errors_are_one_line(cli):
    cli.ok("write", "--text", "x")
    assert "no entry" in cli.fails("show", "ffffffff")
    assert "date" in cli.fails("list", "--since", "yesterday-ish")
    assert "empty" in cli.fails("write", input="   \n")
    assert "UTF-8" in cli.fails("write", input=b"\xff\xfe bad bytes")
    assert "control characters" in cli.fails("write", "--text", "bad\x00")
    assert "search" in cli.fails("search", '"unclosed')
    assert "--mood" in cli.fails("write", "--text", "x", "--mood", "9")
    assert "tags" in cli.fails("tag", json.loads(cli.ok("list", "--json"))[0]["id"])
    assert "confirmation" in cli.fails("delete", json.loads(cli.ok("list", "--json"))[0]["id"])
    assert cli.fails("no-such-command")
    assert cli.fails("write", "--text", "x", "--prompt", "1")  # prompt without session


def test_wrong_and_missing_passphrase(cli, tmp_path):
    bad = tmp_path / "bad"
    bad.write_text("wrong\n")
    result = cli("--passphrase-file", str(bad), "list")
    assert result.exit_code == 1 and "wrong passphrase" in result.stderr
    empty = tmp_path / "empty"
    empty.write_text("\n")
    result = cli("--passphrase-file", str(empty), "list")
    assert result.exit_code != 0 and "empty" in result.stderr
    result = cli("list", passphrase=False)  # CliRunner has no TTY to ask on
    assert result.exit_code != 0 and "--passphrase-file" in result.stderr


def test_passphrase_from_stdin(cli):
    from tests.helpers import PASSPHRASE

    result = cli("--passphrase-file", "-", "list", "--json", input=PASSPHRASE + "\n")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_no_journal_here(tmp_path):
    from tests.cli.conftest import Cli

    other = Cli(tmp_path / "nothing", tmp_path / "pass")
    assert "peerjournal init" in other.fails("list")


def test_an_empty_listing_says_so_on_stderr_and_prints_nothing_on_stdout(cli):
    """A person who types `list` on a new journal is told why nothing came; a pipe reading stdout
    still gets nothing, and --json stays an empty list with no words."""
    empty = cli("list")
    assert empty.exit_code == 0 and empty.stdout == ""
    assert empty.stderr.strip() == "No entries yet."
    assert cli.ok("list", "--json").strip() == "[]"
    exports = cli("exports")
    assert exports.stdout == "" and "No exports yet" in exports.stderr
    cli.ok("write", "--text", "the clinic was calm today")
    filtered = cli("list", "--tag", "nowhere")
    assert filtered.stdout == "" and filtered.stderr.strip() == "No entries match these filters."
    found = cli("search", "kettle")
    assert found.stdout == "" and found.stderr.strip() == "No entry has those words."
    assert cli("list").stderr == "" and "clinic" in cli.ok("search", "clinic")
