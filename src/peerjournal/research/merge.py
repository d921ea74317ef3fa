"""Merge participants' exports into one study dataset, ready for R, pandas and QDA tools.

Rules, in order: every file is decrypted (or read as a plaintext export) and checked; all must
belong to one study; per participant code only the snapshot with the highest `export_seq` counts
(each export is a complete snapshot, so older ones are simply superseded); a participant whose
newest snapshot is a withdrawal disappears from every output.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyrage

from peerjournal.errors import ConflictingSnapshots, MixedStudies, NotAnAgeFile
from peerjournal.export.bundle import Bundle, Code, dumps, to_plain
from peerjournal.export.formats.qdpx import qdpx_bytes
from peerjournal.export.formats.tables import (
    ENTRY_COLUMNS,
    FEEDBACK_COLUMNS,
    cell,
    csv_text,
    entry_rows,
    feedback_rows,
)
from peerjournal.export.read import read_bundle
from peerjournal.export.seal import is_sealed, unseal

PARTICIPANT_COLUMNS = ("participant_code", "study_id", "prompt_set_id", "prompt_set_version")
OUTPUT_FILES = (
    "entries.csv",
    "entries.jsonl",
    "feedback.csv",
    "project.qdpx",
    "participants.csv",
    "codebook.csv",
)


def open_export(data: bytes, identities: list[pyrage.x25519.Identity], name: str) -> Bundle:
    """One export file's bundle: decrypted when sealed, read strictly either way."""
    if is_sealed(data):
        data = unseal(data, identities, name)
    elif data.lstrip()[:1] not in (b"{", b"P"):
        raise NotAnAgeFile(name)
    return read_bundle(data, name)


@dataclass(frozen=True)
class MergeResult:
    """What survives the merge, and how much was set aside (for the summary)."""

    study_id: str
    participants: tuple[Bundle, ...]
    withdrawn: int
    superseded: int
    files_read: int

    @property
    def entry_count(self) -> int:
        return sum(len(b.entries) for b in self.participants)

    @property
    def answer_count(self) -> int:
        return sum(len(f.answers) for b in self.participants for f in b.feedback)


def _one_study(bundles: Sequence[Bundle]) -> str:
    first = bundles[0].manifest.study_id
    for b in bundles[1:]:
        if b.manifest.study_id != first:
            raise MixedStudies(first, b.manifest.study_id)
    return first


def _newest_per_participant(bundles: Sequence[Bundle]) -> dict[str, Bundle]:
    newest: dict[str, Bundle] = {}
    for b in bundles:
        m = b.manifest
        held = newest.get(m.participant_code)
        if held is None or m.export_seq > held.manifest.export_seq:
            newest[m.participant_code] = b
        elif m.export_seq == held.manifest.export_seq and m.export_id != held.manifest.export_id:
            raise ConflictingSnapshots(m.participant_code, m.export_seq)
    return newest


def merge_bundles(bundles: Sequence[Bundle]) -> MergeResult:
    """Apply the merge rules to already-read bundles (at least one)."""
    if not bundles:
        raise ValueError("merge needs at least one export")
    study_id = _one_study(bundles)
    distinct = {b.manifest.export_id: b for b in bundles}
    newest = _newest_per_participant(list(distinct.values()))
    kept = tuple(newest[code] for code in sorted(newest) if not newest[code].manifest.withdrawn)
    return MergeResult(
        study_id=study_id,
        participants=kept,
        withdrawn=len(newest) - len(kept),
        superseded=len(distinct) - len(newest),
        files_read=len(bundles),
    )


def _prefix(b: Bundle) -> list[str]:
    m = b.manifest
    return [m.participant_code, m.study_id, m.prompt_set.id, m.prompt_set.version]


def merged_codebook(bundles: Sequence[Bundle]) -> tuple[Code, ...]:
    """Every theme named by any kept snapshot, first description winning, in order of appearance."""
    seen: dict[str, Code] = {}
    for b in bundles:
        for c in b.codebook:
            seen.setdefault(c.name, c)
    return tuple(seen.values())


def output_texts(result: MergeResult) -> dict[str, bytes]:
    """The contents of every output file, by file name."""
    ps = result.participants
    entries = [[*_prefix(b), *row] for b in ps for row in entry_rows(b)]
    answers = [[*_prefix(b), *row] for b in ps for row in feedback_rows(b)]
    jsonl = "".join(
        dumps({**dict(zip(PARTICIPANT_COLUMNS, _prefix(b), strict=True)), **to_plain(e)}) + "\n"
        for b in ps
        for e in b.entries
    )
    people = [
        [
            *_prefix(b),
            cell(b.manifest.export_seq),
            b.manifest.exported_week,
            cell(len(b.entries)),
            cell(len(b.feedback)),
            cell(b.manifest.consent_hash),
        ]
        for b in ps
    ]
    codes = [[c.name, c.description] for c in merged_codebook(ps)]
    texts = {
        "entries.csv": csv_text((*PARTICIPANT_COLUMNS, *ENTRY_COLUMNS), entries),
        "entries.jsonl": jsonl,
        "feedback.csv": csv_text((*PARTICIPANT_COLUMNS, *FEEDBACK_COLUMNS), answers),
        "participants.csv": csv_text(
            (
                *PARTICIPANT_COLUMNS,
                "export_seq",
                "exported_week",
                "entries",
                "feedback_forms",
                "consent_hash",
            ),
            people,
        ),
        "codebook.csv": csv_text(("name", "description"), codes),
    }
    out = {name: text.encode("utf-8") for name, text in texts.items()}
    out["project.qdpx"] = qdpx_bytes(ps, result.study_id)
    return out


def write_outputs(result: MergeResult, out_dir: Path) -> list[Path]:
    """Write every output into `out_dir` (created if needed), each file whole or not at all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in output_texts(result).items():
        target = out_dir / name
        partial = out_dir / f".{name}.partial"
        with partial.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        written.append(target)
    return written


def summary(result: MergeResult, out_dir: Path) -> str:
    """A few lines for the researcher: what was read, kept, set aside and written."""
    n = len(result.participants)
    return (
        f"study {result.study_id}: read {result.files_read} export(s); "
        f"{n} participant(s) kept, {result.withdrawn} withdrawn, "
        f"{result.superseded} older snapshot(s) superseded\n"
        f"{result.entry_count} entries, {result.answer_count} feedback answers\n"
        f"wrote {', '.join(OUTPUT_FILES)} to {out_dir}"
    )
