"""Sample bundles for the export tests: awkward text on purpose (quotes, commas, newlines,
accents, emoji, a control character) so every format has to carry it faithfully."""

from __future__ import annotations

import uuid
from dataclasses import replace

from peerjournal.export.bundle import (
    FORMAT_VERSION,
    Answer,
    Bundle,
    Code,
    Counts,
    ExportEntry,
    ExportFeedback,
    Manifest,
    Option,
    PromptSetRef,
    Question,
)
from peerjournal.export.signing import new_private_key, sign

SAMPLE_KEY = new_private_key()
AWKWARD = 'Après la séance, "on" a parlé, longtemps;\nde [PERSON 1] à la clinique 🌱\x07 fin.'


def make_manifest(**changes: object) -> Manifest:
    base = Manifest(
        format_version=FORMAT_VERSION,
        export_id=str(uuid.uuid4()),
        app_version="0.1.0",
        study_id="peer-2026",
        prompt_set=PromptSetRef("peer-health", "1.2"),
        participant_code="P-ABCDEFGH23",
        export_seq=3,
        exported_week="2026-W48",
        withdrawn=False,
        counts=Counts(2, 1),
        redaction_kinds=("PERSON",),
        consent_hash="sha256:" + "0" * 64,
        recipient_fingerprint="sha256:0123456789abcdef",
        language="en",
    )
    return replace(base, **changes)


def make_bundle(**manifest_changes: object) -> Bundle:
    entries = (
        ExportEntry(
            str(uuid.uuid4()),
            1,
            "Welcome, and why we're here",
            "What brought you?",
            "2026-W40",
            None,
            AWKWARD,
            14,
            ("stigma", "[PERSON 2]"),
            4,
        ),
        ExportEntry(
            str(uuid.uuid4()),
            None,
            None,
            None,
            "2026-W41",
            None,
            "# Heading\n\n- a list item\n- another, with a comma",
            8,
            (),
            "hopeful",
        ),
    )
    feedback = (
        ExportFeedback(
            str(uuid.uuid4()),
            1,
            "Welcome, and why we're here",
            "2026-W40",
            (
                Answer("useful", "What was useful?", "text", 'Talking with "peers",\nhonestly.'),
                Answer("confidence", "How confident do you feel?", "scale", 4),
                Answer("format", "Which format?", "choice", "small groups", "groups"),
            ),
        ),
    )
    codebook = (
        Code("Solidarity", "Relationships with peers, colleagues and the organisation."),
        Code("Critical consciousness", ""),
    )
    questions = (
        Question(1, "confidence", "How confident do you feel?", "scale", 1, 5),
        Question(
            1,
            "format",
            "Which format?",
            "choice",
            options=(Option("groups", "small groups"), Option("one", "one on one")),
        ),
    )
    manifest = make_manifest(**manifest_changes)
    if manifest.withdrawn:
        return sign(Bundle(replace(manifest, counts=Counts(0, 0)), (), (), ()), SAMPLE_KEY)
    return sign(Bundle(manifest, entries, feedback, codebook, questions), SAMPLE_KEY)
