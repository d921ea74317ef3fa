"""`peerjournal export` from the command line: what the participant listed to always hide never
leaves, in the file the researchers decrypt."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from peerjournal.export.read import read_bundle
from tests.helpers import STUDY_SET

# Words no detector would hide by itself: only the participant's list can hide them.
OWN_TERMS = ("zorbleflux", "Quillwick Row")


@pytest.mark.slow
def test_always_hide_terms_are_hidden_in_a_cli_export(cli, tmp_path: Path):
    identity = pyrage.x25519.Identity.generate()
    prompt_set = tmp_path / "pilot.md"
    prompt_set.write_text(STUDY_SET.format(recipient=identity.to_public()))
    cli.ok("prompts", "install", str(prompt_set))
    cli.ok("consent", "--accept")
    for term in OWN_TERMS:
        cli.ok("terms", "add", term)
    cli.ok(
        "write",
        "--share",
        "--text",
        "Met zorbleflux near Quillwick Row after group; we talked about rights.",
    )
    out = tmp_path / "outbox"
    out.mkdir()
    cli.ok("export", "--yes", "-o", str(out))
    (sealed,) = out.iterdir()
    plain = pyrage.decrypt(sealed.read_bytes(), [identity])
    (entry,) = read_bundle(plain, sealed.name).entries
    assert "rights" in entry.body, "the export should carry the entry, redacted"
    for term in OWN_TERMS:
        assert term.lower().encode() not in plain.lower(), f"{term!r} left in a CLI export"
