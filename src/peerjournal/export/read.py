"""Read any plaintext export (jsonl, csv zip, qdpx) back into a `Bundle`, strictly.

Zips (csv and qdpx) are read through their `peerjournal-bundle.json`; JSON Lines through its
records. Anything else, damaged or cut short, raises one `MalformedExport` (or
`UnsupportedExportVersion`), never another exception.
"""

from __future__ import annotations

import io
import json
import zipfile
import zlib
from typing import Any

from peerjournal.errors import MalformedExport, PeerJournalError
from peerjournal.export.bundle import Bundle, bundle_from_dict
from peerjournal.export.formats.zipped import BUNDLE_MEMBER
from peerjournal.export.seal import AGE_HEADERS
from peerjournal.i18n import _

# The bundle of one export, decompressed: a zip can expand a megabyte into gigabytes, so the
# member is read only up to this size (a real snapshot of years of writing is a few megabytes).
# Parsing it costs a few times its size again (benchmarks/bench_merge_memory.py).
MAX_BUNDLE_BYTES = 32 << 20
_READ_FAILURES = (
    ValueError,
    UnicodeError,
    KeyError,
    TypeError,
    IndexError,
    EOFError,
    OSError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,
    RuntimeError,
    RecursionError,
    OverflowError,
    MemoryError,
)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def loads(text: str) -> Any:
    """Plain JSON, refusing NaN and Infinity."""
    return json.loads(text, parse_constant=_reject_constant)


def read_bundle(data: bytes, name: str | None = None) -> Bundle:
    """The bundle in `data` (any plaintext format), or a `MalformedExport` naming `name`."""
    if data.startswith(AGE_HEADERS):
        raise MalformedExport(_("it is still age-encrypted; decrypt it first"), name)
    try:
        if data.startswith(b"PK"):
            return bundle_from_dict(loads(_zip_bundle_text(data, name)), name)
        return bundle_from_dict(_jsonl_dict(data.decode("utf-8"), name), name)
    except PeerJournalError:
        raise
    except _READ_FAILURES as exc:
        raise MalformedExport(
            _("damaged ({error})").format(error=type(exc).__name__), name
        ) from None


def _zip_bundle_text(data: bytes, name: str | None) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            info = archive.getinfo(BUNDLE_MEMBER)
        except KeyError:
            raise MalformedExport(
                _("the zip holds no {member}").format(member=BUNDLE_MEMBER), name
            ) from None
        if info.file_size > MAX_BUNDLE_BYTES:
            raise MalformedExport(_("{member} is too large").format(member=BUNDLE_MEMBER), name)
        with archive.open(info) as member:
            raw = member.read(MAX_BUNDLE_BYTES + 1)
    if len(raw) > MAX_BUNDLE_BYTES:
        raise MalformedExport(_("{member} is too large").format(member=BUNDLE_MEMBER), name)
    return raw.decode("utf-8")


def _jsonl_dict(text: str, name: str | None) -> dict[str, Any]:
    """Regroup JSON Lines records (manifest first, codebook last) into the bundle's dict form."""
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        raise MalformedExport(_("it is empty"), name)
    records = [loads(line) for line in lines]
    if not all(isinstance(r, dict) for r in records):
        raise MalformedExport(_("a line is not a JSON object"), name)
    first, last = records[0], records[-1]
    if first.get("type") != "manifest" or len(records) < 2 or last.get("type") != "codebook":
        raise MalformedExport(_("it does not start with a manifest and end with a codebook"), name)
    if set(last) != {"type", "codes"}:
        raise MalformedExport(_("the codebook line has unexpected fields"), name)
    grouped: dict[str, list[Any]] = {"entry": [], "feedback": [], "question": []}
    for record in records[1:-1]:
        kind = record.pop("type", None)
        if kind not in grouped:
            raise MalformedExport(_("a line has an unknown type"), name)
        grouped[kind].append(record)
    first.pop("type")
    return {
        "manifest": first,
        "entries": grouped["entry"],
        "feedback": grouped["feedback"],
        "codebook": last["codes"],
        **({"questions": grouped["question"]} if grouped["question"] else {}),
    }
