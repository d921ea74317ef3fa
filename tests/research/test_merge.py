"""Merge rules: one study, newest snapshot per participant, withdrawals remove a participant."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from merge_samples import bundle_of

from peerjournal.errors import ConflictingSnapshots, MixedStudies
from peerjournal.research.merge import merge_bundles, output_texts, write_outputs
from tests.helpers import REFI_QDA_SCHEMA as SCHEMA


def test_newest_snapshot_wins_and_withdrawal_removes() -> None:
    a1 = bundle_of("P-AAAAAAAAAA", 1, ["first draft of a", "unshared later"])
    a2 = bundle_of("P-AAAAAAAAAA", 2, ["first draft of a"])
    b1 = bundle_of("P-BBBBBBBBBB", 1, ["b writes"], answers=["b answers"])
    b2 = bundle_of("P-BBBBBBBBBB", 2, [], withdrawn=True)
    c1 = bundle_of("P-CCCCCCCCCC", 5, ["c writes"], answers=["c answers"])
    result = merge_bundles([a2, b1, c1, a1, b2])
    assert [b.manifest.participant_code for b in result.participants] == [
        "P-AAAAAAAAAA",
        "P-CCCCCCCCCC",
    ]
    assert result.participants[0] is a2
    assert (result.withdrawn, result.superseded, result.files_read) == (1, 2, 5)
    assert (result.entry_count, result.answer_count) == (2, 2)


def test_a_later_snapshot_after_withdrawal_brings_the_participant_back() -> None:
    gone = bundle_of("P-AAAAAAAAAA", 1, [], withdrawn=True)
    back = bundle_of("P-AAAAAAAAAA", 2, ["rejoined"])
    assert merge_bundles([back, gone]).participants == (back,)


def test_mixed_studies_are_refused() -> None:
    with pytest.raises(MixedStudies, match="different studies"):
        merge_bundles(
            [
                bundle_of("P-AAAAAAAAAA", 1, ["x"]),
                bundle_of("P-BBBBBBBBBB", 1, ["y"], study="other-study"),
            ]
        )


def test_same_file_twice_is_harmless_but_two_exports_with_one_number_conflict() -> None:
    a = bundle_of("P-AAAAAAAAAA", 1, ["x"])
    assert merge_bundles([a, a]).participants == (a,)
    with pytest.raises(ConflictingSnapshots):
        merge_bundles([a, bundle_of("P-AAAAAAAAAA", 1, ["y"])])


def test_outputs_hold_exactly_the_kept_items(tmp_path: Path) -> None:
    kept = bundle_of(
        "P-AAAAAAAAAA", 2, ['kept, with "quotes"\nand a newline'], answers=["useful answer"]
    )
    result = merge_bundles(
        [
            bundle_of("P-AAAAAAAAAA", 1, ["superseded text"]),
            kept,
            bundle_of("P-BBBBBBBBBB", 1, ["withdrawn text"]),
            bundle_of("P-BBBBBBBBBB", 2, [], withdrawn=True),
        ]
    )
    write_outputs(result, tmp_path / "out")
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(output_texts(result))
    everything = b"".join(p.read_bytes() for p in out.iterdir() if p.suffix != ".qdpx")
    with zipfile.ZipFile(out / "project.qdpx") as z:
        everything += b"".join(z.read(n) for n in z.namelist())
    for gone in (b"superseded text", b"withdrawn text", b"P-BBBBBBBBBB"):
        assert gone not in everything
    entries = list(csv.DictReader(io.StringIO((out / "entries.csv").read_text("utf-8"))))
    assert [(e["participant_code"], e["body"]) for e in entries] == [
        ("P-AAAAAAAAAA", 'kept, with "quotes"\nand a newline')
    ]
    answers = list(csv.DictReader(io.StringIO((out / "feedback.csv").read_text("utf-8"))))
    assert [(a["question_id"], a["answer"]) for a in answers] == [
        ("useful", "useful answer"),
        ("confidence", "4"),
    ]
    people = list(csv.DictReader(io.StringIO((out / "participants.csv").read_text("utf-8"))))
    assert [(p["participant_code"], p["export_seq"], p["consent_hash"]) for p in people] == [
        ("P-AAAAAAAAAA", "2", "sha256:abc")
    ]
    lines = [json.loads(x) for x in (out / "entries.jsonl").read_text("utf-8").splitlines()]
    assert lines[0]["participant_code"] == "P-AAAAAAAAAA" and lines[0]["body"].startswith("kept")


def test_merged_project_validates_with_one_case_per_participant(tmp_path: Path) -> None:
    result = merge_bundles(
        [
            bundle_of("P-AAAAAAAAAA", 1, ["a"], answers=["x"]),
            bundle_of("P-CCCCCCCCCC", 1, ["c", "cc"]),
        ]
    )
    write_outputs(result, tmp_path)
    with zipfile.ZipFile(tmp_path / "project.qdpx") as z:
        root = etree.fromstring(z.read("project.qde"))
        assert len([n for n in z.namelist() if n.startswith("sources/")]) == 4
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(root), schema.error_log
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert [c.get("name") for c in root.findall("q:Cases/q:Case", ns)] == [
        "P-AAAAAAAAAA",
        "P-CCCCCCCCCC",
    ]
    assert [c.get("name") for c in root.findall("q:CodeBook/q:Codes/q:Code", ns)] == [
        "Solidarity",
        "Self-esteem",
        "Feedback questions",
    ]


def test_everyone_withdrawn_leaves_empty_but_valid_outputs(tmp_path: Path) -> None:
    result = merge_bundles(
        [bundle_of("P-AAAAAAAAAA", 1, ["a"]), bundle_of("P-AAAAAAAAAA", 2, [], withdrawn=True)]
    )
    assert (result.participants, result.withdrawn) == ((), 1)
    write_outputs(result, tmp_path)
    assert (tmp_path / "entries.csv").read_text("utf-8").count("\n") == 1
    assert (tmp_path / "entries.jsonl").read_text("utf-8") == ""
    with zipfile.ZipFile(tmp_path / "project.qdpx") as z:
        root = etree.fromstring(z.read("project.qde"))
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(root)


def test_the_summary_counts_each_line_in_the_chosen_language(tmp_path: Path) -> None:
    """One participant reads as one (no "participant(s)"), and a French researcher reads French."""
    from peerjournal import i18n
    from peerjournal.research.merge import summary

    result = merge_bundles([bundle_of("P-AAAAAAAAAA", 1, ["a writes"], answers=["a answers"])])
    english = summary(result, tmp_path).splitlines()
    assert english[1:6] == [
        "1 participant kept",
        "0 participants withdrawn",
        "0 older snapshots superseded",
        "1 entry merged",
        "2 feedback answers merged",  # the sample form answers two questions
    ]
    i18n.set_language("fr")
    french = summary(result, tmp_path).splitlines()
    assert french[0].endswith("\u00a0: 1 exportation lue")
    assert french[1:3] == [
        "1 personne participante retenue",
        "0 personne participante s’est retirée",
    ]
