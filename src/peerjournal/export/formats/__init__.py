"""The three file formats of an export, behind one `encode(bundle, fmt)`.

- `jsonl`: one JSON object a line (manifest, items, codebook), for scripts.
- `csv`: a zip of CSV tables for R, pandas or a spreadsheet.
- `qdpx`: a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA and QualCoder.

Both zip formats also carry `peerjournal-bundle.json`, so `read.read_bundle` reads any of them
through one path.
"""

from __future__ import annotations

from collections.abc import Callable

from peerjournal.export.bundle import Bundle

FORMAT_NAMES = ("jsonl", "csv", "qdpx")
EXTENSIONS = {"jsonl": "jsonl", "csv": "zip", "qdpx": "qdpx"}


def _encoder(fmt: str) -> Callable[[Bundle], bytes]:
    if fmt == "jsonl":
        from peerjournal.export.formats.jsonl import encode_jsonl

        return encode_jsonl
    if fmt == "csv":
        from peerjournal.export.formats.csv import encode_csv_zip

        return encode_csv_zip
    if fmt == "qdpx":
        from peerjournal.export.formats.qdpx import encode_qdpx

        return encode_qdpx
    raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMAT_NAMES)}")


def encode(bundle: Bundle, fmt: str) -> bytes:
    """The bundle as the bytes of one file in format `fmt` (`jsonl`, `csv` or `qdpx`)."""
    return _encoder(fmt)(bundle)
