#!/usr/bin/env python3
"""Build peerjournal as one file for drop-in computers without Python packages: a zipapp (shiv).

    python scripts/build_bundle.py [-o dist/]

The bundle holds peerjournal and every dependency, with Textual's .tcss style sheets, the
redactor's name lists (src/peerjournal/redact/data) and the shipped prompt sets. It needs a
Python 3.11+ on the computer that runs it (`python3 peerjournal-....pyz`), nothing else.

It is platform-specific: sqlcipher3, cryptography and pyrage are compiled wheels, so a bundle
built on Linux x86_64 runs on Linux x86_64 with the same Python minor version, and a bundle
for Windows or macOS must be built on Windows or macOS (the name says where it was built).
On first run shiv unpacks the code (never any journal data) into ~/.shiv, or $SHIV_ROOT.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bundle_name() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from peerjournal import __version__

    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    py = f"py{sys.version_info.major}{sys.version_info.minor}"
    return f"peerjournal-{__version__}-{py}-{platform}.pyz"


def build(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / bundle_name()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "shiv",
            "--console-script",
            "peerjournal",
            "--output-file",
            str(target),
            "--python",
            "/usr/bin/env python3",
            "--compressed",
            "--reproducible",
            str(ROOT),
        ],
        check=True,
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out-dir", type=Path, default=ROOT / "dist")
    print(build(parser.parse_args().out_dir))


if __name__ == "__main__":
    main()
