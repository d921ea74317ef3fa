"""Fixtures of the research tests: a study key and a writer of sealed exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from merge_samples import WriteExport

from peerjournal.export.bundle import Bundle
from peerjournal.export.formats import encode
from peerjournal.export.seal import seal
from peerjournal.research.keys import write_identity_file


@pytest.fixture
def study_key(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "study.key"
    return path, write_identity_file(path).public


@pytest.fixture
def write_export(tmp_path: Path, study_key: tuple[Path, str]) -> WriteExport:
    """Write `bundle` as a sealed (or plaintext) export file in `fmt`; returns its path."""

    def write(bundle: Bundle, fmt: str = "jsonl", sealed: bool = True) -> Path:
        data = encode(bundle, fmt)
        if sealed:
            data = seal(data, study_key[1])
        m = bundle.manifest
        path = tmp_path / f"{m.participant_code}-{m.export_seq}.{fmt}{'.age' if sealed else ''}"
        path.write_bytes(data)
        return path

    return write
