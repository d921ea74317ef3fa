"""`peerjournal research keygen` and `research merge`, through the real CLI."""

from __future__ import annotations

import csv
import io
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from merge_samples import WriteExport, bundle_of
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.export.seal import load_identities, seal, unseal

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_keygen_writes_private_identity_and_prints_public_key(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    result = invoke("research", "keygen", "-o", str(key))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    public = next(w for w in result.output.split() if w.startswith("age1"))
    assert "age key:" in result.output and "Study" in result.output
    assert unseal(seal(b"ok", public), load_identities(key)) == b"ok"


def test_keygen_refuses_to_overwrite(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    key.write_text("precious")
    result = invoke("research", "keygen", "-o", str(key))
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "Traceback" not in result.output
    assert key.read_text() == "precious"


@pytest.mark.skipif(shutil.which("age-keygen") is None, reason="age tools not installed")
def test_age_keygen_identities_work_too(tmp_path: Path, write_export: WriteExport) -> None:
    key = tmp_path / "age.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True, timeout=30)
    public = subprocess.run(
        ["age-keygen", "-y", str(key)], check=True, capture_output=True, text=True, timeout=30
    ).stdout.strip()
    export = tmp_path / "e.age"
    from peerjournal.export.formats import encode

    export.write_bytes(seal(encode(bundle_of("P-AAAAAAAAAA", 1, ["hello"]), "csv"), public))
    result = invoke(
        "research", "merge", "--identity", str(key), str(export), "-o", str(tmp_path / "out")
    )
    assert result.exit_code == 0, result.stderr


def test_merge_every_format_with_snapshots_and_withdrawal(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    files = [
        write_export(bundle_of("P-AAAAAAAAAA", 1, ["old a"]), "jsonl"),
        write_export(bundle_of("P-AAAAAAAAAA", 2, ["new a"], answers=["a says"]), "csv"),
        write_export(bundle_of("P-BBBBBBBBBB", 1, ["b text"]), "qdpx"),
        write_export(bundle_of("P-BBBBBBBBBB", 2, [], withdrawn=True), "jsonl"),
        write_export(bundle_of("P-CCCCCCCCCC", 4, ["c text"]), "qdpx", sealed=False),
    ]
    out = tmp_path / "merged"
    result = invoke(
        "research", "merge", "--identity", str(study_key[0]), *map(str, files), "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1:6] == [
        "2 participants kept",
        "1 participant withdrawn",
        "2 older snapshots superseded",
        "2 entries merged",
        "2 feedback answers merged",
    ]
    rows = list(csv.DictReader(io.StringIO((out / "entries.csv").read_text("utf-8"))))
    assert [(r["participant_code"], r["body"]) for r in rows] == [
        ("P-AAAAAAAAAA", "new a"),
        ("P-CCCCCCCCCC", "c text"),
    ]
    assert {"entries.csv", "entries.jsonl", "feedback.csv", "project.qdpx"} <= {
        p.name for p in out.iterdir()
    }


def _one_error_line(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("peerjournal: error: ")
    return lines[0]


def test_wrong_key_not_age_and_bad_identity_are_one_line(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    export = write_export(bundle_of("P-AAAAAAAAAA", 1, ["x"]))
    other = tmp_path / "other.key"
    assert invoke("research", "keygen", "-o", str(other)).exit_code == 0
    out = str(tmp_path / "out")
    line = _one_error_line(invoke("research", "merge", "-i", str(other), str(export), "-o", out))
    assert "not encrypted to this identity" in line
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes")
    line = _one_error_line(
        invoke("research", "merge", "-i", str(study_key[0]), str(notes), "-o", out)
    )
    assert "not an age-encrypted file" in line
    line = _one_error_line(invoke("research", "merge", "-i", str(notes), str(export), "-o", out))
    assert "holds no age identity" in line
    damaged = tmp_path / "damaged.age"
    damaged.write_bytes(export.read_bytes()[:-10])
    line = _one_error_line(
        invoke("research", "merge", "-i", str(study_key[0]), str(damaged), "-o", out)
    )
    assert "damaged" in line
    assert not (tmp_path / "out").exists()


def test_mixed_studies_are_one_line(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    a = write_export(bundle_of("P-AAAAAAAAAA", 1, ["x"]))
    b = write_export(bundle_of("P-BBBBBBBBBB", 1, ["y"], study="another"))
    line = _one_error_line(
        invoke(
            "research",
            "merge",
            "-i",
            str(study_key[0]),
            str(a),
            str(b),
            "-o",
            str(tmp_path / "out"),
        )
    )
    assert "different studies" in line


def test_missing_export_file_is_a_usage_error(tmp_path: Path, study_key: tuple[Path, str]) -> None:
    result = invoke(
        "research",
        "merge",
        "-i",
        str(study_key[0]),
        str(tmp_path / "nope.age"),
        "-o",
        str(tmp_path / "out"),
    )
    _one_error_line(result)


@pytest.mark.slow  # two merges in child processes
def test_the_data_dictionary_speaks_the_researchers_language_with_the_same_names(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    """Issue 13: a French-speaking researcher's merge (LANG=fr_CA.UTF-8, a real child process)
    describes the fixed columns in French; names, forms, types and codes stay as in English."""
    export = write_export(bundle_of("P-AAAAAAAAAA", 1, ["x"], answers=["a says"]))

    def merge(lang: str, out: Path) -> list[dict[str, str]]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "peerjournal",
                "research",
                "merge",
                "-i",
                str(study_key[0]),
                str(export),
                "-o",
                str(out),
            ],
            env={**env, "LANG": lang},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return list(csv.DictReader(io.StringIO((out / "data_dictionary.csv").read_text("utf-8"))))

    english = merge("en_CA.UTF-8", tmp_path / "en")
    french = merge("fr_CA.UTF-8", tmp_path / "fr")
    labels = {r["variable"]: r["label"] for r in french}
    assert labels["participant_code"] == "le code aléatoire de la personne participante"
    assert labels["week"] == "semaine ISO où le formulaire a été rempli (2026-W45)"
    assert {r["variable"]: r["label"] for r in english}["study_id"] == "the study"
    neutral = ("variable", "form", "type", "choices", "range")
    assert [[r[k] for k in neutral] for r in french] == [[r[k] for k in neutral] for r in english]
    assert list(french[0]) == ["variable", "form", "type", "label", "choices", "range"]
    # The questions are the participants' words, in the language of their prompt set.
    assert [r["label"] for r in french[9:]] == [r["label"] for r in english[9:]]
    feedback_wide = (tmp_path / "fr" / "feedback_wide.csv").read_text("utf-8")
    assert feedback_wide == (tmp_path / "en" / "feedback_wide.csv").read_text("utf-8")
