"""Commands: entries (being written)."""

from peerjournal.cli.app import app  # noqa: F401
