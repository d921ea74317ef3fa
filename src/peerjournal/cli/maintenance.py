"""Commands: maintenance (being written)."""

from peerjournal.cli.app import app  # noqa: F401
