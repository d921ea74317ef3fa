"""`peerjournal redact` through the real CLI (CliRunner) and as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from peerjournal.cli.main import app

runner = CliRunner()


def test_stdin_to_stdout():
    result = runner.invoke(app, ["redact"], input="Call Zara at 604-822-8503.\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Call [PERSON] at [PHONE].\n"


def test_json_lines_for_files(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Officer Santos was there.", encoding="utf-8")
    two.write_text("Nothing to hide here.", encoding="utf-8")
    result = runner.invoke(app, ["redact", "--json", str(one), str(two)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {
            "file": str(one),
            "text": "Officer [PERSON] was there.",
            "spans": [{"start": 8, "end": 14, "kind": "PERSON"}],
        },
        {"file": str(two), "text": "Nothing to hide here.", "spans": []},
    ]


def test_json_for_stdin_names_it_dash():
    result = runner.invoke(app, ["redact", "--json"], input="Zara")
    assert json.loads(result.stdout) == {
        "file": "-",
        "text": "[PERSON]",
        "spans": [{"start": 0, "end": 4, "kind": "PERSON"}],
    }


def test_terms_file(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("# mine\nbiscuit\nLOCATION: the blue door\n", encoding="utf-8")
    result = runner.invoke(
        app, ["redact", "--terms", str(terms)], input="Biscuit's regulars meet at the Blue Door."
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "[PERSON]'s regulars meet at [LOCATION].\n"


def test_missing_file_is_one_line_error(tmp_path):
    result = runner.invoke(app, ["redact", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert result.stderr.strip().splitlines() == [
        f"peerjournal: error: no such file: {tmp_path / 'nope.txt'}"
    ]
    assert result.stdout == ""


def test_invalid_utf8_is_one_line_error_and_nothing_is_printed(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Zara", encoding="utf-8")
    bad.write_bytes(b"ok\n\xff\xfe")
    result = runner.invoke(app, ["redact", str(good), str(bad)])
    assert result.exit_code != 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "line 2 is not valid UTF-8" in result.stderr


def test_bad_terms_file_names_file_and_line(tmp_path):
    terms = tmp_path / "terms.txt"
    terms.write_text("Candy\nNAME: Star\n", encoding="utf-8")
    result = runner.invoke(app, ["redact", "--terms", str(terms)], input="hi")
    assert result.exit_code != 0
    assert f"{terms}:2: unknown kind 'NAME'" in result.stderr


@pytest.mark.slow
def test_subprocess_needs_no_journal(tmp_path):
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PEERJOURNAL_DIR": str(tmp_path / "none"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "peerjournal", "redact"],
        input="Emeka: 416-555-0199",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[PERSON]: [PHONE]\n"
