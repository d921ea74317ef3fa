"""The core runs on a platform without fcntl, os.link, POSIX permissions or signals.

A child pytest runs a slice of the suite (the vault, the journal through the CLI, export and
sharing, the file fallbacks) under no_posix_site.py, which takes those away as Windows lacks
them. Every child the slice starts (a subprocess) inherits the same Python.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLICE = [
    "tests/vault",
    "tests/cli/test_cli_entries.py",
    "tests/cli/test_cli_keys.py",
    "tests/export/test_read.py",
    "tests/export/test_seal.py",
    "tests/sharing/test_sharing_end_to_end.py",
    "tests/portability/test_files.py",
    "tests/portability/test_no_posix.py::test_the_simulation_is_in_force",
]


def test_the_simulation_is_in_force():
    """Run in the child only: fails there if the sitecustomize did not take effect."""
    if not os.environ.get("PJ_NO_POSIX_MARKER"):
        pytest.skip("only meaningful inside the no-POSIX child run")
    with pytest.raises(ImportError):
        import fcntl  # noqa: F401
    assert not hasattr(os, "link") and not hasattr(os, "kill") and not hasattr(os, "geteuid")
    import importlib
    import pkgutil

    import peerjournal
    import peerjournal.vault.lock as lock

    names = [m.name for m in pkgutil.walk_packages(peerjournal.__path__, "peerjournal.")]
    assert len(names) > 100
    for name in names:
        importlib.import_module(name)  # every module imports here
    assert lock.fcntl is None  # the msvcrt path is the one in use


@pytest.mark.slow
def test_the_core_passes_without_posix(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        (Path(__file__).parent / "no_posix_site.py").read_text(encoding="utf-8")
    )
    marker = tmp_path / "marker"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "src"), str(ROOT)]),
        "PJ_NO_POSIX_MARKER": str(marker),
    }
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            "-m",
            "not slow",
            *SLICE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    tail = (proc.stdout + proc.stderr)[-6000:]
    assert proc.returncode == 0, tail
    passed = re.search(r"(\d+) passed", proc.stdout.splitlines()[-1])
    assert passed and int(passed.group(1)) > 1, tail
    # The child pytest itself, and the lock holder that test_files.py starts in a subprocess.
    assert len(marker.read_text().split()) >= 2, "the children did not run without POSIX"
