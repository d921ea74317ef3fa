"""Benchmark the peerjournal CLI against jrnl 4.6 on encrypted journals of 1k, 10k and 100k entries.

    python benchmarks/bench_journal.py [--sizes 1000,10000,100000] [--work DIR]
    python benchmarks/bench_journal.py --sizes 1000   # smoke run: 1k entries, RESULTS.md untouched
    python benchmarks/bench_journal.py --smoke        # the same with 2 runs per command

Run it with the project's Python (the one `peerjournal` is installed in). It builds the same
synthetic entries into a peerjournal journal (through the domain API, one transaction) and into a
jrnl 4.6 journal encrypted in jrnl's own v3 format (by jrnl's own encryption class, run inside a
separate venv this script creates under the work dir), then times real subprocesses:

    peerjournal list -n 10       vs  jrnl -n 10
    peerjournal search WORD      vs  jrnl -contains WORD -n 20
    peerjournal write --text ..  vs  jrnl "..."

Every command unlocks its journal: peerjournal reads the passphrase from --passphrase-file and runs
Argon2id; jrnl gets the password from its keyring (keyrings.alt's plaintext backend under the work
dir) and runs PBKDF2. Nothing touches the real HOME: both tools get HOME and XDG_* under the work
dir. Peak memory is each child's ru_maxrss from os.wait4. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION = "## Journal (CLI)"
CORPUS_VERSION = 1
PASSPHRASE = "correct horse battery staple, benchmark only"
SEARCH_WORD = "outreach"  # put in about 2% of entries; kept out of the random vocabulary
SEARCH_SHARE = 0.02
COMMON_WORD = "the"  # in nearly every entry: the worst case for ranking every match
WRITE_TEXT = (
    "Benchmark entry. Today the peer group met after the clinic closed and we talked about "
    "boundaries with regulars, how to keep a screening routine when you are tired, and where to "
    "get test kits without a long wait. I want to remember the tip about writing plates down."
)
FULL_SIZE = 100_000  # the size the targets are set at; smaller runs are smoke runs
TARGET_SPEEDUP = 10.0
TARGET_FLAT = 1.5  # "nearly flat": largest size at most 1.5x the smallest
TARGET_MB = 100.0

# -- synthetic entries ---------------------------------------------------------------------------

# Frequent English words (roughly by rank) give the text a Zipf-like head; a long tail comes from
# the redaction module's word list. Topic phrases make entries read like a peer worker's journal.
HEAD_WORDS = """the and to i of a it in that was my for with we is on so but had me at they
be about not this have just you all what when there out from were her she he them up if one
would some like more time then did how an because their been do no after today got day really
could said still feel felt went know think our back going over again other much things even
people night work new first way well long good into than also only who can make right before
little down feel home friend friends talked around next week always never both sure told asked
quiet tired money rent phone message clients client regular regulars shift hours safe safer
group meeting session nurse clinic test kit condoms lube screening plan boundaries price
booking cancelled call calls text texts late early train bus walk street room hotel apartment
place street corner bar club online ad ads profile photos review reviews platform account
bank cash card week weekend monday tuesday wednesday thursday friday saturday sunday morning
evening afternoon sleep ate food coffee tea water doctor appointment pharmacy prescription
worried happy angry calm proud scared relieved grateful annoyed hopeful lonely stressed better
worse easier harder slowly quickly maybe probably definitely almost enough""".split()  # noqa: SIM905

TOPIC_PHRASES = [
    "the {w} session on safer work was useful",
    "we did {w} near the station and handed out kits",
    "the peer educator explained the {w} plan again",
    "I spoke with the nurse about {w} and test results",
    "next time I want to bring the {w} leaflet",
]

TAGS = [
    "health",
    "money",
    "safety",
    "clinic",
    "group",
    "sleep",
    "clients",
    "rights",
    "family",
    "self-care",
    "housing",
    "outreach-team",
    "screening",
    "mood",
    "legal",
]
TITLES = [
    "After the group",
    "Quiet night",
    "Clinic day",
    "Notes to self",
    "A good week",
    "Long shift",
    "What the nurse said",
    "Money plans",
    "Boundaries",
    "Checking in",
    "Before the session",
    "Rent week",
    "Small wins",
    "Tired but okay",
    "New regular",
]


@dataclass(frozen=True)
class SynthEntry:
    """One synthetic entry, rendered identically into both journals."""

    created: datetime
    title: str
    body: str
    tags: tuple[str, ...]


class Corpus:
    """Deterministic, varied entry text: same seed, same entries, in both tools."""

    def __init__(self, seed: int = 2026) -> None:
        self.rng = random.Random(seed)
        tail = (HERE.parent / "src/peerjournal/redact/data/common_words.txt").read_text().split()
        self.tail = [w for w in tail if w.isalpha() and SEARCH_WORD not in w]
        head = [w for w in HEAD_WORDS if SEARCH_WORD not in w]
        self.head = head
        self.head_weights = [1.0 / (rank + 1) for rank in range(len(head))]
        self.head_cum = list(_accumulate(self.head_weights))

    def word(self) -> str:
        if self.rng.random() < 0.12:
            return self.rng.choice(self.tail)
        return self.rng.choices(self.head, cum_weights=self.head_cum)[0]

    def sentence(self) -> str:
        words = [self.word() for _ in range(self.rng.randint(5, 18))]
        if len(words) > 8 and self.rng.random() < 0.3:
            words[self.rng.randint(3, len(words) - 3)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".....?!")

    def body(self, n_words: int, with_word: bool) -> str:
        sentences, count = [], 0
        if with_word:
            phrase = self.rng.choice(TOPIC_PHRASES).format(w=SEARCH_WORD)
            sentences.append(phrase[0].upper() + phrase[1:] + ".")
            count += len(phrase.split())
        while count < n_words:
            s = self.sentence()
            sentences.append(s)
            count += len(s.split())
        paragraphs, i = [], 0
        while i < len(sentences):
            step = self.rng.randint(2, 6)
            paragraphs.append(" ".join(sentences[i : i + step]))
            i += step
        if with_word:
            self.rng.shuffle(paragraphs)  # the searched word anywhere in an entry
        return "\n\n".join(paragraphs)

    def entries(self, size: int) -> list[SynthEntry]:
        start = datetime(2023, 1, 1, 8, 0, tzinfo=UTC)
        span = timedelta(days=3 * 365).total_seconds()
        moments = sorted(self.rng.uniform(0, span) for _ in range(size))
        out = []
        for offset in moments:
            created = (start + timedelta(seconds=int(offset))).replace(microsecond=0)
            n_tags = self.rng.choices([0, 1, 2, 3], weights=[55, 25, 14, 6])[0]
            out.append(
                SynthEntry(
                    created=created,
                    title=self.rng.choice(TITLES) if self.rng.random() < 0.6 else "",
                    body=self.body(self.rng.randint(50, 300), self.rng.random() < SEARCH_SHARE),
                    tags=tuple(self.rng.sample(TAGS, n_tags)),
                )
            )
        return out


def _accumulate(values: list[float]):
    total = 0.0
    for v in values:
        total += v
        yield total


# -- work dir, environments ---------------------------------------------------------------------


@dataclass
class Work:
    """Paths under the work dir: journals, venv, fake HOME, passphrase file."""

    root: Path

    @property
    def venv(self) -> Path:
        return self.root / "venv-jrnl"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def passphrase_file(self) -> Path:
        return self.root / "passphrase.txt"

    def pj_dir(self, size: int) -> Path:
        return self.root / f"peerjournal-{size}"

    def jrnl_file(self, size: int) -> Path:
        return self.root / f"jrnl-{size}" / "journal.txt"

    def jrnl_config(self, size: int) -> Path:
        return self.root / f"jrnl-{size}" / "jrnl.yaml"

    def prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        for sub in ("config", "data", "cache", "state"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        self.passphrase_file.write_text(PASSPHRASE + "\n")
        self.passphrase_file.chmod(0o600)

    def env(self) -> dict[str, str]:
        """A child environment that cannot reach the real HOME or the real keyring."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "PEERJOURNAL_"))}
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            XDG_STATE_HOME=str(self.home / "state"),
            PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring",
            TZ="UTC",
            LC_ALL="C.UTF-8",
            NO_COLOR="1",
            TERM="dumb",
            COLUMNS="100",
        )
        env.pop("PYTHONPATH", None)
        return env


