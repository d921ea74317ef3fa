"""Participants' exports for the merge tests: real bundles, really sealed to a study key."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from peerjournal.export.bundle import (
    FORMAT_VERSION,
    Answer,
    Bundle,
    Code,
    Counts,
    ExportEntry,
    ExportFeedback,
    Manifest,
    PromptSetRef,
)
from peerjournal.export.signing import new_private_key, sign

# One signing key per participant code, as each journal keeps one per study.
KEYS: dict[str, bytes] = {}
CODEBOOK = (Code("Solidarity", "Relationships built in the program."), Code("Self-esteem", ""))


def bundle_of(
    code: str,
    seq: int,
    bodies: list[str],
    *,
    withdrawn: bool = False,
    study: str = "peer-2026",
    answers: list[str] = (),
    key: bytes | None = None,
) -> Bundle:  # type: ignore[assignment]
    """A signed snapshot: with `key`, or with the code's own key (made on first use)."""
    entries = tuple(
        ExportEntry(
            str(uuid.uuid4()),
            i + 1,
            f"Session {i + 1}",
            "What stayed with you?",
            f"2026-W{40 + i}",
            None,
            body,
            len(body.split()),
            ("peer",),
            3,
        )
        for i, body in enumerate(bodies)
    )
    feedback = tuple(
        ExportFeedback(
            str(uuid.uuid4()),
            1,
            "Session 1",
            "2026-W40",
            (
                Answer("useful", "What was useful?", "text", text),
                Answer("confidence", "How confident?", "scale", 4),
            ),
        )
        for text in answers
    )
    manifest = Manifest(
        format_version=FORMAT_VERSION,
        export_id=str(uuid.uuid4()),
        app_version="0.1.0",
        study_id=study,
        prompt_set=PromptSetRef("peer-health", "1.0"),
        participant_code=code,
        export_seq=seq,
        exported_week="2026-W48",
        withdrawn=withdrawn,
        counts=Counts(len(entries), len(feedback)),
        redaction_kinds=(),
        consent_hash="sha256:abc",
        recipient_fingerprint=None,
    )
    bundle = Bundle(manifest, entries, feedback, () if withdrawn else CODEBOOK)
    return sign(bundle, key or KEYS.setdefault(code, new_private_key()))


WriteExport = Callable[..., Path]
