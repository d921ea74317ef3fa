"""Research files that hold up: two participants in two languages, exported from real journals,
merged by the real CLI, read back with pandas exactly as docs/export-format.md says."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.export import participant
from peerjournal.model import NewEntry
from peerjournal.promptset import parse
from peerjournal.research.keys import write_identity_file
from tests.helpers import make_participant

runner = CliRunner()

SET = """# Pilot program

- id: pilot-program
- version: 1.10
- language: {language}

## Study

- id: pilot-2026
- name: Pilot
- contact: research@example.org
- age key: {recipient}
- retention: five years

### Consent

{consent}

## Session 1: {title}

### Prompts

1. {prompt}

### Feedback

1. {pace}
   - id: pace
   - type: choice
   - option: {slow} {{#slow}}
   - option: {right} {{#right}}
2. {useful}
   - id: useful
   - type: scale
   - range: 1-5
3. {takeaway}
   - id: takeaway
"""
EN = dict(
    language="en",
    consent="I agree.",
    title="Agreements",
    prompt="What matters?",
    pace="How was the pace?",
    slow="Too slow",
    right="About right",
    useful="How useful was it?",
    takeaway="What will you take with you?",
)
FR = dict(
    language="fr",
    consent="J’accepte.",
    title="Ententes",
    prompt="Qu’est-ce qui compte ?",
    pace="Comment était le rythme ?",
    slow="Trop lent",
    right="Juste bien",
    useful="Était-ce utile ?",
    takeaway="Qu’allez-vous retenir ?",
)


def _export(tmp_path: Path, name: str, words: dict, public: str, body: str, answers: dict) -> Path:
    study_set = parse(SET.format(recipient=public, **words), f"{name}.md")
    journal = make_participant(tmp_path / name, study_set)
    try:
        journal.entries.add_many([NewEntry(body=body, session_number=1, shared=True)])
        journal.program.save_feedback(1, answers, shared=True)
        prepared = participant.prepare(journal, "jsonl")
        return participant.write(journal, prepared, tmp_path)
    finally:
        journal.close()


def test_merged_files_read_right_with_pandas(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    public = write_identity_file(key).public
    files = [
        _export(
            tmp_path,
            "en",
            EN,
            public,
            '=HYPERLINK("x") and 1.10',
            {"pace": "Too slow", "useful": "4", "takeaway": "-not a formula"},
        ),
        _export(tmp_path, "fr", FR, public, "NA", {"pace": "Trop lent", "useful": "2"}),
    ]
    out = tmp_path / "merged"
    result = runner.invoke(
        app, ["research", "merge", "-i", str(key), *map(str, files), "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr

    # The options documented for every file: every cell a string, nothing read as missing.
    options = {"dtype": str, "keep_default_na": False}
    entries = pd.read_csv(out / "entries.csv", **options).sort_values("language")
    assert list(entries["language"]) == ["en", "fr"]
    assert list(entries["prompt_set_version"]) == ["1.10", "1.10"]
    assert entries["body"].iloc[1] == "NA"
    assert entries["body"].iloc[0] == '\'=HYPERLINK("x") and 1.10'  # guarded for spreadsheets
    unguarded = entries["body"].str.replace(r"^'", "", regex=True)  # the documented undo
    assert unguarded.iloc[0] == '=HYPERLINK("x") and 1.10'

    # The wide table, typed through the data dictionary.
    dictionary = pd.read_csv(out / "data_dictionary.csv", **options)
    wide = pd.read_csv(out / "feedback_wide.csv", **options).sort_values("language")
    for column in dictionary.loc[dictionary["type"] == "integer", "variable"]:
        wide[column] = pd.to_numeric(wide[column].replace("", pd.NA)).astype("Int64")
    assert list(wide["s1_useful"]) == [4, 2]
    assert str(wide["s1_useful"].dtype) == "Int64"
    assert list(wide["s1_pace"]) == ["slow", "slow"]  # one code in both languages
    assert list(wide["s1_pace_label"]) == ["Too slow", "Trop lent"]
    assert list(wide["s1_takeaway"]) == ["'-not a formula", ""]
    pace = dictionary.set_index("variable").loc["s1_pace"]
    assert (pace["form"], pace["type"]) == ("session_1", "choice")
    assert pace["choices"] == "slow, Too slow | right, About right"
    assert dictionary.set_index("variable").loc["s1_useful", "range"] == "1-5"

    long = pd.read_csv(out / "feedback.csv", **options)
    paces = long[long["question_id"] == "pace"].sort_values("language")
    assert list(paces["answer_code"]) == ["slow", "slow"]


def test_the_excel_option_writes_a_byte_order_mark(tmp_path: Path) -> None:
    key = tmp_path / "study.key"
    public = write_identity_file(key).public
    export = _export(tmp_path, "fr", FR, public, "Été", {"pace": "Juste bien", "useful": "5"})
    out = tmp_path / "merged"
    args = ["research", "merge", "-i", str(key), str(export), "-o", str(out), "--excel-bom"]
    assert runner.invoke(app, args).exit_code == 0
    raw = (out / "entries.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["body"] == "Été"
    read = pd.read_csv(
        out / "feedback_wide.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    assert read.columns[0] == "participant_code"
    assert list(read["s1_pace"]) == ["right"]


def test_parquet_copies_carry_their_types(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    import pyarrow.parquet as pq

    key = tmp_path / "study.key"
    public = write_identity_file(key).public
    export = _export(tmp_path, "en", EN, public, "=1+1", {"pace": "Too slow", "useful": "3"})
    out = tmp_path / "merged"
    args = ["research", "merge", "-i", str(key), str(export), "-o", str(out), "--parquet"]
    assert runner.invoke(app, args).exit_code == 0
    wide = pq.read_table(out / "feedback_wide.parquet")
    assert str(wide.schema.field("s1_useful").type) == "int64"
    assert str(wide.schema.field("session_number").type) == "int64"
    assert wide.column("s1_useful").to_pylist() == [3]
    assert wide.column("s1_pace").to_pylist() == ["slow"]
    assert wide.column("s1_takeaway").to_pylist() == [None]  # not answered: null, not ""
    entries = pq.read_table(out / "entries.parquet")
    assert entries.column("prompt_set_version").to_pylist() == ["1.10"]
    assert entries.column("body").to_pylist() == ["=1+1"]  # no spreadsheet guard in Parquet
    assert str(entries.schema.field("word_count").type) == "int64"

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as on an install without the extra
    again = runner.invoke(app, [*args[:-2], str(tmp_path / "again"), "--parquet"])
    assert again.exit_code == 2 and "pip install 'peerjournal[parquet]'" in again.stderr
    assert not (tmp_path / "again").exists()