def ensure_jrnl_venv(work: Work) -> Path:
    """jrnl 4.6 in its own venv (never the project's), created once."""
    jrnl = work.venv / "bin" / "jrnl"
    if jrnl.exists():
        return jrnl
    print(f"creating {work.venv} with jrnl 4.6 ...", flush=True)
    base = getattr(sys, "_base_executable", None) or shutil.which("python3") or sys.executable
    subprocess.run([base, "-m", "venv", str(work.venv)], check=True)
    pip = [str(work.venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, "-r", str(HERE / "requirements-jrnl.txt")], check=True)
    return jrnl


# -- building the journals ------------------------------------------------------------------------


def _marker(path: Path, size: int) -> Path:
    return path / f".built-{size}-v{CORPUS_VERSION}.json"


def build_peerjournal(work: Work, size: int, entries: list[SynthEntry]) -> float:
    """A peerjournal journal with these entries, added through the domain API in one transaction."""
    from peerjournal.journal import Journal, secret_bytes
    from peerjournal.model import NewEntry

    directory = work.pj_dir(size)
    if directory.exists():
        shutil.rmtree(directory)
    started = time.perf_counter()
    journal, _ = Journal.create(directory, secret_bytes(PASSPHRASE))
    with journal:
        journal.entries.add_many(
            NewEntry(body=e.body, title=e.title, tags=e.tags, created_at=e.created) for e in entries
        )
    elapsed = time.perf_counter() - started
    _marker(directory, size).write_text(json.dumps({"entries": size, "seconds": elapsed}))
    return elapsed


