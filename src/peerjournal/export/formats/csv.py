"""The CSV export: a zip of manifest.json, entries.csv, feedback.csv and codebook.csv.

`peerjournal-bundle.json` rides along so the merge reads this format like the others.
"""

from __future__ import annotations

from peerjournal.export.bundle import Bundle, bundle_to_json, dumps, to_plain
from peerjournal.export.formats.tables import (
    CODEBOOK_COLUMNS,
    ENTRY_COLUMNS,
    FEEDBACK_COLUMNS,
    codebook_rows,
    csv_text,
    entry_rows,
    feedback_rows,
)
from peerjournal.export.formats.zipped import BUNDLE_MEMBER, zip_members


def encode_csv_zip(bundle: Bundle) -> bytes:
    """The zip's bytes; every member UTF-8 without BOM."""
    members = [
        ("manifest.json", dumps(to_plain(bundle.manifest))),
        ("entries.csv", csv_text(ENTRY_COLUMNS, entry_rows(bundle))),
        ("feedback.csv", csv_text(FEEDBACK_COLUMNS, feedback_rows(bundle))),
        ("codebook.csv", csv_text(CODEBOOK_COLUMNS, codebook_rows(bundle))),
        (BUNDLE_MEMBER, bundle_to_json(bundle)),
    ]
    return zip_members([(name, text.encode("utf-8")) for name, text in members])
