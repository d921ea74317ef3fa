"""Day One exports: the JSON file, the folder it unzips to, or the zip Day One writes.

Day One's export (Settings, Import/Export, JSON) is a zip holding one `<Journal name>.json` per
journal (`{"metadata": {"version": "1.0"}, "entries": [...]}`) and a `photos/` folder (files
named by their md5). An entry has `uuid`, `creationDate` and `modifiedDate` (UTC, `Z`),
`timeZone`, `text` (Markdown with Day One's backslash escapes, the first line `# Title` when the
entry has a title), `tags`, `starred`, and optionally `location`, `weather`, `photos`, `videos`,
`audios`, `pdfAttachments`. Media appear in the text as `![](dayone-moment://<identifier>)`
(`dayone-moment:/video/<id>` and so on for other kinds).

What a journal cannot hold is counted, never dropped silently: each media link becomes a readable
note in the text, and the summary says how many photos, places, weather records and time zones
stayed behind.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from peerjournal.errors import InvalidInput
from peerjournal.i18n import _
from peerjournal.model import NewEntry
from peerjournal.transfer import fields
from peerjournal.transfer.fields import Where
from peerjournal.transfer.importers import (
    MAX_IMPORT_BYTES,
    Imported,
    entries_of,
    load_json,
    parse_json,
)

# Every ASCII punctuation character may be backslash-escaped in Markdown (CommonMark 2.4);
# Day One escapes many of them (\. \- \! \( \) \# \* \` \\ ...). One pass undoes them all.
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
MOMENT = re.compile(r"!?\[[^\]\n]*\]\(dayone-moment:/{1,2}(?:(\w+)/)?[^)\s]*\)")
MEDIA_KINDS = {"video": "videos", "audio": "audios", "pdfAttachment": "pdfs", "sketch": "photos"}
LEFT_OUT_FIELDS = {"location": "locations", "weather": "weather", "timeZone": "time_zones"}


def _is_export(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("entries"), list) and "metadata" in doc


def folder_documents(folder: Path) -> list[Path]:
    """The Day One journal files at the top of an unzipped export folder."""
    found = []
    for path in sorted(folder.glob("*.json")):
        if path.is_file() and path.stat().st_size <= MAX_IMPORT_BYTES:
            try:
                if _is_export(load_json(path)):
                    found.append(path)
            except InvalidInput:
                continue
    return found


def read(source: Path) -> Imported:
    """Every entry of every journal in a Day One export (file, folder or zip)."""
    if source.is_dir():
        docs = [(str(p), load_json(p)) for p in folder_documents(source)]
    elif zipfile.is_zipfile(source):
        docs = _zip_documents(source)
    else:
        docs = [(str(source), load_json(source))]
    if not docs:
        raise InvalidInput(_("{file} holds no Day One journal (.json)").format(file=source))
    result = Imported([])
    for name, doc in docs:
        for n, item in enumerate(entries_of(doc, name), 1):
            result.entries.append(_entry(item, Where(name, n), result))
    return result


def _zip_documents(path: Path) -> list[tuple[str, Any]]:
    """The journal documents at the top of a Day One zip (media skipped), with bounded reads."""
    docs = []
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                if "/" in info.filename.strip("/") or not info.filename.endswith(".json"):
                    continue
                with archive.open(info) as member:
                    raw = member.read(MAX_IMPORT_BYTES + 1)
                if len(raw) > MAX_IMPORT_BYTES:
                    raise InvalidInput(_("{file} is too large to import").format(file=path))
                doc = parse_json(raw, f"{path}:{info.filename}")
                if _is_export(doc):
                    docs.append((f"{path}:{info.filename}", doc))
    except (zipfile.BadZipFile, OSError, NotImplementedError, EOFError):
        raise InvalidInput(_("{file} is a damaged zip file").format(file=path)) from None
    return docs


def _note(kind: str | None) -> str:
    if kind == "video":
        return _("[a video from Day One was here; it was not imported]")
    if kind == "audio":
        return _("[a recording from Day One was here; it was not imported]")
    if kind == "pdfAttachment":
        return _("[a PDF from Day One was here; it was not imported]")
    return _("[a photo from Day One was here; it was not imported]")


def clean_text(text: str, left_out: Any) -> str:
    """Media links replaced by a readable note (and counted), then every escape undone."""

    def replace(match: re.Match[str]) -> str:
        left_out[MEDIA_KINDS.get(match.group(1) or "", "photos")] += 1
        return _note(match.group(1))

    return ESCAPED.sub(r"\1", MOMENT.sub(replace, text))


def split_title(text: str) -> tuple[str, str]:
    """('Title', body) when the text opens with a `# Title` line, else ('', text)."""
    first, newline, rest = text.partition("\n")
    if first.startswith("# ") and first[2:].strip():
        return first[2:].strip(), rest.lstrip("\n") if newline else ""
    return "", text


def _entry(item: dict[str, Any], where: Where, result: Imported) -> NewEntry:
    created = item.get("creationDate")
    if created is None:
        raise where.fail("creationDate", _("a date and time like 2026-11-25T21:47:13Z"))
    when = fields.moment(created, "creationDate", where, naive_is_utc=True)
    modified = item.get("modifiedDate")
    updated = (
        fields.moment(modified, "modifiedDate", where, naive_is_utc=True) if modified else None
    )
    tags = list(fields.string_list(item, "tags", where))
    if fields.boolean(item, "starred", where):
        tags.append("starred")
    for key, kind in LEFT_OUT_FIELDS.items():
        if item.get(key):
            result.left_out[kind] += 1
    text = clean_text(fields.text(item, "text", where), result.left_out)
    title, body = split_title(text)
    return NewEntry(
        body=body,
        title=title,
        tags=tuple(tags),
        created_at=when,
        updated_at=max(updated, when) if updated else None,
    )
