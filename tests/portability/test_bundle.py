"""The one-file bundle (scripts/build_bundle.py, a shiv zipapp) is built and run like a person
on a drop-in computer would: --version, init, write, list, with its data files inside."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if importlib.util.find_spec("shiv") is None:
        pytest.skip("shiv is not installed (pip install -e '.[test]' brings it)")
    spec = importlib.util.spec_from_file_location("build_bundle", ROOT / "scripts/build_bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build(tmp_path_factory.mktemp("dist"))


def test_the_bundle_carries_styles_name_lists_and_prompt_sets(bundle: Path):
    names = zipfile.ZipFile(bundle).namelist()
    ours = [n for n in names if "site-packages/peerjournal/" in n]
    tcss = {Path(n).name for n in ours if n.endswith(".tcss")}
    shipped = {p.name for p in (ROOT / "src/peerjournal").rglob("*.tcss")}
    assert tcss == shipped
    data = {Path(n).name for n in ours if "/redact/data/" in n and n.endswith(".txt")}
    assert data == {p.name for p in (ROOT / "src/peerjournal/redact/data").glob("*.txt")}
    prompts = {Path(n).name for n in ours if "/promptset/prompts/" in n}
    assert prompts == {p.name for p in (ROOT / "prompts").glob("*.md")}


def test_the_bundle_runs_version_init_write_list(bundle: Path, tmp_path: Path):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "SHIV_ROOT": str(tmp_path / "shiv"),
        "LANG": "C.UTF-8",
        "TERM": "dumb",
    }
    passfile = tmp_path / "pass"
    passfile.write_text("a drop-in centre passphrase\n")
    journal = ["--journal", str(tmp_path / "journal"), "--passphrase-file", str(passfile)]

    def run(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            [sys.executable, str(bundle), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=300,
        )
        assert done.returncode == 0, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        return done.stdout

    from peerjournal import __version__

    assert run("--version").strip().endswith(__version__)
    run(*journal, "init", "--no-recovery-code", "--kdf-memory-mib", "19", "--kdf-passes", "2")
    run(*journal, "write", "--title", "From the bundle", stdin="Written with the one-file app.")
    assert "From the bundle" in run(*journal, "list")
    assert "peer-advocate-training" in run("prompts", "list")
    assert "[PERSON]" in run("redact", "-", stdin="I met Marcus at the drop-in.")
