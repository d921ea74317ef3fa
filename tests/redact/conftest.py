"""Shared helpers for the redactor tests."""

from __future__ import annotations

import pytest

from peerjournal.redact import Redactor


@pytest.fixture(scope="session")
def redactor() -> Redactor:
    return Redactor()


@pytest.fixture(scope="session")
def found(redactor: Redactor):
    """found(text) -> [(value, kind), ...] for the spans the default Redactor finds."""

    def run(text: str) -> list[tuple[str, str]]:
        return [(text[s.start : s.end], s.kind) for s in redactor.find(text)]

    return run