JRNL_TIMEFORMAT = "%Y-%m-%d %I:%M:%S %p"  # what jrnl's default "%F %r" gives in the C locale


def jrnl_text(entries: list[SynthEntry]) -> str:
    """The entries in jrnl's plain-text journal format: `[date] title` line, then the body."""
    parts = []
    for e in entries:
        tags = " ".join("@" + t for t in e.tags)
        body = e.body + (("\n\n" + tags) if tags else "")
        head = f"[{e.created.strftime(JRNL_TIMEFORMAT)}] "
        parts.append(head + (f"{e.title}.\n{body}" if e.title else body) + "\n")
    return "\n".join(parts)


# Runs inside venv-jrnl: encrypt stdin with jrnl's own v3 encryption class (password on line 1).
JRNL_ENCRYPT = """
import os, sys
from jrnl.encryption.Jrnlv3Encryption import Jrnlv3Encryption
data = sys.stdin.buffer.read().decode("utf-8")
password, text = data.split("\\n", 1)
enc = Jrnlv3Encryption("default", {})
enc.check_keyring = False
enc.password = password
blob = enc.encrypt(text)
tmp = sys.argv[1] + ".tmp"
with open(tmp, "wb") as f:
    f.write(blob)
os.replace(tmp, sys.argv[1])
"""

JRNL_KEYRING = """
import sys, keyring
keyring.set_password("jrnl", "default", sys.stdin.readline().rstrip("\\n"))
"""


