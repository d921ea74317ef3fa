"""The real CLI in a child process on a pseudo-terminal, for what only happens at a terminal
(no-echo passphrase prompts, retries, questions asked one by one, the alternate screen)."""

from __future__ import annotations

import os
import pty
import re
import select
import sys
import time
from pathlib import Path

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\r")


class Terminal:
    """`peerjournal ARGS` with stdin, stdout and stderr on one pseudo-terminal it controls."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None):
        pid, fd = pty.fork()
        if pid == 0:  # the child: its controlling terminal is the pty (getpass reads /dev/tty)
            if cwd:
                os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "peerjournal", *args], env or {})
        self.pid, self.fd = pid, fd
        self.raw = b""
        self.code: int | None = None

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # the child ended and closed its side
            chunk = b""
        if not chunk:
            return False
        self.raw += chunk
        return True

    @property
    def text(self) -> str:
        """Everything shown so far, without escape sequences and carriage returns."""
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def expect(self, needle: str, timeout: float = 30.0) -> None:
        """Wait until `needle` has been shown (after what earlier expects consumed)."""
        deadline = time.monotonic() + timeout
        while needle not in self.text[self._seen :]:
            if time.monotonic() > deadline or (not self._read(0.2) and self._ended()):
                raise AssertionError(f"never shown: {needle!r}; screen so far:\n{self.text}")
        self._seen = self.text.index(needle, self._seen) + len(needle)

    _seen = 0

    def send(self, line: str) -> None:
        os.write(self.fd, line.encode("utf-8") + b"\r")

    def eof(self) -> None:
        os.write(self.fd, b"\x04")

    def _ended(self) -> bool:
        if self.code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code is not None

    def wait(self, timeout: float = 60.0) -> int:
        deadline = time.monotonic() + timeout
        while not self._ended():
            self._read(0.2)
            if time.monotonic() > deadline:
                os.kill(self.pid, 9)
                raise AssertionError(f"still running; screen so far:\n{self.text}")
        while self._read(0.05):
            pass
        os.close(self.fd)
        assert self.code is not None
        return self.code
