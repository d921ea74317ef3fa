"""Deterministic zip writing: fixed member dates, so no archive reveals when it was made."""

from __future__ import annotations

import io
import zipfile

BUNDLE_MEMBER = "peerjournal-bundle.json"
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def zip_members(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of `(name, data)` members in the given order, deflated, dated 1980-01-01."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()
