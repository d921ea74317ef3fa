"""Fixtures of the prompt set tests: a small valid set, and a way to write files to check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

AGE_KEY = "age1rlrtr607f03pzkn3n5qwusyg0vfw4mv00vvee8au69sgctnpfqqqqnl0pu"

VALID = f"""\
# Test training

- id: test-training
- version: 1.2
- language: en
- authors: Ana; Bea

What this journal is for.

## Study

- id: pilot-2026
- name: Peer journals pilot
- contact: research team, research@example.org
- age key: {AGE_KEY}
- retention: five years, then deleted

### Consent

I agree that the entries I choose to share are read by the research team.

Nothing else leaves my journal.

## Codebook

- Solidarity: relationships with peers and the organisation
- Self-worth: less internalised stigma

## Redaction terms

- location: Jarry Park
- person: Marie-Claude

## Session 1: Agreements and goals

Welcome, *everyone*.

Second paragraph of the intro.

### Prompts

1. What brought you here?
2. What do you hope
   to take from this?
3. What do you already know?

### Feedback

1. What worked well?
2. How useful was it?
   - id: useful
   - type: scale
   - range: 1-5
   - low: Not useful
   - high: Very useful
3. How was the pace?
   - type: choice
   - option: Too slow
   - option: About right
   - option: Too fast

## Session 2: Health

### Prompts

- One thing to remember?
- One thing to pass on?
- One question left?
"""


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text to a file in a temporary folder and return its path."""

    def _write(text: str, name: str = "set.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write
