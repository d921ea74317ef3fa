"""Drive the real app in a real terminal: tmux at a fixed size, keys in, the screen's text out.

Each session runs on its own tmux server socket (`-L`), so a test never touches anyone else's
tmux, and is killed at the end whatever happened.
"""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid
from pathlib import Path


class Terminal:
    """One tmux window of `width` x `height` running `command`."""

    def __init__(self, command: list[str], env: dict[str, str], size=(80, 24)) -> None:
        self.socket = f"pj-{uuid.uuid4().hex[:8]}"
        self.name = "journey"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        self._shell = f"env {exports} {shlex.join(command)}; sleep 600"
        self._tmux(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            self._shell,
        )

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def keys(self, *keys: str) -> None:
        """tmux key names: 'Enter', 'Tab', 'Escape', 'C-s', 'F12', 'Down'..."""
        for key in keys:
            self._tmux("send-keys", "-t", self.name, key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)
        time.sleep(0.2)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 60.0, *, wrapped: bool = False) -> str:
        """The screen once `text` is on it; fails with the screen as it was after `timeout`.

        `wrapped`: the text may be wrapped over lines (a sentence holding a temp path, whose
        length varies): compare with every run of spaces and line ends as one space."""
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown or (wrapped and " ".join(text.split()) in " ".join(shown.split())):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared; the screen:\n{shown}")
            time.sleep(0.2)

    def shows(self, check, timeout: float) -> bool:
        """Whether `check(screen)` comes true within `timeout` seconds (polled, never a fixed
        sleep: a slow machine only takes longer)."""
        deadline = time.monotonic() + timeout
        while not check(self.screen()):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)
        return True

    def restart(self) -> None:
        """Kill the command and start it again in the same window, for a step whose keys may
        have gone astray (keys sent while the app was still placing its first focus)."""
        self._tmux("respawn-pane", "-k", "-t", self.name, self._shell)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def app_command(journal: Path) -> list[str]:
    import sys

    return [sys.executable, "-m", "peerjournal", "--journal", str(journal)]
