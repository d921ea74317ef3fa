"""Run a stress driver, kill it with SIGKILL at a random moment, and report what it committed."""

from __future__ import annotations

import os
import random
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .support import Sandbox, kill_hard


@dataclass
class Round:
    """What a killed driver said: its committed operations and the one (at most) in flight."""

    committed: list[tuple[str, str, str]] = field(default_factory=list)
    in_flight: tuple[str, str, str] | None = None
    stderr: str = ""
    exit_code: int | None = None


def run_and_kill(
    sandbox: Sandbox,
    rng: random.Random,
    mode: str,
    journal: Path,
    secret: str,
    seed: int,
    *extra: str,
    min_s: float = 0.0,
    max_s: float = 0.5,
) -> Round:
    """Start driver MODE, wait until it has the journal open, kill it after a random delay."""
    proc = sandbox.driver("stress.py", mode, str(journal), secret, str(seed), *extra)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode().rstrip("\n")
            if line == "R":
                ready.set()
            else:
                lines.append(line)
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if not ready.wait(timeout=60):
        kill_hard(proc)
        raise AssertionError("the driver never opened the journal")
    time.sleep(rng.uniform(min_s, max_s))
    died_alone = proc.poll()
    if died_alone is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    reader.join(timeout=30)
    assert proc.stderr is not None
    stderr = proc.stderr.read().decode("utf-8", "replace")
    kill_hard(proc)
    if died_alone is not None:  # it stopped before the kill: a failure of the program
        raise AssertionError(f"driver {mode} exited by itself ({died_alone}):\n{stderr}")
    result = Round(stderr=stderr, exit_code=proc.returncode)
    pending = None
    for line in lines:
        kind, op, ident, tag = line.split(" ", 3)
        if kind == "I":
            pending = (op, ident, tag)
        else:
            result.committed.append((op, ident, tag))
            pending = None
    result.in_flight = pending
    return result
