"""JSON Lines: the manifest, then one object per item, then the prompt set's feedback questions,
then the codebook; each has a "type"."""

from __future__ import annotations

from typing import Any

from peerjournal.export.bundle import Bundle, dumps, to_plain


def jsonl_records(bundle: Bundle) -> list[dict[str, Any]]:
    """The records in file order: manifest, entries, feedback forms, questions, codebook."""
    records: list[dict[str, Any]] = [{"type": "manifest", **to_plain(bundle.manifest)}]
    records += [{"type": "entry", **to_plain(e)} for e in bundle.entries]
    records += [{"type": "feedback", **to_plain(f)} for f in bundle.feedback]
    records += [{"type": "question", **to_plain(q)} for q in bundle.questions]
    records.append({"type": "codebook", "codes": to_plain(bundle.codebook)})
    return records


def encode_jsonl(bundle: Bundle) -> bytes:
    """UTF-8 JSON Lines, `\\n` line ends, one record a line."""
    return "".join(dumps(r) + "\n" for r in jsonl_records(bundle)).encode("utf-8")
