"""Merge participants' exports into one study dataset, ready for R, pandas and QDA tools.

Rules, in order: every file is decrypted (or read as a plaintext export) and checked; exports
not signed by the key their participant code is pinned to are refused (research/pins.py); all
must belong to one study; per participant code only the snapshot with the highest `export_seq`
counts (each export is a complete snapshot, so older ones are simply superseded); a participant
whose newest snapshot is a withdrawal disappears from every output.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyrage

from peerjournal.errors import (
    ConflictingSnapshots,
    MalformedExport,
    MixedStudies,
    NotAnAgeFile,
    NothingToMerge,
)
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
from peerjournal.export.read import MAX_BUNDLE_BYTES, read_bundle
from peerjournal.export.seal import is_sealed, unseal
from peerjournal.i18n import _, ngettext
from peerjournal.research import wide
from peerjournal.research.pins import PINS_FILE, Received, Refusal, pins_csv
from peerjournal.research.wide import wide_table
from peerjournal.vault import files

PARTICIPANT_COLUMNS = (
    "participant_code",
    "study_id",
    "prompt_set_id",
    "prompt_set_version",
    "language",
)
OUTPUT_FILES = (
    "entries.csv",
    "entries.jsonl",
    "feedback.csv",
    "project.qdpx",
    "participants.csv",
    "codebook.csv",
    "feedback_wide.csv",
    "data_dictionary.csv",
    PINS_FILE,
)
# An export file is read whole, decrypted whole and parsed whole: past this size it is refused
# before any of that (a real snapshot of years of writing is a few megabytes).
MAX_EXPORT_BYTES = MAX_BUNDLE_BYTES


def read_export_file(path: Path, identities: list[pyrage.x25519.Identity]) -> Received:
    """One export file, read with bounded memory (its size is checked before it is read)."""
    name = str(path)
    with path.open("rb") as handle:
        data = handle.read(MAX_EXPORT_BYTES + 1)
    if len(data) > MAX_EXPORT_BYTES:
        raise MalformedExport(_("it is larger than an export can be (32 MB)"), name)
    return Received(name, open_export(data, identities, name))


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
    refused: tuple[Refusal, ...] = ()
    pins: Mapping[str, str] = field(default_factory=dict)

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


def merge_bundles(
    bundles: Sequence[Bundle],
    refused: Sequence[Refusal] = (),
    pins: Mapping[str, str] | None = None,
) -> MergeResult:
    """Apply the merge rules to already-read (and screened) bundles; `refused` and `pins` are
    what the screening (research/pins.py) set aside and decided, carried into the result."""
    if not bundles:
        raise NothingToMerge()
    study_id = _one_study(bundles)
    distinct = {b.manifest.export_id: b for b in bundles}
    newest = _newest_per_participant(list(distinct.values()))
    kept = tuple(newest[code] for code in sorted(newest) if not newest[code].manifest.withdrawn)
    return MergeResult(
        study_id=study_id,
        participants=kept,
        withdrawn=len(newest) - len(kept),
        superseded=len(distinct) - len(newest),
        files_read=len(bundles) + len(refused),
        refused=tuple(refused),
        pins=dict(pins or {}),
    )


def _prefix(b: Bundle) -> list[str]:
    m = b.manifest
    return [m.participant_code, m.study_id, m.prompt_set.id, m.prompt_set.version, cell(m.language)]


def merged_codebook(bundles: Sequence[Bundle]) -> tuple[Code, ...]:
    """Every theme named by any kept snapshot, first description winning, in order of appearance."""
    seen: dict[str, Code] = {}
    for b in bundles:
        for c in b.codebook:
            seen.setdefault(c.name, c)
    return tuple(seen.values())


def output_texts(result: MergeResult, bom: bool = False, parquet: bool = False) -> dict[str, bytes]:
    """The contents of every output file, by file name; with `bom`, each CSV starts with a
    UTF-8 byte-order mark (Excel then reads it as UTF-8; R and pandas need to be told); with
    `parquet`, typed Parquet copies of the three main tables too (research/parquet.py)."""
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
    wide_rows = wide_table(ps, [_prefix(b) for b in ps])
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
        PINS_FILE: pins_csv(result.pins),
        "feedback_wide.csv": csv_text(*wide_rows),
        "data_dictionary.csv": csv_text(wide.DICTIONARY_COLUMNS, wide.dictionary_rows(ps)),
    }
    mark = "\ufeff" if bom else ""
    out = {
        name: ((mark if name.endswith(".csv") else "") + text).encode("utf-8")
        for name, text in texts.items()
    }
    out["project.qdpx"] = qdpx_bytes(ps, result.study_id)
    if parquet:
        from peerjournal.research.parquet import INTEGER_COLUMNS, table_bytes

        typed = {v.name for v in wide.variables(ps) if v.question.question_type == "scale"}
        out["entries.parquet"] = table_bytes(
            (*PARTICIPANT_COLUMNS, *ENTRY_COLUMNS), entries, INTEGER_COLUMNS
        )
        out["feedback.parquet"] = table_bytes(
            (*PARTICIPANT_COLUMNS, *FEEDBACK_COLUMNS), answers, INTEGER_COLUMNS
        )
        out["feedback_wide.parquet"] = table_bytes(*wide_rows, INTEGER_COLUMNS | typed)
    return out


def write_outputs(
    result: MergeResult, out_dir: Path, bom: bool = False, parquet: bool = False
) -> list[Path]:
    """Write every output into `out_dir`, each file whole or not at all, readable by the owner
    only: the merged data is plaintext. A new folder is made 0700; every file is 0600, written
    under a random name it creates (never through a planted link) and then renamed."""
    texts = output_texts(result, bom, parquet)
    files.make_private_dir(out_dir)
    written = []
    for name, data in texts.items():
        target = out_dir / name
        partial = out_dir / f".{name}.{secrets.token_hex(8)}.partial"
        fd = os.open(partial, files.NEW_FILE, files.PRIVATE_FILE)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        written.append(target)
    return written


def summary(result: MergeResult, out_dir: Path) -> str:
    """A few lines for the researcher: what was read, kept, set aside and written."""
    lines = _summary_counts(result)
    lines.append(
        _("wrote {files} to {folder}").format(files=", ".join(OUTPUT_FILES), folder=out_dir)
    )
    lines += [r.line() for r in result.refused]
    if result.refused:
        lines.append(
            ngettext(
                "{count} export was refused and not merged (see above)",
                "{count} exports were refused and not merged (see above)",
                len(result.refused),
            ).format(count=len(result.refused))
        )
    return "\n".join(lines)


def _summary_counts(result: MergeResult) -> list[str]:
    """One counted sentence a line, so that each language words (and pluralises) each alone."""
    n = len(result.participants)
    return [
        ngettext(
            "study {study}: read {count} export",
            "study {study}: read {count} exports",
            result.files_read,
        ).format(study=result.study_id, count=result.files_read),
        ngettext("{count} participant kept", "{count} participants kept", n).format(count=n),
        ngettext(
            "{count} participant withdrawn", "{count} participants withdrawn", result.withdrawn
        ).format(count=result.withdrawn),
        ngettext(
            "{count} older snapshot superseded",
            "{count} older snapshots superseded",
            result.superseded,
        ).format(count=result.superseded),
        ngettext("{count} entry merged", "{count} entries merged", result.entry_count).format(
            count=result.entry_count
        ),
        ngettext(
            "{count} feedback answer merged",
            "{count} feedback answers merged",
            result.answer_count,
        ).format(count=result.answer_count),
    ]