def jrnl_version(work: Work) -> str:
    code = "import jrnl; print(jrnl.__version__)"
    out = subprocess.run(
        [str(work.venv / "bin/python"), "-c", code], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def write_jrnl_config(work: Work, size: int) -> None:
    """A complete jrnl config (so jrnl never rewrites it or asks), encryption on."""
    cfg = {
        "version": jrnl_version(work),
        "journals": {"default": {"journal": str(work.jrnl_file(size))}},
        "editor": "",
        "encrypt": True,
        "template": False,
        "default_hour": 9,
        "default_minute": 0,
        "timeformat": "%F %r",
        "tagsymbols": "#@",
        "highlight": False,
        "linewrap": 79,
        "indent_character": "|",
        "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
    }
    # Block YAML (a config starting with "{" is taken for a jrnl 1.x one and "upgraded").
    work.jrnl_config(size).write_text(_yaml(cfg))


def _yaml(value: dict, indent: str = "") -> str:
    """A small block-YAML writer for jrnl's config (strings double-quoted, JSON-style)."""
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{indent}{key}:\n" + _yaml(item, indent + "  "))
        else:
            lines.append(f"{indent}{key}: {json.dumps(item)}\n")
    return "".join(lines)


def build_jrnl(work: Work, size: int, entries: list[SynthEntry]) -> float:
    """The same entries as a jrnl 4.6 journal encrypted by jrnl's own code; password in keyring."""
    folder = work.jrnl_file(size).parent
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    started = time.perf_counter()
    payload = (PASSPHRASE + "\n" + jrnl_text(entries)).encode("utf-8")
    python = str(work.venv / "bin/python")
    subprocess.run(
        [python, "-c", JRNL_ENCRYPT, str(work.jrnl_file(size))],
        input=payload,
        env=work.env(),
        check=True,
    )
    elapsed = time.perf_counter() - started
    subprocess.run(
        [python, "-c", JRNL_KEYRING], input=(PASSPHRASE + "\n").encode(), env=work.env(), check=True
    )
    if not work.jrnl_file(size).read_bytes().startswith(b"JRNLv3"):
        raise SystemExit("jrnl journal is not in jrnl's encrypted v3 format")
    _marker(folder, size).write_text(json.dumps({"entries": size, "seconds": elapsed}))
    return elapsed


def is_built(path: Path, size: int) -> bool:
    return _marker(path, size).exists()


def recorded_build_seconds(path: Path, size: int) -> float:
    """How long the reused journal took to build, as recorded when it was built."""
    return json.loads(_marker(path, size).read_text())["seconds"]


# -- measuring ------------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_kib: int
    code: int
    stdout: str
    stderr: str


GNU_TIME = "/usr/bin/time"


def run_child(cmd: list[str], env: dict[str, str], tmp: Path) -> Run:
    """Run one real subprocess; wall time from spawn to exit, and its peak RSS.

    The peak comes from GNU time (`%M`, its child's ru_maxrss): Linux folds the RSS of the
    process image replaced by exec into ru_maxrss, so a child forked straight from this script
    would report this script's own (large, corpus-holding) RSS. GNU time is a small C program,
    so what it reports is the command's own peak.
    """
    with (
        tempfile.TemporaryFile(dir=tmp) as out,
        tempfile.TemporaryFile(dir=tmp) as err,
        tempfile.NamedTemporaryFile(dir=tmp, mode="r") as rss,
    ):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [GNU_TIME, "-f", "%M", "-o", rss.name, *cmd],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=env,
        )
        code = proc.wait()
        seconds = time.perf_counter() - started
        lines = rss.read().split()
        out.seek(0)
        err.seek(0)
        return Run(
            seconds,
            int(lines[-1]) if lines else 0,
            code,
            out.read().decode("utf-8", "replace"),
            err.read().decode("utf-8", "replace"),
        )


@dataclass
class Figure:
    """Median wall time and largest peak memory of several runs of one command."""

    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak_mb(self) -> float:
        return max(self.rss_kib) * 1024 / 1e6


SLOW_SECONDS = 30.0  # a command whose warm-up takes longer is timed once


def measure(cmd: list[str], env: dict[str, str], tmp: Path, runs: int, check) -> Figure:
    """One warm-up run (checked, not counted), then `runs` timed runs (one if it is slow)."""
    figure = Figure()
    i = 0
    while i <= runs:
        result = run_child(cmd, env, tmp)
        problem = check(result)
        if problem:
            raise SystemExit(f"{' '.join(cmd[:1] + cmd[-3:])}: {problem}\n{result.stderr[-2000:]}")
        if i == 0 and result.seconds > SLOW_SECONDS:
            runs = 1
        if i:
            figure.seconds.append(result.seconds)
            figure.rss_kib.append(result.max_rss_kib)
        i += 1
    return figure


def _ok_lines(minimum: int):
    def check(result: Run) -> str | None:
        if result.code != 0:
            return f"exit code {result.code}"
        lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
        if len(lines) < minimum:
            return f"expected at least {minimum} output lines, got {len(lines)}"
        return None

    return check


def _ok_search(word: str):
    def check(result: Run) -> str | None:
        if result.code != 0:
            return f"exit code {result.code}"
        if word.lower() not in result.stdout.lower():
            return f"no match for {word!r} in the output"
        return None

    return check


