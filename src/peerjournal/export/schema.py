"""Strict reading of bundle data: every field typed, no unknown keys, consistent counts and ids.

The decoder walks the dataclasses of `bundle.py` by their type hints, so the schema is written
once. Anything that does not fit raises `MalformedExport` naming the field, never the content.
"""

from __future__ import annotations

import re
import types
import typing
import uuid
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any

from peerjournal.errors import MalformedExport, UnsupportedExportVersion
from peerjournal.export.bundle import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SIGNED_SINCE,
    Bundle,
    Manifest,
)
from peerjournal.i18n import _

WEEK_RE = re.compile(r"\A\d{4}-W(0[1-9]|[1-4]\d|5[0-3])\Z")
_SURROGATE = re.compile("[\ud800-\udfff]")
CODE_RE = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]{2,63}\Z")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _fits(value: Any, tp: Any) -> bool:
    """Whether a plain JSON value fits a primitive type (bool is not an int here)."""
    if tp is type(None):
        return value is None
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp is str:
        return isinstance(value, str) and not _SURROGATE.search(value)
    return False


def decode(value: Any, tp: Any, where: str) -> Any:
    """Turn plain data into the typed value `tp`, or raise `ValueError` naming `where`."""
    if isinstance(tp, type) and is_dataclass(tp):
        return _decode_dataclass(value, tp, where)
    if _is_union(tp):
        for option in typing.get_args(tp):
            try:
                return decode(value, option, where)
            except ValueError:
                continue
        raise ValueError(_("{field} has the wrong type").format(field=where))
    if typing.get_origin(tp) is tuple:
        (item_type, _ellipsis) = typing.get_args(tp)
        if not isinstance(value, list):
            raise ValueError(_("{field} should be a list").format(field=where))
        return tuple(decode(v, item_type, f"{where}[{i}]") for i, v in enumerate(value))
    if _fits(value, tp):
        return float(value) if tp is float and not isinstance(value, float) else value
    raise ValueError(_("{field} has the wrong type").format(field=where))


def _decode_dataclass(value: Any, cls: type, where: str) -> Any:
    if not isinstance(value, dict):
        raise ValueError(_("{field} should be an object").format(field=where))
    hints = _hints(cls)
    known = {f.name for f in fields(cls)}
    unknown = sorted(k for k in value if k not in known)
    if unknown:
        raise ValueError(
            _("{field} has unknown field {name}").format(
                field=where, name=repr(str(unknown[0])[:40])
            )
        )
    kwargs = {}
    for f in fields(cls):
        if f.name not in value:
            if f.default is MISSING and f.default_factory is MISSING:
                raise ValueError(
                    _("{field} lacks field {name}").format(field=where, name=repr(f.name))
                )
            continue
        kwargs[f.name] = decode(value[f.name], hints[f.name], f"{where}.{f.name}")
    return cls(**kwargs)


def decode_bundle(data: Any, name: str | None = None) -> Bundle:
    """Strictly decode a bundle dict and check that its parts agree with each other."""
    if not isinstance(data, dict) or not isinstance(data.get("manifest"), dict):
        raise MalformedExport(_("no manifest"), name)
    check_header(data["manifest"], name)
    if data["manifest"].get("format_version") == 1:
        data = _from_version_1(data)
    try:
        bundle = decode(data, Bundle, "bundle")
        check_bundle(bundle)
    except ValueError as exc:
        raise MalformedExport(str(exc), name) from None
    return bundle


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 entries carried `days_since_first_session`, always null; version 2 has none."""
    entries = data.get("entries")
    if not isinstance(entries, list):
        return data
    gone = "days_since_first_session"
    kept = [
        {k: v for k, v in e.items() if k != gone} if isinstance(e, dict) else e for e in entries
    ]
    return {**data, "entries": kept}


def check_header(manifest: dict[str, Any], name: str | None) -> None:
    """Format name and version first, so a newer format gets its own message."""
    if manifest.get("format") != FORMAT_NAME:
        raise MalformedExport(_("its format is not peerjournal-export"), name)
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise MalformedExport(_("format_version is missing or not a number"), name)
    if version > FORMAT_VERSION:
        raise UnsupportedExportVersion(version, name)


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower() and len(text) == 36
    except ValueError:
        return False


def check_manifest(m: Manifest) -> None:
    """The manifest's own rules (beyond types)."""
    if not _is_uuid(m.export_id):
        raise ValueError(_("{field} is not a UUID").format(field="manifest.export_id"))
    if not CODE_RE.match(m.participant_code):
        raise ValueError(
            _("{field} is not a participant code").format(field="manifest.participant_code")
        )
    if not m.study_id.strip():
        raise ValueError(_("{field} is empty").format(field="manifest.study_id"))
    if m.export_seq < 0:
        raise ValueError(_("{field} is negative").format(field="manifest.export_seq"))
    if not WEEK_RE.match(m.exported_week):
        raise ValueError(
            _("{field} is not an ISO week like 2026-W48").format(field="manifest.exported_week")
        )
    if m.counts.entries < 0 or m.counts.feedback < 0:
        raise ValueError(_("{field} is negative").format(field="manifest.counts"))
    _check_signature_fields(m)


def _check_signature_fields(m: Manifest) -> None:
    """Version 2 on carries a key and a signature; whether the signature is right is checked by
    the merge (export/signing.py), which also knows which key belongs to which code."""
    from peerjournal.export.signing import is_valid_key

    if m.format_version < SIGNED_SINCE:
        if m.signing_key is not None or m.signature is not None:
            raise ValueError(_("a version 1 manifest carries a signature"))
        return
    if m.signing_key is None or not is_valid_key(m.signing_key):
        raise ValueError(
            _("{field} is missing or not an Ed25519 key").format(field="manifest.signing_key")
        )
    if not m.signature:
        raise ValueError(_("{field} is missing").format(field="manifest.signature"))


def check_bundle(bundle: Bundle) -> None:
    """Counts match the items, ids are unique UUIDs, weeks are ISO weeks, withdrawals are empty."""
    m = bundle.manifest
    check_manifest(m)
    if (m.counts.entries, m.counts.feedback) != (len(bundle.entries), len(bundle.feedback)):
        raise ValueError(_("{field} does not match the items").format(field="manifest.counts"))
    if m.withdrawn and (bundle.entries or bundle.feedback):
        raise ValueError(_("a withdrawal holds items"))
    ids = [e.item_id for e in bundle.entries] + [f.item_id for f in bundle.feedback]
    if len(set(ids)) != len(ids) or not all(_is_uuid(i) for i in ids):
        raise ValueError(_("item ids are not unique UUIDs"))
    weeks = [e.week for e in bundle.entries] + [f.week for f in bundle.feedback]
    if not all(WEEK_RE.match(w) for w in weeks):
        raise ValueError(_("an item's week is not an ISO week like 2026-W48"))
    if any(e.word_count < 0 for e in bundle.entries):
        raise ValueError(_("a word count is negative"))
    names = [c.name for c in bundle.codebook]
    if len(set(names)) != len(names):
        raise ValueError(_("the codebook names a theme twice"))
