"""A participant's day in a real terminal at 80x24 (tmux), through the installed app: first run,
choose a prompt set, mark a session attended, write, give feedback, search, share, lock and
unlock, quick hide. Slow: every step waits for what a person would wait to see."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from peerjournal.journal import Journal
from tests.helpers import PASSPHRASE, pw
from tests.reliability.tmux_driver import Terminal, app_command

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="the journey needs tmux"),
]


@pytest.fixture
def terminal(tmp_path):
    env = {
        "LANGUAGE": "en",
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "PATH": os.environ["PATH"],
    }
    term = Terminal(app_command(tmp_path / "journal"), env, size=(80, 24))
    yield term
    term.close()


def _first_run(t: Terminal) -> None:
    t.wait_for("Create my journal", 60)
    dots = "•" * len(PASSPHRASE)
    for _attempt in range(5):  # the first keys can arrive before the app has focused anything
        time.sleep(1.0)
        t.keys("Tab")
        t.type(PASSPHRASE)
        if dots in t.screen():
            break
        t.keys("C-u", "S-Tab")
    t.wait_for(dots, 5)
    t.keys("Enter")  # on to "Type it again"
    t.type(PASSPHRASE)
    t.keys("Enter")
    t.wait_for("I have written it down", 120)
    t.keys("Enter")
    t.wait_for("Follow this set", 30)
    time.sleep(0.5)
    t.keys("Down", "Down", "Enter")  # Peer health advocate training, English
    t.wait_for("Peer health advocate training · English", 10)
    t.keys("Enter")  # Follow this set
    t.wait_for("Next session 1", 30)


def test_a_whole_day_at_80x24(terminal, tmp_path):
    t = terminal
    _first_run(t)
    shown = t.screen()
    for key in ("F12 Hide", "^q Quit", "^l Lock", "F1 Help"):
        assert key in shown

    # Attended session 1; home moves on to session 2.
    t.keys("Tab")  # from the prompts to the sessions list... or wherever focus goes next
    t.keys("a")
    t.wait_for("Session 1 marked as attended", 10)

    # Write about a prompt: Enter on the first prompt, type, save.
    t.keys("w")
    t.wait_for("Share with research", 10)
    t.type("Glad I went. We talked about boundaries and the drop-in.")
    t.keys("C-s")
    t.wait_for("Saved", 10)
    t.wait_for("Glad I went", 10)  # in Recent

    # Feedback on the session just attended (not the next one).
    t.keys("f")
    t.wait_for("Feedback · Session 1", 15)
    t.type("Listening first")
    t.keys("C-s")
    time.sleep(1.0)
    t.keys("Escape")
    t.wait_for("Sessions", 10)

    # Search: the words come back with their spaces.
    t.keys("e")
    t.wait_for("Your entries", 10)
    t.type("boundaries")
    t.wait_for("entry matches", 10)
    assert "about boundaries and" in t.screen()

    # Open it and share it with research.
    t.keys("Enter")  # from the search field to the list
    t.keys("Enter")
    t.wait_for("Not shared", 10)
    t.keys("s")
    t.wait_for("Shared with research", 10)

    # Lock, unlock, quick hide.
    t.keys("C-l")
    t.wait_for("Your journal is locked", 15)
    t.type(PASSPHRASE)
    t.keys("Enter")
    t.wait_for("Sessions", 120)
    t.keys("F12")
    t.wait_for("Nothing to show", 15)
    hidden = t.screen()
    assert "journal" not in hidden.lower() and "Glad I went" not in hidden
    t.keys("C-q")

    time.sleep(1.0)
    with Journal.open(tmp_path / "journal", pw()) as journal:
        (entry,) = journal.entries.list()
        assert entry.shared and "boundaries" in entry.body
        assert 1 in journal.program.attended()
        assert journal.drafts.count() == 0