def peerjournal_commands(work: Work, size: int) -> dict[str, list[str]]:
    exe = str(Path(sys.executable).parent / "peerjournal")
    base = [
        exe,
        "--journal",
        str(work.pj_dir(size)),
        "--passphrase-file",
        str(work.passphrase_file),
    ]
    return {
        "list -n 10": [*base, "list", "-n", "10"],
        "search WORD": [*base, "search", SEARCH_WORD],
        "write": [*base, "write", "--text", WRITE_TEXT, "--tag", "bench"],
    }


def jrnl_commands(work: Work, size: int) -> dict[str, list[str]]:
    base = [str(work.venv / "bin" / "jrnl"), "--config-file", str(work.jrnl_config(size))]
    return {
        "list -n 10": [*base, "-n", "10"],
        "search WORD": [*base, "-contains", SEARCH_WORD, "-n", "20"],
        "write": [*base, WRITE_TEXT + " @bench"],
    }


CHECKS = {
    "list -n 10": _ok_lines(10),
    "search WORD": _ok_search(SEARCH_WORD),
    "write": _ok_lines(0),
}


def kdf_seconds(runs: int) -> tuple[float, float]:
    """Median seconds of the bare KDFs: peerjournal's Argon2id (default cost) and jrnl's PBKDF2."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    from peerjournal.vault import keyslots

    salt = os.urandom(16)
    argon, pbkdf2 = [], []
    for _ in range(runs):
        started = time.perf_counter()
        keyslots.derive(PASSPHRASE.encode(), salt, keyslots.KDF_DEFAULT)
        argon.append(time.perf_counter() - started)
        started = time.perf_counter()
        PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=100_000).derive(
            PASSPHRASE.encode()
        )
        pbkdf2.append(time.perf_counter() - started)
    return statistics.median(argon), statistics.median(pbkdf2)


def in_process(work: Work, size: int, runs: int) -> dict[str, float]:
    """Where a command's time goes without process start-up: unlock, then the query itself."""
    from peerjournal.journal import Journal, secret_bytes
    from peerjournal.model import NewEntry

    opens = []
    for _ in range(runs):
        started = time.perf_counter()
        journal = Journal.open(work.pj_dir(size), secret_bytes(PASSPHRASE))
        opens.append(time.perf_counter() - started)
        journal.close()
    figures = {"unlock (open)": statistics.median(opens)}
    journal = Journal.open(work.pj_dir(size), secret_bytes(PASSPHRASE))
    with journal:
        for name, call in (
            ("list(limit=10)", lambda: journal.entries.list(limit=10)),
            ("search(WORD)", lambda: journal.entries.search(SEARCH_WORD)),
            ("search('the')", lambda: journal.entries.search(COMMON_WORD)),
            ("add(entry)", lambda: journal.entries.add(NewEntry(body=WRITE_TEXT, tags=("bench",)))),
        ):
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                call()
                times.append(time.perf_counter() - t0)
            figures[name] = statistics.median(times)
        figures["WORD hits"] = len(journal.entries.search(SEARCH_WORD, limit=10**9))
    return figures


IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


def import_breakdown(work: Work, size: int) -> tuple[dict[str, float], float]:
    """Seconds of import per top-level package in a real `list -n 10` run (-X importtime)."""
    cmd = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "peerjournal",
        *peerjournal_commands(work, size)["list -n 10"][1:],
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, env=work.env())
    per_package: dict[str, float] = {}
    total = 0.0
    for line in result.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if not match:
            continue
        self_us, cumulative_us, indent, module = match.groups()
        top = module.split(".")[0]
        per_package[top] = per_package.get(top, 0.0) + int(self_us) / 1e6
        if len(indent) == 1:  # a module imported from top-level code
            total += int(cumulative_us) / 1e6
    ranked = dict(sorted(per_package.items(), key=lambda kv: -kv[1])[:12])
    return ranked, total


ARGON2_ALONE = (
    "from peerjournal.vault import keyslots; keyslots.derive(b'x', bytes(16), keyslots.KDF_DEFAULT)"
)


