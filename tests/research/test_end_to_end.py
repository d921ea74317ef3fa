"""End to end: two participants' journals export to one study key, one withdraws, the researcher
merges; the outputs hold exactly the remaining shared items, and the files open with `age`."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.export import participant
from peerjournal.model import NewEntry
from peerjournal.promptset import parse
from tests.helpers import REFI_QDA_SCHEMA as SCHEMA
from tests.helpers import STUDY_SET, make_participant

runner = CliRunner()


def export(journal, fmt: str, folder: Path, withdraw: bool = False) -> Path:  # type: ignore[no-untyped-def]
    return participant.write(journal, participant.prepare(journal, fmt, withdraw=withdraw), folder)


@pytest.mark.slow
def test_two_journals_one_withdrawn_merged_by_the_researcher(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    made = runner.invoke(app, ["research", "keygen", "-o", str(key)])
    public = next(w for w in made.stdout.split() if w.startswith("age1"))
    study_set = parse(STUDY_SET.format(recipient=public), "pilot.md")
    outbox = tmp_path / "outbox"
    outbox.mkdir()

    a = make_participant(tmp_path / "a", study_set)
    b = make_participant(tmp_path / "b", study_set)
    try:
        a.entries.add_many(
            [
                NewEntry(body="alpha kept words, call 604-555-0199", session_number=1, shared=True),
                NewEntry(body="alpha private words", shared=False),
            ]
        )
        a.program.save_feedback(1, {"takeaway": "alpha answer words"}, shared=True)
        first_a = export(a, "jsonl", outbox)
        a.entries.add_many([NewEntry(body="alpha later words", session_number=2, shared=True)])
        second_a = export(a, "qdpx", outbox)
        b.entries.add_many([NewEntry(body="beta shared words", shared=True)])
        first_b = export(b, "csv", outbox)
        withdrawal_b = export(b, "jsonl", outbox, withdraw=True)
    finally:
        a.close()
        b.close()

    out = tmp_path / "merged"
    files = [str(p) for p in (withdrawal_b, second_a, first_b, first_a)]
    merged = runner.invoke(
        app, ["research", "merge", "--identity", str(key), *files, "-o", str(out)]
    )
    assert merged.exit_code == 0, merged.stderr
    for line in ("1 participant kept", "1 participant withdrawn", "2 older snapshots superseded"):
        assert line in merged.stdout.splitlines()

    rows = list(csv.DictReader(io.StringIO((out / "entries.csv").read_text("utf-8"))))
    assert sorted(r["body"] for r in rows) == [
        "alpha kept words, call [PHONE 1]",
        "alpha later words",
    ]
    answers = list(csv.DictReader(io.StringIO((out / "feedback.csv").read_text("utf-8"))))
    assert [a["answer"] for a in answers if a["question_id"] == "takeaway"] == [
        "alpha answer words"
    ]
    everything = "".join(p.read_text("utf-8") for p in out.glob("*.csv"))
    with zipfile.ZipFile(out / "project.qdpx") as project:
        everything += "".join(project.read(n).decode("utf-8") for n in project.namelist())
        root = etree.fromstring(project.read("project.qde"))
    for gone in ("alpha private", "beta shared", "604-555-0199"):
        assert gone not in everything
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(root)
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert len(root.findall("q:Cases/q:Case", ns)) == 1

    if shutil.which("age") is None:
        pytest.skip("the age tool is not installed; everything but the age check passed")
    plain = subprocess.run(
        ["age", "-d", "-i", str(key), str(first_b)], capture_output=True, check=True, timeout=30
    ).stdout
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        assert "beta shared words" in z.read("entries.csv").decode("utf-8")


def test_a_journal_signs_every_export_with_its_own_key_and_names_no_code(tmp_path: Path) -> None:
    from peerjournal.export.read import read_bundle
    from peerjournal.export.signing import verify
    from peerjournal.research.keys import write_identity_file

    public = write_identity_file(tmp_path / "study.key").public
    study_set = parse(STUDY_SET.format(recipient=public), "pilot.md")
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    manifests = {}
    for name in ("a", "b"):
        journal = make_participant(tmp_path / name, study_set)
        try:
            journal.entries.add_many([NewEntry(body=f"{name} shares this", shared=True)])
            prepared = [participant.prepare(journal, "jsonl", plaintext=True) for _ in range(2)]
            paths = [participant.write(journal, p, outbox) for p in prepared]
        finally:
            journal.close()
        bundles = [read_bundle(p.read_bytes(), str(p)) for p in paths]
        assert all(verify(b) for b in bundles)
        assert all(
            b.manifest.participant_code not in p.name for b, p in zip(bundles, paths, strict=True)
        )
        manifests[name] = [b.manifest for b in bundles]
    keys = {name: {m.signing_key for m in ms} for name, ms in manifests.items()}
    assert len(keys["a"]) == len(keys["b"]) == 1 and keys["a"] != keys["b"]
