"""Fixtures of the export tests (the sample data lives in export_samples.py)."""

from __future__ import annotations

import pytest
from export_samples import make_bundle

from peerjournal.export.bundle import Bundle


@pytest.fixture
def bundle() -> Bundle:
    return make_bundle()