def startup_seconds(work: Work, runs: int, with_jrnl: bool) -> dict[str, Figure]:
    """Floors: a bare interpreter, each CLI's --version (imports, no journal), the CLI's imports
    alone, and the default Argon2id alone in a bare interpreter (its 64 MiB show in the peak)."""
    tmp = work.root
    env = work.env()
    cmds = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "peerjournal --version": [str(Path(sys.executable).parent / "peerjournal"), "--version"],
        "import peerjournal.cli.main": [sys.executable, "-c", "import peerjournal.cli.main"],
        "Argon2id alone": [sys.executable, "-c", ARGON2_ALONE],
    }
    if with_jrnl:
        cmds["jrnl --version"] = [str(work.venv / "bin/jrnl"), "--version"]
    return {name: measure(cmd, env, tmp, runs, _ok_lines(0)) for name, cmd in cmds.items()}


# -- reporting ------------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = next(
        int(ln.split()[1])
        for ln in Path("/proc/meminfo").read_text().splitlines()
        if ln.startswith("MemTotal")
    )
    import cryptography
    import sqlcipher3

    return {
        "CPU": f"{cpu}, {os.cpu_count()} cores",
        "RAM": f"{mem_kib / 1024 / 1024:.1f} GiB",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "SQLCipher": _sqlcipher_version(sqlcipher3),
        "cryptography": cryptography.__version__,
        "typer": _version("typer"),
        "load average at the end": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "Date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "not installed"


def _sqlcipher_version(sqlcipher3) -> str:
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return f"{row[0] if row else '?'} (SQLite {sqlcipher3.sqlite_version})"
    finally:
        conn.close()


@dataclass
class SizeResult:
    size: int
    pj: dict[str, Figure]
    jrnl: dict[str, Figure] | None
    inproc: dict[str, float]
    build: dict[str, float]


def table(results: list[SizeResult], kdf: tuple[float, float]) -> list[str]:
    rows = [
        "| entries | command | peerjournal s (min) | peak MB | jrnl 4.6 s (min, runs) "
        "| peak MB | jrnl / peerjournal |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        for op, fig in r.pj.items():
            j = r.jrnl[op] if r.jrnl else None
            rows.append(
                f"| {r.size:,} | {op} | {fig.median:.3f} ({min(fig.seconds):.3f}) | "
                f"{fig.peak_mb:.0f} | "
                + (
                    f"{j.median:.3f} ({min(j.seconds):.3f}, {len(j.seconds)}) | {j.peak_mb:.0f} | "
                    f"{j.median / fig.median:.1f}x |"
                    if j
                    else "– | – | – |"
                )
            )
    rows.append(
        f"| – | bare KDF (in-process) | {kdf[0]:.3f} (Argon2id 64 MiB, 3 passes, 4 lanes) "
        f"| – | {kdf[1]:.3f} (PBKDF2-SHA256 100k) | – | – |"
    )
    return rows


def verdicts(results: list[SizeResult]) -> list[str]:
    """The three targets, judged at the largest size measured (medians; mins beside them)."""
    big, small = results[-1], results[0]
    lines = []
    for op, fig in big.pj.items():
        if big.jrnl:
            ratio = big.jrnl[op].median / fig.median
            mark = "met" if ratio >= TARGET_SPEEDUP else "MISSED"
            lines.append(
                f"- {op}: {ratio:.1f}x faster than jrnl at {big.size:,} entries "
                f"(target >= {TARGET_SPEEDUP:.0f}x): **{mark}**"
            )
    if big is not small:
        for op, fig in big.pj.items():
            growth = fig.median / small.pj[op].median
            low = min(fig.seconds) / min(small.pj[op].seconds)
            mark = "met" if growth <= TARGET_FLAT else "MISSED"
            lines.append(
                f"- {op}: {small.size:,} -> {big.size:,} entries: "
                f"{small.pj[op].median:.3f} s -> {fig.median:.3f} s ({growth:.2f}x; "
                f"by the fastest runs {low:.2f}x; target <= {TARGET_FLAT}x): **{mark}**"
            )
    peak = max(f.peak_mb for r in results for f in r.pj.values())
    mark = "met" if peak < TARGET_MB else "MISSED"
    lines.append(
        f"- peak memory of any peerjournal command: {peak:.0f} MB "
        f"(target < {TARGET_MB:.0f} MB): **{mark}**"
    )
    return lines


def _cell(value: float | int) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:.4f}"


def inprocess_table(results: list[SizeResult]) -> list[str]:
    names = list(results[0].inproc)
    rows = [
        "| entries | " + " | ".join(names) + " | build peerjournal s | build jrnl s |",
        "|---:|" + "---:|" * (len(names) + 2),
    ]
    for r in results:
        built = [f"{r.build[k]:.1f}" if k in r.build else "–" for k in ("peerjournal", "jrnl")]
        rows.append(
            f"| {r.size:,} | "
            + " | ".join(_cell(r.inproc[n]) for n in names)
            + f" | {built[0]} | {built[1]} |"
        )
    return rows


def report(results, kdf, startup, imports, info, runs, jrnl_runs) -> str:
    sizes = ",".join(str(r.size) for r in results)
    out = [
        SECTION,
        "",
        f"Figures from `python benchmarks/bench_journal.py --sizes {sizes}`: "
        f"{runs} timed runs per peerjournal command and {jrnl_runs} per jrnl command (jrnl "
        f"commands slower than {SLOW_SECONDS:.0f} s: one), after one warm-up run each, "
        "interleaved in rounds across sizes; median (and fastest) wall time of the real "
        "subprocess, start-up and unlock included; peak = largest ru_maxrss (GNU time `%M`); "
        "1 MB = 10^6 bytes.",
        "",
    ]
    out += ["Machine: " + "; ".join(f"{k} {v}" for k, v in info.items()), ""]
    out += [*table(results, kdf), ""]
    out += ["Targets (at the largest size):", "", *verdicts(results), ""]
    out += [
        "Start-up floors (median wall time, peak memory): "
        + ", ".join(f"`{k}` {v.median:.3f} s, {v.peak_mb:.0f} MB" for k, v in startup.items()),
        "",
    ]
    out += [
        "In-process breakdown (domain API, no process start-up; median seconds; WORD hits = "
        "entries the search word matches):",
        "",
        *inprocess_table(results),
    ]
    ranked, total = imports
    out += [
        "",
        f"Import time of `peerjournal list -n 10` (-X importtime, self time summed per "
        f"top-level package; all imports {total:.3f} s): "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in ranked.items()),
        "",
    ]
    out += [
        f"Search word: `{SEARCH_WORD}`, written into about {SEARCH_SHARE:.0%} of entry bodies "
        "and part of the tag `outreach-team`, so it matches about 6-7% of entries in both "
        "tools. Entries have 50-300 words, 0-3 tags, 60% a title, spread over three years. "
        "jrnl's journal is encrypted by jrnl 4.6's own v3 code (PBKDF2 + Fernet) and unlocked "
        "from its keyring; peerjournal reads `--passphrase-file`. Both journals grow by one "
        "entry per write run.",
        "",
    ]
    return "\n".join(out)


