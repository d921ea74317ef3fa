"""Shared tools for the reliability suite: sandboxes, the CLI in a subprocess, journals, scans."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from peerjournal.journal import Journal, KdfParams, secret_bytes
from peerjournal.model import NewEntry

PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "a different passphrase entirely"
# The OWASP floor, the cheapest settings the journal accepts: keeps the suite fast.
FAST_KDF = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
INIT_KDF_ARGS = ("--kdf-memory-mib", "19", "--kdf-passes", "2")
DRIVERS = Path(__file__).parent / "drivers"
SRC = Path(__file__).resolve().parents[2] / "src"
TRACEBACK_MARKERS = ("Traceback (most recent call last)", 'File "', "Error:", "Exception")


@dataclass
class Result:
    args: tuple[str, ...]
    code: int
    stdout: str
    stderr: str
    root: str = ""

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def describe(self) -> str:
        return f"args={self.args} code={self.code}\nstdout={self.stdout!r}\nstderr={self.stderr!r}"


@dataclass
class Sandbox:
    """A private HOME, XDG dirs and TMPDIR for child processes, plus a journal path."""

    root: Path
    home: Path
    tmp: Path
    xdg: dict[str, Path] = field(default_factory=dict)

    @classmethod
    def make(cls, root: Path) -> Sandbox:
        home = root / "home"
        tmp = root / "tmp"
        xdg = {
            "XDG_CONFIG_HOME": home / ".config",
            "XDG_CACHE_HOME": home / ".cache",
            "XDG_DATA_HOME": home / ".local" / "share",
            "XDG_STATE_HOME": home / ".local" / "state",
            "XDG_RUNTIME_DIR": root / "run",
        }
        for path in (home, tmp, *xdg.values()):
            path.mkdir(parents=True, exist_ok=True)
        os.chmod(root / "run", 0o700)
        box = cls(root=root, home=home, tmp=tmp, xdg=xdg)
        box.passphrase_file.write_text(PASSPHRASE + "\n")
        box.other_passphrase_file.write_text(OTHER_PASSPHRASE + "\n")
        return box

    @property
    def journal(self) -> Path:
        return self.root / "journal"

    @property
    def passphrase_file(self) -> Path:
        return self.root / "passphrase"

    @property
    def other_passphrase_file(self) -> Path:
        return self.root / "other-passphrase"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "TMPDIR": str(self.tmp),
            "TEMP": str(self.tmp),
            "TMP": str(self.tmp),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYTHONPATH": str(SRC),
            "COLUMNS": "120",
            "TERM": "dumb",
        }
        env.update({k: str(v) for k, v in self.xdg.items()})
        env.update(extra)
        return env

    def run(
        self,
        *args: str,
        stdin: bytes | None = None,
        journal: Path | None = None,
        passphrase_file: Path | str | None = None,
        use_default_journal: bool = False,
        env: dict[str, str] | None = None,
        preexec_fn: Callable[[], None] | None = None,
        timeout: float = 60,
        wrapper: Sequence[str] = (),
    ) -> Result:
        """Run `peerjournal ARGS` in a child process with this sandbox's environment."""
        cli: list[str] = [*wrapper, sys.executable, "-m", "peerjournal"]
        if not use_default_journal:
            cli += ["--journal", str(journal or self.journal)]
        pf = self.passphrase_file if passphrase_file is None else passphrase_file
        if pf != "":
            cli += ["--passphrase-file", str(pf)]
        cli += list(args)
        proc = subprocess.run(
            cli,
            input=stdin if stdin is not None else b"",
            capture_output=True,
            env=env or self.env(),
            cwd=self.root,
            timeout=timeout,
            preexec_fn=preexec_fn,
        )
        return Result(
            tuple(args),
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
            str(self.root),
        )

    def start(self, *args: str, journal: Path | None = None) -> subprocess.Popen:
        """Start `peerjournal ARGS` without waiting (to kill it), passphrase from the file."""
        cli = [
            sys.executable,
            "-m",
            "peerjournal",
            "--journal",
            str(journal or self.journal),
            "--passphrase-file",
            str(self.passphrase_file),
            *args,
        ]
        return subprocess.Popen(
            cli,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.env(),
            cwd=self.root,
        )

    def driver(self, name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
        """Start a driver script from drivers/ with stdout as a pipe (one line per commit)."""
        return subprocess.Popen(
            [sys.executable, "-u", str(DRIVERS / name), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env=env or self.env(),
            cwd=self.root,
        )

    def scan_roots(self) -> list[Path]:
        return [self.journal, self.tmp, *self.xdg.values(), self.home]


def assert_clean_failure(
    result: Result, *, needles: Iterable[str] = (), notes: bool = False
) -> str:
    """A failure a person can act on: non-zero exit, exactly one stderr line, no traceback.

    With `notes`, `peerjournal: note:` lines (e.g. "opened with the key file's backup") may
    come before the one error line.
    """
    assert result.code != 0, result.describe()
    lines = result.stderr_lines
    if notes:
        lines = [line for line in lines if not line.startswith("peerjournal: note: ")]
    assert len(lines) == 1, result.describe()
    line = lines[0]
    assert line.startswith("peerjournal: error: "), result.describe()
    assert "Traceback" not in result.stderr and "unexpected problem" not in line, result.describe()
    # Paths in the message hold test names; look for the needles in the words around them.
    words = line.replace(result.root, "<root>") if result.root else line
    for needle in needles:
        assert needle.lower() in words.lower(), f"{needle!r} missing\n{result.describe()}"
    return words


def make_journal(
    directory: Path, entries: int = 0, recovery: bool = False, passphrase: str = PASSPHRASE
) -> str | None:
    """A journal made through the domain API with the cheapest allowed KDF."""
    journal, code = Journal.create(
        directory, secret_bytes(passphrase), kdf=FAST_KDF, with_recovery_code=recovery
    )
    with journal:
        for i in range(entries):
            journal.entries.add(
                NewEntry(
                    body=f"entry number {i}: a quiet day at the drop-in",
                    title=f"day {i}",
                    tags=("work", f"t{i}"),
                )
            )
    return code


def open_journal(directory: Path, passphrase: str = PASSPHRASE) -> Journal:
    return Journal.open(directory, secret_bytes(passphrase))


def snapshot(root: Path) -> dict[str, str]:
    """Every file's size and SHA-256 under `root`, by relative path (to prove nothing was
    overwritten; digests keep a failure's message short, where whole files took minutes)."""
    if not root.exists():
        return {}
    return {
        str(p.relative_to(root)): f"{p.stat().st_size} {hashlib.sha256(p.read_bytes()).hexdigest()}"
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def files_under(roots: Sequence[Path]) -> list[Path]:
    seen, found = set(), []
    for root in roots:
        if not root.exists():
            continue
        for path in [root, *root.rglob("*")]:
            if path.is_file() and not path.is_symlink() and path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(path)
    return found


def needle_forms(canary: str) -> list[bytes]:
    """The byte forms a leaked canary could take: UTF-8 in any case, UTF-16 (LE/BE)."""
    forms = []
    for text in {canary, canary.lower(), canary.upper()}:
        forms += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return forms


def find_canary(roots: Sequence[Path], canary: str) -> list[str]:
    """Files (with offsets) under `roots` that contain the canary in any of its forms."""
    forms = needle_forms(canary)
    hits = []
    for path in files_under(roots):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for form in forms:
            at = data.find(form)
            if at >= 0:
                hits.append(f"{path} @ {at}")
    return hits


def kill_hard(proc: subprocess.Popen) -> None:
    """SIGKILL, as a power cut would stop the program: no cleanup runs."""
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for stream in (proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()


def study_prompt_set(sandbox: Sandbox, where: Path) -> Path:
    """A prompt set with a study block whose key the test holds (so `export` can run)."""
    identity = where / "study-identity.txt"
    keygen = sandbox.run("research", "keygen", "-o", str(identity), passphrase_file="")
    assert keygen.code == 0, keygen.describe()
    public = next(w for w in keygen.stdout.split() if w.startswith("age1"))
    starter = where / "starter.md"
    made = sandbox.run("prompts", "new", "Leak test", "-o", str(starter), passphrase_file="")
    assert made.code == 0, made.describe()
    text = starter.read_text()
    study = (
        "## Study\n\n- id: leak-study\n- name: Leak study\n- contact: Research team\n"
        f"- age key: {public}\n- retention: Five years.\n\n### Consent\n\n"
        "You choose what to share.\n\n"
    )
    starter.write_text(text.replace("## Codebook", study + "## Codebook", 1))
    return starter
