"""A study prompt set with a real age key, and journals that follow it."""

from __future__ import annotations

import pyrage
import pytest

from peerjournal.promptset import parse
from tests.helpers import STUDY_SET


@pytest.fixture(scope="session")
def study_identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture(scope="session")
def study_set(study_identity):
    text = STUDY_SET.format(recipient=study_identity.to_public())
    return parse(text, "pilot.md")