def update_results(section: str, path: Path = RESULTS) -> None:
    """Replace our `## Journal (CLI)` section, keep every other helper's sections as they are."""
    text = (
        path.read_text()
        if path.exists()
        else (
            "# Benchmark results\n\nLatest figures, each section with the machine it came from.\n\n"
        )
    )
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        following = text.find("\n## ", start + len(SECTION))
        tail = text[following + 1 :] if following >= 0 else ""
        text = text[:start] + section + ("\n" + tail if tail else "")
    path.write_text(text.rstrip("\n") + "\n")


# -- main -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000,100000",
        help="comma-separated journal sizes (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=HERE / "work",
        help="where journals and jrnl's venv go (default benchmarks/work)",
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs per peerjournal command")
    parser.add_argument("--jrnl-runs", type=int, default=3, help="timed runs per jrnl command")
    parser.add_argument("--no-jrnl", action="store_true", help="skip jrnl (peerjournal only)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild journals even if present")
    parser.add_argument("--no-write", action="store_true", help="do not update RESULTS.md")
    parser.add_argument(
        "--write",
        action="store_true",
        help="update RESULTS.md even when the largest size is under 100k",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="quick check: 1k entries, 2 runs each, RESULTS.md untouched",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs, args.jrnl_runs, args.no_write = "1000", 2, 1, True
    args.sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(","))
    return args


