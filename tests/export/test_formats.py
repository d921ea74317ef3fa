"""Every format carries a bundle faithfully: write, read back, compare."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from export_samples import AWKWARD, make_bundle

from peerjournal.export.bundle import Bundle, bundle_to_json
from peerjournal.export.formats import FORMAT_NAMES, encode
from peerjournal.export.read import read_bundle


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_round_trip(bundle: Bundle, fmt: str) -> None:
    assert read_bundle(encode(bundle, fmt)) == bundle


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_withdrawal_round_trip(fmt: str) -> None:
    withdrawal = make_bundle(withdrawn=True)
    back = read_bundle(encode(withdrawal, fmt))
    assert back.manifest.withdrawn and back.entries == () and back.feedback == ()


@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_same_bundle_same_bytes(bundle: Bundle, fmt: str) -> None:
    assert encode(bundle, fmt) == encode(bundle, fmt)


def test_stable_json_is_sorted_and_compact(bundle: Bundle) -> None:
    text = bundle_to_json(bundle)
    assert json.loads(text)["manifest"]["participant_code"] == "P-ABCDEFGH23"
    assert ": " not in text.split('"body"')[0]
    assert list(json.loads(text)) == ["codebook", "entries", "feedback", "manifest", "questions"]


def test_jsonl_layout(bundle: Bundle) -> None:
    lines = encode(bundle, "jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["type"] for r in records] == [
        "manifest",
        "entry",
        "entry",
        "feedback",
        "question",
        "question",
        "codebook",
    ]
    assert records[0]["format"] == "peerjournal-export"
    assert records[1]["body"] == AWKWARD
    assert [c["name"] for c in records[-1]["codes"]] == ["Solidarity", "Critical consciousness"]


def _zip_text(data: bytes, member: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(member).decode("utf-8")


def test_csv_zip_tables(bundle: Bundle) -> None:
    data = encode(bundle, "csv")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist() == [
            "manifest.json",
            "entries.csv",
            "feedback.csv",
            "codebook.csv",
            "peerjournal-bundle.json",
        ]
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in z.infolist())
    entries = list(csv.DictReader(io.StringIO(_zip_text(data, "entries.csv"))))
    assert [e["body"] for e in entries] == [e.body for e in bundle.entries]
    assert entries[0]["tags"] == "stigma; [PERSON 2]" and entries[1]["session_number"] == ""
    answers = list(csv.DictReader(io.StringIO(_zip_text(data, "feedback.csv"))))
    assert [a["answer"] for a in answers] == [
        'Talking with "peers",\nhonestly.',
        "4",
        "small groups",
    ]
    assert {a["item_id"] for a in answers} == {bundle.feedback[0].item_id}
    manifest = json.loads(_zip_text(data, "manifest.json"))
    assert manifest["counts"] == {"entries": 2, "feedback": 1}
    assert not _zip_text(data, "entries.csv").startswith("\ufeff")


def test_no_exact_times_or_paths_anywhere(bundle: Bundle) -> None:
    for fmt in FORMAT_NAMES:
        raw = encode(bundle, fmt)
        for needle in (b"/home", b"/tmp", b"T00:", b"created_at", b"source_id"):
            assert needle not in raw, (fmt, needle)
