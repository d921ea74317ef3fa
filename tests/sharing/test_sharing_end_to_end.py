"""Two participants share, one later withdraws, the researcher merges: through the real CLI."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peerjournal.cli.main import app
from tests.helpers import FAST_KDF_ARGS, PASSPHRASE, REFI_QDA_SCHEMA, STUDY_SET

pytestmark = pytest.mark.slow


def run(*args: str, journal: Path | None = None, passfile: Path | None = None, ok: bool = True):
    base = []
    if journal is not None:
        base = ["--journal", str(journal), "--passphrase-file", str(passfile)]
    result = CliRunner().invoke(app, [*base, *args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture
def study(tmp_path: Path):
    key = tmp_path / "study.key"
    out = run("research", "keygen", "-o", str(key)).stdout
    recipient = next(w for w in out.split() if w.startswith("age1"))
    prompt_set = tmp_path / "pilot.md"
    prompt_set.write_text(STUDY_SET.format(recipient=recipient))
    passfile = tmp_path / "pass"
    passfile.write_text(PASSPHRASE + "\n")
    return key, prompt_set, passfile


def participant(tmp_path: Path, name: str, study) -> Path:
    _, prompt_set, passfile = study
    journal = tmp_path / name
    run("init", "--no-recovery-code", *FAST_KDF_ARGS, journal=journal, passfile=passfile)
    run("prompts", "install", str(prompt_set), journal=journal, passfile=passfile)
    run("consent", "--accept", journal=journal, passfile=passfile)
    run("attend", "1", "--on", "2026-03-02", journal=journal, passfile=passfile)
    return journal


def write(journal: Path, passfile: Path, text: str, *extra: str) -> str:
    return run("write", "--text", text, *extra, journal=journal, passfile=passfile).stdout.strip()


def test_two_participants_withdrawal_and_merge(tmp_path, study):
    key, _, passfile = study
    exports = tmp_path / "exports"
    exports.mkdir()
    alex = participant(tmp_path, "alex", study)
    sam = participant(tmp_path, "sam", study)

    write(
        alex,
        passfile,
        "alexsharedone about the group, call 604-555-0100",
        "--share",
        "--session",
        "1",
        "--prompt",
        "1",
    )
    write(alex, passfile, "alexprivate never leaves")
    later = write(alex, passfile, "alexsharedtwo later thoughts", "--share")
    run(
        "feedback",
        "1",
        "--answer",
        "takeaway=alexanswer solidarity",
        "--answer",
        "useful=5",
        "--share",
        journal=alex,
        passfile=passfile,
    )
    run("export", "-o", str(exports / "alex-1.age"), journal=alex, passfile=passfile)
    run("unshare", later, journal=alex, passfile=passfile)  # a newer snapshot drops it
    run(
        "export",
        "-o",
        str(exports / "alex-2.age"),
        "--format",
        "qdpx",
        journal=alex,
        passfile=passfile,
    )

    write(sam, passfile, "samshared about rights", "--share")
    run(
        "export",
        "-o",
        str(exports / "sam-1.age"),
        "--format",
        "csv",
        journal=sam,
        passfile=passfile,
    )
    run("withdraw", "--yes", "-o", str(exports / "sam-2.age"), journal=sam, passfile=passfile)
    log = json.loads(run("exports", "--json", journal=sam, passfile=passfile).stdout)
    assert [r["withdrawn"] for r in log] == [False, True]

    merged = tmp_path / "merged"
    files = sorted(str(p) for p in exports.iterdir())
    run("research", "merge", "--identity", str(key), *files, "-o", str(merged))

    everything = "".join(
        p.read_text(encoding="utf-8") for p in merged.iterdir() if p.suffix in (".csv", ".jsonl")
    )
    assert "alexsharedone" in everything and "alexanswer" in everything
    assert "alexsharedtwo" not in everything  # unshared before the newest snapshot
    assert "alexprivate" not in everything and "samshared" not in everything  # private; withdrawn
    assert "604-555-0100" not in everything
    with open(merged / "entries.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    with open(merged / "feedback.csv", newline="", encoding="utf-8") as handle:
        answers = list(csv.DictReader(handle))
    assert len(answers) == 2  # one row per answer

    lxml = pytest.importorskip("lxml.etree")
    with zipfile.ZipFile(merged / "project.qdpx") as archive:
        qde = archive.read("project.qde")
        names = archive.namelist()
    assert any(n.startswith("sources/") for n in names)
    schema = lxml.XMLSchema(lxml.parse(str(REFI_QDA_SCHEMA)))
    assert schema.validate(lxml.fromstring(qde)), schema.error_log


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_exports_open_with_the_age_tool(tmp_path, study):
    key, _, passfile = study
    alex = participant(tmp_path, "alex", study)
    write(alex, passfile, "alexshared for age", "--share")
    run("export", "-o", str(tmp_path / "out.age"), journal=alex, passfile=passfile)
    plain = subprocess.run(
        ["age", "-d", "-i", str(key), str(tmp_path / "out.age")], capture_output=True, check=True
    ).stdout.decode()
    assert '"type":"manifest"' in plain.replace(" ", "") and "alexshared" in plain


def test_export_needs_consent_and_a_study(tmp_path, study):
    _, prompt_set, passfile = study
    journal = tmp_path / "j"
    run("init", "--no-recovery-code", *FAST_KDF_ARGS, journal=journal, passfile=passfile)
    result = run("export", journal=journal, passfile=passfile, ok=False)
    assert result.exit_code != 0 and "no prompt set" in result.stderr
    run("prompts", "install", "daily-reflection", journal=journal, passfile=passfile)
    result = run("export", journal=journal, passfile=passfile, ok=False)
    assert "has no study yet" in result.stderr and "facilitator" in result.stderr
    run("prompts", "install", str(prompt_set), journal=journal, passfile=passfile)
    result = run("export", journal=journal, passfile=passfile, ok=False)
    assert "consent" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_plaintext_export_warns_and_needs_confirmation(tmp_path, study):
    _, _, passfile = study
    alex = participant(tmp_path, "alex", study)
    write(alex, passfile, "alexshared", "--share")
    result = run(
        "export",
        "--plaintext",
        "-o",
        str(tmp_path / "p.jsonl"),
        journal=alex,
        passfile=passfile,
        ok=False,
    )
    assert result.exit_code != 0 and not (tmp_path / "p.jsonl").exists()
    result = run(
        "export",
        "--plaintext",
        "--yes",
        "-o",
        str(tmp_path / "p.jsonl"),
        journal=alex,
        passfile=passfile,
    )
    assert "without encryption" in result.stderr
    assert "alexshared" in (tmp_path / "p.jsonl").read_text()


def test_withdrawal_needs_no_consent_to_a_changed_text(tmp_path, study):
    """Leaving a study must always work, even after the consent text changed."""
    _, prompt_set, passfile = study
    alex = participant(tmp_path, "alex", study)
    changed = (
        prompt_set.read_text()
        .replace("- version: 1.0", "- version: 1.1")
        .replace("I agree that", "I understand and agree that")
    )
    prompt_set.write_text(changed)
    run("prompts", "install", str(prompt_set), journal=alex, passfile=passfile)
    result = run("export", "-o", str(tmp_path / "x.age"), journal=alex, passfile=passfile, ok=False)
    assert "consent" in result.stderr
    run("withdraw", "--yes", "-o", str(tmp_path / "w.age"), journal=alex, passfile=passfile)
    assert (tmp_path / "w.age").exists()