def build_size(work: Work, size: int, args: argparse.Namespace) -> dict[str, float]:
    """Build (or reuse) both journals of `size` entries; seconds each build took."""
    build: dict[str, float] = {}
    entries = None
    if args.rebuild or not is_built(work.pj_dir(size), size):
        entries = Corpus().entries(size)
        print(f"[{size:,}] building peerjournal journal ...", flush=True)
        build["peerjournal"] = build_peerjournal(work, size, entries)
    if not args.no_jrnl and (args.rebuild or not is_built(work.jrnl_file(size).parent, size)):
        entries = entries or Corpus().entries(size)
        print(f"[{size:,}] building jrnl journal ...", flush=True)
        build["jrnl"] = build_jrnl(work, size, entries)
    if not args.no_jrnl:
        write_jrnl_config(work, size)
    for tool, path in (("peerjournal", work.pj_dir(size)), ("jrnl", work.jrnl_file(size).parent)):
        if tool not in build and is_built(path, size):
            build[tool] = recorded_build_seconds(path, size)
    return build


def measure_interleaved(
    commands: dict[tuple, list[str]], runs: dict[tuple, int], work: Work
) -> dict[tuple, Figure]:
    """Warm each command up once (checked), then time them in rounds, every command once per
    round, so that load from elsewhere on the machine falls on all sizes alike."""
    env = work.env()
    figures = {key: Figure() for key in commands}
    wanted = dict(runs)
    for key, cmd in commands.items():
        print(f"warm-up {key[0]} {key[1]:,} {key[2]} ...", flush=True)
        result = run_child(cmd, env, work.root)
        problem = CHECKS[key[2]](result)
        if problem:
            raise SystemExit(f"{key}: {problem}\n{result.stderr[-2000:]}")
        if result.seconds > SLOW_SECONDS:
            wanted[key] = 1
    for round_no in range(max(wanted.values())):
        print(f"round {round_no + 1} of {max(wanted.values())} ...", flush=True)
        for key, cmd in commands.items():
            if len(figures[key].seconds) >= wanted[key]:
                continue
            result = run_child(cmd, env, work.root)
            if result.code != 0:
                raise SystemExit(f"{key}: exit code {result.code}\n{result.stderr[-2000:]}")
            figures[key].seconds.append(result.seconds)
            figures[key].rss_kib.append(result.max_rss_kib)
    return figures


def bench(work: Work, args: argparse.Namespace) -> list[SizeResult]:
    builds = {size: build_size(work, size, args) for size in args.sizes}
    commands: dict[tuple, list[str]] = {}
    runs: dict[tuple, int] = {}
    for size in args.sizes:
        for op, cmd in peerjournal_commands(work, size).items():
            commands[("peerjournal", size, op)] = cmd
            runs[("peerjournal", size, op)] = args.runs
        if not args.no_jrnl:
            for op, cmd in jrnl_commands(work, size).items():
                commands[("jrnl", size, op)] = cmd
                runs[("jrnl", size, op)] = args.jrnl_runs
    figures = measure_interleaved(commands, runs, work)
    results = []
    for size in args.sizes:
        pj = {k[2]: f for k, f in figures.items() if k[:2] == ("peerjournal", size)}
        jr = {k[2]: f for k, f in figures.items() if k[:2] == ("jrnl", size)} or None
        print(f"[{size:,}] in-process breakdown ...", flush=True)
        results.append(
            SizeResult(size, pj, jr, in_process(work, size, max(args.runs, 3)), builds[size])
        )
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["TZ"] = "UTC"
    time.tzset()
    work = Work(args.work.resolve())
    work.prepare()
    if not args.no_jrnl:
        ensure_jrnl_venv(work)
    load_before = os.getloadavg()
    results = bench(work, args)
    kdf = kdf_seconds(max(args.runs, 3))
    startup = startup_seconds(work, args.runs, not args.no_jrnl)
    imports = import_breakdown(work, args.sizes[-1])
    info = machine()
    info["load average (1, 5, 15 min) at the start / end"] = (
        " ".join(f"{x:.2f}" for x in load_before) + " / " + info.pop("load average at the end")
    )
    section = report(results, kdf, startup, imports, info, args.runs, args.jrnl_runs)
    print()
    print(section)
    if args.no_write or (args.sizes[-1] < FULL_SIZE and not args.write):
        print(f"{RESULTS} left as it is (it keeps full runs up to {FULL_SIZE:,}; --write forces)")
    else:
        update_results(section)
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
