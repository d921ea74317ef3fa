"""Shared test constants: real journals with the cheapest key derivation the floor allows."""

from __future__ import annotations

from pathlib import Path

from peerjournal.journal import Journal, KdfParams

FAST_KDF = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
PASSPHRASE = "a quiet place to write"
FAST_KDF_ARGS = ["--kdf-memory-mib", "19", "--kdf-passes", "2"]

# The REFI-QDA project schema, shipped with the tests (MIT licence beside it).
REFI_QDA_SCHEMA = Path(__file__).parent / "data" / "refi-qda" / "Project-mrt2019.xsd"


def pw(text: str = PASSPHRASE) -> bytearray:
    """A passphrase as the journal takes it."""
    return bytearray(text.encode())


# A prompt set with a study block; format() it with an age recipient (`age1...`).
STUDY_SET = """# Pilot program

- id: pilot-program
- version: 1.0
- language: en

## Study

- id: pilot-2026
- name: Peer journal pilot study
- contact: research@example.org
- age key: {recipient}
- retention: five years, then deleted

### Consent

I agree that the entries I choose to share may be read by the research team.

## Codebook

- Self-worth: less internalised stigma.
- Solidarity: building relationships.

## Session 1: Community agreements

### Prompts

1. What matters to you in this group?

### Feedback

1. What will you take with you?
   - id: takeaway
2. How useful was it?
   - id: useful
   - type: scale
   - range: 1-5
   - low: Not useful
   - high: Very useful

## Session 2: Rights and safety

### Prompts

1. What do you know about your rights?

### Feedback

1. What will you take with you?
   - id: takeaway
"""


def make_participant(directory: Path, study_set, consent: bool = True) -> Journal:
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(study_set)
    if consent:
        from peerjournal.export import participant

        participant.accept_consent(journal)
    return journal
