"""Forged exports lose: every export is signed, each participant code is pinned to its first key,
and `research merge` refuses (and reports) a snapshot or withdrawal signed by anyone else.

Through the real CLI, with real age-sealed files; the forger knows the study's public key and a
participant code, as anyone holding the prompt set and one decrypted export would.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from dataclasses import replace
from pathlib import Path

from merge_samples import WriteExport, bundle_of
from typer.testing import CliRunner

from peerjournal.cli.main import app
from peerjournal.export.bundle import Bundle, ExportEntry
from peerjournal.export.read import MAX_BUNDLE_BYTES
from peerjournal.export.seal import seal
from peerjournal.export.signing import new_private_key, sign, verify

runner = CliRunner()
A, B = "P-AAAAAAAAAA", "P-BBBBBBBBBB"


def merge(key: Path, out: Path, *files: Path, flags: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    return runner.invoke(
        app, ["research", "merge", "-i", str(key), *map(str, files), "-o", str(out), *flags]
    )


def bodies(out: Path) -> list[tuple[str, str]]:
    rows = csv.DictReader(io.StringIO((out / "entries.csv").read_text("utf-8")))
    return [(r["participant_code"], r["body"]) for r in rows]


def test_a_forged_snapshot_and_a_forged_withdrawal_are_refused(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    forger = new_private_key()
    real = [
        write_export(bundle_of(A, 1, ["a writes"])),
        write_export(bundle_of(A, 2, ["a writes more"])),
        write_export(bundle_of(B, 1, ["b writes"])),
    ]
    forged_snapshot = write_export(bundle_of(A, 9, ["words A never wrote"], key=forger))
    forged_withdrawal = write_export(bundle_of(B, 5, [], withdrawn=True, key=forger))
    out = tmp_path / "out"
    result = merge(study_key[0], out, *real, forged_snapshot, forged_withdrawal)
    assert result.exit_code == 3, result.output
    assert bodies(out) == [(A, "a writes more"), (B, "b writes")]
    refused = [line for line in result.stderr.splitlines() if line.startswith("refused")]
    assert len(refused) == 2
    assert str(forged_snapshot) in refused[0] and A in refused[0]
    assert str(forged_withdrawal) in refused[1] and B in refused[1]
    assert all("different key" in line for line in refused)
    assert "2 exports were refused and not merged" in result.stdout
    assert "Traceback" not in result.output


def test_a_changed_export_fails_its_signature(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    genuine = bundle_of(A, 1, ["what A wrote"])
    entry: ExportEntry = replace(genuine.entries[0], body="what someone else wrote")
    changed = replace(genuine, entries=(entry,))
    assert verify(genuine) and not verify(changed)
    out = tmp_path / "out"
    result = merge(study_key[0], out, write_export(changed))
    assert result.exit_code == 2
    assert "signature does not match its content" in result.stderr
    assert "no export is left to merge" in result.stderr
    assert not (out / "entries.csv").exists()


def test_pins_outlive_the_merge_so_a_forged_low_number_cannot_take_a_code(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    out = tmp_path / "out"
    first = write_export(bundle_of(A, 1, ["a writes"]))
    assert merge(study_key[0], out, first).exit_code == 0
    assert A in (out / "participant_keys.csv").read_text("utf-8")
    # Next time the forger sends number 0 (lower than anything A sent) under A's code.
    forged = write_export(bundle_of(A, 0, ["forged early"], key=new_private_key()))
    later = write_export(bundle_of(A, 2, ["a goes on"]))
    result = merge(study_key[0], out, forged, later, first)
    assert result.exit_code == 3
    assert bodies(out) == [(A, "a goes on")]
    assert str(forged) in result.stderr


def _unsigned(bundle: Bundle) -> Bundle:
    """The bundle as peerjournal before signatures wrote it (format version 1)."""
    m = replace(bundle.manifest, format_version=1, signing_key=None, signature=None)
    return replace(bundle, manifest=m)


def test_unsigned_exports_need_a_flag_and_never_speak_for_a_signing_participant(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    old = write_export(_unsigned(bundle_of(B, 1, ["b before signatures"])))
    out = tmp_path / "out"
    refused = merge(study_key[0], out, old)
    assert refused.exit_code == 2 and "--accept-unsigned" in refused.stderr
    signed = write_export(bundle_of(A, 1, ["a signs"]))
    downgrade = write_export(_unsigned(bundle_of(A, 2, ["unsigned, as A"])))
    result = merge(study_key[0], out, old, signed, downgrade, flags=("--accept-unsigned",))
    assert result.exit_code == 3
    assert bodies(out) == [(A, "a signs"), (B, "b before signatures")]
    assert str(downgrade) in result.stderr and "not signed" in result.stderr


def test_merged_files_are_private(
    tmp_path: Path, study_key: tuple[Path, str], write_export: WriteExport
) -> None:
    os.umask(0o022)
    out = tmp_path / "out"
    assert merge(study_key[0], out, write_export(bundle_of(A, 1, ["x"]))).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert modes and set(modes.values()) == {0o600}, modes


def test_a_zip_bomb_is_refused_without_reading_it_whole(
    tmp_path: Path, study_key: tuple[Path, str]
) -> None:
    """A one-megabyte zip whose bundle says it is small but expands past the limit."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("peerjournal-bundle.json", b"{" + b" " * (MAX_BUNDLE_BYTES + 10) + b"}")
    assert len(buffer.getvalue()) < 1 << 20
    bomb = tmp_path / "bomb.zip.age"
    bomb.write_bytes(seal(buffer.getvalue(), study_key[1]))
    result = merge(study_key[0], tmp_path / "out", bomb)
    assert result.exit_code == 2
    assert "too large" in result.stderr and "Traceback" not in result.output


def test_signing_keys_differ_per_key_and_signatures_cover_the_manifest() -> None:
    key = new_private_key()
    bundle = sign(bundle_of(A, 1, ["x"]), key)
    renumbered = replace(bundle, manifest=replace(bundle.manifest, export_seq=99))
    assert verify(bundle) and not verify(renumbered)
