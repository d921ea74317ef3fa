"""Shared by the wizard, consent and terms tests (no tests here): a real journal following a study
prompt set with a real age key, a tiny host App for one screen, and small pilot steps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from textual.app import App
from textual.screen import Screen

from peerjournal.journal import Journal
from peerjournal.model import NewEntry
from peerjournal.promptset import parse
from tests.helpers import FAST_KDF, pw

STUDY_SET = """# Pilot program

- id: pilot-program
- version: 1.0
- language: en

## Study

- id: pilot-2026
- name: Peer journal pilot study
- contact: research@example.org
- age key: {recipient}
- retention: five years, then deleted

### Consent

I agree that the entries I choose to share may be read by the **research team**.

## Session 1: Community agreements

### Prompts

1. What matters to you in this group?

### Feedback

1. What will you take with you?
   - id: takeaway
2. How useful was it?
   - id: useful
   - type: scale
   - range: 1-5
   - low: Not useful
   - high: Very useful

## Session 2: Rights and safety

### Prompts

1. What do you know about your rights?
"""

NO_STUDY_SET = """# Plain program

- id: plain-program
- version: 1.0
- language: en

## Session 1: Welcome

### Prompts

1. What brought you here?
"""

CANDY = "Tonight I met Candy at the Starlight Motel and we talked about PrEP."
MARCUS = "My regular Marcus called from 604-555-0199 about Friday."
PRIVATE = "This one is only for me: Jasmine lent me her coat."
TAKEAWAY = "Saw Jasmine at the drop-in on Hastings Street and felt less alone."
SIZE = (120, 40)


def study_journal(
    directory: Path,
    identity: pyrage.x25519.Identity,
    *,
    consent: bool = True,
    with_items: bool = True,
) -> Journal:
    """A journal following the study set: two shared entries, one private, one shared form."""
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(parse(STUDY_SET.format(recipient=identity.to_public()), "pilot.md"))
    if consent:
        from peerjournal.export import participant

        participant.accept_consent(journal)
    if with_items:
        add(journal, CANDY, shared=True, day=3, session=1)
        add(journal, MARCUS, shared=True, day=10, session=2)
        add(journal, PRIVATE, shared=False, day=12)
        journal.program.save_feedback(1, {"takeaway": TAKEAWAY, "useful": 4}, shared=True)
    return journal


def plain_journal(directory: Path) -> Journal:
    journal, _ = Journal.create(directory, pw(), kdf=FAST_KDF)
    journal.program.install(parse(NO_STUDY_SET, "plain.md"))
    return journal


def add(journal: Journal, body: str, *, shared: bool, day: int, session: int | None = None):
    return journal.entries.add(
        NewEntry(
            body=body,
            shared=shared,
            session_number=session,
            created_at=datetime(2026, 3, day, 18, 30, tzinfo=UTC),
        )
    )


class Host(App[None]):
    """Pushes one screen on start and keeps what it dismisses with."""

    def __init__(self, make: Callable[[], Screen]) -> None:
        super().__init__()
        self.make = make
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.make(), callback=self.results.append)


def decrypt(path: Path, identity: pyrage.x25519.Identity) -> str:
    return pyrage.decrypt(path.read_bytes(), [identity]).decode("utf-8")


def visible_text(app: App) -> str:
    """Everything the terminal shows right now, as plain text (from Textual's own screenshot)."""
    import html
    import re

    svg = app.export_screenshot()
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def notes(app: App) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]
