"""A study prompt set with a real age key, and journals that follow it."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from peerjournal.journal import Journal
from peerjournal.promptset import parse
from tests.helpers import FAST_KDF, pw

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


@pytest.fixture(scope="session")
def study_identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture(scope="session")
def study_set(study_identity):
    text = STUDY_SET.format(recipient=study_identity.to_public())
    return parse(text, "pilot.md")


def make_participant(directory: Path, study_set, consent: bool = True) -> Journal:
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(study_set)
    if consent:
        from peerjournal.export import participant

        participant.accept_consent(journal)
    return journal
