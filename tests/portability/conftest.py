"""A real FAT32 or exFAT stick for each test that asks for one (see sticks.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.portability.sticks import mounted


@pytest.fixture(params=["fat32", "exfat"])
def stick(request, tmp_path: Path) -> Iterator[Path]:
    """The mount point of a fresh FAT file system (request.param says which kind)."""
    with mounted(request.param, tmp_path) as where:
        yield where
